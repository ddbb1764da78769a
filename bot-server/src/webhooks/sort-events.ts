import type { BulkBatch, InboundMessage } from "./apply-batch.js";
import { type EventFailure, failureReason } from "./set-aside.js";
import { receiptEventSchema, userSendEventSchema } from "./zalo-events.js";

export interface OpenEvent {
  id: number;
  eventName: string;
  rawBody: string;
}

/** Follows, unfollows, "Nhắn tin" taps and the rest: few, applied one by one. */
export interface RareEvent {
  id: number;
  eventName: string;
  payload: unknown;
}

/** A resident's message before we know which resident it is. */
export interface SenderMessage {
  oaUserId: string;
  appUserId: string | undefined;
  message: Omit<InboundMessage, "residentId" | "residentialGroupId">;
}

export interface SortedEvents {
  /** Receipts and payloads Zalo shaped differently (noted); messages join it once their sender is known. */
  batch: BulkBatch;
  rare: RareEvent[];
  senders: SenderMessage[];
  /** Bodies that could not even be read. */
  failed: EventFailure[];
}

/** Sorts a page of recorded events by how they are applied. */
export function sortEvents(events: OpenEvent[]): SortedEvents {
  const sorted: SortedEvents = {
    batch: { messages: [], receipts: [], noted: [] },
    rare: [],
    senders: [],
    failed: [],
  };
  for (const event of events) {
    let payload: unknown;
    try {
      payload = readBody(event.rawBody);
    } catch (error) {
      sorted.failed.push({ eventId: event.id, reason: failureReason(error) });
      continue;
    }
    if (event.eventName === "user_received_message" || event.eventName === "user_seen_message") {
      const r = receiptEventSchema.safeParse(payload);
      if (!r.success) sorted.batch.noted.push({ eventId: event.id, note: invalidNote(r.error) });
      else
        sorted.batch.receipts.push({
          eventId: event.id,
          kind: event.eventName === "user_seen_message" ? "seen" : "delivered",
          messageIds: [
            ...(r.data.message.msg_ids ?? []),
            ...(r.data.message.msg_id ? [r.data.message.msg_id] : []),
          ],
          at: r.data.timestamp,
        });
    } else if (isDirectMessage(event.eventName)) {
      const m = userSendEventSchema.safeParse(payload);
      if (!m.success) sorted.batch.noted.push({ eventId: event.id, note: invalidNote(m.error) });
      else {
        const d = m.data;
        sorted.senders.push({
          oaUserId: d.sender.id,
          appUserId: d.user_id_by_app,
          message: {
            eventId: event.id,
            msgId: d.message.msg_id,
            text: d.message.text ?? null,
            eventName: event.eventName,
            attachments: d.message.attachments ?? [],
            quoteMsgId: d.message.quote_msg_id ?? null,
            at: d.timestamp,
          },
        });
      }
    } else sorted.rare.push({ id: event.id, eventName: event.eventName, payload });
  }
  return sorted;
}

/**
 * JSON can carry a NUL or half of a UTF-16 pair (a lone surrogate) only escaped, and neither can be
 * stored in a text or jsonb column: the reviver (slower) runs only for a body with such an escape,
 * dropping NULs and turning lone surrogates into U+FFFD, so one odd message stops nothing.
 */
function readBody(rawBody: string): unknown {
  const odd = /\\u0000|\\ud[89a-f]/i.test(rawBody);
  return JSON.parse(rawBody, odd ? storable : undefined) as unknown;
}

const clean = (text: string) => text.replaceAll("\u0000", "").toWellFormed();

/** Called from the leaves up: strings are cleaned, and so are the keys of each object. */
function storable(_key: string, value: unknown): unknown {
  if (typeof value === "string") return clean(value);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const cleaned = clean(key);
      if (cleaned === key) continue;
      record[cleaned] = record[key];
      delete record[key];
    }
  }
  return value;
}

/**
 * A resident's message to the OA (`user_send_text`, `user_send_image`, …). Group-chat events
 * (`user_send_group_*`) are not to the OA and say nothing of the 7-day window.
 */
const isDirectMessage = (eventName: string) =>
  eventName.startsWith("user_send_") && !eventName.startsWith("user_send_group_");

const invalidNote = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  `invalid payload: ${error.issues[0]?.path.map(String).join(".")} ${error.issues[0]?.message}`;
