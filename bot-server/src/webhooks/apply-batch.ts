import { searchKey } from "@loa-phuong/shared";
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../store/database.js";

export interface Receipt {
  eventId: number;
  kind: "delivered" | "seen";
  messageIds: string[];
  at: Date;
}

export interface InboundMessage {
  eventId: number;
  residentId: string;
  residentialGroupId: string | null;
  msgId: string;
  text: string | null;
  eventName: string;
  attachments: unknown[];
  quoteMsgId: string | null;
  at: Date;
}

export interface BulkBatch {
  messages: InboundMessage[];
  receipts: Receipt[];
  /** Events recorded as processed with a note and nothing else (a payload Zalo shaped differently). */
  noted: Array<{ eventId: number; note: string }>;
}

/** A receipt can overtake the worker writing the message id; after this long it is recorded unmatched. */
export const RECEIPT_MATCH_WINDOW = "10 minutes";

/**
 * Applies a batch of events in ONE statement, so the store is held for one round trip, however busy
 * the process is: it locks the events still open (skipping any another worker holds), turns residents'
 * messages into signals (one per Zalo msg_id) and moves their last interaction forward, moves
 * deliveries forward on receipts (sent → delivered → seen; delivered and seen of one message in the
 * same batch fold into one update), and marks the locked events processed — except receipts none of
 * whose message ids matched a delivery yet, which stay open while they are younger than the window
 * (their attempts counted, so they do not hold up fresh events). Returns the ids of those receipts.
 */
