import { type Audience, fromWardClock, type PushChannel, wardClock } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { Config } from "../config/config.js";
import { audienceCondition } from "../services/audience.js";
import { type Db, queryRows, type Tx } from "../store/database.js";
import type { ChannelSettings, PlanResident, QuotaPool } from "./planner.js";

export type ChannelConfig = Pick<
  Config,
  | "ZALO_ZBS_TEMPLATE_ID"
  | "ZALO_ZBS_PHONE_TEMPLATE_ID"
  | "ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID"
  | "ZALO_MINIAPP_API_KEY"
  | "CHANNEL_ARTICLE_ENABLED"
  | "ARTICLE_MIN_GAIN"
  | "QUOTA_ARTICLE_PER_DAY"
  | "QUOTA_ARTICLE_PER_MONTH"
  | "QUOTA_ZBS_PER_DAY"
  | "QUOTA_NOTIFICATIONS_PER_DAY"
  | "NOTIFICATIONS_PER_RESIDENT_PER_DAY"
  | "PRICE_CS_BILLED_VND"
  | "PRICE_ARTICLE_VND"
  | "PRICE_NOTIFICATION_VND"
  | "PRICE_ZBS_UID_VND"
  | "PRICE_ZBS_PHONE_VND"
  | "DAILY_CAP_PER_RESIDENT"
  | "ESCALATE_AFTER_MINUTES"
>;

export const channelNames: Record<PushChannel, string> = {
  oa: "Tin tư vấn OA",
  article: "Bài viết OA",
  notification: "Thông báo Mini App",
  template: "Tin ZBS theo Zalo",
  zbs_phone: "Tin ZBS theo số điện thoại",
};

/** Which channels this ward has configured (a template registered, a key set). */
export function enabledChannels(config: ChannelConfig): Record<PushChannel, boolean> {
  return {
    oa: true,
    article: config.CHANNEL_ARTICLE_ENABLED,
    notification: !!config.ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID && !!config.ZALO_MINIAPP_API_KEY,
    template: !!config.ZALO_ZBS_TEMPLATE_ID,
    zbs_phone: !!config.ZALO_ZBS_PHONE_TEMPLATE_ID,
  };
}

/** Start of the ward's day and month (Asia/Ho_Chi_Minh) holding `now`. */
export function wardPeriods(now: number): { day: Date; month: Date } {
  const c = wardClock(new Date(now));
  return {
    day: fromWardClock({ year: c.year, month: c.month, day: c.day }),
    month: fromWardClock({ year: c.year, month: c.month, day: 1 }),
  };
}

const live = sql`('pending', 'sending', 'sent', 'delivered', 'seen')`;

/**
 * The planner's view of the ward's channels now: what is configured, what Zalo stopped, the prices,
 * and what is left of each quota today (configured caps less today's pushes, never more than Zalo
 * last said was left).
 */
export async function loadChannelSettings(
  db: Db | Tx,
  config: ChannelConfig,
  wardId: string,
  now = Date.now(),
): Promise<ChannelSettings> {
  const { day, month } = wardPeriods(now);
  const [used] = await queryRows<{
    zbs: number;
    notification: number;
    article_day: number;
    article_month: number;
  }>(
    db,
    sql`select
          (select count(*) from deliveries d join broadcasts b on b.id = d.broadcast_id
            where b.ward_id = ${wardId} and d.channel in ('template', 'zbs_phone') and d.status in ${live}
              and d.created_at >= ${day.toISOString()}::timestamptz)::int
          + (select count(*) from deliveries d join broadcasts b on b.id = d.broadcast_id
            where b.ward_id = ${wardId} and d.escalation_status in ('sending', 'sent', 'in_doubt')
              and d.escalated_at >= ${day.toISOString()}::timestamptz)::int as zbs,
          (select count(*) from deliveries d join broadcasts b on b.id = d.broadcast_id
            where b.ward_id = ${wardId} and d.channel = 'notification' and d.status in ${live}
              and d.created_at >= ${day.toISOString()}::timestamptz)::int as notification,
          (select count(*) from broadcasts where ward_id = ${wardId} and article_status is not null
              and article_status <> 'failed' and started_at >= ${day.toISOString()}::timestamptz)::int
            as article_day,
          (select count(*) from broadcasts where ward_id = ${wardId} and article_status is not null
              and article_status <> 'failed' and started_at >= ${month.toISOString()}::timestamptz)::int
            as article_month`,
  );
  const observed = await queryRows<{ pool: QuotaPool; remaining: number }>(
    db,
    sql`select pool, remaining from channel_quota_observations
        where ward_id = ${wardId} and observed_at >= ${day.toISOString()}::timestamptz`,
  );
  const stops = await queryRows<{ channel: PushChannel }>(
    db,
    sql`select channel from channel_stops where ward_id = ${wardId}`,
  );
  const left = (cap: number | undefined, n: number, pool: QuotaPool): number | null => {
    const fromConfig = cap === undefined ? null : Math.max(0, cap - n);
    const seen = observed.find((o) => o.pool === pool)?.remaining;
    if (seen === undefined) return fromConfig;
    return fromConfig === null ? Math.max(0, seen) : Math.min(fromConfig, Math.max(0, seen));
  };
  return {
    enabled: enabledChannels(config),
    stopped: new Set(stops.map((s) => s.channel)),
    prices: {
      oaBilled: config.PRICE_CS_BILLED_VND,
      article: config.PRICE_ARTICLE_VND,
      notification: config.PRICE_NOTIFICATION_VND,
      template: config.PRICE_ZBS_UID_VND,
      zbsPhone: config.PRICE_ZBS_PHONE_VND,
    },
    quotaLeft: {
      article: Math.max(
        0,
        Math.min(
          config.QUOTA_ARTICLE_PER_DAY - (used?.article_day ?? 0),
          config.QUOTA_ARTICLE_PER_MONTH - (used?.article_month ?? 0),
        ),
      ),
      notification: left(config.QUOTA_NOTIFICATIONS_PER_DAY, used?.notification ?? 0, "notification"),
      zbs: left(config.QUOTA_ZBS_PER_DAY, used?.zbs ?? 0, "zbs"),
    },
    notificationPerResidentPerDay: config.NOTIFICATIONS_PER_RESIDENT_PER_DAY,
    dailyCap: config.DAILY_CAP_PER_RESIDENT,
    articleMinGain: config.ARTICLE_MIN_GAIN,
    escalateAfterMinutes: config.ESCALATE_AFTER_MINUTES > 0 ? config.ESCALATE_AFTER_MINUTES : null,
  };
}

