import {
  buildBroadcastMessage,
  type DeliveryChannel,
  deliveryRef,
  isPushChannel,
  postDeepLink,
  windowEndIfInside,
} from "@loa-phuong/shared";
import { DelayedError, RateLimitError } from "bullmq";
import { listChannelStops, recordQuota, stopChannel } from "../channels/channel-state.js";
import { notificationTemplateData, zbsTemplateData } from "../channels/templates.js";
import { autoPauseOnErrors, pauseBroadcasts } from "../services/broadcast-control.js";
import { type Accepted, CallTooLate } from "../zalo/oa-client.js";
import type { PacerPermit } from "../zalo/send-pacer.js";
import { OaAuthorizationLost, ZaloError } from "../zalo/zalo-error.js";
import { findInConversation } from "./delivery-in-doubt.js";
import {
  type ClaimedDelivery,
  claimDeliveries,
  leasedDeliveries,
  type Release,
  releaseDeliveries,
  type Settlement,
  settleDeliveries,
} from "./delivery-rows.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A claim on a delivery row outlives any Zalo call (with one token refresh), so only a dead worker's claim expires. */
export const leaseSeconds = (ctx: Pick<JobContext, "config">) =>
  Math.ceil((ctx.config.ZALO_HTTP_TIMEOUT_MS * 3) / 1000);

type Outcome =
  | { settle: Settlement; quotaRemaining?: number }
  | {
      release: Release;
      rateLimited?: boolean;
      inDoubt?: boolean;
      late?: boolean;
      authorizationLost?: boolean;
      /** Zalo refused the channel for the whole OA (quota, package, billing). */
      channelStop?: ZaloError;
    }
  | { hold: Release };

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

/** Channels whose calls go to Zalo's OA API and count against its per-app limit. */
const pacedChannels = new Set<DeliveryChannel>(["oa", "template", "zbs_phone"]);

/** The address a row's channel sends to, if the resident still has one. */
function addressOf(row: ClaimedDelivery): string | null {
  switch (row.channel) {
    case "oa":
    case "template":
      return row.zalo_oa_user_id;
    case "notification":
      return row.zalo_app_user_id;
    case "zbs_phone":
      return row.phone;
    default:
      return null;
  }
}

function isSendable(ctx: JobContext, row: ClaimedDelivery): boolean {
  return (
    row.broadcast_status !== "cancelled" &&
    row.broadcast_status !== "paused" &&
    pacedChannels.has(row.channel) &&
    !!addressOf(row) &&
    (row.is_urgent || !windowEndIfInside(ctx.config.QUIET_HOURS, Date.now()))
  );
}

/** A push that cannot go: the resident's head relays it, or it waits in the Mini App feed. */
function fallBack(row: ClaimedDelivery, errorCode: string, errorMessage: string): Outcome {
  return {
    settle: {
      id: row.id,
      lease: row.lease,
      status: "fallback",
      channel: row.has_head ? "relay" : "feed",
      errorCode,
      errorMessage,
    },
  };
}

const NO_ADDRESS: Record<string, [string, string]> = {
  oa: ["not_follower", "Người dân chưa quan tâm OA."],
  template: ["not_follower", "Người dân chưa có mã người dùng của OA."],
  notification: ["no_notification_permission", "Người dân chưa cho phép thông báo từ Mini App."],
  zbs_phone: ["no_phone_consent", "Người dân chưa đồng ý cho phường dùng số điện thoại (hoặc đã rút lại)."],
};

