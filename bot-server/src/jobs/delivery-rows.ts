import type { DeliveryChannel } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../store/database.js";

/** A claimed delivery with what sending it needs: the resident's OA id and the approved version's content. */
export interface ClaimedDelivery {
  id: number;
  /** The claim's lease stamp (in_flight_at as text): outcomes are written only while it still holds. */
  lease: string;
  previous_status: "pending" | "sending";
  broadcast_id: string;
  channel: DeliveryChannel;
  broadcast_status: string;
  is_urgent: boolean;
  post_id: string;
  ward_id: string;
  ward_name: string;
  zalo_oa_user_id: string | null;
  zalo_app_user_id: string | null;
  /** Only with the resident's consent still recorded (it may have been withdrawn since the plan). */
  phone: string | null;
  /** Their group has a head who relays: where a push that cannot go falls back to. */
  has_head: boolean;
  title: string;
  summary: string | null;
  body: string;
  image_url: string | null;
}

/** `id = any(…)` with the ids as one array parameter: the same statement for a batch of any size. */
const anyId = (ids: number[]) => sql`id = any(${sqlArray(ids, "bigint")})`;

/**
 * Claims the rows that are free: pending, or `sending` without a live lease (an attempt that ended in
 * doubt, or a worker that died). Rows settled or leased by another worker are not returned. A row in
 * doubt waits out a lease's length first: a call that timed out here may still be on its way to Zalo,
 * and the conversation is searched for it only once it has surely landed.
 */
