import { wardClock } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { recordAudit } from "../services/audit.js";
import { syncScheduler } from "../services/broadcast-schedules.js";
import { scheduleFanout } from "../services/broadcasts.js";
import { broadcastSchedules, broadcasts, posts } from "../store/schema/index.js";
import type { JobHandler } from "./job-context.js";

/**
 * One occurrence of a recurring schedule: a broadcast of the post's approved version, at most one
 * per schedule and minute (the occurrence key is unique). A post edited since and not re-approved is
 * skipped, never sent in another version.
 */
export const handleBroadcastOccurrence: JobHandler<"broadcast.occurrence"> = async (
  ctx,
  { scheduleId },
  job,
) => {
  const [schedule] = await ctx.db
    .select()
    .from(broadcastSchedules)
    .where(eq(broadcastSchedules.id, scheduleId));
  if (!schedule?.isActive) {
    if (schedule) await syncScheduler(ctx.queues, schedule);
    return;
  }
  const [post] = await ctx.db.select().from(posts).where(eq(posts.id, schedule.postId));
  if (!post || post.approvedVersion === null || post.approvedVersion !== post.version) {
    await recordAudit(ctx.db, {
      entityType: "broadcast",
      entityId: scheduleId,
      action: "skip_occurrence",
      actor: { type: "system" },
      details: { reason: "post_not_approved", postId: schedule.postId },
    });
    return;
  }
  const due = new Date(job.timestamp + (job.delay ?? 0));
  const c = wardClock(due);
  const occurrenceKey =
    `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}` +
    `T${String(c.hour).padStart(2, "0")}:${String(c.minute).padStart(2, "0")}`;
  const [created] = await ctx.db
    .insert(broadcasts)
    .values({
      wardId: schedule.wardId,
      postId: post.id,
      postVersion: post.approvedVersion,
      audience: schedule.audience,
      scheduledAt: new Date(),
      isUrgent: post.isUrgent,
      createdById: schedule.createdById,
      scheduleId,
      occurrenceKey,
    })
    .onConflictDoNothing({ target: [broadcasts.scheduleId, broadcasts.occurrenceKey] })
    .returning();
  if (!created) return;
  await recordAudit(ctx.db, {
    entityType: "broadcast",
    entityId: created.id,
    action: "schedule",
    actor: { type: "system" },
    toStatus: "scheduled",
    details: { scheduleId, occurrenceKey, postVersion: created.postVersion },
  });
  await scheduleFanout(ctx.queues, created.id, created.scheduledAt);
};
