import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "../services/audit.js";
import { queryRows } from "../store/database.js";
import { relayTasks, staffAlerts } from "../store/schema/index.js";
import { ZaloError } from "../zalo/zalo-error.js";
import type { JobHandler } from "./job-context.js";

interface TaskInfo {
  id: string;
  status: string;
  ward_id: string;
  broadcast_id: string | null;
  rumour_claim_id: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  title: string;
  group_name: string;
  head_oa_id: string | null;
  head_name: string;
}

async function taskInfo(
  ctx: Parameters<JobHandler<"relay.remind">>[0],
  relayTaskId: string,
): Promise<TaskInfo | undefined> {
  const [row] = await queryRows<TaskInfo>(
    ctx.db,
    sql`select t.id, t.status, g.ward_id, t.broadcast_id, t.rumour_claim_id, t.reminded_at, t.escalated_at,
               v.title, g.name as group_name, h.zalo_oa_user_id as head_oa_id, h.full_name as head_name
        from relay_tasks t join posts p on p.id = t.post_id left join broadcasts b on b.id = t.broadcast_id
        -- A clarification card (no broadcast) carries the clarification's approved version.
        join post_versions v on v.post_id = t.post_id and v.version = coalesce(b.post_version, p.approved_version)
        join residential_groups g on g.id = t.residential_group_id join residents h on h.id = t.head_resident_id
        -- A cancelled broadcast's task is over: no reminder, no escalation.
        where t.id = ${relayTaskId}::uuid and (b.status is null or b.status <> 'cancelled')`,
  );
  return row;
}

/** First deadline: remind the head by OA message (the open task also stays in their Mini App list). */
export const handleRelayRemind: JobHandler<"relay.remind"> = async (ctx, { relayTaskId }) => {
  const task = await taskInfo(ctx, relayTaskId);
  if (!task || task.status === "confirmed" || task.reminded_at) return;
  let note = "sent";
  let messageId: string | null = null;
  if (task.head_oa_id) {
    const link = `https://zalo.me/s/${ctx.config.ZALO_MINI_APP_ID}/head`;
    try {
      ({ messageId } = await ctx.oa.sendCsMessage(task.head_oa_id, {
        text:
          `⏰ Nhắc việc chuyển tiếp — bài chưa được chuyển vào nhóm Zalo của ${task.group_name}: ${task.title}\n\n` +
          `Mở Loa Phường để chia sẻ và xác nhận: ${link}`,
      }));
    } catch (error) {
      if (!(error instanceof ZaloError) || error.isTransient) throw error;
      note = `not_sent: zalo ${error.code ?? error.kind}`;
    }
  } else {
    note = "not_sent: head does not follow the OA";
  }
  await ctx.db
    .update(relayTasks)
    .set({ remindedAt: new Date(), remindMessageId: messageId })
    .where(and(eq(relayTasks.id, relayTaskId), isNull(relayTasks.remindedAt)));
  await recordAudit(ctx.db, {
    // A clarification card is recorded under the claim it answers.
    ...(task.broadcast_id
      ? { entityType: "broadcast" as const, entityId: task.broadcast_id }
      : { entityType: "rumour_claim" as const, entityId: task.rumour_claim_id ?? relayTaskId }),
    action: "relay_remind",
    actor: { type: "system" },
    details: { relayTaskId, note },
  });
};

/** Second deadline: the ward staff are alerted (shown on their dashboard). */
export const handleRelayEscalate: JobHandler<"relay.escalate"> = async (ctx, { relayTaskId }) => {
  const task = await taskInfo(ctx, relayTaskId);
  if (!task || task.status === "confirmed" || task.escalated_at) return;
  await ctx.db.transaction(async (tx) => {
    const [marked] = await tx
      .update(relayTasks)
      .set({ escalatedAt: new Date() })
      .where(
        and(
          eq(relayTasks.id, relayTaskId),
          isNull(relayTasks.escalatedAt),
          ne(relayTasks.status, "confirmed"),
        ),
      )
      .returning({ id: relayTasks.id });
    if (!marked) return;
    await tx.insert(staffAlerts).values({
      wardId: task.ward_id,
      kind: "relay_overdue",
      message: `${task.head_name} (${task.group_name}) chưa chuyển tiếp quá hạn bài: ${task.title}`,
      broadcastId: task.broadcast_id,
      relayTaskId,
    });
  });
};
