import {
  type CampaignTask,
  jobIds,
  type TaskBoard,
  type taskReportRequestSchema,
  type UnitKind,
} from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, notFound } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows } from "../store/database.js";
import {
  campaignTasks,
  campaignUnits,
  type residents,
  taskReports,
  unitMembers,
} from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";
import { attachUploads } from "./uploads.js";

type ResidentRow = typeof residents.$inferSelect;
type ReportInput = z.output<typeof taskReportRequestSchema>;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A deadline given as a ward day means the end of that day in Asia/Ho_Chi_Minh. */
export function deadlineOf(due: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? new Date(`${due}T23:59:59.999+07:00`) : new Date(due);
}

/** The ward's campaigns, newest first. */
export async function listCampaigns(db: Db, wardId: string) {
  const rows = await queryRows<{ id: string; title: string; starts_on: string; ends_on: string }>(
    db,
    sql`select id, title, starts_on::text, ends_on::text from campaigns where ward_id = ${wardId}
        order by starts_on desc, created_at desc`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, startsOn: r.starts_on, endsOn: r.ends_on }));
}

async function campaignOf(db: Db, wardId: string, campaignId: string): Promise<void> {
  const [found] = await queryRows<{ id: string }>(
    db,
    sql`select id from campaigns where id = ${campaignId}::uuid and ward_id = ${wardId}`,
  );
  if (!found) throw notFound("kế hoạch, chiến dịch");
}

async function unitOf(db: Db, wardId: string, unitId: string) {
  const [unit] = await db
    .select()
    .from(campaignUnits)
    .where(and(eq(campaignUnits.id, unitId), eq(campaignUnits.wardId, wardId)));
  if (!unit) throw notFound("đơn vị");
  return unit;
}

/** A responsible unit of a campaign (its name unique within the campaign). */
export async function createUnit(
  db: Db,
  staff: StaffActor,
  campaignId: string,
  data: { name: string; kind: UnitKind },
): Promise<{ id: string }> {
  await campaignOf(db, staff.wardId, campaignId);
  const [unit] = await db
    .insert(campaignUnits)
    .values({ wardId: staff.wardId, campaignId, name: data.name, kind: data.kind })
    .onConflictDoNothing()
    .returning({ id: campaignUnits.id });
  if (!unit) throw new AppError("conflict", "Kế hoạch đã có đơn vị tên này.");
  return unit;
}

/** A resident of the ward who reports for the unit (from the Mini App). */
export async function addUnitMember(
  db: Db,
  staff: StaffActor,
  unitId: string,
  residentId: string,
): Promise<void> {
  await unitOf(db, staff.wardId, unitId);
  const [resident] = await queryRows<{ id: string }>(
    db,
    sql`select id from residents where id = ${residentId}::uuid and ward_id = ${staff.wardId} and deleted_at is null`,
  );
  if (!resident) throw notFound("người dân này trong phường");
  await db.insert(unitMembers).values({ unitId, residentId }).onConflictDoNothing();
}

/** The reminder before the deadline and the escalation after it, as delayed jobs with stable ids. */
export async function scheduleTaskDeadlines(
  queues: Queues,
  config: { TASK_REMIND_BEFORE_MS: number },
  task: { id: string; dueAt: Date },
): Promise<void> {
  const untilDue = task.dueAt.getTime() - Date.now();
  await enqueue(
    queues,
    "task.remind",
    { taskId: task.id, urged: false },
    { jobId: jobIds.taskRemind(task.id), delay: Math.max(0, untilDue - config.TASK_REMIND_BEFORE_MS) },
  );
  await enqueue(
    queues,
    "task.escalate",
    { taskId: task.id },
    { jobId: jobIds.taskEscalate(task.id), delay: Math.max(0, untilDue) },
  );
}

/** A unit's task with its deadline; the reminder and the escalation are scheduled at once. */
export async function createTask(
  db: Db,
  queues: Queues,
  config: { TASK_REMIND_BEFORE_MS: number },
  staff: StaffActor,
  data: { unitId: string; title: string; due: string },
): Promise<CampaignTask> {
  await unitOf(db, staff.wardId, data.unitId);
  const [task] = await db
    .insert(campaignTasks)
    .values({
      wardId: staff.wardId,
      unitId: data.unitId,
      title: data.title,
      dueAt: deadlineOf(data.due),
      createdById: staff.id,
    })
    .returning();
  await scheduleTaskDeadlines(queues, config, task!);
  return oneTask(db, staff.wardId, task!.id);
}

interface TaskRow {
  id: string;
  title: string;
  due_at: Date | string;
  status: "open" | "done";
  done_at: Date | string | null;
  reminded_at: Date | string | null;
  escalated_at: Date | string | null;
  urged_at: Date | string | null;
  unit_id: string;
  unit_name: string;
  unit_kind: UnitKind;
  reports: { text: string; by: string; at: string; done: boolean; photos: string[] }[];
}

