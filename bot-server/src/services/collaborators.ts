import type { Collaborator, CollaboratorCandidate } from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { residentRoles } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The ward's public-opinion collaborators, by group then name, with how recently each reported. */
export async function listCollaborators(db: Db, wardId: string): Promise<Collaborator[]> {
  const rows = await queryRows<{
    id: string;
    full_name: string;
    group_id: string | null;
    group_name: string | null;
    appointed_at: Date | string;
    last_report_at: Date | string | null;
    reports_30d: number;
  }>(
    db,
    sql`select r.id, r.full_name, g.id as group_id, g.name as group_name, rr.created_at as appointed_at,
               (select max(s.sent_at) from signals s
                where s.resident_id = r.id and s.kind = 'opinion_report') as last_report_at,
               (select count(*)::int from signals s where s.resident_id = r.id and s.kind = 'opinion_report'
                  and s.sent_at > now() - interval '30 days') as reports_30d
        from resident_roles rr join residents r on r.id = rr.resident_id
        left join residential_groups g on g.id = r.residential_group_id
        where rr.role = 'opinion_collaborator' and r.ward_id = ${wardId} and r.deleted_at is null
        order by g.code nulls last, r.full_name`,
  );
  return rows.map((r) => ({
    residentId: r.id,
    fullName: r.full_name,
    residentialGroup: r.group_id && r.group_name ? { id: r.group_id, name: r.group_name } : null,
    appointedAt: iso(r.appointed_at)!,
    lastReportAt: iso(r.last_report_at),
    reportsLast30Days: Number(r.reports_30d),
  }));
}

/** The confirmed members of one of the ward's groups, as staff choose whom to appoint. */
export async function collaboratorCandidates(
  db: Db,
  wardId: string,
  groupId: string,
): Promise<CollaboratorCandidate[]> {
  const rows = await queryRows<{ id: string; full_name: string; roles: string[] }>(
    db,
    sql`select r.id, r.full_name,
               coalesce(array_agg(rr.role) filter (where rr.role is not null), '{}') as roles
        from residents r join residential_groups g on g.id = r.residential_group_id
        left join resident_roles rr on rr.resident_id = r.id
        where g.ward_id = ${wardId} and g.id = ${groupId}::uuid and r.membership_status = 'confirmed'
          and r.deleted_at is null
        group by r.id order by r.full_name limit 1000`,
  );
  return rows.map((r) => ({
    residentId: r.id,
    fullName: r.full_name,
    isCollaborator: r.roles.includes("opinion_collaborator"),
    isGroupHead: r.roles.includes("group_head"),
  }));
}

/**
 * Appoints a resident of the ward as a collaborator: from their next sign-in the Mini App offers them
 * the opinion report. Appointing someone already appointed changes nothing.
 */
export async function appointCollaborator(
  db: Db,
  staff: StaffActor,
  residentId: string,
): Promise<Collaborator> {
  const [resident] = await queryRows<{ id: string }>(
    db,
    sql`select id from residents
        where id = ${residentId}::uuid and ward_id = ${staff.wardId} and deleted_at is null`,
  );
  if (!resident) throw new AppError("not_found", "Không tìm thấy người dân này trong phường.");
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(residentRoles)
      .values({ residentId, role: "opinion_collaborator" })
      .onConflictDoNothing()
      .returning({ id: residentRoles.id });
    if (added.length)
      await recordAudit(tx, {
        entityType: "resident",
        entityId: residentId,
        action: "appoint_opinion_collaborator",
        actor: { type: "staff", id: staff.id },
      });
  });
  return (await listCollaborators(db, staff.wardId)).find((c) => c.residentId === residentId)!;
}

/** Ends an appointment; their reports stay in the inbox and in the figures. */
export async function dismissCollaborator(db: Db, staff: StaffActor, residentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(residentRoles)
      .where(
        and(
          eq(residentRoles.residentId, residentId),
          eq(residentRoles.role, "opinion_collaborator"),
          sql`exists (select 1 from residents r where r.id = ${residentRoles.residentId}
                      and r.ward_id = ${staff.wardId})`,
        ),
      )
      .returning({ id: residentRoles.id });
    if (removed.length === 0)
      throw new AppError("not_found", "Người này không phải cộng tác viên của phường.");
    await recordAudit(tx, {
      entityType: "resident",
      entityId: residentId,
      action: "dismiss_opinion_collaborator",
      actor: { type: "staff", id: staff.id },
    });
  });
}
