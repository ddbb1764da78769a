import type { DeliveryChannel, NoPushReason, PushChannel } from "@loa-phuong/shared";
import { summarise } from "./plan-summary.js";

const HOUR_MS = 3_600_000;
/** Zalo: CS messages are free within 48 h of the resident's last interaction… */
export const CS_FREE_WINDOW_MS = 48 * HOUR_MS;
/** …billed from 48 h to 7 days, and refused after (-230). */
export const CS_WINDOW_MS = 7 * 24 * HOUR_MS;

/** What the planner knows of one resident (read in one query at fan-out, or for the preview). */
export interface PlanResident {
  id: string;
  /** Has an OA-scoped user id (what CS messages and ZBS by UID are addressed to). */
  hasOaId: boolean;
  isFollower: boolean;
  /** Epoch ms of the last interaction with the OA, if any. */
  lastInteractionAt: number | null;
  /** Allowed Mini App notifications and has an app-scoped id to address them to. */
  canNotify: boolean;
  /** Gave a phone number with recorded consent. */
  hasPhoneConsent: boolean;
  /** Their residential group has a head who relays the ward's posts. */
  hasRelayHead: boolean;
  /** Non-urgent pushes they already had today, over every channel (the daily cap). */
  pushesToday: number;
  /** Mini App notifications they already had today (Zalo's cap per user). */
  notificationsToday: number;
}

/** Quotas are pools: the two ZBS channels share the OA's daily ZBS quota. */
export type QuotaPool = "article" | "notification" | "zbs";
export const poolOf: Record<PushChannel, QuotaPool | null> = {
  oa: null,
  article: "article",
  notification: "notification",
  template: "zbs",
  zbs_phone: "zbs",
};

export interface ChannelPrices {
  /** A CS message between 48 h and 7 days after the last interaction (within 48 h it is free). */
  oaBilled: number;
  /** One Article broadcast, whatever the number of followers (the OA's package). */
  article: number;
  notification: number;
  template: number;
  zbsPhone: number;
}

export interface ChannelSettings {
  /** Configured for this ward: a template registered, a key set. */
  enabled: Record<PushChannel, boolean>;
  /** Stopped for the whole OA by a quota or package error. */
  stopped: ReadonlySet<PushChannel>;
  prices: ChannelPrices;
  /** What is left of each pool now (messages; Article broadcasts for `article`); null = no quota. */
  quotaLeft: Record<QuotaPool, number | null>;
  notificationPerResidentPerDay: number;
  /** Non-urgent pushes per resident per day; 0 = no cap. */
  dailyCap: number;
  /** An Article is used only if it newly reaches at least this many followers for free. */
  articleMinGain: number;
  /** Urgent posts: minutes before residents who have not seen them get a ZBS message by phone; null = never. */
  escalateAfterMinutes: number | null;
}

export interface PlanOptions {
  now: number;
  isUrgent: boolean;
  /** The audience is the whole ward: only then may an Article (it reaches every follower) be used. */
  wardWide: boolean;
  budgetVnd: number | null;
  excludePaid: boolean;
}

export interface Assignment {
  residentId: string;
  channel: DeliveryChannel;
  costVnd: number;
  /** Why nothing is pushed (relay and feed rows); null for a push. */
  reason: NoPushReason | null;
}

export interface ChannelLine {
  channel: DeliveryChannel;
  residents: number;
  costVnd: number;
  quotaLeft: number | null;
  enabled: boolean;
  stopped: boolean;
  paid: boolean;
}

export interface ChannelPlanResult {
  assignments: Assignment[];
  byChannel: Partial<Record<DeliveryChannel, number>>;
  /** Feed rows (nothing pushed, no head relaying), by reason. */
  unreachable: { reason: NoPushReason; count: number }[];
  /** Relay and feed rows, by reason. */
  notPushed: { reason: NoPushReason; count: number }[];
  channels: ChannelLine[];
  costVnd: number;
  quotaLeft: Record<QuotaPool, number | null>;
  escalation: { afterMinutes: number; residents: number; maxCostVnd: number } | null;
}

/** Cheapest first; on a tie, the channel that tells us the most (receipts) and bothers the least. */
const preference: PushChannel[] = ["oa", "notification", "article", "template", "zbs_phone"];

interface Option {
  channel: PushChannel;
  cost: number;
}

export function priceOf(channel: PushChannel, prices: ChannelPrices, billedCs = false): number {
  switch (channel) {
    case "oa":
      return billedCs ? prices.oaBilled : 0;
    case "article":
      return prices.article;
    case "notification":
      return prices.notification;
    case "template":
      return prices.template;
    case "zbs_phone":
      return prices.zbsPhone;
  }
}

/** Within Zalo's CS window (follower, interacted within 7 days), and whether it would be billed. */
export function csState(r: PlanResident, now: number): "free" | "billed" | "closed" {
  if (!r.hasOaId || !r.isFollower || r.lastInteractionAt === null) return "closed";
  const since = now - r.lastInteractionAt;
  if (since > CS_WINDOW_MS) return "closed";
  return since <= CS_FREE_WINDOW_MS ? "free" : "billed";
}

