import { jobIds, windowEndIfInside } from "@loa-phuong/shared";
import { DelayedError } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { isWardWide, loadChannelSettings, loadPlanResidents } from "../channels/channel-state.js";
import { type Assignment, planChannels } from "../channels/planner.js";
import { enqueue } from "../queue/queues.js";
import { recordAudit } from "../services/audit.js";
import { createRelayTasks, scheduleRelayDeadlines } from "../services/relay.js";
import { queryRows, sqlArray, type Tx } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import type { JobHandler } from "./job-context.js";

/**
 * A broadcast is due: expand its audience into one delivery row per resident in one transaction
 * (unique per broadcast × resident, so running twice adds nothing), then start its wave job.
 * Each row carries the channel the planner chose (channels/planner.ts); residents nothing is pushed to
 * get a settled `relay` or `feed` row with the reason: their head relays it, or it waits in the Mini App.
 */
export const handleBroadcastFanout: JobHandler<"broadcast.fanout"> = async (
  ctx,
  { broadcastId },
  job,
  token,
) => {
  type Outcome =
    | "missing"
    | "skip"
    | { reschedule: Date }
    | { started: { id: string }[]; escalate?: boolean };
  const outcome: Outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).for("update");
    if (!row) return "missing";
    if (row.status === "sending") return { started: [] };
    if (row.status !== "scheduled") return "skip";
    if (row.scheduledAt.getTime() > Date.now() + 1000) return { reschedule: row.scheduledAt };
    const quietEnd = row.isUrgent ? undefined : windowEndIfInside(ctx.config.QUIET_HOURS, Date.now());
    if (quietEnd) return { reschedule: quietEnd };
    // Each resident's channel: the cheapest that reaches them within quotas, budget and settings.
    const now = Date.now();
    const settings = await loadChannelSettings(tx, ctx.config, row.wardId, now);
    const audience = await loadPlanResidents(tx, row.wardId, row.audience, now);
    const plan = planChannels(audience, settings, {
      now,
      isUrgent: row.isUrgent,
      wardWide: isWardWide(row.audience),
      budgetVnd: row.budgetVnd,
      excludePaid: row.excludePaid,
    });
    await insertPlannedDeliveries(tx, broadcastId, plan.assignments);
    if (plan.byChannel.article)
      await tx.update(broadcasts).set({ articleStatus: "pending" }).where(eq(broadcasts.id, broadcastId));
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
      details: {
        recipients: count?.n ?? 0,
        relayTasks: tasks.length,
        byChannel: plan.byChannel,
        costVnd: plan.costVnd,
      },
    });
    return { started: tasks, escalate: (plan.escalation?.residents ?? 0) > 0 };
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
  // Urgent: whoever has not seen it in time gets a ZBS message by phone (a delayed job; stable id).
  if (outcome.escalate)
    await enqueue(
      ctx.queues,
      "broadcast.escalate",
      { broadcastId },
      { jobId: jobIds.escalate(broadcastId), delay: ctx.config.ESCALATE_AFTER_MINUTES * 60_000 },
    );
};

/** The plan as delivery rows, in chunks (one statement each): pushes pending, relay and feed settled. */
async function insertPlannedDeliveries(
  tx: Tx,
  broadcastId: string,
  assignments: Assignment[],
): Promise<void> {
  const CHUNK = 10_000;
  for (let i = 0; i < assignments.length; i += CHUNK) {
    const part = assignments.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into deliveries (broadcast_id, resident_id, channel, status, error_code, cost_vnd)
      select ${broadcastId}::uuid, v.resident_id, v.channel,
             case when v.channel in ('relay', 'feed') then 'fallback' else 'pending' end, v.reason, v.cost
      from unnest(${sqlArray(
        part.map((a) => a.residentId),
        "uuid",
      )}, ${sqlArray(
        part.map((a) => a.channel),
        "text",
      )}, ${sqlArray(
        part.map((a) => a.reason),
        "text",
      )}, ${sqlArray(
        part.map((a) => a.costVnd),
        "int",
      )}) as v(resident_id, channel, reason, cost)
      on conflict (broadcast_id, resident_id) do nothing`);
  }
}
