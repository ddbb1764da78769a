import { sql } from "drizzle-orm";
import { searchKey } from "@loa-phuong/shared";
import { queryRows, type Tx } from "../store/database.js";
import { residents } from "../store/schema/index.js";
import { inArray } from "drizzle-orm";
import { residentForOaUser } from "./residents-from-zalo.js";

export interface Receipt {
  eventId: number;
  kind: "delivered" | "seen";
  messageIds: string[];
  at: Date;
}

/**
 * Applies many receipts in two statements; receipts only move a delivery forward (sent → delivered →
 * seen). Returns the events none of whose message ids matched a delivery (yet).
 */
export async function applyReceipts(tx: Tx, receipts: Receipt[]): Promise<Set<number>> {
  const matched = new Set<string>();
  for (const kind of ["delivered", "seen"] as const) {
    const pairs = receipts.filter((r) => r.kind === kind).flatMap((r) => r.messageIds.map((id) => sql`(${id}::text, ${r.at.toISOString()}::timestamptz)`));
    if (pairs.length === 0) continue;
    const rows = await queryRows<{ zalo_message_id: string }>(
      tx,
      kind === "seen"
        ? sql`update deliveries d set status = 'seen', seen_at = coalesce(d.seen_at, v.at), delivered_at = coalesce(d.delivered_at, v.at), updated_at = now()
              from (values ${sql.join(pairs, sql`, `)}) as v(message_id, at) where d.zalo_message_id = v.message_id returning d.zalo_message_id`
        : sql`update deliveries d set status = case when d.status in ('sending', 'sent') then 'delivered' else d.status end,
              delivered_at = coalesce(d.delivered_at, v.at), updated_at = now()
              from (values ${sql.join(pairs, sql`, `)}) as v(message_id, at) where d.zalo_message_id = v.message_id returning d.zalo_message_id`,
    );
    for (const r of rows) matched.add(r.zalo_message_id);
  }
  return new Set(receipts.filter((r) => !r.messageIds.some((id) => matched.has(id))).map((r) => r.eventId));
}

export interface InboundMessage {
  senderOaId: string;
  senderAppId?: string | undefined;
  msgId: string;
  text: string | null;
  eventName: string;
  attachments: unknown[];
  quoteMsgId: string | null;
  at: Date;
}

/**
 * Residents' own messages become signals (one per Zalo msg_id, linked to the resident and their
 * group) and refresh each resident's last interaction — a few statements for the whole batch.
 */
export async function applyInboundMessages(tx: Tx, wardId: string, messages: InboundMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const senders = [...new Set(messages.map((m) => m.senderOaId))];
  const known = await tx.select({ id: residents.id, oa: residents.zaloOaUserId, group: residents.residentialGroupId }).from(residents).where(inArray(residents.zaloOaUserId, senders));
  const bySender = new Map(known.map((r) => [r.oa!, r]));
  for (const m of messages) {
    if (bySender.has(m.senderOaId)) continue;
    // Somebody Zalo tells us about for the first time (rare): link or create them one by one.
    const r = await residentForOaUser(tx, { wardId, oaUserId: m.senderOaId, appUserId: m.senderAppId });
    bySender.set(m.senderOaId, { id: r.id, oa: r.zaloOaUserId, group: r.residentialGroupId });
  }
  const rows = messages.map((m) => {
    const r = bySender.get(m.senderOaId)!;
    return sql`(${wardId}::text, ${r.id}::uuid, ${r.group}::uuid, 'oa_message', 'zalo_oa', ${m.msgId}::text, ${m.text}::text, ${m.text ? searchKey(m.text) : null}::text,
      ${JSON.stringify({ eventName: m.eventName, attachments: m.attachments, quoteMsgId: m.quoteMsgId })}::jsonb, ${m.at.toISOString()}::timestamptz)`;
  });
  await tx.execute(sql`
    insert into signals (ward_id, resident_id, residential_group_id, kind, source, zalo_msg_id, text, search_text, payload, sent_at)
    values ${sql.join(rows, sql`, `)}
    on conflict (zalo_msg_id) do nothing`);
  const latest = new Map<string, Date>();
  for (const m of messages) {
    const id = bySender.get(m.senderOaId)!.id;
    if (!latest.has(id) || latest.get(id)! < m.at) latest.set(id, m.at);
  }
  const touches = [...latest].map(([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`);
  await tx.execute(sql`
    update residents r set last_interaction_at = greatest(r.last_interaction_at, v.at), updated_at = now()
    from (values ${sql.join(touches, sql`, `)}) as v(id, at) where r.id = v.id`);
}
