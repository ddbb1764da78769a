import { formatDate } from "@loa-phuong/shared";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../services/audit.js";
import { queryRows } from "../store/database.js";
import { campaignTasks, staffAlerts } from "../store/schema/index.js";
import { ZaloError } from "../zalo/zalo-error.js";
import type { JobHandler } from "./job-context.js";

interface TaskInfo {
  id: string;
  ward_id: string;
  status: "open" | "done";
  title: string;
  due_at: Date | string;
  reminded_at: Date | string | null;
  escalated_at: Date | string | null;
  unit_name: string;
}

async function taskInfo(ctx: Parameters<JobHandler<"task.remind">>[0], taskId: string) {
  const [row] = await queryRows<TaskInfo>(
    ctx.db,
    sql`select t.id, t.ward_id, t.status, t.title, t.due_at, t.reminded_at, t.escalated_at, u.name as unit_name
        from campaign_tasks t join campaign_units u on u.id = t.unit_id where t.id = ${taskId}::uuid`,
  );
  return row;
}

/**
 * Before the deadline, or when an officer urges (đôn đốc): each member of the unit who follows the OA
 * gets a message; the task also waits in their Mini App. The scheduled reminder is sent once.
 */
export const handleTaskRemind: JobHandler<"task.remind"> = async (ctx, { taskId, urged }) => {
  const task = await taskInfo(ctx, taskId);
  if (!task || task.status === "done" || (!urged && task.reminded_at)) return;
  const members = await queryRows<{ id: string; oa_id: string | null }>(
    ctx.db,
    sql`select r.id, r.zalo_oa_user_id as oa_id from unit_members m join campaign_tasks t on t.unit_id = m.unit_id
        join residents r on r.id = m.resident_id
        where t.id = ${taskId}::uuid and r.deleted_at is null and r.is_follower`,
  );
  const lead = urged ? "📣 Phường đôn đốc" : "⏰ Nhắc hạn";
  const link = `https://zalo.me/s/${ctx.config.ZALO_MINI_APP_ID}/tasks`;
  const notes: string[] = [];
  for (const member of members) {
    if (!member.oa_id) continue;
    try {
      await ctx.oa.sendCsMessage(member.oa_id, {
        text:
          `${lead} — ${task.unit_name}: ${task.title}\nHạn: ${formatDate(task.due_at)}.\n\n` +
          `Báo cáo kết quả trong Loa Phường: ${link}`,
      });
      notes.push(`${member.id}: sent`);
    } catch (error) {
      if (!(error instanceof ZaloError) || error.isTransient) throw error;
      notes.push(`${member.id}: not_sent zalo ${error.code ?? error.kind}`);
    }
  }
  if (!urged)
    await ctx.db
      .update(campaignTasks)
      .set({ remindedAt: new Date() })
      .where(and(eq(campaignTasks.id, taskId), isNull(campaignTasks.remindedAt)));
  await recordAudit(ctx.db, {
    entityType: "campaign_task",
    entityId: taskId,
    action: urged ? "urge_sent" : "remind",
    actor: { type: "system" },
    details: { members: notes },
  });
};

/** Past the deadline and not done: the ward staff are alerted once (shown on their dashboard). */
export const handleTaskEscalate: JobHandler<"task.escalate"> = async (ctx, { taskId }) => {
  const task = await taskInfo(ctx, taskId);
  if (!task || task.status === "done" || task.escalated_at) return;
  // A deadline moved later leaves this job early: the job for the new deadline takes over.
  if (new Date(task.due_at).getTime() > Date.now()) return;
  await ctx.db.transaction(async (tx) => {
    const [marked] = await tx
      .update(campaignTasks)
      .set({ escalatedAt: new Date() })
      .where(
        and(
          eq(campaignTasks.id, taskId),
          isNull(campaignTasks.escalatedAt),
          eq(campaignTasks.status, "open"),
        ),
      )
      .returning({ id: campaignTasks.id });
    if (!marked) return;
    await tx.insert(staffAlerts).values({
      wardId: task.ward_id,
      kind: "task_overdue",
      message: `${task.unit_name} chưa hoàn thành nhiệm vụ quá hạn ${formatDate(task.due_at)}: ${task.title}`,
      dedupKey: `task:${taskId}`,
      details: { taskId },
    });
  });
};
