import type { SimContext } from "../context.js";
import { MiniAppError, OUT_OF_QUOTA_MESSAGE, ZaloApiError } from "../envelope.js";
import { describeTemplate } from "../messages/describe.js";
import type { UserRecord } from "../state/users.js";
import { checkTemplate, recordSend } from "./messaging.js";

export const NOTIFICATION_ENDPOINT = "/notification/template";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A Mini App notification (openapi.mini.zalo.me `/notification/template`) to a user who allowed the
 * Mini App's notifications, within the per-user daily cap (-218) and the app's daily quota (-211).
 * It arrives from the Mini App, not the ward's OA: no OA chat, no receipts, no echo.
 */
export function sendMiniAppNotification(
  ctx: SimContext,
  user: UserRecord,
  body: unknown,
): { msg_id: string } {
  const b = isRecord(body) ? body : {};
  const templateId = typeof b.templateId === "string" ? b.templateId : "";
  const data = isRecord(b.templateData) ? b.templateData : undefined;
  const template = templateId === "" ? "unknown_template" : checkTemplate(ctx, templateId, data);
  if (template === "unknown_template")
    throw new ZaloApiError(MiniAppError.invalidParam, "templateId is invalid!");
  if (template === "invalid_data" || data === undefined)
    throw new ZaloApiError(MiniAppError.invalidParam, "templateData is invalid!");
  if (!user.notificationsAllowed) {
    throw new ZaloApiError(MiniAppError.notAllowed, "User has not allowed notifications from this Mini App");
  }
  const now = ctx.now();
  const { notification, notificationPerUser } = ctx.quotas;
  if (!notificationPerUser.canTake(user.idByApp, now))
    throw new ZaloApiError(MiniAppError.outOfUserQuota, "Out of quota receive");
  // Last check, so a refused send has counted nothing against either quota.
  if (!notification.tryTake(now)) throw new ZaloApiError(MiniAppError.outOfQuota, OUT_OF_QUOTA_MESSAGE);
  notificationPerUser.record(user.idByApp, now);
  const messageId = ctx.ids.messageId();
  recordSend(
    ctx,
    user,
    {
      channel: "notification",
      endpoint: NOTIFICATION_ENDPOINT,
      body,
      summary: describeTemplate("notification", templateId, data),
      costVnd: ctx.config.prices.notification,
    },
    messageId,
    now,
  );
  return { msg_id: messageId };
}
