import type { SimContext } from "../context.js";
import { ZaloApiError, ZnsError } from "../envelope.js";
import { describeTemplate } from "../messages/describe.js";
import { checkTemplate, recordSend } from "./messaging.js";

export const ZBS_PHONE_ENDPOINT = "/message/template";

/** 84 or +84, then the 9–10 digits of a Vietnamese number. */
const PHONE = /^\+?(84\d{9,10})$/;
const TRACKING_ID_MAX = 48;

export interface ZbsPhoneResultData {
  msg_id: string;
  sent_time: string;
  sending_mode: string;
  quota: { dailyQuota: string; remainingQuota: string };
}

/** The ZBS daily quota as the ZBS-by-phone API reports it (strings, as in Zalo's examples [?]). */
export function zbsQuotaData(ctx: SimContext): { dailyQuota: string; remainingQuota: string } {
  return {
    dailyQuota: String(ctx.quotas.zbs.limit),
    remainingQuota: String(ctx.quotas.zbs.remaining(ctx.now())),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * ZBS template by phone (business.openapi.zalo.me `/message/template`). Checked in the order of the
 * ZNS codes: phone (-108), template (-109), its data (-112), recipient (-114), daily quota (-115).
 * No receipts and no echo: the message does not go through the OA chat's webhooks.
 */
export function sendZbsByPhone(ctx: SimContext, body: unknown): ZbsPhoneResultData {
  const b = isRecord(body) ? body : {};
  const rawPhone = typeof b.phone === "number" && Number.isSafeInteger(b.phone) ? String(b.phone) : b.phone;
  const phone = typeof rawPhone === "string" ? PHONE.exec(rawPhone.trim())?.[1] : undefined;
  if (phone === undefined) throw new ZaloApiError(ZnsError.phoneInvalid, "Phone number is invalid");
  const templateId = typeof b.template_id === "string" ? b.template_id : "";
  const data = isRecord(b.template_data) ? b.template_data : undefined;
  const template = templateId === "" ? "unknown_template" : checkTemplate(ctx, templateId, data);
  if (template === "unknown_template")
    throw new ZaloApiError(ZnsError.templateIdInvalid, "Template id is invalid");
  if (template === "invalid_data" || data === undefined)
    throw new ZaloApiError(ZnsError.templateDataInvalid, "Template data is invalid");
  const trackingId = b.tracking_id;
  if (trackingId !== undefined && (typeof trackingId !== "string" || trackingId.length > TRACKING_ID_MAX))
    throw new ZaloApiError(ZnsError.paramInvalid, "tracking_id is invalid");
  if (b.mode !== undefined && b.mode !== "development")
    throw new ZaloApiError(ZnsError.paramInvalid, "mode is invalid");
  const user = ctx.users.getByPhone(phone);
  if (!user || user.zbsBlocked) {
    throw new ZaloApiError(
      ZnsError.userCannotReceive,
      "User cannot receive this message (no active Zalo account, or refused ZBS messages)",
    );
  }
  const now = ctx.now();
  if (!ctx.quotas.zbs.tryTake(now)) throw new ZaloApiError(ZnsError.outOfQuota, "Out of quota");
  const messageId = ctx.ids.messageId();
  recordSend(
    ctx,
    user,
    {
      channel: "zbs_phone",
      endpoint: ZBS_PHONE_ENDPOINT,
      body,
      summary: describeTemplate("template", templateId, data),
      costVnd: ctx.config.prices.zbsPhone,
      ...(trackingId === undefined ? {} : { trackingId }),
    },
    messageId,
    now,
  );
  return { msg_id: messageId, sent_time: String(now), sending_mode: "1", quota: zbsQuotaData(ctx) };
}
