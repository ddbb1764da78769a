import { jobIds, queueNames, windowEndIfInside } from "@loa-phuong/shared";
import { DelayedError } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { sendBroadcastArticle } from "../channels/article.js";
import { enqueueBulk } from "../queue/queues.js";
import { recordAudit } from "../services/audit.js";
import { settlePostStatus } from "../services/broadcast-control.js";
import { queryRows } from "../store/database.js";
import { broadcasts } from "../store/schema/index.js";
import type { JobHandler } from "./job-context.js";

/** Delivery jobs in Redis at most at once (per wave job), so Redis memory stays flat for any audience. */
export const WAVE_SIZE = 2000;
const POLL_MS = 250;
const ENQUEUE_CHUNK = 20;

/**
 * A step job: each run enqueues the next wave of pending rows once the delivery queue has room,
 * keeps its cursor in the job data, and moves itself back to delayed until every row is settled.
 */
export const handleBroadcastWave: JobHandler<"broadcast.wave"> = async (
  ctx,
  { broadcastId, afterId },
  job,
  token,
) => {
  const [row] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
  if (row?.status !== "sending") return;
  const quietEnd = row.isUrgent ? undefined : windowEndIfInside(ctx.config.QUIET_HOURS, Date.now());
  if (quietEnd) {
    await job.moveToDelayed(quietEnd.getTime(), token);
    throw new DelayedError();
  }

  // Followers planned on the OA Article: one publication and one broadcast for all of them, first.
  if (row.articleStatus === "pending" || row.articleStatus === "sending") {
    if ((await sendBroadcastArticle(ctx, row)) === "paused") return;
  }

  let cursor = afterId;
  const backlog =
    (await ctx.queues[queueNames.deliveries].getJobCountByTypes("delayed", "prioritized", "wait")) *
    ctx.config.DELIVERY_BATCH_SIZE;
  if (backlog < WAVE_SIZE) {
    // Rows still `sending` with no live job (a worker died, Redis was flushed) are picked up by a rescan from 0.
    const next = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from deliveries
          where broadcast_id = ${broadcastId}::uuid and id > ${cursor} and status in ('pending', 'sending')
            and channel <> 'article'
          order by id limit ${WAVE_SIZE}`,
    );
    // Rows go out in batches (one claim and one settle query each); jobs are added a few at a time, since
    // one big addBulk holds the event loop long enough to bunch the sends around it.
    const batches: number[][] = [];
    for (let i = 0; i < next.length; i += ctx.config.DELIVERY_BATCH_SIZE)
      batches.push(next.slice(i, i + ctx.config.DELIVERY_BATCH_SIZE).map((d) => Number(d.id)));
    for (let i = 0; i < batches.length; i += ENQUEUE_CHUNK) {
      await enqueueBulk(
        ctx.queues,
        "delivery.send",
        batches
          .slice(i, i + ENQUEUE_CHUNK)
          .map((ids) => ({ payload: { deliveryIds: ids }, options: { jobId: jobIds.delivery(ids) } })),
      );
    }
    // An empty queue and nothing past the cursor: whatever is still open is active or orphaned, so the
    // next run rescans from the start (job ids make re-adding a live job a no-op).
    cursor = next.length > 0 ? Number(next[next.length - 1]!.id) : backlog === 0 ? 0 : cursor;
  }

  const [open] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from deliveries
        where broadcast_id = ${broadcastId}::uuid and status in ('pending', 'sending')`,
  );
  if ((open?.n ?? 0) > 0) {
    await job.updateData({ broadcastId, afterId: cursor });
    await job.moveToDelayed(Date.now() + POLL_MS, token);
    throw new DelayedError();
  }

  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(broadcasts)
      .set({ status: "sent", finishedAt: new Date() })
      .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.status, "sending")))
      .returning();
    if (!done) return;
    // The post is "sent" once none of its broadcasts is still going out.
    await settlePostStatus(tx, done.postId);
    await recordAudit(tx, {
      entityType: "broadcast",
      entityId: broadcastId,
      action: "finish",
      actor: { type: "system" },
      fromStatus: "sending",
      toStatus: "sent",
    });
  });
};
