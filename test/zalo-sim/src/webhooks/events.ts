import type { UserRecord } from "../state/users.js";

/**
 * Webhook payloads (reference §5.3). All ids and the timestamp are strings; key order follows
 * Zalo's published examples, since receivers sign over the exact bytes.
 */
export interface EventContext {
  appId: string;
  oaId: string;
  timestamp: string;
}

export interface WebhookEvent {
  eventName: string;
  userIdByOa: string;
  timestamp: string;
  payload: Record<string, unknown>;
}

export function userSendTextEvent(
  ctx: EventContext,
  user: UserRecord,
  text: string,
  msgId: string,
): WebhookEvent {
  return {
    eventName: "user_send_text",
    userIdByOa: user.idByOa,
    timestamp: ctx.timestamp,
    payload: {
      app_id: ctx.appId,
      sender: { id: user.idByOa },
      user_id_by_app: user.idByApp,
      recipient: { id: ctx.oaId },
      event_name: "user_send_text",
      message: { text, msg_id: msgId },
      timestamp: ctx.timestamp,
    },
  };
}

export function followEvent(ctx: EventContext, user: UserRecord, kind: "follow" | "unfollow"): WebhookEvent {
  return {
    eventName: kind,
    userIdByOa: user.idByOa,
    timestamp: ctx.timestamp,
    payload: {
      oa_id: ctx.oaId,
      follower: { id: user.idByOa },
      user_id_by_app: user.idByApp,
      event_name: kind,
      source: "oa_profile",
      app_id: ctx.appId,
      timestamp: ctx.timestamp,
    },
  };
}

/** Receipts share one shape: sent by the OA to the user, differing only in name and message. */
function receiptEvent(
  ctx: EventContext,
  user: UserRecord,
  eventName: "user_received_message" | "user_seen_message",
  message: Record<string, unknown>,
): WebhookEvent {
  return {
    eventName,
    userIdByOa: user.idByOa,
    timestamp: ctx.timestamp,
    payload: {
      app_id: ctx.appId,
      sender: { id: ctx.oaId },
      user_id_by_app: user.idByApp,
      recipient: { id: user.idByOa },
      event_name: eventName,
      message,
      timestamp: ctx.timestamp,
    },
  };
}

export function userReceivedEvent(ctx: EventContext, user: UserRecord, msgId: string): WebhookEvent {
  return receiptEvent(ctx, user, "user_received_message", { msg_id: msgId });
}

/** One event for every message the user saw at once (`msg_ids`, reference §5.3 [?]). */
export function userSeenEvent(ctx: EventContext, user: UserRecord, msgIds: string[]): WebhookEvent {
  return receiptEvent(ctx, user, "user_seen_message", { msg_ids: msgIds });
}

/**
 * Echo of a message the OA sent (`oa_send_text`, `oa_send_image`, …, `oa_send_template`), in the
 * shape of Zalo's examples: the OA is the sender, the user the recipient.
 */
export function oaSendEvent(
  ctx: EventContext,
  user: UserRecord,
  eventName: string,
  msgId: string,
  text: string | undefined,
): WebhookEvent {
  return {
    eventName,
    userIdByOa: user.idByOa,
    timestamp: ctx.timestamp,
    payload: {
      app_id: ctx.appId,
      oa_id: ctx.oaId,
      user_id_by_app: user.idByApp,
      event_name: eventName,
      timestamp: ctx.timestamp,
      sender: { id: ctx.oaId },
      recipient: { id: user.idByOa },
      message: text === undefined ? { msg_id: msgId } : { msg_id: msgId, text },
    },
  };
}
