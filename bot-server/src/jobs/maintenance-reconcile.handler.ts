import { jobIds } from "@loa-phuong/shared";
import { and, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { uploadsDirOf } from "../config/config.js";
import { enqueue } from "../queue/queues.js";
import { syncScheduler } from "../services/broadcast-schedules.js";
import { scheduleFanout } from "../services/broadcasts.js";
import { scheduleTaskDeadlines } from "../services/campaign-tasks.js";
import { scheduleRelayDeadlines } from "../services/relay.js";
import { respondToRumours } from "../services/rumour-response.js";
import { purgeExpiredSessions } from "../services/sessions.js";
import { purgeUnattachedUploads } from "../services/uploads.js";
import { queryRows } from "../store/database.js";
import {
  broadcastSchedules,
  broadcasts,
  campaignTasks,
  relayTasks,
  signalReplies,
  webhookEvents,
} from "../store/schema/index.js";
import { purgeAppliedWebhookEvents } from "../webhooks/retention.js";
import { leaseSeconds } from "./delivery-send.handler.js";
import type { JobContext, JobHandler } from "./job-context.js";
import { wakeLabeller } from "./opinion-label.handler.js";

/** Unapplied webhook events older than this are re-enqueued (younger ones are still on their way). */
const WEBHOOK_GRACE_MS = 5000;
const WEBHOOK_BATCH = 1000;

/**
 * The store is the record; Redis is rebuilt from it (expired sessions are dropped on the way).
 * Re-adding a job whose id is still in Redis is a
 * no-op, and every handler checks the row's state first, so this is safe to run at any time.
 */
export async function reconcileQueues(
  ctx: Pick<JobContext, "db" | "queues" | "logger" | "config">,
): Promise<{ broadcasts: number; webhooks: number }> {
  const open = await ctx.db
    .select({ id: broadcasts.id, status: broadcasts.status, scheduledAt: broadcasts.scheduledAt })
    .from(broadcasts)
    .where(inArray(broadcasts.status, ["scheduled", "sending"]));
  for (const b of open) {
    if (b.status === "scheduled") await scheduleFanout(ctx.queues, b.id, b.scheduledAt);
    else
      await enqueue(
        ctx.queues,
        "broadcast.wave",
        { broadcastId: b.id, afterId: 0 },
        { jobId: jobIds.wave(b.id) },
      );
  }
  for (const schedule of await ctx.db.select().from(broadcastSchedules))
    await syncScheduler(ctx.queues, schedule);
  const openTasks = await ctx.db
    .select({ id: relayTasks.id, createdAt: relayTasks.createdAt })
    .from(relayTasks)
    // Clarification cards have no broadcast: they keep their deadlines too.
    .leftJoin(broadcasts, eq(broadcasts.id, relayTasks.broadcastId))
    .where(
      and(
        ne(relayTasks.status, "confirmed"),
        or(isNull(broadcasts.id), ne(broadcasts.status, "cancelled")),
        or(isNull(relayTasks.remindedAt), isNull(relayTasks.escalatedAt)),
      ),
    );
  for (const task of openTasks) await scheduleRelayDeadlines(ctx.queues, ctx.config, task);
  // Units' campaign tasks still open and not yet escalated: their reminder and escalation jobs.
  const dueTasks = await ctx.db
    .select({ id: campaignTasks.id, dueAt: campaignTasks.dueAt })
    .from(campaignTasks)
    .where(and(eq(campaignTasks.status, "open"), isNull(campaignTasks.escalatedAt)));
  for (const task of dueTasks) await scheduleTaskDeadlines(ctx.queues, ctx.config, task);
  // Urgent broadcasts' reminders by phone, due or due within the last hour, not run yet (a run that
  // finds nobody to remind changes nothing, so running again is harmless).
  const afterMs = ctx.config.ESCALATE_AFTER_MINUTES * 60_000;
  if (afterMs > 0 && ctx.config.ZALO_ZBS_PHONE_TEMPLATE_ID) {
    const urgent = await queryRows<{ id: string; started_ms: number | string }>(
      ctx.db,
      sql`select b.id, (extract(epoch from b.started_at) * 1000)::float8 as started_ms from broadcasts b
          where b.is_urgent and b.status in ('sending', 'sent', 'paused') and b.started_at is not null
            and b.started_at > now() - make_interval(secs => ${(afterMs + 3_600_000) / 1000})
            and not exists (select 1 from deliveries d
                            where d.broadcast_id = b.id and d.escalation_status is not null)`,
    );
    for (const b of urgent)
      await enqueue(
        ctx.queues,
        "broadcast.escalate",
        { broadcastId: b.id },
        { jobId: jobIds.escalate(b.id), delay: Math.max(0, Number(b.started_ms) + afterMs - Date.now()) },
      );
  }
  const unsentReplies = await ctx.db
    .select({ id: signalReplies.id })
    .from(signalReplies)
    .where(
      and(
        inArray(signalReplies.status, ["queued", "sending"]),
        lt(signalReplies.createdAt, new Date(Date.now() - WEBHOOK_GRACE_MS)),
      ),
    );
  for (const reply of unsentReplies)
    await enqueue(ctx.queues, "signal.reply", { replyId: reply.id }, { jobId: jobIds.signalReply(reply.id) });
  // Residents' words the labeller has not reached (its wake-up lost, or Redis away when they came).
  const [unlabelled] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select id from signals where labelled_at is null and text is not null
          and received_at < now() - make_interval(secs => ${WEBHOOK_GRACE_MS / 1000}) limit 1`,
  );
  if (unlabelled) await wakeLabeller(ctx);
  // Repeated rumours the labeller matched but did not answer (the worker stopped between the two): the
  // automatic clarification and the head's card, for matches made after the clarification was approved.
  const unanswered = await queryRows<{ id: number }>(
    ctx.db,
    sql`select s.id from signals s join wards w on w.id = s.ward_id
        join rumour_claims c on c.id = s.rumour_claim_id join posts p on p.id = c.clarification_post_id
        where s.labelled_at > now() - interval '1 day' and s.labelled_at < now() - interval '1 minute'
          and w.rumour_reply_mode = 'auto' and s.kind <> 'message_check' and s.resident_id is not null
          and c.status = 'active' and p.approved_at is not null and p.approved_at < s.labelled_at
          and not exists (select 1 from signal_replies r where r.signal_id = s.id and r.rumour_claim_id is not null)
        order by s.id limit 200`,
  );
  if (unanswered.length > 0)
    await respondToRumours(
      ctx,
      unanswered.map((r) => Number(r.id)),
    );
  // Rows in doubt of a cancelled broadcast: no wave visits them again, so they are sent to a delivery
  // job here, which looks each one up in the OA conversation and then closes it (sent, or cancelled).
  const stranded = await queryRows<{ id: number }>(
    ctx.db,
    sql`select d.id from deliveries d join broadcasts b on b.id = d.broadcast_id
        where b.status = 'cancelled' and d.status = 'sending' and d.in_flight_at is null
          and d.updated_at < now() - make_interval(secs => ${leaseSeconds(ctx)})
        order by d.id limit 200`,
  );
  if (stranded.length > 0) {
    const deliveryIds = stranded.map((r) => Number(r.id));
    // One job per minute at most for the same rows (a kept finished job would swallow a plain re-add).
    await enqueue(
      ctx.queues,
      "delivery.send",
      { deliveryIds },
      { jobId: `${jobIds.delivery(deliveryIds)}-r${Math.floor(Date.now() / 60_000)}` },
    );
  }
  const pending = await ctx.db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        isNull(webhookEvents.setAsideAt),
        lt(webhookEvents.receivedAt, new Date(Date.now() - WEBHOOK_GRACE_MS)),
      ),
    )
    .orderBy(webhookEvents.id)
    .limit(WEBHOOK_BATCH);
  // One wake-up is enough: each run applies the oldest open events and queues the next page itself.
  if (pending.length > 0) {
    const eventIds = pending.map((e) => e.id);
    await enqueue(ctx.queues, "webhook.process", { eventIds }, { jobId: jobIds.webhook(eventIds) });
  }
  await purgeExpiredSessions(ctx.db);
  await purgeUnattachedUploads(ctx.db, uploadsDirOf(ctx.config));
  await purgeAppliedWebhookEvents(ctx.db, ctx.config.WEBHOOK_RETENTION_DAYS);
  if (open.length + pending.length > 0)
    ctx.logger.info(
      { broadcasts: open.length, webhooks: pending.length },
      "reconciled queues with the store",
    );
  return { broadcasts: open.length, webhooks: pending.length };
}

export const handleMaintenanceReconcile: JobHandler<"maintenance.reconcile"> = async (ctx) => {
  await reconcileQueues(ctx);
};
