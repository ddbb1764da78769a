import type { RumourClaim, RumourClaimRequest } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { invalidFields, notFound } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { rumourClaims } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

/** An aggregate never names a group where fewer residents than this repeated a claim. */
export const GROUP_PRIVACY_MIN_RESIDENTS = 5;

/** How many ward days of spread the desk shows. */
const SPREAD_DAYS = 30;

interface ClaimRow {
  id: string;
  claim: string;
  topic: string;
  status: "active" | "retired";
  created_at: Date | string;
  post_id: string | null;
  post_title: string | null;
  is_approved: boolean | null;
  total: number;
  last_24h: number;
}

/** The ward's known false claims, newest first, each with how far it has spread and where. */
export async function listRumourClaims(db: Db, wardId: string, claimId?: string): Promise<RumourClaim[]> {
  const claims = await queryRows<ClaimRow>(
    db,
    sql`select c.id, c.claim, c.topic, c.status, c.created_at, p.id as post_id, p.title as post_title,
               p.approved_version is not null as is_approved,
               (select count(*)::int from signals s where s.rumour_claim_id = c.id) as total,
               (select count(*)::int from signals s
                where s.rumour_claim_id = c.id and s.sent_at > now() - interval '24 hours') as last_24h
        from rumour_claims c left join posts p on p.id = c.clarification_post_id
        where c.ward_id = ${wardId} ${claimId ? sql`and c.id = ${claimId}::uuid` : sql``}
        order by c.created_at desc`,
  );
  const spread = await queryRows<{
    claim_id: string;
    group_name: string | null;
    messages: number;
    residents: number;
  }>(
    db,
    sql`select s.rumour_claim_id as claim_id, g.name as group_name, count(*)::int as messages,
               count(distinct s.resident_id)::int as residents
        from signals s left join residential_groups g on g.id = s.residential_group_id
        where s.ward_id = ${wardId} and s.rumour_claim_id is not null
        group by s.rumour_claim_id, g.name`,
  );
  const daily = await queryRows<{
    claim_id: string;
    day: string;
    group_name: string | null;
    messages: number;
  }>(
    db,
    sql`select s.rumour_claim_id as claim_id, g.name as group_name, count(*)::int as messages,
               to_char(s.sent_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day
        from signals s left join residential_groups g on g.id = s.residential_group_id
        where s.ward_id = ${wardId} and s.rumour_claim_id is not null
          and s.sent_at > now() - make_interval(days => ${SPREAD_DAYS})
        group by 1, 2, 4 order by 4, 1`,
  );
  return claims.map((c) => {
    const mine = spread.filter((row) => row.claim_id === c.id);
    const named = mine.filter((row) => row.group_name && row.residents >= GROUP_PRIVACY_MIN_RESIDENTS);
    const namedGroups = new Set(named.map((row) => row.group_name));
    return {
      id: c.id,
      claim: c.claim,
      topic: c.topic,
      status: c.status,
      clarification: c.post_id
        ? { postId: c.post_id, title: c.post_title ?? "", isApproved: Boolean(c.is_approved) }
        : null,
      createdAt: new Date(c.created_at).toISOString(),
      matches: { total: c.total, last24h: c.last_24h },
      byGroup: named
        .map((row) => ({ group: row.group_name!, messages: row.messages, residents: row.residents }))
        .sort((a, b) => b.messages - a.messages),
      othersMessages: mine.filter((row) => !named.includes(row)).reduce((sum, row) => sum + row.messages, 0),
      byDay: foldDays(
        daily.filter((row) => row.claim_id === c.id),
        namedGroups,
      ),
    };
  });
}

/**
 * A claim's messages per ward day and group, oldest day first. Only groups the desk names (five or more
 * residents repeated the claim there) are named; the rest of each day is one row without a name.
 */
function foldDays(
  rows: { day: string; group_name: string | null; messages: number }[],
  namedGroups: ReadonlySet<string | null>,
): RumourClaim["byDay"] {
  const out: RumourClaim["byDay"] = [];
  for (const row of rows) {
    const group = row.group_name && namedGroups.has(row.group_name) ? row.group_name : null;
    const same = out.find((x) => x.day === row.day && x.group === group);
    if (same) same.messages += row.messages;
    else out.push({ day: row.day, group, messages: row.messages });
  }
  // Each day: the named groups by name, then the folded row.
  const order = (row: { group: string | null }) => (row.group === null ? 1 : 0);
  return out.sort(
    (a, b) =>
      a.day.localeCompare(b.day) || order(a) - order(b) || (a.group ?? "").localeCompare(b.group ?? "", "vi"),
  );
}

/**
 * Records a known false claim. Its answer, when given, must be a clarification post of this ward; the
 * matcher takes the claim up with the next messages it labels.
 */
export async function createRumourClaim(
  db: Db,
  actor: StaffActor,
  request: RumourClaimRequest,
): Promise<RumourClaim> {
  if (request.clarificationPostId) {
    const [post] = await queryRows<{ kind: string }>(
      db,
      sql`select kind from posts where id = ${request.clarificationPostId}::uuid and ward_id = ${actor.wardId}`,
    );
    if (post?.kind !== "clarification") {
      throw invalidFields([
        { field: "body.clarificationPostId", message: "Hãy chọn một bài đính chính của phường." },
      ]);
    }
  }
  const [row] = await db
    .insert(rumourClaims)
    .values({
      wardId: actor.wardId,
      claim: request.claim,
      topic: request.topic,
      clarificationPostId: request.clarificationPostId ?? null,
      createdById: actor.id,
    })
    .returning({ id: rumourClaims.id });
  await recordAudit(db, {
    entityType: "rumour_claim",
    entityId: row!.id,
    action: "create",
    actor: { type: "staff", id: actor.id },
    details: { topic: request.topic },
  });
  const [claim] = await listRumourClaims(db, actor.wardId, row!.id);
  if (!claim) throw notFound("tin đồn");
  return claim;
}
