import {
  type createScheduleRequestSchema,
  jobIds,
  queueNames,
  recurrencePattern,
  WARD_TIME_ZONE,
} from "@loa-phuong/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, invalidFields, notFound } from "../errors/app-error.js";
import type { Queues } from "../queue/queues.js";
import type { Db } from "../store/database.js";
import { broadcastSchedules, posts } from "../store/schema/index.js";
import { assertAudienceKnown } from "./audience.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

type ScheduleRow = typeof broadcastSchedules.$inferSelect;

export const toScheduleDto = (row: ScheduleRow & { postTitle?: string }) => ({
  id: row.id,
  postId: row.postId,
  postTitle: row.postTitle ?? null,
  audience: row.audience,
  pattern: row.pattern,
  isActive: row.isActive,
  endsAt: row.endsAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Puts (or refreshes) the BullMQ job scheduler of a schedule; its id is stable, so this is idempotent. */
export async function syncScheduler(queues: Queues, row: ScheduleRow): Promise<void> {
  const queue = queues[queueNames.broadcasts];
  const id = jobIds.recurringScheduler(row.id);
  if (!row.isActive || (row.endsAt && row.endsAt.getTime() <= Date.now())) {
    await queue.removeJobScheduler(id);
    return;
  }
  await queue.upsertJobScheduler(
    id,
    { pattern: row.pattern, tz: WARD_TIME_ZONE, ...(row.endsAt ? { endDate: row.endsAt } : {}) },
    {
      name: "broadcast.occurrence",
      data: { scheduleId: row.id },
      opts: { removeOnComplete: true, removeOnFail: 100 },
    },
  );
}

/** A recurring broadcast of an approved post, e.g. the weekly education bulletin every Monday 07:30. */
export async function createSchedule(
  ctx: { db: Db; queues: Queues; onEnqueueError: (e: unknown) => void },
  actor: StaffActor,
  data: z.output<typeof createScheduleRequestSchema>,
) {
  if (!actor.roles.includes("editor")) throw new AppError("forbidden");
  if (data.endsAt && new Date(data.endsAt).getTime() <= Date.now()) {
    throw invalidFields([
      { field: "body.endsAt", message: "Ngày kết thúc đã qua: lịch này sẽ không gửi lần nào." },
    ]);
  }
  const pattern = recurrencePattern(data.recurrence);
  const { row, post } = await ctx.db.transaction(async (tx) => {
    // Locked: two identical requests at once cannot both pass the twin check below.
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.id, data.postId), eq(posts.wardId, actor.wardId)))
      .for("update");
    if (!post) throw notFound("bài viết");
    if (post.approvedVersion === null || post.approvedVersion !== post.version)
      throw new AppError("invalid_transition", "Chỉ lập lịch được cho bài đã được duyệt.");
    await assertAudienceKnown(tx, actor.wardId, data.audience);
    // The same recurring send twice would send everything twice: one active schedule per post, pattern and audience.
    const [twin] = await tx
      .select({ id: broadcastSchedules.id })
      .from(broadcastSchedules)
      .where(
        and(
          eq(broadcastSchedules.postId, post.id),
          eq(broadcastSchedules.pattern, pattern),
          eq(broadcastSchedules.isActive, true),
          sql`(${broadcastSchedules.endsAt} is null or ${broadcastSchedules.endsAt} > now())`,
          sql`${broadcastSchedules.audience} = ${JSON.stringify(data.audience)}::jsonb`,
        ),
      );
    if (twin)
      throw new AppError(
        "conflict",
        "Lịch gửi định kỳ này (cùng bài, cùng người nhận, cùng giờ) đã có và đang chạy.",
      );
    const [created] = await tx
      .insert(broadcastSchedules)
      .values({
        wardId: actor.wardId,
        postId: post.id,
        audience: data.audience,
        pattern,
        createdById: actor.id,
        endsAt: data.endsAt ? new Date(data.endsAt) : null,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, {
      entityType: "broadcast",
      entityId: created.id,
      action: "schedule_recurring",
      actor: { type: "staff", id: actor.id },
      details: { pattern: created.pattern, postId: post.id },
    });
    return { row: created, post };
  });
  try {
    await syncScheduler(ctx.queues, row);
  } catch (error) {
    ctx.onEnqueueError(error);
  }
  return toScheduleDto({ ...row, postTitle: post.title });
}

export async function listSchedules(db: Db, wardId: string) {
  const rows = await db
    .select({ schedule: broadcastSchedules, postTitle: posts.title })
    .from(broadcastSchedules)
    .innerJoin(posts, eq(posts.id, broadcastSchedules.postId))
    .where(eq(broadcastSchedules.wardId, wardId))
    .orderBy(desc(broadcastSchedules.createdAt));
  return rows.map((r) => toScheduleDto({ ...r.schedule, postTitle: r.postTitle }));
}

export async function stopSchedule(
  ctx: { db: Db; queues: Queues; onEnqueueError: (e: unknown) => void },
  actor: StaffActor,
  scheduleId: string,
) {
  if (!actor.roles.includes("editor")) throw new AppError("forbidden");
  const [row] = await ctx.db
    .update(broadcastSchedules)
    .set({ isActive: false })
    .where(and(eq(broadcastSchedules.id, scheduleId), eq(broadcastSchedules.wardId, actor.wardId)))
    .returning();
  if (!row) throw notFound("lịch gửi");
  await recordAudit(ctx.db, {
    entityType: "broadcast",
    entityId: row.id,
    action: "stop_recurring",
    actor: { type: "staff", id: actor.id },
  });
  try {
    await syncScheduler(ctx.queues, row);
  } catch (error) {
    ctx.onEnqueueError(error);
  }
  return toScheduleDto(row);
}
