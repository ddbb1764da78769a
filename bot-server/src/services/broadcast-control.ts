import { type Broadcast, jobIds } from "@loa-phuong/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError, notFound } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows, sqlArray, type Tx } from "../store/database.js";
import { broadcasts } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { deliveryCounts, scheduleFanout, toBroadcastDto } from "./broadcasts.js";
import type { StaffActor } from "./staff.js";

interface ControlContext {
  db: Db;
  queues: Queues;
  onEnqueueError: (error: unknown) => void;
}

function requireEditor(actor: StaffActor): void {
  if (!actor.roles.includes("editor") && !actor.roles.includes("approver")) throw new AppError("forbidden");
}

/** Stops a scheduled or sending broadcast; rows already sent stay sent, the rest wait. */
export async function pauseBroadcast(
  ctx: ControlContext,
  actor: StaffActor,
  broadcastId: string,
): Promise<Broadcast> {
  requireEditor(actor);
  const row = await transitionBroadcast(
    ctx.db,
    actor,
    broadcastId,
    ["scheduled", "sending"],
    "paused",
    "pause",
    { pauseReason: "manual", pausedAt: new Date() },
  );
  return toBroadcastDto(row, await deliveryCounts(ctx.db, broadcastId));
}

/** Continues a paused broadcast where it stopped: waves again if it had started, else its schedule. */
export async function resumeBroadcast(
  ctx: ControlContext,
  actor: StaffActor,
  broadcastId: string,
): Promise<Broadcast> {
  requireEditor(actor);
  const [current] = await ctx.db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, actor.wardId)));
  if (!current) throw notFound("đợt gửi");
  const to = current.startedAt ? "sending" : "scheduled";
  const row = await transitionBroadcast(ctx.db, actor, broadcastId, ["paused"], to, "resume", {
    pauseReason: null,
    pausedAt: null,
  });
  try {
    if (to === "sending")
      await enqueue(
        ctx.queues,
        "broadcast.wave",
        { broadcastId, afterId: 0 },
        { jobId: jobIds.wave(broadcastId) },
      );
    else await scheduleFanout(ctx.queues, broadcastId, row.scheduledAt);
  } catch (error) {
    ctx.onEnqueueError(error);
  }
  return toBroadcastDto(row, await deliveryCounts(ctx.db, broadcastId));
}

/** Cancels for good: rows not yet sent are closed as cancelled; a row in flight settles on its own. */
export async function cancelBroadcast(
  ctx: ControlContext,
  actor: StaffActor,
  broadcastId: string,
): Promise<Broadcast> {
  requireEditor(actor);
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await transitionBroadcast(
      tx as unknown as Db,
      actor,
      broadcastId,
      ["scheduled", "sending", "paused"],
      "cancelled",
      "cancel",
      { finishedAt: new Date() },
    );
    await closeCancelled(tx, [broadcastId]);
    await settlePostStatus(tx, updated.postId);
    return updated;
  });
  return toBroadcastDto(row, await deliveryCounts(ctx.db, broadcastId));
}

/**
 * What cancelled broadcasts leave behind: rows not yet sent are closed as cancelled (a row in flight
 * settles on its own). Their relay tasks drop out of heads' lists and reminders (relay.ts,
 * relay-deadlines.handler.ts look at the broadcast's status).
 */
export async function closeCancelled(tx: Tx, broadcastIds: string[]): Promise<void> {
  if (broadcastIds.length === 0) return;
  await tx.execute(sql`
    update deliveries
    set status = 'failed', error_code = 'cancelled', error_message = 'Đợt gửi đã bị hủy.', updated_at = now()
    where broadcast_id = any(${sqlArray(broadcastIds, "uuid")}) and status = 'pending'`);
}

/**
 * A post whose broadcasts have all ended is no longer "scheduled" or "sending": "sent" once any of
 * them finished or reached somebody, else back to "approved".
 */