export async function applyBulk(
  db: Db,
  wardId: string,
  batch: BulkBatch,
): Promise<{ processed: number; waiting: number[] }> {
  const { messages, noted } = batch;
  const receipts = batch.receipts.flatMap((r) =>
    r.messageIds.map((id) => ({ eventId: r.eventId, seen: r.kind === "seen", messageId: id, at: r.at })),
  );
  // Receipts without any message id are recorded unmatched at once.
  const idless = batch.receipts
    .filter((r) => r.messageIds.length === 0)
    .map((r) => ({ eventId: r.eventId, note: "unmatched receipt" }));
  const notes = [...noted, ...idless];
  const eventIds = [
    ...new Set([
      ...messages.map((m) => m.eventId),
      ...batch.receipts.map((r) => r.eventId),
      ...notes.map((n) => n.eventId),
    ]),
  ];
  if (eventIds.length === 0) return { processed: 0, waiting: [] };
  // Only the parts this batch needs: a smaller statement plans faster, and the store is held less.
  const parts: SQL[] = [
    sql`locked as (
      select e.id, e.received_at from webhook_events e
      where e.id = any(${sqlArray(eventIds, "bigint")}) and e.processed_at is null
      for update skip locked)`,
  ];
  if (messages.length) {
    parts.push(
      sql`msgs as (
      select * from unnest(${sqlArray(
        messages.map((m) => m.eventId),
        "bigint",
      )}, ${sqlArray(
        messages.map((m) => m.residentId),
        "uuid",
      )},
        ${sqlArray(
          messages.map((m) => m.residentialGroupId),
          "uuid",
        )}, ${sqlArray(
          messages.map((m) => m.msgId),
          "text",
        )}, ${sqlArray(
          messages.map((m) => m.text),
          "text",
        )},
        ${sqlArray(
          messages.map((m) => (m.text ? searchKey(m.text) : null)),
          "text",
        )},
        ${sqlArray(
          messages.map((m) =>
            JSON.stringify({ eventName: m.eventName, attachments: m.attachments, quoteMsgId: m.quoteMsgId }),
          ),
          "text",
        )},
        ${sqlArray(
          messages.map((m) => m.at.toISOString()),
          "timestamptz",
        )})
        as m(event_id, resident_id, group_id, msg_id, text, search_text, payload, at)
      where m.event_id in (select id from locked))`,
      sql`new_signals as (
      insert into signals (ward_id, resident_id, residential_group_id, kind, source, zalo_msg_id, text, search_text,
                           payload, sent_at)
      select ${wardId}, resident_id, group_id, 'oa_message', 'zalo_oa', msg_id, text, search_text, payload::jsonb, at
      from msgs
      on conflict (zalo_msg_id) do nothing
      returning 1)`,
      sql`touched as (
      update residents r set last_interaction_at = greatest(r.last_interaction_at, v.at), updated_at = now()
      from (select resident_id, max(at) as at from msgs group by resident_id) v
      where r.id = v.resident_id
      returning 1)`,
    );
  }
  if (receipts.length) {
    parts.push(
      sql`rcpt as (
      select * from unnest(${sqlArray(
        receipts.map((r) => r.eventId),
        "bigint",
      )}, ${sqlArray(
        receipts.map((r) => r.seen),
        "boolean",
      )},
        ${sqlArray(
          receipts.map((r) => r.messageId),
          "text",
        )}, ${sqlArray(
          receipts.map((r) => r.at.toISOString()),
          "timestamptz",
        )})
        as r(event_id, seen, message_id, at)
      where r.event_id in (select id from locked))`,
      sql`marks as (
      select message_id, min(at) as delivered_at, min(at) filter (where seen) as seen_at
      from rcpt group by message_id)`,
      sql`receipted as (
      update deliveries d set
        status = case when m.seen_at is not null then 'seen'
                      when d.status in ('sending', 'sent') then 'delivered' else d.status end,
        delivered_at = coalesce(d.delivered_at, m.delivered_at),
        seen_at = case when m.seen_at is null then d.seen_at else coalesce(d.seen_at, m.seen_at) end,
        updated_at = now()
      from marks m where d.zalo_message_id = m.message_id
      returning d.zalo_message_id)`,
      // Staff answers by OA message: delivered and seen, as broadcasts are.
      sql`replied as (
      update signal_replies x set
        status = case when m.seen_at is not null then 'seen'
                      when x.status in ('sending', 'sent') then 'delivered' else x.status end
      from marks m where x.zalo_message_id = m.message_id
      returning x.zalo_message_id)`,
      // Reminders to heads: nothing to move, but the receipt is theirs.
      sql`reminded as (
      select t.remind_message_id as zalo_message_id from relay_tasks t
      where t.remind_message_id in (select message_id from marks))`,
      sql`unmatched as (
      select event_id from rcpt group by event_id
      having not bool_or(message_id in (select zalo_message_id from receipted
                                        union all select zalo_message_id from replied
                                        union all select zalo_message_id from reminded)))`,
    );
  }
  parts.push(
    receipts.length
      ? sql`waiting as (
      select l.id from locked l join unmatched u on u.event_id = l.id
      where l.received_at > now() - ${RECEIPT_MATCH_WINDOW}::interval)`
      : sql`waiting as (select null::bigint as id where false)`,
  );
  if (notes.length) {
    parts.push(sql`notes as (
      select * from unnest(${sqlArray(
        notes.map((n) => n.eventId),
        "bigint",
      )}, ${sqlArray(
        notes.map((n) => n.note),
        "text",
      )}) as n(event_id, note))`);
  }
  const noteOf = notes.length ? sql`(select n.note from notes n where n.event_id = e.id)` : sql`null::text`;
  const unmatchedNote = receipts.length
    ? sql`case when e.id in (select event_id from unmatched) then 'unmatched receipt' end`
    : sql`null::text`;
  parts.push(sql`done as (
      update webhook_events e set processed_at = now(), last_error = coalesce(${noteOf}, ${unmatchedNote})
      where e.id in (select id from locked) and e.id not in (select id from waiting)
      returning e.id)`);
  // A receipt left waiting goes behind fresh events in the next runs' order (attempts, id).
  if (receipts.length)
    parts.push(
      sql`retried as (update webhook_events e set attempts = attempts + 1
                      where e.id in (select id from waiting) returning e.id)`,
    );
  const [result] = await queryRows<{ processed: number; waiting: Array<number | string> | null }>(
    db,
    sql`with ${sql.join(parts, sql`, `)}
    select (select count(*) from done)::int as processed, (select array_agg(id) from waiting) as waiting`,
  );
  return { processed: result?.processed ?? 0, waiting: (result?.waiting ?? []).map(Number) };
}
