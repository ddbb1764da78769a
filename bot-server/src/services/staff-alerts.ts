import { sql } from "drizzle-orm";
import type { Db } from "../store/database.js";

/** Ward-wide conditions said once while they last (relay alerts name their task instead). */
export type WardAlertKind = "oa_authorization_lost" | "webhook_events_set_aside";

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
    where not exists (select 1 from staff_alerts where ward_id = ${alert.wardId} and kind = ${alert.kind} and read_at is null)`);
}

/** The condition behind a kind of alert has ended (e.g. the OA is authorised again): its open alerts are closed. */
export async function resolveAlerts(db: Db, wardId: string, kind: WardAlertKind): Promise<void> {
  await db.execute(
    sql`update staff_alerts set read_at = now() where ward_id = ${wardId} and kind = ${kind} and read_at is null`,
  );
}
