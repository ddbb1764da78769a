import { type DeliveryChannel, isPushChannel, windowEndIfInside } from "@loa-phuong/shared";
import { DelayedError, RateLimitError } from "bullmq";
import { recordQuota } from "../channels/channel-state.js";
import { listChannelStops, stopChannel } from "../channels/channel-stops.js";
import { autoPauseOnErrors, pauseBroadcasts } from "../services/broadcast-control.js";
import type { ZaloError } from "../zalo/zalo-error.js";
import { isSendable, type Outcome, sendOne } from "./delivery-channels.js";
import { claimDeliveries, leasedDeliveries, releaseDeliveries, settleDeliveries } from "./delivery-rows.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A claim on a delivery row outlives any Zalo call (with one token refresh), so only a dead worker's claim expires. */
export const leaseSeconds = (ctx: Pick<JobContext, "config">) =>
  Math.ceil((ctx.config.ZALO_HTTP_TIMEOUT_MS * 3) / 1000);

/** Room between the last call's timeout and the end of the lease (clock reads, event-loop lag). */
const LEASE_MARGIN_MS = 500;

/**
 * Sends a batch of deliveries, each exactly once. Rows are claimed (status `sending`, a lease) before
 * Zalo is called; a row found `sending` from an earlier attempt is in doubt — Zalo may have accepted
 * it — so the OA conversation is searched for its reference before anything is resent. Outcomes are
 * written in one statement; the job is retried (backoff) only for rows still in doubt, and a retry
 * skips rows already settled.
 */
export const handleDeliverySend: JobHandler<"delivery.send"> = async (ctx, { deliveryIds }, job, token) => {
  // Taken before the claim, so it errs early: no call for a claimed row may start later than this,
  // so that every call ends (answered or timed out) while the lease still holds — once it runs out,
  // another worker may claim the row and look for the message in the OA conversation.
  const startBy = Date.now() + leaseSeconds(ctx) * 1000 - ctx.config.ZALO_HTTP_TIMEOUT_MS - LEASE_MARGIN_MS;
  const claimed = await claimDeliveries(ctx.db, deliveryIds, leaseSeconds(ctx));
  const stopped =
    claimed.length > 0
      ? new Set((await listChannelStops(ctx.db, claimed[0]!.ward_id)).map((s) => s.channel))
      : new Set<string>();
  // One pacing round trip for the batch's fresh sends (rows in doubt are reconciled first, paced per call).
  const fresh = claimed.filter((row) => isSendable(ctx, row) && row.previous_status === "pending").length;
  const permit = fresh > 0 ? await ctx.oa.pace(fresh) : undefined;
  let outcomes: Outcome[];
  try {
    outcomes = await Promise.all(
      claimed.map((row) =>
        sendOne(ctx, row, startBy, row.previous_status === "pending" ? permit : undefined, stopped),
      ),
    );
  } finally {
    await permit?.settle();
  }

  await settleDeliveries(
    ctx.db,
    outcomes.flatMap((o) => ("settle" in o ? [o.settle] : [])),
  );
  await releaseDeliveries(
    ctx.db,
    outcomes.flatMap((o) => ("release" in o ? [o.release] : "hold" in o ? [o.hold] : [])),
  );

  // What Zalo said is left of the ZBS quota, so plans made from now count on no more.
  const remaining = outcomes.flatMap((o) =>
    "quotaRemaining" in o && o.quotaRemaining !== undefined ? [o.quotaRemaining] : [],
  );
  if (remaining.length > 0) await recordQuota(ctx.db, claimed[0]!.ward_id, "zbs", Math.min(...remaining));

  // A channel Zalo refused for the whole OA: stop it, pause what waits on it, alert (rows kept as they were).
  const stops = new Map<DeliveryChannel, ZaloError>();
  for (const [i, o] of outcomes.entries())
    if ("release" in o && o.channelStop) stops.set(claimed[i]!.channel, o.channelStop);
  for (const [channel, error] of stops)
    if (isPushChannel(channel)) await stopChannel(ctx.db, claimed[0]!.ward_id, channel, error);
  if (stops.size > 0) return;

  const failedBroadcasts = new Set(
    outcomes.flatMap((o) =>
      "settle" in o && o.settle.status === "failed" && o.settle.errorCode !== "cancelled"
        ? [claimed.find((c) => c.id === o.settle.id)!.broadcast_id]
        : [],
    ),
  );
  for (const broadcastId of failedBroadcasts) {
    await autoPauseOnErrors(ctx.db, broadcastId, {
      window: ctx.config.AUTO_PAUSE_WINDOW,
      threshold: ctx.config.AUTO_PAUSE_ERROR_RATE,
    });
  }

  // The OA lost its authorisation: every send would fail alike. Pause for a person (an alert is raised),
  // keep every row as it was, and end the job: "Tiếp tục" after a new consent sends them.
  const unauthorised = new Set(
    outcomes.flatMap((o) =>
      "release" in o && o.authorizationLost ? [claimed.find((c) => c.id === o.release.id)!.broadcast_id] : [],
    ),
  );
  if (unauthorised.size > 0) {
    await pauseBroadcasts(ctx.db, [...unauthorised], "oa_authorization");
    return;
  }

  const quietEnd = outcomes.some((o) => "hold" in o)
    ? windowEndIfInside(ctx.config.QUIET_HOURS, Date.now())
    : undefined;
  if (quietEnd) {
    await job.moveToDelayed(quietEnd.getTime(), token);
    throw new DelayedError();
  }
  if (outcomes.some((o) => "release" in o && o.rateLimited)) {
    // Zalo said -32: nothing was sent for those rows. Pause this worker a little and come back.
    await ctx.rateLimitDeliveries(
      Math.max(250, Math.ceil(60_000 / ctx.config.ZALO_RATE_LIMIT_PER_MINUTE) * 50),
    );
    throw new RateLimitError();
  }
  const inDoubt = outcomes.filter((o) => "release" in o && o.inDoubt).length;
  if (inDoubt > 0) throw new Error(`${inDoubt} lần gửi chưa rõ kết quả; sẽ đối chiếu với Zalo rồi thử lại`);
  const late = outcomes.filter((o) => "release" in o && o.late).length;
  if (late > 0) throw new Error(`${late} lần gửi chưa kịp thực hiện trong thời hạn giữ; sẽ thử lại`);
  // Rows under another worker's live lease: look again once the lease would have run out.
  if (
    (
      await leasedDeliveries(
        ctx.db,
        deliveryIds.filter((id) => !claimed.some((c) => c.id === id)),
        leaseSeconds(ctx),
      )
    ).length > 0
  ) {
    await job.moveToDelayed(Date.now() + leaseSeconds(ctx) * 1000, token);
    throw new DelayedError();
  }
};
