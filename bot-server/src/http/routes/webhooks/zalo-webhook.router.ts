import express, { Router } from "express";
import { jobIds } from "@loa-phuong/shared";
import { AppError } from "../../app-error.js";
import type { ApiContext } from "../../api-context.js";
import { enqueue } from "../../../queue/queues.js";
import { recordWebhookEvent, webhookDedupeKey } from "../../../webhooks/webhook-inbox.js";
import { zaloEventEnvelopeSchema } from "../../../webhooks/zalo-events.js";
import { isValidZaloSignature } from "../../../zalo/webhook-signature.js";

/**
 * Zalo OA webhook: verify the signature over the raw body, record the event, enqueue it, answer 200.
 * Nothing else happens in the request: Zalo wants an answer within 2 seconds.
 */
export function zaloWebhookRouter(ctx: ApiContext): Router {
  const router = Router();
  router.post("/webhooks/zalo", express.raw({ type: () => true, limit: "256kb" }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString("utf8"));
    } catch {
      throw new AppError("malformed_json");
    }
    const envelope = zaloEventEnvelopeSchema.safeParse(parsed);
    if (!envelope.success) {
      throw new AppError("validation_failed", "Sự kiện Zalo thiếu event_name hoặc timestamp.", envelope.error.issues.map((i) => ({ field: `body.${i.path.join(".")}`, message: i.message })));
    }
    const signatureOk = isValidZaloSignature({
      header: req.get("x-zevent-signature"),
      rawBody,
      timestamp: envelope.data.timestamp,
      appId: ctx.config.ZALO_APP_ID,
      oaId: ctx.config.ZALO_OA_ID,
      secret: ctx.config.ZALO_OA_SECRET_KEY,
    });
    if (!signatureOk) throw new AppError("invalid_signature");

    const eventId = await recordWebhookEvent(ctx.db, {
      dedupeKey: webhookDedupeKey(rawBody),
      eventName: envelope.data.event_name,
      payload: parsed as Record<string, unknown>,
    });
    if (eventId !== undefined) {
      try {
        await enqueue(ctx.queues, "webhook.process", { eventId }, { jobId: jobIds.webhook(eventId) });
      } catch (err) {
        // Recorded in the store already: the reconciler enqueues it once Redis is back.
        ctx.logger.warn({ err, eventId }, "webhook recorded but not enqueued");
      }
    }
    res.status(200).json({ received: true, duplicate: eventId === undefined });
  });
  return router;
}
