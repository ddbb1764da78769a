import { type FieldIssue, webhookAckSchema } from "@loa-phuong/shared";
import express from "express";
import { AppError } from "../../../errors/app-error.js";
import { countSignatureFailure } from "../../../webhooks/webhook-health.js";
import { WebhookInbox, webhookDedupeKey } from "../../../webhooks/webhook-inbox.js";
import { eventSchemaFor } from "../../../webhooks/zalo-events.js";
import { isValidZaloSignature } from "../../../zalo/webhook-signature.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

/**
 * Zalo OA webhook: verify the signature over the raw body, check the event's shape and time, record
 * it, enqueue it, answer 200. Nothing else happens in the request: Zalo wants an answer within 2 s.
 * What is accepted here can be applied later: an event of a known kind with a wrong shape or a time
 * that is not a time is a 400 now, not a failure in the worker.
 */
export function zaloWebhookRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry, "");
  const inbox = new WebhookInbox(ctx.db, ctx.queues, ctx.logger, ctx.intake);
  const maxAgeMs = ctx.config.WEBHOOK_MAX_AGE_HOURS * 3_600_000;
  const maxAheadMs = ctx.config.WEBHOOK_MAX_AHEAD_SECONDS * 1000;
  routes.add(
    {
      method: "post",
      path: "/webhooks/zalo",
      tag: "Zalo",
      summary: "Zalo OA events, signed (X-ZEvent-Signature); recorded before the 200",
      access: "signed",
      use: [express.raw({ type: () => true, limit: "256kb" })],
      response: webhookAckSchema,
    },
    async ({ req }) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let parsed: unknown;
      try {
        parsed = rawBody.length === 0 ? {} : JSON.parse(rawBody.toString("utf8"));
      } catch {
        throw new AppError("malformed_json");
      }
      // Zalo checks a webhook URL when an admin saves it, possibly with an unsigned empty POST
      // (docs/zalo-contracts.md §5 [?]): it gets its 200, and nothing is recorded.
      if (isUrlCheck(parsed, req.get("x-zevent-signature"))) return { received: false, duplicate: false };
      const envelope = readEnvelope(parsed);
      const signatureOk = isValidZaloSignature({
        header: req.get("x-zevent-signature"),
        rawBody,
        timestamp: envelope.timestamp,
        appId: ctx.config.ZALO_APP_ID,
        oaId: ctx.config.ZALO_OA_ID,
        secret: ctx.config.ZALO_OA_SECRET_KEY,
      });
      if (!signatureOk) {
        await countSignatureFailure(ctx);
        throw new AppError("invalid_signature");
      }
      const at = Number(envelope.timestamp);
      const now = Date.now();
      if (at < now - maxAgeMs || at > now + maxAheadMs) {
        throw refused("body.timestamp", "Thời điểm của sự kiện quá cũ hoặc ở tương lai.");
      }
      const shape = eventSchemaFor(envelope.eventName)?.safeParse(parsed);
      if (shape && !shape.success) {
        const fields: FieldIssue[] = shape.error.issues.map((issue) => ({
          field: ["body", ...issue.path.map(String)].join("."),
          message: issue.message,
        }));
        throw new AppError("validation_failed", "Sự kiện Zalo không đúng cấu trúc.", fields);
      }

      const { eventId } = await inbox.accept({
        dedupeKey: webhookDedupeKey(rawBody),
        eventName: envelope.eventName,
        rawBody: rawBody.toString("utf8"),
      });
      return { received: true as const, duplicate: eventId === undefined };
    },
  );
  return routes.router;
}

/** An unsigned body with no event in it: Zalo (or an admin) checking that the URL answers. */
function isUrlCheck(body: unknown, signature: string | undefined): boolean {
  if (signature) return false;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  return !("event_name" in body);
}

const refused = (field: string, message: string) =>
  new AppError("validation_failed", message, [{ field, message }]);

/** event_name and timestamp (milliseconds, digits only), checked by hand: this runs for every event. */
function readEnvelope(body: unknown): { eventName: string; timestamp: string } {
  const b = body as { event_name?: unknown; timestamp?: unknown } | null;
  const fields: FieldIssue[] = [];
  // Zalo's event names are lower-case words joined by "_" (user_send_text, follow, …).
  if (typeof b?.event_name !== "string" || !/^[a-z0-9_]{1,64}$/.test(b.event_name))
    fields.push({ field: "body.event_name", message: "Thiếu hoặc sai dạng (cần tên sự kiện của Zalo)" });
  const timestamp = typeof b?.timestamp === "number" ? String(b.timestamp) : b?.timestamp;
  if (typeof timestamp !== "string" || !/^\d{1,15}$/.test(timestamp))
    fields.push({ field: "body.timestamp", message: "Thiếu hoặc sai kiểu (cần số mili giây)" });
  if (fields.length)
    throw new AppError("validation_failed", "Sự kiện Zalo thiếu event_name hoặc timestamp.", fields);
  return { eventName: b!.event_name as string, timestamp: timestamp as string };
}
