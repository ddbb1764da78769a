import { DelayedError, RateLimitError, UnrecoverableError } from "bullmq";
import { sql } from "drizzle-orm";
import { buildBroadcastMessage, deliveryRef, hasDeliveryRef, postDeepLink, windowEndIfInside } from "@loa-phuong/shared";
import { queryRows } from "../store/database.js";
import { autoPauseOnErrors } from "../services/broadcast-control.js";
import { ZaloError } from "../zalo/zalo-error.js";
import type { JobContext, JobHandler } from "./job-context.js";

/** A claim on a delivery row outlives any Zalo call (with one token refresh), so only a dead worker's claim expires. */
export const leaseSeconds = (ctx: Pick<JobContext, "config">) => Math.ceil((ctx.config.ZALO_HTTP_TIMEOUT_MS * 3) / 1000);
/** How far back the conversation is searched for an in-doubt message (Zalo pages by 10). */
const RECONCILE_PAGES = 3;

interface Claimed {
  id: number;
  previous_status: "pending" | "sending";
  broadcast_id: string;
  broadcast_status: string;
  is_urgent: boolean;
  post_id: string;
  zalo_oa_user_id: string | null;
  title: string;
  summary: string | null;
  body: string;
  image_url: string | null;
}

/**
 * Sends one delivery exactly once. The row is claimed (status `sending`, a lease) before Zalo is
 * called; a row found `sending` from an earlier attempt is in doubt — Zalo may have accepted it — so
 * the OA conversation is searched for the delivery's reference before anything is resent.
 */
export const handleDeliverySend: JobHandler<"delivery.send"> = async (ctx, { deliveryId }, job, token) => {
  const claimed = await claim(ctx, deliveryId);
  if (claimed === "settled") return;
  if (claimed === "leased") {
    // Another worker holds a live claim (or one that died moments ago): look again after the lease.
    await job.moveToDelayed(Date.now() + leaseSeconds(ctx) * 1000, token);
    throw new DelayedError();
  }
  if (claimed.broadcast_status === "cancelled") {
    await settle(ctx, deliveryId, { status: "failed", errorCode: "cancelled", errorMessage: "Đợt gửi đã bị hủy." });
    return;
  }
  if (claimed.broadcast_status === "paused") {
    // Resuming re-runs the wave, which enqueues this row again.
    await release(ctx, deliveryId, claimed.previous_status);
    return;
  }
  const quietEnd = claimed.is_urgent ? undefined : windowEndIfInside(ctx.config.QUIET_HOURS, Date.now());
  if (quietEnd) {
    await release(ctx, deliveryId, claimed.previous_status);
    await job.moveToDelayed(quietEnd.getTime(), token);
    throw new DelayedError();
  }
  if (!claimed.zalo_oa_user_id) {
    await settle(ctx, deliveryId, { status: "fallback", channel: "feed", errorCode: "not_follower", errorMessage: "Người dân chưa quan tâm OA." });
    return;
  }
  const ref = deliveryRef(deliveryId);
  if (claimed.previous_status === "sending") {
    const found = await findInConversation(ctx, claimed.zalo_oa_user_id, ref);
    if (found) {
      await settle(ctx, deliveryId, { status: "sent", zaloMessageId: found });
      return;
    }
  }

  const link = postDeepLink(ctx.config.ZALO_MINI_APP_ID, claimed.post_id, ref);
  try {
    const { messageId } = await ctx.oa.sendCsMessage(claimed.zalo_oa_user_id, buildBroadcastMessage({ ...claimed, imageUrl: claimed.image_url }, link, ctx.config.OA_MESSAGE_FORMAT));
    await settle(ctx, deliveryId, { status: "sent", zaloMessageId: messageId });
  } catch (error) {
    if (!(error instanceof ZaloError)) throw error;
    if (error.isRateLimited) {
      // -32: Zalo refused the call, so nothing was sent; the row goes back to pending.
      await release(ctx, deliveryId, "pending");
      await ctx.rateLimitDeliveries(rateLimitPauseMs(ctx));
      throw new RateLimitError();
    }
    if (error.isUnreachableResident) {
      await settle(ctx, deliveryId, { status: "fallback", channel: "feed", errorCode: `zalo_${error.code}`, errorMessage: error.message });
      return;
    }
    if (error.isTransient || error.kind === "contract") {
      // In doubt: keep `sending` but drop the lease, so the retry reconciles first.
      await release(ctx, deliveryId, "sending", error);
      throw error;
    }
    await settle(ctx, deliveryId, { status: "failed", errorCode: `zalo_${error.code ?? error.kind}`, errorMessage: error.message });
    await autoPauseOnErrors(ctx.db, claimed.broadcast_id, { window: ctx.config.AUTO_PAUSE_WINDOW, threshold: ctx.config.AUTO_PAUSE_ERROR_RATE });
    throw new UnrecoverableError(error.message);
  }
};