async function tasksWhere(db: Db, wardId: string, where: ReturnType<typeof sql>): Promise<CampaignTask[]> {
  const rows = await queryRows<TaskRow>(
    db,
    sql`select t.id, t.title, t.due_at, t.status, t.done_at, t.reminded_at, t.escalated_at, t.urged_at,
               u.id as unit_id, u.name as unit_name, u.kind as unit_kind,
               coalesce((select json_agg(json_build_object(
                           'text', r.text, 'at', r.created_at, 'done', r.marks_done,
                           'by', coalesce(st.display_name, res.full_name, 'Người dân (đã xóa dữ liệu)'),
                           'photos', coalesce((select json_agg('/api/uploads/' || up.id order by up.created_at)
                                               from uploads up where up.task_report_id = r.id), '[]'::json))
                         order by r.created_at)
                         from task_reports r left join staff_accounts st on st.id = r.staff_id
                         left join residents res on res.id = r.resident_id
                         where r.task_id = t.id), '[]'::json) as reports
        from campaign_tasks t join campaign_units u on u.id = t.unit_id
        where t.ward_id = ${wardId} and ${where}
        order by t.status, t.due_at, t.created_at`,
  );
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    dueAt: iso(r.due_at)!,
    status: r.status,
    isLate: r.status === "open" && new Date(r.due_at).getTime() < now,
    doneAt: iso(r.done_at),
    remindedAt: iso(r.reminded_at),
    escalatedAt: iso(r.escalated_at),
    urgedAt: iso(r.urged_at),
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    reports: r.reports.map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
  }));
}

export async function oneTask(db: Db, wardId: string, taskId: string): Promise<CampaignTask> {
  const [task] = await tasksWhere(db, wardId, sql`t.id = ${taskId}::uuid`);
  if (!task) throw notFound("nhiệm vụ");
  return task;
}

/** Staff's board for a campaign: each unit with its members and counts, and every task by deadline. */
export async function taskBoard(db: Db, wardId: string, campaignId: string): Promise<TaskBoard> {
  await campaignOf(db, wardId, campaignId);
  const tasks = await tasksWhere(db, wardId, sql`u.campaign_id = ${campaignId}::uuid`);
  const units = await queryRows<{
    id: string;
    name: string;
    kind: UnitKind;
    members: { id: string; name: string }[];
  }>(
    db,
    sql`select u.id, u.name, u.kind,
               coalesce((select json_agg(json_build_object('id', r.id, 'name', r.full_name) order by r.full_name)
                         from unit_members m join residents r on r.id = m.resident_id
                         where m.unit_id = u.id and r.deleted_at is null), '[]'::json) as members
        from campaign_units u where u.campaign_id = ${campaignId}::uuid order by u.name`,
  );
  return {
    units: units.map((u) => {
      const own = tasks.filter((t) => t.unit.id === u.id);
      return {
        ...u,
        open: own.filter((t) => t.status === "open" && !t.isLate).length,
        late: own.filter((t) => t.isLate).length,
        done: own.filter((t) => t.status === "done").length,
      };
    }),
    tasks,
  };
}

/** The tasks of the units a resident reports for (the Mini App's "Nhiệm vụ của đơn vị"). */
export async function myTasks(db: Db, resident: ResidentRow): Promise<CampaignTask[]> {
  return tasksWhere(
    db,
    resident.wardId,
    sql`exists (select 1 from unit_members m where m.unit_id = t.unit_id and m.resident_id = ${resident.id}::uuid)`,
  );
}

/**
 * A progress report, by one of the unit's members (with their photos) or by an officer. A report that
 * says the task is done closes it and cancels its reminder and escalation.
 */
export async function reportTask(
  db: Db,
  queues: Queues,
  by: { resident: ResidentRow } | { staff: StaffActor },
  taskId: string,
  data: ReportInput,
): Promise<CampaignTask> {
  const wardId = "resident" in by ? by.resident.wardId : by.staff.wardId;
  const task = await oneTask(db, wardId, taskId);
  if ("resident" in by) {
    const [member] = await db
      .select()
      .from(unitMembers)
      .where(and(eq(unitMembers.unitId, task.unit.id), eq(unitMembers.residentId, by.resident.id)));
    if (!member) throw new AppError("forbidden", "Bạn không thuộc đơn vị được giao nhiệm vụ này.");
  } else if (data.uploadIds.length > 0) {
    throw new AppError("validation_failed", "Cán bộ đính kèm ảnh từ màn hình của người dân.", [
      { field: "body.uploadIds", message: "Không đính kèm ảnh ở đây" },
    ]);
  }
  await db.transaction(async (tx) => {
    const [report] = await tx
      .insert(taskReports)
      .values({
        taskId,
        text: data.text,
        marksDone: data.done,
        ...("resident" in by ? { residentId: by.resident.id } : { staffId: by.staff.id }),
      })
      .returning({ id: taskReports.id });
    if ("resident" in by)
      await attachUploads(tx, by.resident.id, data.uploadIds, { taskReportId: report!.id });
    if (data.done && task.status === "open")
      await tx
        .update(campaignTasks)
        .set({ status: "done", doneAt: new Date() })
        .where(eq(campaignTasks.id, taskId));
  });
  if (data.done) {
    await queues.broadcasts.remove(jobIds.taskRemind(taskId)).catch(() => 0);
    await queues.broadcasts.remove(jobIds.taskEscalate(taskId)).catch(() => 0);
  }
  return oneTask(db, wardId, taskId);
}

/** Đôn đốc: an officer urges the unit now, one message to its members (a double tap sends one). */
export async function urgeTask(
  db: Db,
  queues: Queues,
  staff: StaffActor,
  taskId: string,
): Promise<CampaignTask> {
  const task = await oneTask(db, staff.wardId, taskId);
  if (task.status === "done") throw new AppError("invalid_transition", "Nhiệm vụ đã hoàn thành.");
  await enqueue(
    queues,
    "task.remind",
    { taskId, urged: true },
    { jobId: jobIds.taskUrge(taskId, Date.now()) },
  );
  await db.update(campaignTasks).set({ urgedAt: new Date() }).where(eq(campaignTasks.id, taskId));
  await recordAudit(db, {
    entityType: "campaign_task",
    entityId: taskId,
    action: "urge",
    actor: { type: "staff", id: staff.id },
  });
  return oneTask(db, staff.wardId, taskId);
}
