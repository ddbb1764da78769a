import {
  type Broadcast,
  type BroadcastProgress,
  type BroadcastStatus,
  type DeliveryChannel,
  type DeliveryStatus,
  deliveryChannels,
} from "@loa-phuong/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { broadcasts, posts } from "../store/schema/index.js";
import { toBroadcastDto } from "./broadcasts.js";

const SETTLED: DeliveryStatus[] = ["sent", "delivered", "seen", "failed", "fallback"];

/** Counts by state, failures and fallbacks by reason, and a per-group breakdown, in two queries. */
export async function broadcastProgress(
  db: Db,
  wardId: string,
  broadcastId: string,
): Promise<BroadcastProgress> {
  const [row] = await db
    .select({ broadcast: broadcasts, postTitle: posts.title, postKind: posts.kind })
    .from(broadcasts)
    .innerJoin(posts, eq(posts.id, broadcasts.postId))
    .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, wardId)));
  if (!row) throw notFound("đợt gửi");
  const groups = await queryRows<{
    group_id: string | null;
    name: string | null;
    status: DeliveryStatus;
    channel: DeliveryChannel;
    n: number;
    cost: number;
  }>(
    db,
    sql`select r.residential_group_id as group_id, g.name, d.status, d.channel, count(*)::int as n,
               coalesce(sum(d.cost_vnd) filter (where d.status in ('sent', 'delivered', 'seen')), 0)::int as cost
        from deliveries d join residents r on r.id = d.resident_id
        left join residential_groups g on g.id = r.residential_group_id
        where d.broadcast_id = ${broadcastId}::uuid
        group by r.residential_group_id, g.name, d.status, d.channel`,
  );
  const [escalation] = await queryRows<{ sent: number; failed: number; pending: number }>(
    db,
    sql`select count(*) filter (where escalation_status = 'sent')::int as sent,
               count(*) filter (where escalation_status in ('failed', 'in_doubt'))::int as failed,
               count(*) filter (where escalation_status = 'sending')::int as pending
        from deliveries where broadcast_id = ${broadcastId}::uuid and escalation_status is not null`,
  );
  const reasons = await queryRows<{ status: DeliveryStatus; reason: string; n: number }>(
    db,
    sql`select status, coalesce(error_code, 'unknown') as reason, count(*)::int as n
        from deliveries where broadcast_id = ${broadcastId}::uuid and status in ('failed', 'fallback')
        group by status, error_code order by n desc`,
  );
  const counts: Partial<Record<DeliveryStatus, number>> = {};
  const byGroup = new Map<string, BroadcastProgress["groups"][number]>();
  const byChannel = new Map<DeliveryChannel, BroadcastProgress["channels"][number]>();
  let costVnd = 0;
  for (const g of groups) {
    counts[g.status] = (counts[g.status] ?? 0) + g.n;
    costVnd += g.cost;
    const key = g.group_id ?? "none";
    const entry: BroadcastProgress["groups"][number] = byGroup.get(key) ?? {
      groupId: g.group_id,
      name: g.name ?? "Chưa thuộc tổ dân phố",
      total: 0,
      counts: {},
      byChannel: {},
    };
    entry.total += g.n;
    entry.counts[g.status] = (entry.counts[g.status] ?? 0) + g.n;
    entry.byChannel[g.channel] = (entry.byChannel[g.channel] ?? 0) + g.n;
    byGroup.set(key, entry);
    const channel = byChannel.get(g.channel) ?? { channel: g.channel, total: 0, counts: {} };
    channel.total += g.n;
    channel.counts[g.status] = (channel.counts[g.status] ?? 0) + g.n;
    byChannel.set(g.channel, channel);
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const settled = SETTLED.reduce((a, s) => a + (counts[s] ?? 0), 0);
  return {
    broadcast: toBroadcastDto(row.broadcast, counts, costVnd),
    post: { id: row.broadcast.postId, title: row.postTitle, kind: row.postKind },
    total,
    // A broadcast that ended before fan-out (cancelled while scheduled) has no rows and is complete.
    settledRatio:
      total === 0
        ? ["sent", "cancelled", "failed"].includes(row.broadcast.status)
          ? 1
          : 0
        : settled / total,
    reasons: reasons.map((r) => ({ status: r.status, reason: r.reason, count: r.n })),
    groups: [...byGroup.values()].sort((a, b) => a.name.localeCompare(b.name, "vi", { numeric: true })),
    channels: deliveryChannels.flatMap((c) => {
      const line = byChannel.get(c);
      return line ? [line] : [];
    }),
    escalation: escalation ?? { sent: 0, failed: 0, pending: 0 },
    pauseReason: row.broadcast.pauseReason,
  };
}

export async function listBroadcasts(
  db: Db,
  wardId: string,
  query: { status?: BroadcastStatus | undefined; postId?: string | undefined; limit: number },
): Promise<(Broadcast & { postTitle: string })[]> {
  const rows = await db
    .select({ broadcast: broadcasts, postTitle: posts.title })
    .from(broadcasts)
    .innerJoin(posts, eq(posts.id, broadcasts.postId))
    .where(
      and(
        eq(broadcasts.wardId, wardId),
        query.status ? eq(broadcasts.status, query.status) : undefined,
        query.postId ? eq(broadcasts.postId, query.postId) : undefined,
      ),
    )
    .orderBy(desc(broadcasts.scheduledAt))
    .limit(query.limit);
  return rows.map((r) => ({ ...toBroadcastDto(r.broadcast), postTitle: r.postTitle }));
}