export async function settlePostStatus(tx: Tx, postId: string): Promise<void> {
  await tx.execute(sql`
    update posts p set updated_at = now(), status = case
        when exists (select 1 from broadcasts b where b.post_id = p.id and b.status = 'sent') then 'sent'
        when exists (select 1 from broadcasts b join deliveries d on d.broadcast_id = b.id
                     where b.post_id = p.id and d.status in ('sent', 'delivered', 'seen')) then 'sent'
        else 'approved' end
    where p.id = ${postId}::uuid and p.status in ('scheduled', 'sending')
      and not exists (select 1 from broadcasts b
                      where b.post_id = p.id and b.status in ('scheduled', 'sending', 'paused'))`);
}

async function transitionBroadcast(
  db: Db,
  actor: StaffActor,
  broadcastId: string,
  from: (typeof broadcasts.$inferSelect)["status"][],
  to: (typeof broadcasts.$inferSelect)["status"],
  action: string,
  patch: Partial<typeof broadcasts.$inferInsert>,
) {
  const [updated] = await db
    .update(broadcasts)
    .set({ ...patch, status: to })
    .where(
      and(
        eq(broadcasts.id, broadcastId),
        eq(broadcasts.wardId, actor.wardId),
        inArray(broadcasts.status, from),
      ),
    )
    .returning();
  if (!updated) {
    const [exists] = await db
      .select({ status: broadcasts.status })
      .from(broadcasts)
      .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, actor.wardId)));
    if (!exists) throw notFound("đợt gửi");
    throw new AppError(
      "invalid_transition",
      `Đợt gửi đang ở trạng thái "${exists.status}", ` +
        `không thể ${action === "pause" ? "tạm dừng" : action === "resume" ? "tiếp tục" : "hủy"}.`,
    );
  }
  await recordAudit(db, {
    entityType: "broadcast",
    entityId: broadcastId,
    action,
    actor: { type: "staff", id: actor.id },
    fromStatus: from.join("|"),
    toStatus: to,
  });
  return updated;
}

/** The system pauses broadcasts under way for a person to look at (e.g. the OA lost its authorisation). */
export async function pauseBroadcasts(
  db: Db,
  broadcastIds: string[],
  reason: "oa_authorization",
): Promise<string[]> {
  const paused = await queryRows<{ id: string }>(
    db,
    sql`update broadcasts set status = 'paused', pause_reason = ${reason}, paused_at = now()
        where id = any(${sqlArray(broadcastIds, "uuid")}) and status = 'sending' returning id`,
  );
  for (const { id } of paused) {
    await recordAudit(db, {
      entityType: "broadcast",
      entityId: id,
      action: "auto_pause",
      actor: { type: "system" },
      fromStatus: "sending",
      toStatus: "paused",
      details: { reason },
    });
  }
  return paused.map((p) => p.id);
}

/**
 * listmonk's max_send_errors: when more than `threshold` of the last `window` settled OA sends of a
 * broadcast failed, the worker pauses it for a person to look at.
 */
export async function autoPauseOnErrors(
  db: Db,
  broadcastId: string,
  options: { window: number; threshold: number },
): Promise<boolean> {
  const result = (await db.execute(sql`
    with recent as (
      select status from deliveries
      where broadcast_id = ${broadcastId}::uuid and channel = 'oa' and status in ('sent', 'delivered', 'seen', 'failed')
      order by updated_at desc limit ${options.window}
    )
    update broadcasts set status = 'paused', pause_reason = 'error_rate', paused_at = now()
    where id = ${broadcastId}::uuid and status = 'sending'
      and (select count(*) from recent) >= ${options.window}
      and (select count(*) filter (where status = 'failed') from recent)::float / ${options.window}
          > ${options.threshold}
    returning id`)) as unknown as { rows: unknown[] };
  if (result.rows.length === 0) return false;
  await recordAudit(db, {
    entityType: "broadcast",
    entityId: broadcastId,
    action: "auto_pause",
    actor: { type: "system" },
    fromStatus: "sending",
    toStatus: "paused",
    details: options,
  });
  return true;
}
