import { type DeliveryChannel, isPushChannel, type NoPushReason, type PushChannel } from "@loa-phuong/shared";
import {
  type Assignment,
  type ChannelLine,
  type ChannelPlanResult,
  type ChannelSettings,
  type PlanOptions,
  type PlanResident,
  poolOf,
  priceOf,
  type QuotaPool,
} from "./planner.js";

/** A plan's counts for staff: residents and cost per channel, who nothing reaches and why, quota left. */
export function summarise(
  assignments: Assignment[],
  residents: readonly PlanResident[],
  settings: ChannelSettings,
  options: PlanOptions,
  quotaLeft: Record<QuotaPool, number | null>,
  budgetLeft: number,
): ChannelPlanResult {
  const byChannel: Partial<Record<DeliveryChannel, number>> = {};
  const cost: Partial<Record<DeliveryChannel, number>> = {};
  const unreachable = new Map<NoPushReason, number>();
  const notPushed = new Map<NoPushReason, number>();
  let costVnd = 0;
  for (const a of assignments) {
    byChannel[a.channel] = (byChannel[a.channel] ?? 0) + 1;
    cost[a.channel] = (cost[a.channel] ?? 0) + a.costVnd;
    costVnd += a.costVnd;
    if (a.reason) {
      notPushed.set(a.reason, (notPushed.get(a.reason) ?? 0) + 1);
      if (a.channel === "feed") unreachable.set(a.reason, (unreachable.get(a.reason) ?? 0) + 1);
    }
  }
  const push: PushChannel[] = ["oa", "article", "notification", "template", "zbs_phone"];
  const channels: ChannelLine[] = [
    ...push.map((channel) => {
      const pool = poolOf[channel];
      return {
        channel,
        residents: byChannel[channel] ?? 0,
        costVnd: cost[channel] ?? 0,
        quotaLeft: pool ? quotaLeft[pool] : null,
        enabled: settings.enabled[channel],
        stopped: settings.stopped.has(channel),
        paid: channel === "oa" ? settings.prices.oaBilled > 0 : priceOf(channel, settings.prices) > 0,
      };
    }),
    ...(["relay", "feed"] as const).map((channel) => ({
      channel,
      residents: byChannel[channel] ?? 0,
      costVnd: 0,
      quotaLeft: null,
      enabled: true,
      stopped: false,
      paid: false,
    })),
  ];
  const toList = (m: Map<NoPushReason, number>) =>
    [...m].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  return {
    assignments,
    byChannel,
    unreachable: toList(unreachable),
    notPushed: toList(notPushed),
    channels,
    costVnd,
    quotaLeft,
    escalation: escalationEstimate(assignments, residents, settings, options, quotaLeft, budgetLeft),
  };
}

/** Urgent posts: who a ZBS message by phone would reach if they have not seen the post in time. */
function escalationEstimate(
  assignments: Assignment[],
  residents: readonly PlanResident[],
  settings: ChannelSettings,
  options: PlanOptions,
  quotaLeft: Record<QuotaPool, number | null>,
  budgetLeft: number,
): ChannelPlanResult["escalation"] {
  const after = settings.escalateAfterMinutes;
  const price = settings.prices.zbsPhone;
  if (!options.isUrgent || after === null) return null;
  if (!settings.enabled.zbs_phone || settings.stopped.has("zbs_phone") || (options.excludePaid && price > 0))
    return { afterMinutes: after, residents: 0, maxCostVnd: 0 };
  // Those the plan pushes by another channel; who got no push at all was not blocked by time.
  let n = residents.filter((r, i) => {
    const channel = assignments[i]!.channel;
    return r.hasPhoneConsent && isPushChannel(channel) && channel !== "zbs_phone";
  }).length;
  if (quotaLeft.zbs !== null) n = Math.min(n, quotaLeft.zbs);
  if (price > 0 && Number.isFinite(budgetLeft)) n = Math.min(n, Math.floor(budgetLeft / price));
  return { afterMinutes: after, residents: n, maxCostVnd: n * price };
}