async function sendOne(
  ctx: JobContext,
  row: ClaimedDelivery,
  startBy: number,
  permit: PacerPermit | undefined,
  stopped: ReadonlySet<string>,
): Promise<Outcome> {
  const lease = row.lease;
  const cancelled: Outcome = {
    settle: {
      id: row.id,
      lease,
      status: "failed",
      errorCode: "cancelled",
      errorMessage: "Đợt gửi đã bị hủy.",
    },
  };
  const address = addressOf(row);
  // A row in doubt may have been sent before the cancel: it is looked up first (below).
  if (row.broadcast_status === "cancelled" && (row.previous_status !== "sending" || !address))
    return cancelled;
  // Paused: resuming re-runs the wave, which enqueues this row again.
  if (row.broadcast_status === "paused")
    return { release: { id: row.id, lease, status: row.previous_status } };
  if (!row.is_urgent && windowEndIfInside(ctx.config.QUIET_HOURS, Date.now()))
    return { hold: { id: row.id, lease, status: row.previous_status } };
  if (!address) {
    const [code, message] = NO_ADDRESS[row.channel] ?? ["no_channel", "Kênh này không gửi từng người."];
    return fallBack(row, code, message);
  }
  // Zalo stopped the channel for the whole OA and a person resumed the broadcast without reopening it.
  if (stopped.has(row.channel) && row.previous_status === "pending")
    return fallBack(row, "channel_stopped", "Kênh này đang bị dừng cho cả OA.");
  const ref = deliveryRef(row.id);
  const link = postDeepLink(ctx.config.ZALO_MINI_APP_ID, row.post_id, ref);
  try {
    if (row.previous_status === "sending") {
      if (row.channel === "oa") {
        const found = await findInConversation(ctx, address, ref, startBy);
        if (found) return { settle: { id: row.id, lease, status: "sent", zaloMessageId: found } };
        if (row.broadcast_status === "cancelled") return cancelled;
      } else {
        // Zalo does not document whether the conversation shows a template's parameters, and the other
        // channels have no conversation: not finding one proves nothing, and a second message would be
        // billed twice. It is not sent again; the post is in the resident's feed either way.
        return fallBack(row, "template_in_doubt", TEMPLATE_IN_DOUBT);
      }
    }
    const post = { title: row.title, summary: row.summary, body: row.body };
    switch (row.channel) {
      case "template": {
        const templateId = ctx.config.ZALO_ZBS_TEMPLATE_ID;
        if (!templateId) return fallBack(row, "channel_not_configured", NOT_CONFIGURED);
        const sent = await ctx.oa.sendTemplateMessage(address, templateId, zbsTemplateData(post, link), {
          startBy,
          permit,
        });
        return sentOutcome(row, sent);
      }
      case "zbs_phone": {
        const templateId = ctx.config.ZALO_ZBS_PHONE_TEMPLATE_ID;
        if (!templateId) return fallBack(row, "channel_not_configured", NOT_CONFIGURED);
        const sent = await ctx.oa.sendTemplateByPhone(
          toZaloPhone(address),
          templateId,
          zbsTemplateData(post, link),
          ref,
          { startBy, permit },
        );
        return sentOutcome(row, sent);
      }
      case "notification": {
        const templateId = ctx.config.ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID;
        if (!templateId || !ctx.miniApp) return fallBack(row, "channel_not_configured", NOT_CONFIGURED);
        if (Date.now() > startBy)
          return { release: { id: row.id, lease, status: row.previous_status }, late: true };
        const sent = await ctx.miniApp.sendNotification(
          address,
          templateId,
          notificationTemplateData(post, link, row.ward_name),
        );
        return { settle: { id: row.id, lease, status: "sent", zaloMessageId: sent.messageId } };
      }
      default: {
        const message = buildBroadcastMessage(
          { ...post, imageUrl: row.image_url },
          link,
          ctx.config.OA_MESSAGE_FORMAT,
        );
        const { messageId } = await ctx.oa.sendCsMessage(address, message, { startBy, permit });
        return { settle: { id: row.id, lease, status: "sent", zaloMessageId: messageId } };
      }
    }
  } catch (error) {
    // Not called: the row goes back as it came (pending stays pending; in doubt stays in doubt).
    if (error instanceof CallTooLate)
      return { release: { id: row.id, lease, status: row.previous_status }, late: true };
    if (!(error instanceof ZaloError)) throw error;
    // No token to call with: nothing was sent; the row goes back as it came and its broadcast pauses.
    if (error instanceof OaAuthorizationLost)
      return { release: { id: row.id, lease, status: row.previous_status }, authorizationLost: true };
    const code = `zalo_${error.code ?? error.kind}`;
    // -32: refused, so certainly not sent (a reconcile call refused leaves the row as it was).
    if (error.isRateLimited)
      return {
        release: {
          id: row.id,
          lease,
          status: row.previous_status,
          errorCode: code,
          errorMessage: error.message,
        },
        rateLimited: true,
      };
    // About the OA, not this resident: the channel stops for the ward; the row waits as it was.
    if (error.stopsChannel)
      return {
        release: {
          id: row.id,
          lease,
          status: row.previous_status,
          errorCode: code,
          errorMessage: error.message,
        },
        channelStop: error,
      };
    if (error.isUnreachableResident) return fallBack(row, code, error.message);
    // In doubt: keep `sending` without a lease, so the retry reconciles first.
    if (error.isTransient || error.kind === "contract")
      return {
        release: { id: row.id, lease, status: "sending", errorCode: code, errorMessage: error.message },
        inDoubt: true,
      };
    return { settle: { id: row.id, lease, status: "failed", errorCode: code, errorMessage: error.message } };
  }
}

function sentOutcome(row: ClaimedDelivery, sent: Accepted): Outcome {
  return {
    settle: { id: row.id, lease: row.lease, status: "sent", zaloMessageId: sent.messageId },
    ...(sent.quotaRemaining !== undefined && { quotaRemaining: sent.quotaRemaining }),
  };
}

/** Zalo's ZBS wants `84…`: the store keeps what Zalo gave at sign-in (84… or 0…). */
export function toZaloPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, "");
  if (digits.startsWith("84")) return digits;
  if (digits.startsWith("0")) return `84${digits.slice(1)}`;
  return digits;
}

const NOT_CONFIGURED = "Kênh này chưa được cấu hình cho phường.";
const TEMPLATE_IN_DOUBT =
  "Không rõ Zalo đã nhận tin hay chưa (mất câu trả lời khi gửi); không gửi lại để tránh gửi trùng. " +
  "Người dân vẫn xem được trong Mini App.";
