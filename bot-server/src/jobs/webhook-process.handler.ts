import { jobIds } from "@loa-phuong/shared";
import { inArray, sql } from "drizzle-orm";
import { enqueue } from "../queue/queues.js";
import { raiseAlertOnce } from "../services/staff-alerts.js";
import { queryRows } from "../store/database.js";
import { residents } from "../store/schema/index.js";
import { applyBulk, type BulkBatch } from "../webhooks/apply-batch.js";
import { applyRare } from "../webhooks/apply-rare.js";
import { residentForOaUser } from "../webhooks/residents-from-zalo.js";
import { type EventFailure, failureReason, recordEventFailures } from "../webhooks/set-aside.js";
import { type OpenEvent, type SenderMessage, sortEvents } from "../webhooks/sort-events.js";
import type { JobContext, JobHandler } from "./job-context.js";
import { wakeLabeller } from "./opinion-label.handler.js";

/** How long receipts that overtook their message wait before the next look (a wake-up job, not a retry). */
export const RECEIPT_RECHECK_MS = 2000;

/**
 * Applies recorded Zalo events: receipts and residents' messages in one statement (apply-batch.ts),
 * the rare rest one by one. Every applied event is marked processed with it; receipts that overtook
 * their delivery row stay open and the job is retried for them alone. An event that fails is counted
 * and goes behind the others; one that keeps failing is set aside (webhooks/set-aside.ts), so no
 * event can stop the ones behind it.
 */
export const handleWebhookProcess: JobHandler<"webhook.process"> = async (ctx) => {
  // The job's own ids are only the wake-up: each run applies the open events that waited longest
  // (receipts still waiting for their delivery go behind the rest), so under a burst one run applies
  // what many jobs brought and the jobs queued behind it find theirs done. Events another worker holds
  // are that worker's to apply (or the reconciler's, should it fail).
  const { waiting, more } = await applyOpenEvents(ctx);
  if (more !== undefined)
    await enqueue(ctx.queues, "webhook.process", { eventIds: [more] }, { jobId: jobIds.webhook([more]) });
  // Receipts that overtook the worker recording their message are expected, not a failure: they stay
  // open and a wake-up looks again shortly (one per interval, whatever the number of jobs).
  if (waiting.length > 0) {
    const slot = Math.floor(Date.now() / RECEIPT_RECHECK_MS);
    await enqueue(
      ctx.queues,
      "webhook.process",
      { eventIds: [waiting[0]!] },
      { jobId: `webhook-wait-${slot}`, delay: RECEIPT_RECHECK_MS },
    );
  }
  // Residents' messages among what was applied get their labels.
  await wakeLabeller(ctx);
};

/**
 * Events applied per run. While the intake is busy: enough to amortise the run, few enough that its
 * statement holds the store only briefly (on the embedded store the webhook answers queue behind it).
 * Once it is quiet, larger runs drain the backlog.
 */
const PAGE_BUSY = 100;
const PAGE_QUIET = 500;

/** Applies one page of open events; `more` is the first open event beyond the page, if any. */
async function applyOpenEvents(ctx: JobContext): Promise<{ waiting: number[]; more: number | undefined }> {
  // Read without a lock: the statement that applies them locks the ones still open, so events another
  // worker took meanwhile are left to it.
  const limit = ctx.intake?.busy() ? PAGE_BUSY : PAGE_QUIET;
  const page = await queryRows<OpenEvent>(
    ctx.db,
    sql`select id::int as id, event_name as "eventName", raw_body as "rawBody" from webhook_events
        where processed_at is null and set_aside_at is null order by attempts, id limit ${limit + 1}`,
  );
  const open = page.slice(0, limit);
  const more = page[limit]?.id;
  const { batch, rare, senders, failed } = sortEvents(open);
  // Follows, unfollows, "Nhắn tin" taps (few): one by one, each with its event locked, in order.
  for (const event of rare) {
    try {
      await applyRare(ctx.db, ctx.config.WARD_ID, event);
    } catch (error) {
      failed.push({ eventId: event.id, reason: failureReason(error) });
    }
  }
  await addMessages(ctx, senders, batch, failed);
  const waiting = await applyBatch(ctx, batch, failed);
  await countFailures(ctx, failed);
  return { waiting, more };
}

