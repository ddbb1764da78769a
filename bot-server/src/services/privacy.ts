import { rm } from "node:fs/promises";
import path from "node:path";
import type { MyData } from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../store/database.js";
import {
  residentialGroups,
  residentRoles,
  residents,
  schools,
  sessions,
  signals,
  uploads,
} from "../store/schema/index.js";
import { recordAudit } from "./audit.js";

type ResidentRow = typeof residents.$inferSelect;

/** Everything the ward holds about a resident, in the words the "My data" page shows. */
export async function myData(db: Db, resident: ResidentRow): Promise<MyData> {
  const [group] = resident.residentialGroupId
    ? await db
        .select({ name: residentialGroups.name })
        .from(residentialGroups)
        .where(eq(residentialGroups.id, resident.residentialGroupId))
    : [];
  const roles = await db
    .select({ role: residentRoles.role, school: schools.name })
    .from(residentRoles)
    .leftJoin(schools, eq(schools.id, residentRoles.schoolId))
    .where(eq(residentRoles.residentId, resident.id));
  const own = await queryRows<{
    kind: string;
    text: string | null;
    post_title: string | null;
    sent_at: Date | string;
  }>(
    db,
    sql`select s.kind, s.text, v.title as post_title, s.sent_at from signals s left join posts p on p.id = s.post_id
        left join post_versions v on v.post_id = p.id and v.version = p.approved_version
        where s.resident_id = ${resident.id}::uuid order by s.sent_at desc limit 500`,
  );
  const [counts] = await queryRows<{ reactions: number; polls: number; messages: number; uploads: number }>(
    db,
    sql`select (select count(*)::int from post_reactions where resident_id = ${resident.id}::uuid) as reactions,
               (select count(*)::int from poll_answers where resident_id = ${resident.id}::uuid) as polls,
               (select count(*)::int from deliveries
                where resident_id = ${resident.id}::uuid and zalo_message_id is not null) as messages,
               (select count(*)::int from uploads where resident_id = ${resident.id}::uuid) as uploads`,
  );
  return {
    profile: {
      fullName: resident.fullName,
      phone: resident.phone,
      residentialGroup: group?.name ?? null,
      membershipStatus: resident.membershipStatus,
      civicRoles: roles.map((r) => ({ role: r.role, school: r.school })),
      isFollower: resident.isFollower,
      notificationsAllowed: resident.notificationsAllowed,
      consentedAt: resident.consentedAt?.toISOString() ?? null,
      createdAt: resident.createdAt.toISOString(),
    },
    signals: own.map((s) => ({
      kind: s.kind,
      text: s.text,
      postTitle: s.post_title,
      sentAt: new Date(s.sent_at).toISOString(),
    })),
    reactions: counts?.reactions ?? 0,
    pollAnswers: counts?.polls ?? 0,
    messagesReceived: counts?.messages ?? 0,
    uploads: counts?.uploads ?? 0,
  };
}

/**
 * The privacy delete (Nghị định 13/2023): names, Zalo ids, phone, roles, texts and photos go; the row
 * stays as an anonymous tombstone so counts per broadcast, post and group still add up.
 */
export async function deleteMyData(db: Db, resident: ResidentRow, uploadsDir: string): Promise<void> {
  const files = await db.transaction(async (tx) => {
    await tx
      .update(residents)
      .set({
        fullName: "(đã xóa)",
        zaloAppUserId: null,
        zaloOaUserId: null,
        phone: null,
        phoneConsentedAt: null,
        isFollower: false,
        followChangedAt: null,
        lastInteractionAt: null,
        notificationsAllowed: false,
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(residents.id, resident.id));
    await tx.delete(residentRoles).where(eq(residentRoles.residentId, resident.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.subjectType, "resident"), eq(sessions.subjectId, resident.id)));
    await tx
      .update(signals)
      .set({ text: null, searchText: null, payload: {} })
      .where(eq(signals.residentId, resident.id));
    await scrubTraces(tx, resident);
    const removed = await tx
      .delete(uploads)
      .where(eq(uploads.residentId, resident.id))
      .returning({ storageKey: uploads.storageKey });
    await recordAudit(tx, {
      entityType: "resident",
      entityId: resident.id,
      action: "privacy_delete",
      actor: { type: "resident", id: resident.id },
    });
    return removed.map((u) => u.storageKey);
  });
  await Promise.all(files.map((key) => rm(path.join(uploadsDir, key), { force: true })));
}

/**
 * What else holds the resident's words or names beyond their own rows: the bodies of the Zalo events
 * they sent or received (chat text and Zalo ids; the event's kind stays, for the counts), the staff's
 * replies to them, and alerts naming them as a group head.
 */
async function scrubTraces(tx: Tx, resident: ResidentRow): Promise<void> {
  const ids = [resident.zaloOaUserId, resident.zaloAppUserId].filter((id): id is string => Boolean(id));
  for (const id of ids) {
    // Zalo ids are digits; quoted, so one id cannot match inside a longer one.
    await tx.execute(sql`
      update webhook_events
      set raw_body = json_build_object('event_name', event_name, 'scrubbed', true)::text
      where strpos(raw_body, ${`"${id}"`}) > 0`);
  }
  await tx.execute(sql`
    update signal_replies set text = '(đã xóa theo yêu cầu của người dân)'
    where signal_id in (select id from signals where resident_id = ${resident.id}::uuid)`);
  if (resident.fullName !== "(đã xóa)") {
    await tx.execute(sql`
      update staff_alerts set message = replace(message, ${resident.fullName}, '(đã xóa)')
      where relay_task_id in (select id from relay_tasks where head_resident_id = ${resident.id}::uuid)`);
  }
}
