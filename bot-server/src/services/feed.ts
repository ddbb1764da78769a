import { type Audience, type FeedItem, matchesAudience, type PostKind } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import type { residents } from "../store/schema/index.js";
import { audienceFacts } from "./residents.js";

/** How many recent broadcasts a feed looks through; a ward sends a few a day. */
const FEED_WINDOW = 500;

interface StartedBroadcast {
  /** Null for a clarification read without a broadcast (see `sharedClarification`). */
  broadcast_id: string | null;
  post_version: number;
  audience: Audience;
  started_at: Date | string;
  post_id: string;
  kind: PostKind;
  title: string;
  summary: string | null;
  body: string;
  image_url: string | null;
  campaign_id: string | null;
  campaign_title: string | null;
  mine: boolean;
  is_read: boolean;
}

/**
 * What is addressed to a resident: posts of broadcasts that have gone out to an audience the resident
 * is in now, or that reached them then. Content is always the approved version that was sent.
 */
export async function feedFor(
  db: Db,
  resident: typeof residents.$inferSelect,
  options: {
    kind?: PostKind | undefined;
    before?: string | undefined;
    limit: number;
    postId?: string | undefined;
  },
): Promise<FeedItem[]> {
  return (await addressedBroadcasts(db, resident, options)).map(toFeedItem);
}

/** The newest started broadcast of each post addressed to the resident, newest first. */
async function addressedBroadcasts(
  db: Db,
  resident: typeof residents.$inferSelect,
  options: {
    kind?: PostKind | undefined;
    before?: string | undefined;
    limit: number;
    postId?: string | undefined;
  },
): Promise<StartedBroadcast[]> {
  const facts = await audienceFacts(db, resident);
  const rows = await queryRows<StartedBroadcast>(
    db,
    sql`select b.id as broadcast_id, b.post_version, b.audience, b.started_at, p.id as post_id, p.kind,
               v.title, v.summary, v.body, v.image_url, c.id as campaign_id, c.title as campaign_title,
               exists (select 1 from deliveries d
                       where d.broadcast_id = b.id and d.resident_id = ${resident.id}::uuid) as mine,
               exists (select 1 from post_reads pr
                       where pr.post_id = p.id and pr.resident_id = ${resident.id}::uuid) as is_read
        from broadcasts b
        join posts p on p.id = b.post_id
        join post_versions v on v.post_id = b.post_id and v.version = b.post_version
        left join campaigns c on c.id = p.campaign_id
        where b.ward_id = ${resident.wardId} and b.started_at is not null
          -- A cancelled broadcast stays readable by those it already reached: their OA message links here.
          and (b.status in ('sending', 'sent', 'paused')
               or (b.status = 'cancelled'
                   and exists (select 1 from deliveries d
                               where d.broadcast_id = b.id and d.resident_id = ${resident.id}::uuid
                                 and d.status in ('sent', 'delivered', 'seen'))))
          ${options.postId ? sql`and b.post_id = ${options.postId}::uuid` : sql``}
        order by b.started_at desc
        limit ${FEED_WINDOW}`,
  );
  const byPost = new Map<string, StartedBroadcast>();
  for (const row of rows) {
    if (byPost.has(row.post_id)) continue;
    if (!row.mine && !matchesAudience(facts, resident.wardId, row.audience)) continue;
    if (options.kind && row.kind !== options.kind) continue;
    if (options.before && new Date(row.started_at) >= new Date(options.before)) continue;
    byPost.set(row.post_id, row);
  }
  return [...byPost.values()].slice(0, options.limit);
}

/**
 * One post addressed to the resident — or reached through a group head's shared link (the link's
 * reference, or an opening already counted): neighbours who are not (yet) confirmed members of the
 * group read what their head forwarded to them.
 */
export async function feedItemFor(
  db: Db,
  resident: typeof residents.$inferSelect,
  postId: string,
  relayRef?: string,
): Promise<FeedItem> {
  return toFeedItem(await shownBroadcast(db, resident, postId, relayRef));
}

