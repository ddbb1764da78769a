import { eq, sql } from "drizzle-orm";
import { searchKey } from "@loa-phuong/shared";
import type { Tx } from "../store/database.js";
import { residents, signals, webhookEvents } from "../store/schema/index.js";
import { residentForOaUser, touchInteraction } from "../webhooks/residents-from-zalo.js";
import { clickChatNowEventSchema, followEventSchema, receiptEventSchema, userSendEventSchema } from "../webhooks/zalo-events.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A receipt can overtake the worker writing the message id; after this long it is recorded unmatched. */
const RECEIPT_MATCH_WINDOW_MS = 10 * 60_000;

export class ReceiptNotMatchedYet extends Error {
  constructor(messageIds: string[]) {
    super(`no delivery with Zalo message id ${messageIds.join(", ")} yet`);
    this.name = "ReceiptNotMatchedYet";
  }
}

/** Applies one recorded Zalo event; the event row is marked processed in the same transaction. */
export const handleWebhookProcess: JobHandler<"webhook.process"> = async (ctx, { eventId }) => {
  await ctx.db.transaction(async (tx) => {
    const [event] = await tx.select().from(webhookEvents).where(eq(webhookEvents.id, eventId)).for("update");
    if (!event || event.processedAt) return;
    const note = await apply(ctx, tx, event.eventName, event.payload, event.receivedAt);
    await tx.update(webhookEvents).set({ processedAt: new Date(), lastError: note ?? null }).where(eq(webhookEvents.id, eventId));
  });
};

async function apply(ctx: JobContext, tx: Tx, eventName: string, payload: unknown, receivedAt: Date): Promise<string | undefined> {
  const wardId = ctx.config.WARD_ID;
  if (eventName === "user_received_message" || eventName === "user_seen_message") {
    const event = receiptEventSchema.parse(payload);
    const ids = [...(event.message.msg_ids ?? []), ...(event.message.msg_id ? [event.message.msg_id] : [])];
    const matched = await applyReceipt(tx, eventName === "user_seen_message" ? "seen" : "delivered", ids, event.timestamp);
    if (matched > 0) return undefined;
    if (Date.now() - receivedAt.getTime() < RECEIPT_MATCH_WINDOW_MS) throw new ReceiptNotMatchedYet(ids);
    return "unmatched receipt";
  }
  if (eventName.startsWith("user_send_")) {
    const event = userSendEventSchema.parse(payload);
    const resident = await residentForOaUser(tx, { wardId, oaUserId: event.sender.id, appUserId: event.user_id_by_app });
    const text = event.message.text ?? null;
    await tx
      .insert(signals)
      .values({
        wardId,
        residentId: resident.id,
        residentialGroupId: resident.residentialGroupId,
        kind: "oa_message",
        source: "zalo_oa",
        zaloMsgId: event.message.msg_id,
        text,
        searchText: text ? searchKey(text) : null,
        payload: { eventName, attachments: event.message.attachments ?? [], quoteMsgId: event.message.quote_msg_id ?? null },
        sentAt: event.timestamp,
      })
      .onConflictDoNothing({ target: signals.zaloMsgId });
    await touchInteraction(tx, resident.id, event.timestamp);
    return undefined;
  }
  if (eventName === "follow" || eventName === "unfollow") {
    const event = followEventSchema.parse(payload);
    const resident = await residentForOaUser(tx, { wardId, oaUserId: event.follower.id, appUserId: event.user_id_by_app });
    if (eventName === "follow") await touchInteraction(tx, resident.id, event.timestamp, { isFollower: true });
    else await tx.update(residents).set({ isFollower: false, updatedAt: new Date() }).where(eq(residents.id, resident.id));
    return undefined;
  }
  if (eventName === "user_click_chatnow") {
    const event = clickChatNowEventSchema.parse(payload);
    const resident = await residentForOaUser(tx, { wardId, oaUserId: event.user_id, appUserId: event.user_id_by_app });
    await touchInteraction(tx, resident.id, event.timestamp);
    return undefined;
  }
  // The OA's own sends echo back (oa_send_*), and other events need no action yet.
  return "ignored";
}

/** Receipts only move a delivery forward: sent → delivered → seen. */
async function applyReceipt(tx: Tx, kind: "delivered" | "seen", messageIds: string[], at: Date): Promise<number> {
  if (messageIds.length === 0) return 0;
  const ids = sql.join(messageIds.map((id) => sql`${id}`), sql`, `);
  const iso = at.toISOString();
  const result = (await tx.execute(
    kind === "seen"
      ? sql`update deliveries set status = 'seen', seen_at = coalesce(seen_at, ${iso}::timestamptz),
              delivered_at = coalesce(delivered_at, ${iso}::timestamptz), updated_at = now()
            where zalo_message_id in (${ids}) returning id`
      : sql`update deliveries set status = case when status in ('sending', 'sent') then 'delivered' else status end,
              delivered_at = coalesce(delivered_at, ${iso}::timestamptz), updated_at = now()
            where zalo_message_id in (${ids}) returning id`,
  )) as unknown as { rows: unknown[] };
  return result.rows.length;
}
