import {
  buildBroadcastMessage,
  type DeliveryChannel,
  deliveryRef,
  postDeepLink,
  windowEndIfInside,
} from "@loa-phuong/shared";
import { notificationTemplateData, zbsTemplateData } from "../channels/templates.js";
import { type Accepted, CallTooLate } from "../zalo/oa-client.js";
import type { PacerPermit } from "../zalo/send-pacer.js";
import { OaAuthorizationLost, ZaloError } from "../zalo/zalo-error.js";
import { findInConversation } from "./delivery-in-doubt.js";
import type { ClaimedDelivery, Release, Settlement } from "./delivery-rows.js";
import type { JobContext } from "./job-context.js";

/** What became of one claimed row: settled, given back (and why), or held for the end of quiet hours. */
export type Outcome =
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

export function isSendable(ctx: JobContext, row: ClaimedDelivery): boolean {
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

export async function sendOne(
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