/**
 * Whose messages they are: one lookup; somebody Zalo tells us about for the first time (rare) is
 * linked or created, and a sender that cannot be fails their own events only.
 */
async function addMessages(
  ctx: JobContext,
  senders: SenderMessage[],
  batch: BulkBatch,
  failed: EventFailure[],
): Promise<void> {
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
      try {
        const created = await residentForOaUser(ctx.db, {
          wardId: ctx.config.WARD_ID,
          oaUserId: s.oaUserId,
          appUserId: s.appUserId,
        });
        r = { id: created.id, group: created.residentialGroupId };
        bySender.set(s.oaUserId, r);
      } catch (error) {
        failed.push({ eventId: s.message.eventId, reason: failureReason(error) });
        continue;
      }
    }
    batch.messages.push({ ...s.message, residentId: r.id, residentialGroupId: r.group });
  }
}

/**
 * The batch in one statement; should that fail, each event on its own, so that the one that cannot
 * be applied is found and the others are applied in the same run. Returns the receipts left waiting.
 */
async function applyBatch(ctx: JobContext, batch: BulkBatch, failed: EventFailure[]): Promise<number[]> {
  try {
    return (await applyBulk(ctx.db, ctx.config.WARD_ID, batch)).waiting;
  } catch (error) {
    const parts = splitByEvent(batch);
    if (parts.length === 1) {
      failed.push({ eventId: parts[0]!.eventId, reason: failureReason(error) });
      return [];
    }
    ctx.logger.warn(
      { err: error, events: parts.length },
      "webhook batch failed: applying its events one by one",
    );
    const waiting: number[] = [];
    for (const part of parts) {
      try {
        waiting.push(...(await applyBulk(ctx.db, ctx.config.WARD_ID, part.batch)).waiting);
      } catch (partError) {
        failed.push({ eventId: part.eventId, reason: failureReason(partError) });
      }
    }
    return waiting;
  }
}

function splitByEvent(batch: BulkBatch): Array<{ eventId: number; batch: BulkBatch }> {
  const parts = new Map<number, BulkBatch>();
  const partOf = (eventId: number) => {
    let part = parts.get(eventId);
    if (!part) {
      part = { messages: [], receipts: [], noted: [] };
      parts.set(eventId, part);
    }
    return part;
  };
  for (const m of batch.messages) partOf(m.eventId).messages.push(m);
  for (const r of batch.receipts) partOf(r.eventId).receipts.push(r);
  for (const n of batch.noted) partOf(n.eventId).noted.push(n);
  return [...parts].map(([eventId, part]) => ({ eventId, batch: part }));
}

/** First retry of a failed event after this long, doubling with each failure. */
const RETRY_FAILED_AFTER_MS = 2_000;

/**
 * Counts the run's failures; an event that failed too often is set aside and admins are alerted.
 * The others are woken again after a growing delay, even if no new event arrives meanwhile.
 */
async function countFailures(ctx: JobContext, failed: EventFailure[]): Promise<void> {
  if (failed.length === 0) return;
  const counted = await recordEventFailures(ctx.db, failed);
  const setAside = counted.filter((c) => c.setAside);
  if (setAside.length > 0) {
    ctx.logger.error(
      { events: setAside.map((c) => c.eventId), reasons: failed.map((f) => f.reason).slice(0, 5) },
      "webhook events set aside after failing again and again",
    );
    await raiseAlertOnce(ctx.db, {
      wardId: ctx.config.WARD_ID,
      kind: "webhook_events_set_aside",
      message:
        "Có sự kiện Zalo không áp dụng được nên đã được để riêng (các sự kiện khác vẫn được xử lý). " +
        "Quản trị viên xem lý do và thử lại trong mục “Sự kiện Zalo để riêng”.",
    });
  }
  for (const c of counted.filter((x) => !x.setAside)) {
    await enqueue(
      ctx.queues,
      "webhook.process",
      { eventIds: [c.eventId] },
      {
        jobId: `webhook-retry-${c.eventId}-${c.failures}`,
        delay: RETRY_FAILED_AFTER_MS * 2 ** (c.failures - 1),
      },
    );
  }
}
