import { sql } from "drizzle-orm";
import {
  type GroupBucket,
  groupBucket,
  groupKeyOf,
  NO_GROUP_LABEL,
  SMALL_GROUPS_LABEL,
} from "../opinion/spikes.js";
import { type Db, queryRows } from "../store/database.js";

/** A row of an aggregate: a residential group by name, or one of the folded rows. */
export interface GroupRow {
  /** The group's id, "small" (groups under 5 residents) or "none" (no group known). */
  key: string;
  /** The group's id when it is named, otherwise null. */
  groupId: string | null;
  label: string;
}

/**
 * The ward's residential groups as aggregates may show them: each group of at least 5 confirmed residents
 * by name, the others folded into "Các tổ dưới 5 người" so that no count points at a few households.
 */
export interface WardGroups {
  rowOf(groupId: string | null): GroupRow;
}

export async function loadWardGroups(db: Db, wardId: string): Promise<WardGroups> {
  const rows = await queryRows<{ id: string; name: string; residents: number }>(
    db,
    sql`select g.id, g.name,
               (select count(*)::int from residents r
                where r.residential_group_id = g.id and r.membership_status = 'confirmed'
                  and r.deleted_at is null) as residents
        from residential_groups g where g.ward_id = ${wardId}`,
  );
  const residents = new Map(rows.map((r) => [r.id, r.residents]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    rowOf(groupId) {
      const bucket: GroupBucket = groupBucket(groupId, residents);
      const key = groupKeyOf(bucket);
      if (bucket.kind === "group")
        return { key, groupId: bucket.groupId, label: names.get(bucket.groupId) ?? "" };
      return { key, groupId: null, label: bucket.kind === "small" ? SMALL_GROUPS_LABEL : NO_GROUP_LABEL };
    },
  };
}
