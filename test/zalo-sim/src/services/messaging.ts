import type { SimContext } from "../context.js";
import { LIMIT_MESSAGE, ZaloApiError, ZaloError } from "../envelope.js";
import { describeCsMessage, describeTemplateMessage, type MessageSummary } from "../messages/describe.js";
import type { CsMessageBody, TemplateMessageBody } from "../messages/message.schema.js";
import { normaliseUserId } from "../messages/user-id.js";
import type { UserRecord } from "../state/users.js";
import { DAY_MS } from "../time/vn-time.js";
import type { LedgerEntry } from "../types.js";

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
  const data = accept(ctx, user, CS_ENDPOINT, body, describeCsMessage(body.message));
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
  // Between 48 h and 7 days the message is billed, which Zalo signals by leaving `quota` out.
  return data;
}

/** ZBS template by UID: no follower requirement and no 7-day rule. */
export function sendTemplateMessage(
  ctx: SimContext,
  body: TemplateMessageBody,
  rawBody: Buffer | undefined,
): SendResultData {
  const rawUserId = body.user_id ?? body.recipient?.user_id;
  if (rawUserId === undefined) throw new ZaloApiError(ZaloError.invalidParam, "user_id is invalid!");
  const params = Object.hasOwn(ctx.config.templates, body.template_id)
    ? ctx.config.templates[body.template_id]!
    : undefined;
  if (params === undefined) throw new ZaloApiError(ZaloError.invalidParam, "template_id is invalid!");
  const given = Object.keys(body.template_data ?? {});
  if (given.length !== params.length || !params.every((p) => given.includes(p)))
    throw new ZaloApiError(ZaloError.invalidParam, "template_data is invalid!");
  const user = findRecipient(ctx, normaliseUserId(rawUserId, rawBody));
  checkSendRate(ctx);
  const data = accept(ctx, user, TEMPLATE_ENDPOINT, body, describeTemplateMessage(body));
  data.quota = { quota_type: "purchase_quota", owner_type: "OA", owner_id: ctx.config.oaId };
  return data;
}

function accept(
  ctx: SimContext,
  user: UserRecord,
  endpoint: string,
  body: unknown,
  summary: MessageSummary,
): SendResultData {
  const now = ctx.now();
  const messageId = ctx.ids.messageId();
  ctx.secondLimiter.record(now);
  const entry: LedgerEntry = {
    messageId,
    userIdByOa: user.idByOa,
    endpoint,
    body,
    links: summary.links,
    type: summary.type,
    sentAt: now,
  };
  if (summary.text !== undefined) entry.text = summary.text;
  ctx.ledger.add(entry);
  // Without a receiver the receipts would only be dropped later; skip the work during benchmarks.
  if (ctx.webhookUrl.current !== undefined) ctx.receipts.schedule(user.idByOa, messageId);
  return { message_id: messageId, user_id: user.idByOa, sent_time: String(now) };
}
