import { sql } from "drizzle-orm";
import type { Db } from "../store/database.js";

/**
 * Raises a ward-wide alert for staff unless one of the same kind is still unread: a condition that
 * lasts (the OA lost its authorisation) is said once, not once per failed call.
 */
export async function raiseAlertOnce(db: Db, alert: { wardId: string; kind: "oa_authorization_lost"; message: string }): Promise<void> {
  await db.execute(sql`
    insert into staff_alerts (ward_id, kind, message)
    select ${alert.wardId}, ${alert.kind}, ${alert.message}
    where not exists (select 1 from staff_alerts where ward_id = ${alert.wardId} and kind = ${alert.kind} and read_at is null)`);
}
