import { DelayedError } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { jobIds } from "@loa-phuong/shared";
import { enqueue } from "../queue/queues.js";
import { queryRows } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import { audienceCondition, oaReachableCondition } from "../services/audience.js";
import { recordAudit } from "../services/audit.js";
import type { JobHandler } from "./job-context.js";

/**
 * A broadcast is due: expand its audience into one delivery row per resident in one transaction
 * (unique per broadcast × resident, so running twice adds nothing), then start its wave job.
 * Residents the OA cannot reach get a row on the feed channel: the post waits for them in the Mini App.
 */
export const handleBroadcastFanout: JobHandler<"broadcast.fanout"> = async (ctx, { broadcastId }, job, token) => {
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).for("update");
    if (!row) return "missing" as const;
    if (row.status === "sending") return "started" as const;
    if (row.status !== "scheduled") return "skip" as const;
    if (row.scheduledAt.getTime() > Date.now() + 1000) return { reschedule: row.scheduledAt };
    await tx.execute(sql`
      insert into deliveries (broadcast_id, resident_id, channel, status, error_code)
      select ${broadcastId}::uuid, r.id,
             case when ${oaReachableCondition} then 'oa' else 'feed' end,
             case when ${oaReachableCondition} then 'pending' else 'fallback' end,
             case when ${oaReachableCondition} then null
                  when r.zalo_oa_user_id is null or not r.is_follower then 'not_follower'
                  else 'outside_interaction_window' end
      from residents r
      where ${audienceCondition(row.wardId, row.audience)}
      on conflict (broadcast_id, resident_id) do nothing`);
    const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from deliveries where broadcast_id = ${broadcastId}::uuid`);
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
      details: { recipients: count?.n ?? 0 },
    });
    return "started" as const;
  });
  if (outcome === "missing" || outcome === "skip") return;
  if (typeof outcome === "object") {
    // The schedule moved later since this job was queued: wait until then (the job keeps its id).
    await job.moveToDelayed(outcome.reschedule.getTime(), token);
    throw new DelayedError();
  }
  await enqueue(ctx.queues, "broadcast.wave", { broadcastId, afterId: 0 }, { jobId: jobIds.wave(broadcastId) });
};