/**
 * The version of a post the resident was shown (its newest broadcast to them): what they react to
 * and answer is that version's, even when a newer one has been approved since.
 */
export async function shownPostVersion(
  db: Db,
  resident: typeof residents.$inferSelect,
  postId: string,
): Promise<number> {
  return (await shownBroadcast(db, resident, postId)).post_version;
}

async function shownBroadcast(
  db: Db,
  resident: typeof residents.$inferSelect,
  postId: string,
  relayRef?: string,
): Promise<StartedBroadcast> {
  const [addressed] = await addressedBroadcasts(db, resident, { limit: 1, postId });
  const row =
    addressed ??
    (await relayedBroadcast(db, resident, postId, relayRef)) ??
    (await sharedClarification(db, resident, postId));
  if (!row) throw notFound("bài viết");
  return row;
}

async function relayedBroadcast(
  db: Db,
  resident: typeof residents.$inferSelect,
  postId: string,
  relayRef?: string,
): Promise<StartedBroadcast | undefined> {
  const [row] = await queryRows<StartedBroadcast>(
    db,
    sql`select b.id as broadcast_id, b.post_version, b.audience, b.started_at, p.id as post_id, p.kind,
               v.title, v.summary, v.body, v.image_url, c.id as campaign_id, c.title as campaign_title, false as mine,
               exists (select 1 from post_reads pr
                       where pr.post_id = p.id and pr.resident_id = ${resident.id}::uuid) as is_read
        from relay_tasks t join broadcasts b on b.id = t.broadcast_id join posts p on p.id = b.post_id
        join post_versions v on v.post_id = b.post_id and v.version = b.post_version
        left join campaigns c on c.id = p.campaign_id
        where b.post_id = ${postId}::uuid and b.ward_id = ${resident.wardId} and b.started_at is not null
          -- A cancelled broadcast stays readable where its head had already forwarded it.
          and (b.status in ('sending', 'sent', 'paused')
               or (b.status = 'cancelled' and t.status in ('shared', 'confirmed')))
          and (t.ref = ${relayRef ?? ""}
               or exists (select 1 from relay_opens o
                          where o.relay_task_id = t.id and o.resident_id = ${resident.id}::uuid))
        order by b.started_at desc limit 1`,
  );
  return row;
}

/**
 * A clarification of a known false claim, in its approved version: the ward's public answer, readable by
 * any resident of the ward, as the head's clarification card, the answer to a resident who repeated the
 * claim and a head's "Kiểm tra tin này" open it without a broadcast.
 */
async function sharedClarification(
  db: Db,
  resident: typeof residents.$inferSelect,
  postId: string,
): Promise<StartedBroadcast | undefined> {
  const [row] = await queryRows<StartedBroadcast>(
    db,
    sql`select null as broadcast_id, p.approved_version as post_version, '{}'::jsonb as audience,
               p.approved_at as started_at, p.id as post_id, p.kind, v.title, v.summary, v.body, v.image_url,
               c.id as campaign_id, c.title as campaign_title, false as mine,
               exists (select 1 from post_reads pr
                       where pr.post_id = p.id and pr.resident_id = ${resident.id}::uuid) as is_read
        from posts p join post_versions v on v.post_id = p.id and v.version = p.approved_version
        left join campaigns c on c.id = p.campaign_id
        where p.id = ${postId}::uuid and p.ward_id = ${resident.wardId} and p.kind = 'clarification'
          and p.approved_at is not null
          and exists (select 1 from rumour_claims rc where rc.clarification_post_id = p.id)`,
  );
  return row;
}

function toFeedItem(row: StartedBroadcast): FeedItem {
  return {
    id: row.post_id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    imageUrl: row.image_url,
    campaign:
      row.campaign_id && row.campaign_title ? { id: row.campaign_id, title: row.campaign_title } : null,
    publishedAt: new Date(row.started_at).toISOString(),
    isRead: row.is_read,
  };
}