interface PlanResidentRow {
  id: string;
  has_oa_id: boolean;
  is_follower: boolean;
  last_interaction_ms: number | string | null;
  can_notify: boolean;
  has_phone: boolean;
  has_head: boolean;
  pushes: number;
  notifications: number;
}

/**
 * What the planner needs of every resident in the audience, in one query, oldest residents first (the
 * planner breaks ties by this order, so the same ward gets the same plan on any store).
 */
export async function loadPlanResidents(
  db: Db | Tx,
  wardId: string,
  audience: Audience,
  now = Date.now(),
): Promise<PlanResident[]> {
  const { day } = wardPeriods(now);
  const rows = await queryRows<PlanResidentRow>(
    db,
    sql`with today as (
          select d.resident_id,
                 count(*) filter (where not b.is_urgent and d.channel in
                   ('oa', 'article', 'notification', 'template', 'zbs_phone'))::int as pushes,
                 count(*) filter (where d.channel = 'notification')::int as notifications
          from deliveries d join broadcasts b on b.id = d.broadcast_id
          where b.ward_id = ${wardId} and d.created_at >= ${day.toISOString()}::timestamptz
            and d.status in ${live}
          group by d.resident_id
        ), heads as (
          select distinct h.residential_group_id as group_id
          from residents h join resident_roles hr on hr.resident_id = h.id and hr.role = 'group_head'
          where h.ward_id = ${wardId} and h.membership_status = 'confirmed' and h.deleted_at is null
        )
        select r.id, r.zalo_oa_user_id is not null as has_oa_id, r.is_follower,
               (extract(epoch from r.last_interaction_at) * 1000)::float8 as last_interaction_ms,
               (r.notifications_allowed and r.zalo_app_user_id is not null) as can_notify,
               (r.phone is not null and r.phone_consented_at is not null) as has_phone,
               (h.group_id is not null) as has_head,
               coalesce(t.pushes, 0) as pushes, coalesce(t.notifications, 0) as notifications
        from residents r
        left join today t on t.resident_id = r.id
        left join heads h on h.group_id = r.residential_group_id
        where ${audienceCondition(wardId, audience)}
        order by r.created_at, r.zalo_app_user_id, r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    hasOaId: r.has_oa_id,
    isFollower: r.is_follower,
    lastInteractionAt: r.last_interaction_ms === null ? null : Math.round(Number(r.last_interaction_ms)),
    canNotify: r.can_notify,
    hasPhoneConsent: r.has_phone,
    hasRelayHead: r.has_head,
    pushesToday: Number(r.pushes),
    notificationsToday: Number(r.notifications),
  }));
}

/** A whole-ward audience: only then may an Article (it reaches every follower) be used. */
export const isWardWide = (audience: Audience) =>
  audience.exclude.length === 0 &&
  audience.include.some((s) => s.wholeWard && !s.residentialGroupIds?.length && !s.civicRoles?.length);

/** Remembers what Zalo said is left of a quota, so the next plans count on no more. */
export async function recordQuota(db: Db, wardId: string, pool: QuotaPool, remaining: number): Promise<void> {
  if (!Number.isFinite(remaining)) return;
  await db.execute(sql`
    insert into channel_quota_observations (ward_id, pool, remaining, observed_at)
    values (${wardId}, ${pool}, ${Math.max(0, Math.trunc(remaining))}, now())
    on conflict (ward_id, pool) do update set remaining = excluded.remaining, observed_at = now()`);
}
