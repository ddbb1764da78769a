import { jobIds } from "@loa-phuong/shared";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { enqueue } from "../queue/queues.js";
import { queryRows, type Tx } from "../store/database.js";
import { residents, webhookEvents } from "../store/schema/index.js";
import { applyBulk, type BulkBatch, type InboundMessage } from "../webhooks/apply-batch.js";
import { residentForOaUser, setFollowState, touchInteraction } from "../webhooks/residents-from-zalo.js";
import {
  clickChatNowEventSchema,
  followEventSchema,
  receiptEventSchema,
  userSendEventSchema,
} from "../webhooks/zalo-events.js";
import type { JobContext, JobHandler } from "./job-context.js";

export class ReceiptNotMatchedYet extends Error {
  constructor(count: number) {
    super(`${count} receipt(s) for messages not recorded yet`);
    this.name = "ReceiptNotMatchedYet";
  }
}

/**
 * Applies recorded Zalo events: receipts and residents' messages in one statement (apply-batch.ts),
 * the rare rest one by one. Every applied event is marked processed with it; receipts that overtook
 * their delivery row stay open and the job is retried for them alone.
 */
export const handleWebhookProcess: JobHandler<"webhook.process"> = async (ctx) => {
  // The job's own ids are only the wake-up: each run applies the open events that waited longest
  // (receipts still waiting for their delivery go behind the rest), so under a burst one run applies
  // what many jobs brought and the jobs queued behind it find theirs done. Events another worker holds
  // are that worker's to apply (or the reconciler's, should it fail).
  const { waiting, more } = await applyOpenEvents(ctx);
  if (more !== undefined)
    await enqueue(ctx.queues, "webhook.process", { eventIds: [more] }, { jobId: jobIds.webhook([more]) });
  if (waiting > 0) throw new ReceiptNotMatchedYet(waiting);
};

/**
 * Events applied per run. While the intake is busy: enough to amortise the run, few enough that its
 * statement holds the store only briefly (on the embedded store the webhook answers queue behind it).
 * Once it is quiet, larger runs drain the backlog.
 */
const PAGE_BUSY = 100;
const PAGE_QUIET = 500;

interface OpenEvent {
  id: number;
  eventName: string;
  rawBody: string;
}

/** Applies one page of open events; `more` is the first open event beyond the page, if any. */
async function applyOpenEvents(ctx: JobContext): Promise<{ waiting: number; more: number | undefined }> {
  // Read without a lock: the statement that applies them locks the ones still open, so events another
  // worker took meanwhile are left to it.
  const limit = ctx.intake?.busy() ? PAGE_BUSY : PAGE_QUIET;
  const page = await queryRows<OpenEvent>(
    ctx.db,
    sql`select id::int as id, event_name as "eventName", raw_body as "rawBody" from webhook_events
        where processed_at is null order by attempts, id limit ${limit + 1}`,
  );
  const open = page.slice(0, limit);
  const more = page[limit]?.id;
  const batch: BulkBatch = { messages: [], receipts: [], noted: [] };
  const rare: Array<{ id: number; eventName: string; payload: unknown }> = [];
  const senders: Array<{
    oaUserId: string;
    appUserId: string | undefined;
    message: Omit<InboundMessage, "residentId" | "residentialGroupId">;
  }> = [];
  for (const event of open) {
    // JSON can only carry a NUL escaped; the reviver (slower) runs only for a body that has one.
    const payload = JSON.parse(
      event.rawBody,
      event.rawBody.includes("\\u0000") ? withoutNul : undefined,
    ) as unknown;
    if (event.eventName === "user_received_message" || event.eventName === "user_seen_message") {
      const r = receiptEventSchema.safeParse(payload);
      if (!r.success) batch.noted.push({ eventId: event.id, note: invalidNote(r.error) });
      else
        batch.receipts.push({
          eventId: event.id,
          kind: event.eventName === "user_seen_message" ? "seen" : "delivered",
          messageIds: [
            ...(r.data.message.msg_ids ?? []),
            ...(r.data.message.msg_id ? [r.data.message.msg_id] : []),
          ],
          at: r.data.timestamp,
        });
    } else if (isDirectMessage(event.eventName)) {
      const m = userSendEventSchema.safeParse(payload);
      if (!m.success) batch.noted.push({ eventId: event.id, note: invalidNote(m.error) });
      else {
        const d = m.data;
        senders.push({
          oaUserId: d.sender.id,
          appUserId: d.user_id_by_app,
          message: {
            eventId: event.id,
            msgId: d.message.msg_id,
            text: d.message.text ?? null,
            eventName: event.eventName,
            attachments: d.message.attachments ?? [],
            quoteMsgId: d.message.quote_msg_id ?? null,
            at: d.timestamp,
          },
        });
      }
    } else rare.push({ id: event.id, eventName: event.eventName, payload });
  }
  // Follows, unfollows, "Nhắn tin" taps (few): one by one, each with its event locked, in order.
  for (const event of rare) await applyRare(ctx, event);
  // Whose messages they are: one lookup; somebody Zalo tells us about for the first time (rare) is linked or created.
  const oaIds = [...new Set(senders.map((s) => s.oaUserId))];
  const known = oaIds.length
    ? await ctx.db
        .select({ id: residents.id, oa: residents.zaloOaUserId, group: residents.residentialGroupId })
        .from(residents)
        .where(inArray(residents.zaloOaUserId, oaIds))
    : [];
  const bySender = new Map(known.map((r) => [r.oa!, { id: r.id, group: r.group }]));
  for (const s of senders) {
    let r = bySender.get(s.oaUserId);
    if (!r) {
      const created = await residentForOaUser(ctx.db, {
        wardId: ctx.config.WARD_ID,
        oaUserId: s.oaUserId,
        appUserId: s.appUserId,
      });
      r = { id: created.id, group: created.residentialGroupId };
      bySender.set(s.oaUserId, r);
    }
    batch.messages.push({ ...s.message, residentId: r.id, residentialGroupId: r.group });
  }
  const { waiting } = await applyBulk(ctx.db, ctx.config.WARD_ID, batch);
  return { waiting: waiting.length, more };
}

/**
 * Drops NUL characters from the strings of an event: a resident may send one, and no text or jsonb
 * column can store it; one such message must not stop every event behind it.
 */
const withoutNul = (_key: string, value: unknown) =>
  typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;

/**
 * A resident's message to the OA (`user_send_text`, `user_send_image`, …). Group-chat events
 * (`user_send_group_*`, zalo-platform.md §5.3) are not to the OA and say nothing of the 7-day window.
 */
const isDirectMessage = (eventName: string) =>
  eventName.startsWith("user_send_") && !eventName.startsWith("user_send_group_");

const invalidNote = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  `invalid payload: ${error.issues[0]?.path.map(String).join(".")} ${error.issues[0]?.message}`;

async function applyRare(
  ctx: JobContext,
  event: { id: number; eventName: string; payload: unknown },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.id, event.id), isNull(webhookEvents.processedAt)))
      .for("update", { skipLocked: true });
    if (!row) return;
    const note = await applyOne(ctx, tx, event).catch((error: unknown) => {
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
async function applyOne(
  ctx: JobContext,
  tx: Tx,
  event: { eventName: string; payload: unknown },
): Promise<string | undefined> {
  const wardId = ctx.config.WARD_ID;
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
