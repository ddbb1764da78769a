import { type Audience, type AudienceSegment, fromWardClock, wardClock } from "@loa-phuong/shared";
import { type SQL, sql } from "drizzle-orm";
import { invalidFields } from "../errors/app-error.js";
import { type Db, queryRows, sqlArray, type Tx } from "../store/database.js";

/** Zalo lets the OA send customer-service messages only within 7 days of the resident's last interaction. */
export const INTERACTION_WINDOW_DAYS = 7;

/** SQL (over residents aliased `r`) that is true for a resident in the segment: all its fields must hold. */
function segmentCondition(segment: AudienceSegment): SQL {
  const parts: SQL[] = [];
  if (segment.residentialGroupIds?.length) {
    // Only confirmed members: a claimed membership counts once the group head confirms it.
    parts.push(
      sql`(r.residential_group_id in (${sql.join(
        segment.residentialGroupIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and r.membership_status = 'confirmed')`,
    );
  }
  for (const role of segment.civicRoles ?? []) {
    parts.push(
      role.schoolId
        ? sql`exists (select 1 from resident_roles rr
                      where rr.resident_id = r.id and rr.role = ${role.role} and rr.school_id = ${role.schoolId}::uuid)`
        : sql`exists (select 1 from resident_roles rr where rr.resident_id = r.id and rr.role = ${role.role})`,
    );
  }
  if (parts.length === 0) return segment.wholeWard ? sql`true` : sql`false`;
  // coalesce: a resident without a group gives NULL, and `not NULL` would silently drop them from an exclusion.
  return sql`coalesce(${sql.join(parts, sql` and `)}, false)`;
}

/** True for residents of the ward in the audience: any `include` segment and no `exclude` segment. */
export function audienceCondition(wardId: string, audience: Audience): SQL {
  const include = sql.join(
    audience.include.map((s) => sql`(${segmentCondition(s)})`),
    sql` or `,
  );
  const exclude = audience.exclude.length
    ? sql` and not (${sql.join(
        audience.exclude.map((s) => sql`(${segmentCondition(s)})`),
        sql` or `,
      )})`
    : sql``;
  // A resident who asked for their data to be deleted is nobody's recipient any more.
  return sql`(r.ward_id = ${wardId} and r.deleted_at is null and (${include})${exclude})`;
}

/** True for a resident the OA can message right now: a follower who interacted within the window. */
export const oaReachableCondition = sql`coalesce(r.zalo_oa_user_id is not null and r.is_follower
  and r.last_interaction_at > now() - make_interval(days => ${INTERACTION_WINDOW_DAYS}), false)`;

/**
 * Per resident, the non-urgent OA messages they already have today (ward day): what the daily cap
 * counts. Urgent posts bypass the cap, so with `cap` 0 this selects nothing.
 */
export function oaMessagesToday(cap: number, now = Date.now()): SQL {
  const today = wardClock(now);
  const dayStart = fromWardClock({ year: today.year, month: today.month, day: today.day }).toISOString();
  return sql`select d.resident_id, count(*)::int as n
        from deliveries d join broadcasts b on b.id = d.broadcast_id
        where ${cap} > 0 and d.channel = 'oa' and not b.is_urgent and d.created_at >= ${dayStart}::timestamptz
          and d.status in ('pending', 'sending', 'sent', 'delivered', 'seen')
        group by d.resident_id`;
}

/** Over `today` (oaMessagesToday) joined as `t`: the resident already has today's cap of non-urgent OA messages. */
export const atDailyCap = (cap: number): SQL => sql`(${cap} > 0 and coalesce(t.n, 0) >= ${cap})`;

export interface AudienceCounts {
  recipients: number;
  /** Reachable by OA now, and not yet at today's cap of non-urgent messages. */
  reachableByOa: number;
  /** Reachable by OA, but already at today's cap: they read it in the Mini App. */
  cappedToday: number;
}

/**
 * How many residents an audience has, and how many of them the OA will message if it is sent now:
 * Zalo allows it (follower, 7-day window) and, for a non-urgent post, today's cap is not reached.
 */
export async function countAudience(
  db: Db,
  wardId: string,
  audience: Audience,
  options: { dailyCap: number },
): Promise<AudienceCounts> {
  const [row] = await queryRows<{ recipients: number; reachable: number; capped: number }>(
    db,
    sql`with today as (${oaMessagesToday(options.dailyCap)})
        select count(*)::int as recipients,
               count(*) filter (where ${oaReachableCondition}
                                and not ${atDailyCap(options.dailyCap)})::int as reachable,
               count(*) filter (where ${oaReachableCondition} and ${atDailyCap(options.dailyCap)})::int as capped
        from residents r left join today t on t.resident_id = r.id where ${audienceCondition(wardId, audience)}`,
  );
  return {
    recipients: row?.recipients ?? 0,
    reachableByOa: row?.reachable ?? 0,
    cappedToday: row?.capped ?? 0,
  };
}

/**
 * Refuses (400) an audience naming residential groups or schools this ward does not have: it would
 * be "sent" to nobody without a word. Fields are named as the request has them (`body.audience…`).
 */
export async function assertAudienceKnown(db: Db | Tx, wardId: string, audience: Audience): Promise<void> {
  const segments = [...audience.include, ...audience.exclude];
  const groupIds = new Set(segments.flatMap((s) => s.residentialGroupIds ?? []));
  const schoolIds = new Set(
    segments.flatMap((s) => (s.civicRoles ?? []).flatMap((r) => (r.schoolId ? [r.schoolId] : []))),
  );
  /** The ids of `ids` that `table` has no row of in this ward. */
  const unknown = async (table: "residential_groups" | "schools", ids: Set<string>) => {
    if (ids.size === 0) return [];
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from ${sql.identifier(table)}
          where ward_id = ${wardId} and id = any(${sqlArray([...ids], "uuid")})`,
    );
    const found = new Set(rows.map((r) => r.id));
    return [...ids].filter((id) => !found.has(id));
  };
  const groups = await unknown("residential_groups", groupIds);
  const schools = await unknown("schools", schoolIds);
  const fields = [
    ...(groups.length
      ? [{ field: "body.audience", message: `Không có tổ dân phố này trong phường: ${groups.join(", ")}.` }]
      : []),
    ...(schools.length
      ? [{ field: "body.audience", message: `Không có trường này trong phường: ${schools.join(", ")}.` }]
      : []),
  ];
  if (fields.length > 0) throw invalidFields(fields);
}
