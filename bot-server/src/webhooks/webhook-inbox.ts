import { createHash } from "node:crypto";
import type { Db } from "../store/database.js";
import { webhookEvents } from "../store/schema/index.js";

/** Zalo retries repeat the body byte for byte, so the body's hash identifies an event. */
export const webhookDedupeKey = (rawBody: Buffer) => createHash("sha256").update(rawBody).digest("hex");

/**
 * Records an accepted event in the store before it is acknowledged, so nothing accepted is lost
 * even if Redis is flushed. Returns the new row id, or undefined for a duplicate.
 */
export async function recordWebhookEvent(
  db: Db,
  event: { dedupeKey: string; eventName: string; payload: Record<string, unknown> },
): Promise<number | undefined> {
  const [row] = await db.insert(webhookEvents).values(event).onConflictDoNothing({ target: webhookEvents.dedupeKey }).returning({ id: webhookEvents.id });
  return row?.id;
}
