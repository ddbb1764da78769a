import { jobIds, windowEndIfInside } from "@loa-phuong/shared";
import { DelayedError } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { enqueue } from "../queue/queues.js";
import {
  atDailyCap,
  audienceCondition,
  oaMessagesToday,
  oaReachableCondition,
} from "../services/audience.js";
import { recordAudit } from "../services/audit.js";
import { createRelayTasks, scheduleRelayDeadlines } from "../services/relay.js";
import { queryRows } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import type { JobHandler } from "./job-context.js";

/**
 * A broadcast is due: expand its audience into one delivery row per resident in one transaction
 * (unique per broadcast × resident, so running twice adds nothing), then start its wave job.
 * Residents the OA cannot reach get a row on the feed channel: the post waits for them in the Mini App.
 */
export const handleBroadcastFanout: JobHandler<"broadcast.fanout"> = async (
  ctx,
  { broadcastId },
  job,
  token,
) => {
  type Outcome = "missing" | "skip" | { reschedule: Date } | { started: { id: string }[] };
  const outcome: Outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).for("update");
    if (!row) return "missing";
    if (row.status === "sending") return { started: [] };
    if (row.status !== "scheduled") return "skip";
    if (row.scheduledAt.getTime() > Date.now() + 1000) return { reschedule: row.scheduledAt };
    const quietEnd = row.isUrgent ? undefined : windowEndIfInside(ctx.config.QUIET_HOURS, Date.now());
    if (quietEnd) return { reschedule: quietEnd };
    const cap = row.isUrgent ? 0 : ctx.config.DAILY_CAP_PER_RESIDENT;
    const useTemplate = ctx.config.ZALO_FALLBACK_TEMPLATE_ID ? sql`true` : sql`false`;
    // Non-urgent OA messages each resident already has today (the daily cap); urgent posts bypass it.
    await tx.execute(sql`
      with today as (${oaMessagesToday(cap)}), audience as (
        select r.id, ${oaReachableCondition} as reachable, ${atDailyCap(cap)} as capped,
               r.zalo_oa_user_id is null or not r.is_follower as not_follower,
               r.zalo_oa_user_id is not null as has_oa_id
        from residents r left join today t on t.resident_id = r.id
        where ${audienceCondition(row.wardId, row.audience)}
      )
      insert into deliveries (broadcast_id, resident_id, channel, status, error_code)
      select ${broadcastId}::uuid, a.id,
             case when a.reachable and not a.capped then 'oa'
                  when ${useTemplate} and not a.capped and a.has_oa_id then 'template'
                  else 'feed' end,
             case when a.reachable and not a.capped then 'pending'
                  when ${useTemplate} and not a.capped and a.has_oa_id then 'pending'
                  else 'fallback' end,
             case when a.reachable and not a.capped then null
                  when a.not_follower then 'not_follower'
                  when not a.reachable then 'outside_interaction_window'
                  else 'daily_cap' end
      from audience a
      on conflict (broadcast_id, resident_id) do nothing`);
    const [count] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from deliveries where broadcast_id = ${broadcastId}::uuid`,
    );
    // Each group the broadcast reached gets a relay task for its head (deadline jobs after commit).
    const tasks = await createRelayTasks(tx, broadcastId);
    await tx
      .update(broadcasts)
      .set({ status: "sending", startedAt: new Date(), recipientCount: count?.n ?? 0 })
      .where(eq(broadcasts.id, broadcastId));
    await tx
      .update(posts)
      .set({ status: "sending", updatedAt: new Date() })
      .where(and(eq(posts.id, row.postId), sql`${posts.status} in ('scheduled', 'approved', 'sent')`));
    await recordAudit(tx, {
      entityType: "broadcast",
      entityId: broadcastId,
      action: "start",
      actor: { type: "system" },
      fromStatus: "scheduled",
      toStatus: "sending",
      details: { recipients: count?.n ?? 0, relayTasks: tasks.length },
    });
    return { started: tasks };
  });
  if (outcome === "missing" || outcome === "skip") return;
  if ("reschedule" in outcome) {
    // The schedule moved later, or it is quiet hours for a non-urgent post: wait (the job keeps its id).
    await job.moveToDelayed(outcome.reschedule.getTime(), token);
    throw new DelayedError();
  }
  await enqueue(
    ctx.queues,
    "broadcast.wave",
    { broadcastId, afterId: 0 },
    { jobId: jobIds.wave(broadcastId) },
  );
  for (const task of outcome.started)
    await scheduleRelayDeadlines(ctx.queues, ctx.config, { id: task.id, createdAt: new Date() });
};