export async function claimDeliveries(
  db: Db,
  ids: number[],
  leaseSeconds: number,
): Promise<ClaimedDelivery[]> {
  const rows = await queryRows<ClaimedDelivery>(
    db,
    sql`with target as (
          select id, status from deliveries where ${anyId(ids)} order by id for update
        ), claimed as (
          update deliveries d
          set status = 'sending', in_flight_at = now(), attempts = d.attempts + 1, updated_at = now()
          from target t
          where d.id = t.id and (t.status = 'pending'
            or (t.status = 'sending'
                and (d.in_flight_at is null or d.in_flight_at < now() - make_interval(secs => ${leaseSeconds}))
                and d.updated_at < now() - make_interval(secs => ${leaseSeconds})))
          returning d.id, d.in_flight_at::text as lease, d.broadcast_id, d.resident_id, d.channel,
                    t.status as previous_status
        )
        select c.id, c.lease, c.previous_status, c.broadcast_id, c.channel, b.status as broadcast_status,
               b.is_urgent, b.post_id, b.ward_id, w.name as ward_name, r.zalo_oa_user_id, r.zalo_app_user_id,
               case when r.phone_consented_at is not null and r.deleted_at is null then r.phone end as phone,
               exists (select 1 from residents h join resident_roles hr on hr.resident_id = h.id
                         and hr.role = 'group_head'
                       where h.residential_group_id = r.residential_group_id
                         and h.membership_status = 'confirmed' and h.deleted_at is null) as has_head,
               v.title, v.summary, v.body, v.image_url
        from claimed c
        join broadcasts b on b.id = c.broadcast_id
        join wards w on w.id = b.ward_id
        join residents r on r.id = c.resident_id
        join post_versions v on v.post_id = b.post_id and v.version = b.post_version`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Ids among `ids` still `sending` under someone else's lease, or in doubt and not claimable yet. */
export async function leasedDeliveries(db: Db, ids: number[], leaseSeconds: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from deliveries where ${anyId(ids)} and status = 'sending'
        and (in_flight_at is not null or updated_at >= now() - make_interval(secs => ${leaseSeconds}))`,
  );
  return rows.map((r) => Number(r.id));
}

export interface Settlement {
  id: number;
  /** The lease it was claimed under; null for a row in doubt without one (found after the last attempt). */
  lease: string | null;
  status: "sent" | "failed" | "fallback";
  zaloMessageId?: string | undefined;
  /** A push that could not go: the row moves to `relay` or `feed`. */
  channel?: DeliveryChannel | undefined;
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
}

/**
 * Records outcomes in one statement; receipts that already arrived (delivered/seen) are never moved
 * backwards. Fenced by the lease: a row another worker claimed since (this one's lease ran out) is
 * left to that worker, which reconciles with Zalo before sending.
 */
export async function settleDeliveries(db: Db, settlements: Settlement[]): Promise<void> {
  if (settlements.length === 0) return;
  await db.execute(sql`
    update deliveries d set
      status = case when d.status in ('delivered', 'seen') then d.status else v.status end,
      zalo_message_id = coalesce(v.message_id, d.zalo_message_id),
      channel = coalesce(v.channel, d.channel),
      error_code = v.error_code,
      error_message = v.error_message,
      sent_at = case when v.status = 'sent' then coalesce(d.sent_at, now()) else d.sent_at end,
      in_flight_at = null,
      updated_at = now()
    from unnest(${sqlArray(
      settlements.map((s) => s.id),
      "bigint",
    )}, ${sqlArray(
      settlements.map((s) => s.lease),
      "timestamptz",
    )}, ${sqlArray(
      settlements.map((s) => s.status),
      "text",
    )},
                ${sqlArray(
                  settlements.map((s) => s.zaloMessageId ?? null),
                  "text",
                )}, ${sqlArray(
                  settlements.map((s) => s.channel ?? null),
                  "text",
                )},
                ${sqlArray(
                  settlements.map((s) => s.errorCode ?? null),
                  "text",
                )}, ${sqlArray(
                  settlements.map((s) => s.errorMessage?.slice(0, 500) ?? null),
                  "text",
                )})
         as v(id, lease, status, message_id, channel, error_code, error_message)
    where d.id = v.id and d.in_flight_at is not distinct from v.lease`);
}

export interface Release {
  id: number;
  lease: string;
  /** `pending`: certainly not sent. `sending`: in doubt, so the next attempt reconciles first. */
  status: "pending" | "sending";
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
}

/**
 * Gives claimed rows back without a lease, in one statement (fenced by the lease, as settling is).
 * A row certainly not sent whose broadcast was cancelled meanwhile (while this worker held it) is
 * closed as cancelled instead: nothing will ever send it, and it must not wait as `pending` forever.
 */
export async function releaseDeliveries(db: Db, releases: Release[]): Promise<void> {
  if (releases.length === 0) return;
  await db.execute(sql`
    update deliveries d set in_flight_at = null, updated_at = now(),
      status = case when v.status = 'pending' and b.status = 'cancelled' then 'failed' else v.status end,
      error_code = case when v.status = 'pending' and b.status = 'cancelled' then 'cancelled' else v.error_code end,
      error_message = case when v.status = 'pending' and b.status = 'cancelled' then 'Đợt gửi đã bị hủy.'
                      else v.error_message end
    from broadcasts b, unnest(${sqlArray(
      releases.map((r) => r.id),
      "bigint",
    )}, ${sqlArray(
      releases.map((r) => r.lease),
      "timestamptz",
    )}, ${sqlArray(
      releases.map((r) => r.status),
      "text",
    )},
                ${sqlArray(
                  releases.map((r) => r.errorCode ?? null),
                  "text",
                )}, ${sqlArray(
                  releases.map((r) => r.errorMessage?.slice(0, 500) ?? null),
                  "text",
                )})
         as v(id, lease, status, error_code, error_message)
    where d.id = v.id and d.status = 'sending' and d.in_flight_at = v.lease and b.id = d.broadcast_id`);
}

/** After the last attempt, rows still pending or in doubt (not under another worker's lease) are recorded as failed. */
export async function failDeliveries(db: Db, ids: number[], reason: string): Promise<string[]> {
  const rows = await queryRows<{ broadcast_id: string }>(
    db,
    sql`update deliveries set status = 'failed', in_flight_at = null, updated_at = now(),
          error_code = coalesce(error_code, 'retries_exhausted'), error_message = ${reason.slice(0, 500)}
        where ${anyId(ids)} and (status = 'pending' or (status = 'sending' and in_flight_at is null))
        returning broadcast_id`,
  );
  return [...new Set(rows.map((r) => r.broadcast_id))];
}
