import type { StaffAlert } from "@loa-phuong/shared";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { staffAlerts } from "../store/schema/index.js";

/** Ward-wide conditions said once while they last (relay alerts name their task instead). */
export type WardAlertKind =
  | "oa_authorization_lost"
  | "oa_refresh_expiring"
  | "webhook_events_set_aside"
  | "webhook_signature_failures"
  | "channel_stopped";

/**
 * Raises a ward-wide alert for staff unless one of the same kind is still open: a condition that
 * lasts (the OA lost its authorisation) is said once, not once per failed call. `resolveAlerts`
 * closes it when the condition ends, so the next time it happens is said again.
 */
export async function raiseAlertOnce(
  db: Db,
  alert: { wardId: string; kind: WardAlertKind; message: string },
): Promise<void> {
  await db.execute(sql`
    insert into staff_alerts (ward_id, kind, message)
    select ${alert.wardId}, ${alert.kind}, ${alert.message}
    where not exists (select 1 from staff_alerts
                      where ward_id = ${alert.wardId} and kind = ${alert.kind} and read_at is null)`);
}

/** The condition behind a kind of alert has ended (e.g. the OA is authorised again): its open alerts are closed. */
export async function resolveAlerts(db: Db, wardId: string, kind: WardAlertKind): Promise<void> {
  await db.execute(
    sql`update staff_alerts set read_at = now() where ward_id = ${wardId} and kind = ${kind} and read_at is null`,
  );
}

/** The ward's latest alerts for staff, newest first. */
export async function listStaffAlerts(db: Db, wardId: string): Promise<StaffAlert[]> {
  const rows = await db
    .select()
    .from(staffAlerts)
    .where(eq(staffAlerts.wardId, wardId))
    .orderBy(desc(staffAlerts.createdAt))
    .limit(100);
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    message: a.message,
    broadcastId: a.broadcastId,
    createdAt: a.createdAt.toISOString(),
    readAt: a.readAt?.toISOString() ?? null,
  }));
}
