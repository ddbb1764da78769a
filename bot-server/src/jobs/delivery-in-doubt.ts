import { deliveryRef, hasDeliveryRef } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { autoPauseOnErrors } from "../services/broadcast-control.js";
import { queryRows, sqlArray } from "../store/database.js";
import { failDeliveries, type Settlement, settleDeliveries } from "./delivery-rows.js";
import type { JobContext } from "./job-context.js";

/** How far back the conversation is searched for an in-doubt message (Zalo pages by 10). */
const RECONCILE_PAGES = 3;

/** The OA's message that carries `ref` in a link or its text, searched newest first: its message id. */
export async function findInConversation(
  ctx: JobContext,
  userId: string,
  ref: string,
  startBy?: number,
): Promise<string | undefined> {
  for (let page = 0; page < RECONCILE_PAGES; page++) {
    const messages = await ctx.oa.getConversation(userId, page * 10, 10, { startBy });
    const hit = messages.find(
      (m) =>
        m.src !== 1 &&
        hasDeliveryRef([...(m.links ?? []).map((l) => l.url), ...urlsIn(m.message ?? "")], ref),
    );
    if (hit) return hit.message_id;
    if (messages.length < 10) return undefined;
  }
  return undefined;
}

const urlsIn = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

/**
 * After the last attempt, the job's rows still open are recorded as failed (and may auto-pause their
 * broadcast) — except rows in doubt that Zalo did accept: those are found in the conversation first.
 */
export async function markDeliveriesFailed(
  ctx: JobContext,
  deliveryIds: number[],
  reason: string,
): Promise<void> {
  const inDoubt = await queryRows<{ id: number; zalo_oa_user_id: string }>(
    ctx.db,
    sql`select d.id, r.zalo_oa_user_id from deliveries d join residents r on r.id = d.resident_id
        where d.id = any(${sqlArray(deliveryIds, "bigint")}) and d.status = 'sending' and d.in_flight_at is null
          and r.zalo_oa_user_id is not null`,
  );
  const found: Settlement[] = [];
  for (const row of inDoubt) {
    const messageId = await findInConversation(ctx, row.zalo_oa_user_id, deliveryRef(Number(row.id))).catch(
      () => undefined,
    );
    if (messageId) found.push({ id: Number(row.id), lease: null, status: "sent", zaloMessageId: messageId });
  }
  await settleDeliveries(ctx.db, found);
  for (const broadcastId of await failDeliveries(ctx.db, deliveryIds, reason)) {
    await autoPauseOnErrors(ctx.db, broadcastId, {
      window: ctx.config.AUTO_PAUSE_WINDOW,
      threshold: ctx.config.AUTO_PAUSE_ERROR_RATE,
    });
  }
}