/** The push channels Zalo would let reach this resident, ignoring the ward's settings and quotas. */
function zaloEligible(r: PlanResident, settings: ChannelSettings, now: number): Option[] {
  const options: Option[] = [];
  const cs = csState(r, now);
  if (cs !== "closed") options.push({ channel: "oa", cost: priceOf("oa", settings.prices, cs === "billed") });
  if (r.canNotify && r.notificationsToday < settings.notificationPerResidentPerDay)
    options.push({ channel: "notification", cost: settings.prices.notification });
  if (r.hasOaId) options.push({ channel: "template", cost: settings.prices.template });
  if (r.hasPhoneConsent) options.push({ channel: "zbs_phone", cost: settings.prices.zbsPhone });
  return options.sort(
    (a, b) => a.cost - b.cost || preference.indexOf(a.channel) - preference.indexOf(b.channel),
  );
}

/**
 * For one broadcast, the channel of each resident: the cheapest one that reaches them, within the
 * ward's quotas, budget and settings, and at most one push per resident (the Article, when used,
 * goes to every follower, so followers get nothing else). Residents with the fewest options choose
 * first, and among them those no head relays to, so a scarce quota goes to those who have no other
 * way. Pure: the same input, the same plan.
 */
export function planChannels(
  residents: readonly PlanResident[],
  settings: ChannelSettings,
  options: PlanOptions,
): ChannelPlanResult {
  const { now } = options;
  const quotaLeft = { ...settings.quotaLeft };
  let budgetLeft = options.budgetVnd ?? Number.POSITIVE_INFINITY;
  const usable = (channel: PushChannel, cost: number) =>
    settings.enabled[channel] && !settings.stopped.has(channel) && !(options.excludePaid && cost > 0);
  const take = (channel: PushChannel, cost: number): boolean => {
    const pool = poolOf[channel];
    const left = pool ? quotaLeft[pool] : null;
    if ((left !== null && left < 1) || cost > budgetLeft) return false;
    if (pool && left !== null) quotaLeft[pool] = left - 1;
    budgetLeft -= cost;
    return true;
  };
  const assignments = new Map<string, Assignment>();
  const capped = (r: PlanResident) =>
    !options.isUrgent && settings.dailyCap > 0 && r.pushesToday >= settings.dailyCap;

  // The Article: one broadcast to every follower, for ward-wide posts, when it newly reaches enough
  // followers for free (those outside the free CS window).
  const followers = residents.filter((r) => r.hasOaId && r.isFollower);
  const articleCost = settings.prices.article;
  const gain = followers.filter((r) => csState(r, now) !== "free").length;
  if (
    options.wardWide &&
    followers.length > 0 &&
    gain >= Math.max(1, settings.articleMinGain) &&
    usable("article", articleCost) &&
    take("article", articleCost)
  ) {
    for (const [i, r] of followers.entries()) {
      assignments.set(r.id, {
        residentId: r.id,
        channel: "article",
        costVnd: i === 0 ? articleCost : 0,
        reason: null,
      });
    }
  }

  const rest = residents
    .filter((r) => !assignments.has(r.id))
    .map((r) => {
      const eligible = capped(r) ? [] : zaloEligible(r, settings, now);
      return { r, eligible, open: eligible.filter((o) => usable(o.channel, o.cost)) };
    })
    .map((entry, index) => ({ ...entry, index }))
    // Fewest options first; among equals, those with no head to relay it first (nothing else reaches them).
    .sort(
      (a, b) =>
        a.open.length - b.open.length ||
        Number(a.r.hasRelayHead) - Number(b.r.hasRelayHead) ||
        a.index - b.index,
    );

  for (const { r, eligible, open } of rest) {
    const chosen = open.find((o) => take(o.channel, o.cost));
    if (chosen) {
      assignments.set(r.id, {
        residentId: r.id,
        channel: chosen.channel,
        costVnd: chosen.cost,
        reason: null,
      });
      continue;
    }
    assignments.set(r.id, {
      residentId: r.id,
      channel: r.hasRelayHead ? "relay" : "feed",
      costVnd: 0,
      reason: whyNoPush(r, eligible, open, settings, budgetLeft, capped(r)),
    });
  }

  const ordered = residents.map((r) => assignments.get(r.id)!);
  return summarise(ordered, residents, settings, options, quotaLeft, budgetLeft);
}

function whyNoPush(
  r: PlanResident,
  eligible: Option[],
  open: Option[],
  settings: ChannelSettings,
  budgetLeft: number,
  capped: boolean,
): NoPushReason {
  if (capped) return "daily_cap";
  const configured = eligible.filter((o) => settings.enabled[o.channel]);
  if (configured.length === 0)
    return !r.hasOaId || !r.isFollower ? "not_follower" : "outside_interaction_window";
  if (open.length === 0)
    return configured.some((o) => settings.stopped.has(o.channel)) ? "channel_stopped" : "paid_excluded";
  return open.some((o) => o.cost > budgetLeft) ? "budget" : "quota_exhausted";
}
