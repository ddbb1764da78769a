import { randomBytes } from "node:crypto";
import { jobIds, type RelayTask } from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { AppError, notFound } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows, type Tx } from "../store/database.js";
import { relayOpens, relayTasks, residentialGroups, type residents } from "../store/schema/index.js";

type ResidentRow = typeof residents.$inferSelect;

export const relayRef = () => `r-${randomBytes(9).toString("base64url")}`;
export const relaySharePath = (postId: string, ref: string) => `/post/${postId}?relay=${ref}`;

/**
 * One relay task per residential group the broadcast reached, for that group's head (a confirmed
 * member with the group_head role). Runs inside the fan-out transaction; unique per broadcast × group.
 */
export async function createRelayTasks(tx: Tx, broadcastId: string): Promise<{ id: string }[]> {
  const heads = await queryRows<{ group_id: string; head_id: string; post_id: string }>(
    tx,
    sql`select distinct on (r.residential_group_id) r.residential_group_id as group_id, h.id as head_id,
               b.post_id
        from deliveries d join broadcasts b on b.id = d.broadcast_id join residents r on r.id = d.resident_id
        join residents h on h.residential_group_id = r.residential_group_id
                          and h.membership_status = 'confirmed' and h.deleted_at is null
        join resident_roles hr on hr.resident_id = h.id and hr.role = 'group_head'
        where d.broadcast_id = ${broadcastId}::uuid and r.residential_group_id is not null
        order by r.residential_group_id, h.created_at`,
  );
  if (heads.length === 0) return [];
  return tx
    .insert(relayTasks)
    .values(
      heads.map((h) => ({
        broadcastId,
        postId: h.post_id,
        residentialGroupId: h.group_id,
        headResidentId: h.head_id,
        ref: relayRef(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: relayTasks.id });
}

/** The reminder and the escalation, as delayed jobs with stable ids (removed when the head confirms). */
export async function scheduleRelayDeadlines(
  queues: Queues,
  config: { RELAY_REMIND_AFTER_MS: number; RELAY_ESCALATE_AFTER_MS: number },
  task: { id: string; createdAt: Date },
): Promise<void> {
  const since = Date.now() - task.createdAt.getTime();
  await enqueue(
    queues,
    "relay.remind",
    { relayTaskId: task.id },
    { jobId: jobIds.relayRemind(task.id), delay: Math.max(0, config.RELAY_REMIND_AFTER_MS - since) },
  );
  await enqueue(
    queues,
    "relay.escalate",
    { relayTaskId: task.id },
    { jobId: jobIds.relayEscalate(task.id), delay: Math.max(0, config.RELAY_ESCALATE_AFTER_MS - since) },
  );
}

interface TaskRow {
  id: string;
  broadcast_id: string | null;
  claim_id: string | null;
  claim_topic: string | null;
  post_id: string;
  title: string;
  kind: string;
  summary: string | null;
  image_url: string | null;
  status: RelayTask["status"];
  ref: string;
  created_at: Date | string;
  shared_at: Date | string | null;
  confirmed_at: Date | string | null;
  reminded_at: Date | string | null;
  opens_total: number;
  opens_unique: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toTask(row: TaskRow, miniAppId: string): RelayTask {
  const sharePath = relaySharePath(row.post_id, row.ref);
  return {
    id: row.id,
    broadcastId: row.broadcast_id,
    clarification: row.claim_id ? { claimId: row.claim_id, topic: row.claim_topic ?? "" } : null,
    post: {
      id: row.post_id,
      title: row.title,
      kind: row.kind,
      summary: row.summary,
      imageUrl: row.image_url,
    },
    status: row.status,
    ref: row.ref,
    sharePath,
    shareUrl: `https://zalo.me/s/${miniAppId}${sharePath}`,
    createdAt: iso(row.created_at)!,
    sharedAt: iso(row.shared_at),
    confirmedAt: iso(row.confirmed_at),
    remindedAt: iso(row.reminded_at),
    opens: { total: row.opens_total, uniqueResidents: row.opens_unique },
  };
}

/** A head's tasks (open first, newest first); a head only ever sees their own. */
export async function headTasks(
  db: Db,
  head: ResidentRow,
  miniAppId: string,
  taskId?: string,
): Promise<RelayTask[]> {
  const rows = await queryRows<TaskRow>(
    db,
    sql`select t.id, t.broadcast_id, p.id as post_id, v.title, p.kind, v.summary, v.image_url, t.status, t.ref,
               t.created_at, t.shared_at, t.confirmed_at, t.reminded_at,
               t.rumour_claim_id as claim_id, rc.topic as claim_topic,
               (select count(*)::int from relay_opens o where o.relay_task_id = t.id) as opens_total,
               (select count(distinct o.resident_id)::int from relay_opens o
                where o.relay_task_id = t.id) as opens_unique
        from relay_tasks t join posts p on p.id = t.post_id left join broadcasts b on b.id = t.broadcast_id
        -- A broadcast's task forwards the version it sent; a clarification card (no broadcast), the
        -- clarification's approved version.
        join post_versions v on v.post_id = t.post_id and v.version = coalesce(b.post_version, p.approved_version)
        left join rumour_claims rc on rc.id = t.rumour_claim_id
        where t.head_resident_id = ${head.id}::uuid ${taskId ? sql`and t.id = ${taskId}::uuid` : sql``}
          -- Nothing left to forward once a broadcast is cancelled (a task already confirmed stays in the history).
          and (b.status is null or b.status <> 'cancelled' or t.status = 'confirmed')
        order by (t.status = 'confirmed'), t.created_at desc limit 200`,
  );
  return rows.map((r) => toTask(r, miniAppId));
}

export async function markShared(
  db: Db,
  head: ResidentRow,
  taskId: string,
  miniAppId: string,
): Promise<RelayTask> {
  await db
    .update(relayTasks)
    .set({
      status: sql`case when ${relayTasks.status} = 'open' then 'shared' else ${relayTasks.status} end`,
      sharedAt: sql`coalesce(${relayTasks.sharedAt}, now())`,
    })
    .where(and(eq(relayTasks.id, taskId), eq(relayTasks.headResidentId, head.id)));
  const [task] = await headTasks(db, head, miniAppId, taskId);
  if (!task) throw notFound("việc chuyển tiếp");
  return task;
}

/** "Đã chuyển tiếp": the task is done and its reminder and escalation are cancelled. */
export async function confirmRelay(
  db: Db,
  queues: Queues,
  head: ResidentRow,
  taskId: string,
  miniAppId: string,
): Promise<RelayTask> {
  const [updated] = await db
    .update(relayTasks)
    .set({
      status: "confirmed",
      confirmedAt: sql`coalesce(${relayTasks.confirmedAt}, now())`,
      sharedAt: sql`coalesce(${relayTasks.sharedAt}, now())`,
    })
    .where(and(eq(relayTasks.id, taskId), eq(relayTasks.headResidentId, head.id)))
    .returning({ id: relayTasks.id });
  if (!updated) throw notFound("việc chuyển tiếp");
  // The jobs also check the task's state when they run, so a failed removal only costs a no-op run.
  await Promise.all(
    [jobIds.relayRemind(taskId), jobIds.relayEscalate(taskId)].map((id) =>
      queues.broadcasts.remove(id).catch(() => 0),
    ),
  );
  return (await headTasks(db, head, miniAppId, taskId))[0]!;
}

/** Counts an opening of the Mini App through a head's link; offers the group to a resident without one. */
export async function recordRelayOpen(db: Db, resident: ResidentRow, ref: string) {
  const [task] = await db
    .select({ id: relayTasks.id, groupId: relayTasks.residentialGroupId, groupName: residentialGroups.name })
    .from(relayTasks)
    .innerJoin(residentialGroups, eq(residentialGroups.id, relayTasks.residentialGroupId))
    .where(eq(relayTasks.ref, ref));
  if (!task) throw new AppError("not_found", "Liên kết chuyển tiếp không còn hiệu lực.");
  await db.insert(relayOpens).values({ relayTaskId: task.id, residentId: resident.id });
  return {
    counted: true,
    joinOffer: resident.residentialGroupId
      ? null
      : { residentialGroupId: task.groupId, name: task.groupName },
  };
}
