import type { SimContext } from "../context.js";
import { LIMIT_MESSAGE, OUT_OF_QUOTA_MESSAGE, ZaloApiError, ZaloError } from "../envelope.js";
import { describeCsMessage, describeTemplateMessage, type MessageSummary } from "../messages/describe.js";
import type { CsMessageBody, TemplateMessageBody } from "../messages/message.schema.js";
import { normaliseUserId } from "../messages/user-id.js";
import type { UserRecord } from "../state/users.js";
import { DAY_MS } from "../time/vn-time.js";
import type { LedgerEntry, SimChannel } from "../types.js";
import { oaSendEvent } from "../webhooks/events.js";

const REPLY_WINDOW_MS = 2 * DAY_MS;
const CS_WINDOW_MS = 7 * DAY_MS;
/** What Zalo historically reported as the free reply allowance per 48 h window (reference §4.6). */
const REPLY_QUOTA_TOTAL = 8;

export const CS_ENDPOINT = "/v3.0/oa/message/cs";
export const TEMPLATE_ENDPOINT = "/v3.0/oa/message/template";

export interface SendResultData {
  message_id: string;
  user_id: string;
  sent_time: string;
  quota?: Record<string, unknown>;
}

function findRecipient(ctx: SimContext, userId: string): UserRecord {
  const user = ctx.users.get(userId);
  if (!user) throw new ZaloApiError(ZaloError.invalidParam, "user_id is invalid!");
  return user;
}

/** The benchmark-only per-second limit; checked last so a rejected send changes nothing. */
function checkSendRate(ctx: SimContext): void {
  if (ctx.secondLimiter.canAccept(ctx.now())) return;
  ctx.counters.limitErrors++;
  throw new ZaloApiError(ZaloError.limitReached, LIMIT_MESSAGE);
}

/** CS ("tư vấn") message: follower only, within 7 days of the last interaction; free within 48 h. */
export function sendCsMessage(
  ctx: SimContext,
  body: CsMessageBody,
  rawBody: Buffer | undefined,
): SendResultData {
  const user = findRecipient(ctx, normaliseUserId(body.recipient.user_id, rawBody));
  if (!user.isFollower) throw new ZaloApiError(ZaloError.userNotFollower, "User has not followed OA");
  const now = ctx.now();
  const sinceInteraction = now - user.lastInteractionAt;
  if (ctx.config.enforceInteractionWindow && sinceInteraction > CS_WINDOW_MS) {
    throw new ZaloApiError(
      ZaloError.noInteraction7Days,
      "User has not interacted with the OA in the past 7 days",
    );
  }
  checkSendRate(ctx);
  // Between 48 h and 7 days the message is billed (and so is any later one the rule let through).
  const costVnd = sinceInteraction <= REPLY_WINDOW_MS ? 0 : ctx.config.prices.csBilled;
  const summary = describeCsMessage(body.message);
  const data = acceptOaMessage(ctx, user, { channel: "cs", endpoint: CS_ENDPOINT, body, summary, costVnd });
  if (sinceInteraction <= REPLY_WINDOW_MS) {
    if (user.replies.windowStart !== user.lastInteractionAt)
      user.replies = { windowStart: user.lastInteractionAt, used: 0 };
    user.replies.used++;
    // 2026 rules: replies within 48 h are free and unlimited, so `remain` is reported but not enforced.
    data.quota = {
      quota_type: "reply",
      remain: Math.max(0, REPLY_QUOTA_TOTAL - user.replies.used),
      total: REPLY_QUOTA_TOTAL,
      owner_type: "OA",
      owner_id: ctx.config.oaId,
    };
  }
  // Between 48 h and 7 days Zalo signals the billing by leaving `quota` out.
  return data;
}

/** Whether `data` fills exactly the parameters of an approved template (ZBS and Mini App alike). */
export function checkTemplate(
  ctx: SimContext,
  templateId: string,
  data: Record<string, unknown> | undefined,
): "ok" | "unknown_template" | "invalid_data" {
  const params = Object.hasOwn(ctx.config.templates, templateId)
    ? ctx.config.templates[templateId]
    : undefined;
  if (params === undefined) return "unknown_template";
  const given = Object.keys(data ?? {});
  if (given.length !== params.length || !params.every((p) => given.includes(p))) return "invalid_data";
  return "ok";
}

