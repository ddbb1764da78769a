import { z } from "zod";
import { tooLongMessage } from "../text-limits.js";

/**
 * Text a resident or a head writes, refused past `limit` with a message naming it: never cut.
 * `what` names the field in the message ("Câu hỏi hoặc góp ý tối đa 2.000 ký tự…").
 */
export function writtenText(what: string, limit: number, required: string) {
  return z.string().trim().min(1, required).max(limit, tooLongMessage(what, limit));
}

/** A page of items: how every list the API returns is shaped. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** What a create answers when the caller needs only the new record's id. */
export const createdIdSchema = z.object({ id: z.number().int() });
export type CreatedId = z.infer<typeof createdIdSchema>;

/** Liveness and readiness of the server (health checks of a load balancer or a supervisor). */
export const healthSchema = z.object({ status: z.literal("ok") });
export const readinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({ store: z.boolean(), redis: z.boolean(), shuttingDown: z.boolean() }),
});

/** The webhook's answer to Zalo: recorded, the same body seen before, or (a URL check) nothing to record. */
export const webhookAckSchema = z.object({ received: z.boolean(), duplicate: z.boolean() });

/** How Zalo's events are arriving, for admins. */
export const webhookHealthSchema = z
  .object({
    lastEventAt: z.string().nullable(),
    eventsLastHour: z.number().int(),
    signatureFailuresLastHour: z.number().int(),
    setAside: z.number().int(),
  })
  .meta({ id: "WebhookHealth" });
export type WebhookHealth = z.infer<typeof webhookHealthSchema>;
