import express, { Router } from "express";
import { AppError } from "../../../errors/app-error.js";
import { WebhookInbox, webhookDedupeKey } from "../../../webhooks/webhook-inbox.js";
import { isValidZaloSignature } from "../../../zalo/webhook-signature.js";
import type { ApiContext } from "../../api-context.js";

/**
 * Zalo OA webhook: verify the signature over the raw body, record the event, enqueue it, answer 200.
 * Nothing else happens in the request: Zalo wants an answer within 2 seconds.
 */
export function zaloWebhookRouter(ctx: ApiContext): Router {
  const router = Router();
  const inbox = new WebhookInbox(ctx.db, ctx.queues, ctx.logger, ctx.intake);
  router.post("/webhooks/zalo", express.raw({ type: () => true, limit: "256kb" }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString("utf8"));
    } catch {
      throw new AppError("malformed_json");
    }
    const envelope = readEnvelope(parsed);
    const signatureOk = isValidZaloSignature({
      header: req.get("x-zevent-signature"),
      rawBody,
      timestamp: envelope.timestamp,
      appId: ctx.config.ZALO_APP_ID,
      oaId: ctx.config.ZALO_OA_ID,
      secret: ctx.config.ZALO_OA_SECRET_KEY,
    });
    if (!signatureOk) throw new AppError("invalid_signature");

    const { eventId } = await inbox.accept({
      dedupeKey: webhookDedupeKey(rawBody),
      eventName: envelope.eventName,
      rawBody: rawBody.toString("utf8"),
    });
    res.status(200).json({ received: true, duplicate: eventId === undefined });
  });
  return router;
}

/** event_name and timestamp, checked by hand: this runs for every event Zalo sends. */
function readEnvelope(body: unknown): { eventName: string; timestamp: string } {
  const b = body as { event_name?: unknown; timestamp?: unknown } | null;
  const fields = [];
  if (typeof b?.event_name !== "string" || b.event_name === "")
    fields.push({ field: "body.event_name", message: "Thiếu hoặc sai kiểu (cần chuỗi)" });
  if (typeof b?.timestamp !== "string" && typeof b?.timestamp !== "number")
    fields.push({ field: "body.timestamp", message: "Thiếu hoặc sai kiểu (cần chuỗi số mili giây)" });
  if (fields.length)
    throw new AppError("validation_failed", "Sự kiện Zalo thiếu event_name hoặc timestamp.", fields);
  return { eventName: b!.event_name as string, timestamp: String(b!.timestamp) };
}
