import type { ResidentialGroup, School } from "@loa-phuong/shared";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { residentialGroups, schools } from "../store/schema/index.js";

/** The ward's residential groups (tổ dân phố) with their confirmed members, by code. */
export async function listResidentialGroups(db: Db, wardId: string): Promise<ResidentialGroup[]> {
  return db
    .select({
      id: residentialGroups.id,
      code: residentialGroups.code,
      name: residentialGroups.name,
      area: residentialGroups.area,
      // Written out: inside a sub-select drizzle renders the column unqualified, which would mean r.id.
      members: sql<number>`(select count(*)::int from residents r
        where r.residential_group_id = "residential_groups"."id" and r.membership_status = 'confirmed')`,
    })
    .from(residentialGroups)
    .where(eq(residentialGroups.wardId, wardId))
    .orderBy(asc(residentialGroups.code));
}

/** The ward's schools, by level then name. */
export async function listSchools(db: Db, wardId: string): Promise<School[]> {
  const rows = await db
    .select()
    .from(schools)
    .where(eq(schools.wardId, wardId))
    .orderBy(asc(schools.level), asc(schools.name));
  return rows.map((s) => ({ id: s.id, name: s.name, level: s.level, address: s.address }));
}
