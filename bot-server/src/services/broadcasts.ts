import { and, eq, sql } from "drizzle-orm";
import { createBroadcastRequestSchema, jobIds, type Broadcast, type CreateBroadcastRequest, type DeliveryStatus } from "@loa-phuong/shared";
import { AppError, notFound } from "../http/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { queryRows, type Db } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

type BroadcastRow = typeof broadcasts.$inferSelect;

export function toBroadcastDto(row: BroadcastRow, counts: Partial<Record<DeliveryStatus, number>> = {}): Broadcast {
  return {
    id: row.id,
    postId: row.postId,
    status: row.status,
    audience: row.audience,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    recipientCount: row.recipientCount,
    counts,
  };
}

/**
 * Schedules an approved post for an audience. The broadcast row is the record: if Redis is down the
 * reconciler enqueues it later, so the send is never lost.
 */
export async function createBroadcast(
  ctx: { db: Db; queues: Queues; onEnqueueError: (error: unknown) => void },
  actor: StaffActor,
  input: CreateBroadcastRequest,
): Promise<Broadcast> {
  if (!actor.roles.includes("editor")) throw new AppError("forbidden");
  const data = createBroadcastRequestSchema.parse(input);
  const scheduledAt = data.scheduledAt ? new Date(data.scheduledAt) : new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.id, data.postId), eq(posts.wardId, actor.wardId)))
      .for("update");
    if (!post) throw notFound("bài viết");
    const isApproved = ["approved", "scheduled", "sending", "sent"].includes(post.status) && post.approvedVersion === post.version;
    if (!isApproved || post.approvedVersion === null) {
      throw new AppError("invalid_transition", "Chỉ gửi được bài đã được duyệt.");
    }
    const [created] = await tx
      .insert(broadcasts)
      .values({
        wardId: actor.wardId,
        postId: post.id,
        postVersion: post.approvedVersion,
        audience: data.audience,
        scheduledAt,
        isUrgent: post.isUrgent,
        createdById: actor.id,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    if (post.status === "approved") await tx.update(posts).set({ status: "scheduled", updatedAt: new Date() }).where(eq(posts.id, post.id));
    await recordAudit(tx, {
      entityType: "broadcast",
      entityId: created.id,
      action: "schedule",
      actor: { type: "staff", id: actor.id },
      toStatus: created.status,
      details: { postId: post.id, postVersion: created.postVersion, scheduledAt: scheduledAt.toISOString(), audience: data.audience },
    });
    return created;
  });
  try {
    await scheduleFanout(ctx.queues, row.id, row.scheduledAt);
  } catch (error) {
    ctx.onEnqueueError(error);
  }
  return toBroadcastDto(row);
}

export async function scheduleFanout(queues: Queues, broadcastId: string, scheduledAt: Date): Promise<void> {
  const delay = Math.max(0, scheduledAt.getTime() - Date.now());
  await enqueue(queues, "broadcast.fanout", { broadcastId }, { jobId: jobIds.fanout(broadcastId), delay });
}

export async function deliveryCounts(db: Db, broadcastId: string): Promise<Partial<Record<DeliveryStatus, number>>> {
  const rows = await queryRows<{ status: DeliveryStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from deliveries where broadcast_id = ${broadcastId}::uuid group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function getBroadcast(db: Db, wardId: string, broadcastId: string): Promise<Broadcast> {
  const [row] = await db.select().from(broadcasts).where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, wardId)));
  if (!row) throw notFound("đợt gửi");
  return toBroadcastDto(row, await deliveryCounts(db, broadcastId));
}
