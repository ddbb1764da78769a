import {
  type Broadcast,
  type createBroadcastRequestSchema,
  type DeliveryStatus,
  formatDateTime,
  jobIds,
} from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, invalidFields, notFound } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import { assertAudienceKnown } from "./audience.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

type BroadcastRow = typeof broadcasts.$inferSelect;

/** A send time this far in the past is still "now" (clocks, a slow form); anything older is refused. */
const PAST_GRACE_MS = 60_000;

/**
 * A double tap: the same approved version to the same audience, to be sent within a minute of one
 * created in the last few minutes. Anything further apart is a deliberate second send.
 */
const DOUBLE_TAP_SEND_WITHIN_S = 60;
const DOUBLE_TAP_CREATED_WITHIN_S = 5 * 60;

type TwinRow = {
  created_at: Date | string;
  scheduled_at: Date | string;
  started_at: Date | string | null;
  status: BroadcastRow["status"];
};

/** The refusal of a double tap, saying when the broadcast already made was, or will be, sent. */
function doubleTap(twin: TwinRow): AppError {
  const scheduledAt = new Date(twin.scheduled_at);
  const startedAt = formatDateTime(twin.started_at ?? twin.scheduled_at);
  const when =
    twin.status === "sent"
      ? `đã gửi lúc ${startedAt}`
      : twin.status === "sending"
        ? `đang gửi từ ${startedAt}`
        : twin.status === "paused"
          ? `đang tạm dừng (bắt đầu lúc ${startedAt})`
          : scheduledAt.getTime() > Date.now()
            ? `sẽ gửi lúc ${formatDateTime(scheduledAt)}`
            : `bắt đầu gửi lúc ${formatDateTime(scheduledAt)}`;
  return new AppError(
    "conflict",
    `Đợt gửi giống hệt (cùng bài, cùng người nhận) vừa được tạo lúc ${formatDateTime(twin.created_at)}, ` +
      `${when}; không tạo thêm để người dân không nhận tin hai lần. ` +
      "Nếu thật sự muốn gửi thêm một lần cho đúng những người này, hãy hẹn giờ cách đợt đó hơn 1 phút.",
  );
}

export function toBroadcastDto(
  row: BroadcastRow,
  counts: Partial<Record<DeliveryStatus, number>> = {},
  costVnd = 0,
): Broadcast {
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
    budgetVnd: row.budgetVnd,
    excludePaidChannels: row.excludePaid,
    costVnd,
  };
}

/**
 * Schedules an approved post for an audience. The broadcast row is the record: if Redis is down the
 * reconciler enqueues it later, so the send is never lost.
 */
export async function createBroadcast(
  ctx: { db: Db; queues: Queues; onEnqueueError: (error: unknown) => void },
  actor: StaffActor,
  data: z.output<typeof createBroadcastRequestSchema>,
): Promise<Broadcast> {
  if (!actor.roles.includes("editor")) throw new AppError("forbidden");
  const scheduledAt = data.scheduledAt ? new Date(data.scheduledAt) : new Date();
  if (scheduledAt.getTime() < Date.now() - PAST_GRACE_MS) {
    throw invalidFields([
      {
        field: "body.scheduledAt",
        message: "Thời điểm gửi đã qua: chọn một thời điểm sau bây giờ, hoặc Gửi ngay.",
      },
    ]);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.id, data.postId), eq(posts.wardId, actor.wardId)))
      .for("update");
    if (!post) throw notFound("bài viết");
    const isApproved =
      ["approved", "scheduled", "sending", "sent"].includes(post.status) &&
      post.approvedVersion === post.version;
    if (!isApproved || post.approvedVersion === null) {
      throw new AppError("invalid_transition", "Chỉ gửi được bài đã được duyệt.");
    }
    await assertAudienceKnown(tx, actor.wardId, data.audience);
    // A second tap, or a retried request, must not send the same words to the same people twice.
    // Under the post's row lock, so two at once cannot both pass. A re-send chosen later (another
    // time, or "Gửi ngay" after the first went out) is the staff member's decision: the form shows it.
    const [twin] = await queryRows<TwinRow>(
      tx,
      sql`select created_at, scheduled_at, started_at, status from broadcasts
          where post_id = ${post.id}::uuid and post_version = ${post.approvedVersion}
            and audience = ${JSON.stringify(data.audience)}::jsonb
            and status <> 'cancelled'
            and created_at > now() - make_interval(secs => ${DOUBLE_TAP_CREATED_WITHIN_S})
            and abs(extract(epoch from scheduled_at - ${scheduledAt.toISOString()}::timestamptz))
                < ${DOUBLE_TAP_SEND_WITHIN_S}
          order by created_at desc
          limit 1`,
    );
    if (twin) throw doubleTap(twin);
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
        budgetVnd: data.budgetVnd ?? null,
        excludePaid: data.excludePaidChannels,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    if (post.status === "approved")
      await tx.update(posts).set({ status: "scheduled", updatedAt: new Date() }).where(eq(posts.id, post.id));
    await recordAudit(tx, {
      entityType: "broadcast",
      entityId: created.id,
      action: "schedule",
      actor: { type: "staff", id: actor.id },
      toStatus: created.status,
      details: {
        postId: post.id,
        postVersion: created.postVersion,
        scheduledAt: scheduledAt.toISOString(),
        audience: data.audience,
        budgetVnd: data.budgetVnd ?? null,
        excludePaidChannels: data.excludePaidChannels,
      },
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

export async function deliveryCounts(
  db: Db,
  broadcastId: string,
): Promise<Partial<Record<DeliveryStatus, number>>> {
  const rows = await queryRows<{ status: DeliveryStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from deliveries where broadcast_id = ${broadcastId}::uuid group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function getBroadcast(db: Db, wardId: string, broadcastId: string): Promise<Broadcast> {
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, wardId)));
  if (!row) throw notFound("đợt gửi");
  return toBroadcastDto(row, await deliveryCounts(db, broadcastId));
}