/** ZBS template by UID: no follower requirement and no 7-day rule; counts against the ZBS daily quota. */
export function sendTemplateMessage(
  ctx: SimContext,
  body: TemplateMessageBody,
  rawBody: Buffer | undefined,
): SendResultData {
  const rawUserId = body.user_id ?? body.recipient?.user_id;
  if (rawUserId === undefined) throw new ZaloApiError(ZaloError.invalidParam, "user_id is invalid!");
  const template = checkTemplate(ctx, body.template_id, body.template_data);
  if (template === "unknown_template")
    throw new ZaloApiError(ZaloError.invalidParam, "template_id is invalid!");
  if (template === "invalid_data")
    throw new ZaloApiError(ZaloError.invalidParam, "template_data is invalid!");
  const user = findRecipient(ctx, normaliseUserId(rawUserId, rawBody));
  checkSendRate(ctx);
  // Last check, so a refused send has counted nothing against the quota.
  if (!ctx.quotas.zbs.tryTake(ctx.now())) throw new ZaloApiError(ZaloError.outOfQuota, OUT_OF_QUOTA_MESSAGE);
  const data = acceptOaMessage(ctx, user, {
    channel: "zbs_uid",
    endpoint: TEMPLATE_ENDPOINT,
    body,
    summary: describeTemplateMessage(body),
    costVnd: ctx.config.prices.zbsUid,
  });
  data.quota = {
    quota_type: "purchase_quota",
    remain: ctx.quotas.zbs.remaining(ctx.now()),
    owner_type: "OA",
    owner_id: ctx.config.oaId,
  };
  return data;
}

export interface AcceptedSend {
  channel: SimChannel;
  endpoint: string;
  /** The request body as received. */
  body: unknown;
  summary: MessageSummary;
  costVnd: number;
  trackingId?: string;
}

/** Writes the ledger entry of a message a channel accepted. */
export function recordSend(
  ctx: SimContext,
  user: UserRecord,
  send: AcceptedSend,
  messageId: string,
  now: number,
): LedgerEntry {
  const entry: LedgerEntry = {
    messageId,
    userIdByOa: user.idByOa,
    channel: send.channel,
    costVnd: send.costVnd,
    endpoint: send.endpoint,
    body: send.body,
    links: send.summary.links,
    type: send.summary.type,
    sentAt: now,
  };
  if (send.summary.text !== undefined) entry.text = send.summary.text;
  if (send.trackingId !== undefined) entry.trackingId = send.trackingId;
  ctx.ledger.add(entry);
  return entry;
}

/** `oa_send_*` echo of each kind of OA message (Zalo's event names; `request_user_info` is a guess [?]). */
const ECHO_EVENTS: Record<string, string> = {
  text: "oa_send_text",
  photo: "oa_send_image",
  gif: "oa_send_gif",
  list: "oa_send_list",
  request_user_info: "oa_send_list",
  file: "oa_send_file",
  template: "oa_send_template",
};
/** Kinds whose summary text is the message's own text, not a title. */
const ECHO_WITH_TEXT = new Set(["text", "photo", "gif", "file"]);

/**
 * A message sent in the OA's chat (CS, ZBS by user id): ledger, then the `oa_send_*` echo, then the
 * receipts. The echo is queued first on the user's ordered webhook queue, so it always precedes the
 * message's receipts, as in Zalo.
 */
function acceptOaMessage(ctx: SimContext, user: UserRecord, send: AcceptedSend): SendResultData {
  const now = ctx.now();
  const messageId = ctx.ids.messageId();
  ctx.secondLimiter.record(now);
  recordSend(ctx, user, send, messageId, now);
  // Without a receiver the events would only be dropped later; skip the work during benchmarks.
  if (ctx.webhookUrl.current !== undefined) {
    const type = send.summary.type;
    const eventName = ECHO_EVENTS[type];
    if (ctx.config.echoOaSends && eventName !== undefined) {
      const text = ECHO_WITH_TEXT.has(type) ? send.summary.text : undefined;
      void ctx.dispatcher.enqueue(oaSendEvent(ctx.eventContext(), user, eventName, messageId, text));
    }
    ctx.receipts.schedule(user.idByOa, messageId);
  }
  return { message_id: messageId, user_id: user.idByOa, sent_time: String(now) };
}
