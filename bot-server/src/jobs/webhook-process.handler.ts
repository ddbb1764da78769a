import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../store/database.js";
import { residents, webhookEvents } from "../store/schema/index.js";
import { applyInboundMessages, applyReceipts, type InboundMessage, type Receipt } from "../webhooks/apply-batch.js";
import { residentForOaUser, touchInteraction } from "../webhooks/residents-from-zalo.js";
import { clickChatNowEventSchema, followEventSchema, receiptEventSchema, userSendEventSchema } from "../webhooks/zalo-events.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A receipt can overtake the worker writing the message id; after this long it is recorded unmatched. */
const RECEIPT_MATCH_WINDOW_MS = 10 * 60_000;

export class ReceiptNotMatchedYet extends Error {
  constructor(count: number) {
    super(`${count} receipt(s) for messages not recorded yet`);
    this.name = "ReceiptNotMatchedYet";
  }
}

type Event = typeof webhookEvents.$inferSelect;

/**
 * Applies a batch of recorded Zalo events in one transaction: receipts and residents' messages
 * set-based, the rare rest one by one. Every applied event is marked processed with it; receipts that
 * overtook their delivery row stay open and the job is retried for them alone.
 */
export const handleWebhookProcess: JobHandler<"webhook.process"> = async (ctx, { eventIds }) => {
  // Under a burst, each job also takes whatever else is waiting (oldest first), so one transaction
  // applies hundreds of events and the jobs queued behind it find theirs done. Own events another
  // transaction holds are that transaction's to apply (or the reconciler's, should it fail).
  const waiting = await applyOpenEvents(ctx, eventIds);
  if (waiting > 0) throw new ReceiptNotMatchedYet(waiting);
};

/** Events taken in one transaction: enough to amortise it, few enough to keep webhook answers fast. */
const SWEEP_LIMIT = 100;

async function applyOpenEvents(ctx: JobContext, eventIds: number[]): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const own = await tx.select().from(webhookEvents).where(inArray(webhookEvents.id, eventIds)).for("update", { skipLocked: true });
    const others = await tx
      .select()
      .from(webhookEvents)
      .where(isNull(webhookEvents.processedAt))
      .orderBy(webhookEvents.id)
      .limit(SWEEP_LIMIT)
      .for("update", { skipLocked: true });
    const open = [...new Map([...own, ...others].filter((e) => !e.processedAt).map((e) => [e.id, e])).values()].sort((a, b) => a.id - b.id);
    const notes = new Map<number, string>();
    const receipts: Receipt[] = [];
    const inbound: InboundMessage[] = [];
    for (const row of open) {
      const event = { ...row, payload: JSON.parse(row.rawBody) as unknown };
      // A payload Zalo shaped differently is recorded with the reason instead of blocking the batch.
      const shape = event.eventName === "user_received_message" || event.eventName === "user_seen_message" ? receiptEventSchema : event.eventName.startsWith("user_send_") ? userSendEventSchema : undefined;
      const checked = shape?.safeParse(event.payload);
      if (checked && !checked.success) {
        notes.set(event.id, `invalid payload: ${checked.error.issues[0]?.path.join(".")} ${checked.error.issues[0]?.message}`);
        continue;
      }
      if (event.eventName === "user_received_message" || event.eventName === "user_seen_message") {
        const r = receiptEventSchema.parse(event.payload);
        receipts.push({ eventId: event.id, kind: event.eventName === "user_seen_message" ? "seen" : "delivered", messageIds: [...(r.message.msg_ids ?? []), ...(r.message.msg_id ? [r.message.msg_id] : [])], at: r.timestamp });
      } else if (event.eventName.startsWith("user_send_")) {
        const m = userSendEventSchema.parse(event.payload);
        inbound.push({ senderOaId: m.sender.id, senderAppId: m.user_id_by_app, msgId: m.message.msg_id, text: m.message.text ?? null, eventName: event.eventName, attachments: m.message.attachments ?? [], quoteMsgId: m.message.quote_msg_id ?? null, at: m.timestamp });
      } else {
        const note = await applyOne(ctx, tx, event).catch((error: unknown) => {
          if (error instanceof Error && error.name === "ZodError") return `invalid payload: ${error.message.slice(0, 200)}`;
          throw error;
        });
        if (note) notes.set(event.id, note);
      }
    }
    await applyInboundMessages(tx, ctx.config.WARD_ID, inbound);
    const unmatched = await applyReceipts(tx, receipts);
    const stillWaiting = open.filter((e) => unmatched.has(e.id) && Date.now() - e.receivedAt.getTime() < RECEIPT_MATCH_WINDOW_MS);
    for (const e of open) if (unmatched.has(e.id)) notes.set(e.id, "unmatched receipt");
    const done = open.filter((e) => !stillWaiting.includes(e));
    if (done.length) {
      await tx
        .update(webhookEvents)
        .set({
          processedAt: new Date(),
          lastError: notes.size === 0 ? null : sql`case ${sql.join([...notes].map(([id, note]) => sql`when ${webhookEvents.id} = ${id} then ${note}`), sql` `)} else null end`,
        })
        .where(inArray(webhookEvents.id, done.map((e) => e.id)));
    }
    const ownIds = new Set(eventIds);
    return stillWaiting.filter((e) => ownIds.has(e.id)).length;
  });
}

/** Follow, unfollow, "Nhắn tin" taps; the OA's own sends (oa_send_*) echo back and are ignored. */
async function applyOne(ctx: JobContext, tx: Tx, event: Event & { payload: unknown }): Promise<string | undefined> {
  const wardId = ctx.config.WARD_ID;
  if (event.eventName === "follow" || event.eventName === "unfollow") {
    const e = followEventSchema.parse(event.payload);
    const resident = await residentForOaUser(tx, { wardId, oaUserId: e.follower.id, appUserId: e.user_id_by_app });
    if (event.eventName === "follow") await touchInteraction(tx, resident.id, e.timestamp, { isFollower: true });
    else await tx.update(residents).set({ isFollower: false, updatedAt: new Date() }).where(eq(residents.id, resident.id));
    return undefined;
  }
  if (event.eventName === "user_click_chatnow") {
    const e = clickChatNowEventSchema.parse(event.payload);
    const resident = await residentForOaUser(tx, { wardId, oaUserId: e.user_id, appUserId: e.user_id_by_app });
    await touchInteraction(tx, resident.id, e.timestamp);
    return undefined;
  }
  return "ignored";
}