/** Pause long enough for Zalo's per-minute window to move on a little. */
function rateLimitPauseMs(ctx: JobContext): number {
  return Math.max(250, Math.ceil(60_000 / ctx.config.ZALO_RATE_LIMIT_PER_MINUTE) * 50);
}

async function claim(ctx: JobContext, deliveryId: number): Promise<Claimed | "settled" | "leased"> {
  const rows = await queryRows<Claimed>(
    ctx.db,
    sql`with target as (
          select id, status from deliveries where id = ${deliveryId} for update
        ), claimed as (
          update deliveries d set status = 'sending', in_flight_at = now(), attempts = d.attempts + 1, updated_at = now()
          from target t
          where d.id = t.id and (t.status = 'pending'
            or (t.status = 'sending' and (d.in_flight_at is null or d.in_flight_at < now() - make_interval(secs => ${leaseSeconds(ctx)}))))
          returning d.id, d.broadcast_id, d.resident_id, t.status as previous_status
        )
        select c.id, c.previous_status, c.broadcast_id, b.status as broadcast_status, b.is_urgent, b.post_id,
               r.zalo_oa_user_id, v.title, v.summary, v.body, v.image_url
        from claimed c
        join broadcasts b on b.id = c.broadcast_id
        join residents r on r.id = c.resident_id
        join post_versions v on v.post_id = b.post_id and v.version = b.post_version`,
  );
  if (rows[0]) return rows[0];
  const [state] = await queryRows<{ status: string }>(ctx.db, sql`select status from deliveries where id = ${deliveryId}`);
  return state?.status === "sending" ? "leased" : "settled";
}

async function findInConversation(ctx: JobContext, userId: string, ref: string): Promise<string | undefined> {
  for (let page = 0; page < RECONCILE_PAGES; page++) {
    const messages = await ctx.oa.getConversation(userId, page * 10, 10);
    const hit = messages.find((m) => m.src !== 1 && hasDeliveryRef([...(m.links ?? []).map((l) => l.url), ...urlsIn(m.message ?? "")], ref));
    if (hit) return hit.message_id;
    if (messages.length < 10) return undefined;
  }
  return undefined;
}

const urlsIn = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

interface Settlement {
  status: "sent" | "failed" | "fallback";
  zaloMessageId?: string;
  channel?: "feed";
  errorCode?: string;
  errorMessage?: string;
}

/** Records the outcome; receipts that already arrived (delivered/seen) are never moved backwards. */
async function settle(ctx: JobContext, deliveryId: number, s: Settlement): Promise<void> {
  await ctx.db.execute(sql`
    update deliveries set
      status = case when status in ('delivered', 'seen') then status else ${s.status} end,
      zalo_message_id = coalesce(${s.zaloMessageId ?? null}, zalo_message_id),
      channel = coalesce(${s.channel ?? null}, channel),
      error_code = ${s.errorCode ?? null},
      error_message = ${s.errorMessage?.slice(0, 500) ?? null},
      sent_at = case when ${s.status} = 'sent' then coalesce(sent_at, now()) else sent_at end,
      in_flight_at = null,
      updated_at = now()
    where id = ${deliveryId}`);
}

async function release(ctx: JobContext, deliveryId: number, status: "pending" | "sending", error?: ZaloError): Promise<void> {
  await ctx.db.execute(sql`
    update deliveries set status = ${status}, in_flight_at = null, updated_at = now(),
      error_code = ${error ? `zalo_${error.code ?? error.kind}` : null}, error_message = ${error?.message.slice(0, 500) ?? null}
    where id = ${deliveryId} and status = 'sending'`);
}

/** After the last attempt, an in-doubt or pending row is recorded as failed with the reason. */
export async function markDeliveryFailed(ctx: Pick<JobContext, "db" | "config">, deliveryId: number, reason: string): Promise<void> {
  const rows = await queryRows<{ broadcast_id: string }>(
    ctx.db,
    sql`update deliveries set status = 'failed', in_flight_at = null, updated_at = now(),
          error_code = coalesce(error_code, 'retries_exhausted'), error_message = ${reason.slice(0, 500)}
        where id = ${deliveryId} and status in ('pending', 'sending')
        returning broadcast_id`,
  );
  if (rows[0]) await autoPauseOnErrors(ctx.db, rows[0].broadcast_id, { window: ctx.config.AUTO_PAUSE_WINDOW, threshold: ctx.config.AUTO_PAUSE_ERROR_RATE });
}
