import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../store/database.js";
import { webhookEvents } from "../store/schema/index.js";
import { residentForOaUser, setFollowState, touchInteraction } from "./residents-from-zalo.js";
import type { RareEvent } from "./sort-events.js";
import { clickChatNowEventSchema, followEventSchema } from "./zalo-events.js";

/**
 * Applies one of the rare events (follow, unfollow, "Nhắn tin" tap) in a transaction of its own,
 * with the event locked: an event another worker holds is left to it.
 */
export async function applyRare(db: Db, wardId: string, event: RareEvent): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.id, event.id), isNull(webhookEvents.processedAt)))
      .for("update", { skipLocked: true });
    if (!row) return;
    const note = await applyOne(tx, wardId, event).catch((error: unknown) => {
      if (error instanceof Error && error.name === "ZodError")
        return `invalid payload: ${error.message.slice(0, 200)}`;
      throw error;
    });
    await tx
      .update(webhookEvents)
      .set({ processedAt: new Date(), lastError: note ?? null })
      .where(eq(webhookEvents.id, event.id));
  });
}

/** Follow, unfollow, "Nhắn tin" taps; the OA's own sends (oa_send_*) echo back and are ignored. */
async function applyOne(tx: Tx, wardId: string, event: RareEvent): Promise<string | undefined> {
  if (event.eventName === "follow" || event.eventName === "unfollow") {
    const e = followEventSchema.parse(event.payload);
    const resident = await residentForOaUser(tx, {
      wardId,
      oaUserId: e.follower.id,
      appUserId: e.user_id_by_app,
    });
    await setFollowState(tx, resident.id, event.eventName === "follow", e.timestamp);
    // Following is an interaction with the OA (it opens the 7-day window); unfollowing is not.
    if (event.eventName === "follow") await touchInteraction(tx, resident.id, e.timestamp);
    return undefined;
  }
  if (event.eventName === "user_click_chatnow") {
    const e = clickChatNowEventSchema.parse(event.payload);
    const resident = await residentForOaUser(tx, {
      wardId,
      oaUserId: e.user_id,
      appUserId: e.user_id_by_app,
    });
    await touchInteraction(tx, resident.id, e.timestamp);
    return undefined;
  }
  return "ignored";
}
