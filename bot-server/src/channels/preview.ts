import type { ChannelPlan, channelPlanRequestSchema } from "@loa-phuong/shared";
import type { z } from "zod";
import { assertAudienceKnown } from "../services/audience.js";
import type { Db } from "../store/database.js";
import { type ChannelConfig, isWardWide, loadChannelSettings, loadPlanResidents } from "./channel-state.js";
import { planChannels } from "./planner.js";

/**
 * The plan a broadcast would get if it went out now: staff see it (residents per channel, who cannot
 * be reached and why, quota left, cost) before they send, and the fan-out makes the same plan at the
 * time with the same code.
 */
export async function previewChannelPlan(
  db: Db,
  config: ChannelConfig,
  wardId: string,
  request: z.output<typeof channelPlanRequestSchema>,
): Promise<ChannelPlan> {
  await assertAudienceKnown(db, wardId, request.audience);
  const now = Date.now();
  const settings = await loadChannelSettings(db, config, wardId, now);
  const residents = await loadPlanResidents(db, wardId, request.audience, now);
  const budgetVnd = request.budgetVnd ?? null;
  const plan = planChannels(residents, settings, {
    now,
    isUrgent: request.isUrgent,
    wardWide: isWardWide(request.audience),
    budgetVnd,
    excludePaid: request.excludePaidChannels,
  });
  return {
    recipients: residents.length,
    byChannel: plan.byChannel,
    unreachable: plan.unreachable,
    notPushed: plan.notPushed,
    channels: plan.channels,
    costVnd: plan.costVnd,
    escalation: plan.escalation,
    budgetVnd,
    excludePaidChannels: request.excludePaidChannels,
  };
}
