import type { WebhookHealth } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { raiseAlertOnce } from "../services/staff-alerts.js";
import { type Db, queryRows } from "../store/database.js";
import { countSetAsideEvents } from "./set-aside.js";

/** Bad signatures in one hour past which admins are told: the OA secret key may be wrong. */
export const SIGNATURE_FAILURES_ALERT = 20;

const hourKey = (config: Config, hour = Math.floor(Date.now() / 3_600_000)) =>
  `${config.QUEUE_PREFIX}:webhook:bad-signature:${hour}`;

/**
 * Counts a request with a bad signature (forged, or Zalo signing with a key this server does not
 * have); past SIGNATURE_FAILURES_ALERT in an hour, admins get one alert. Counting never fails the answer.
 */
export async function countSignatureFailure(deps: { config: Config; redis: Redis; db: Db }): Promise<void> {
  try {
    const key = hourKey(deps.config);
    const [[, count]] = (await deps.redis
      .multi()
      .incr(key)
      .expire(key, 2 * 3600)
      .exec()) as [[null, number]];
    if (count === SIGNATURE_FAILURES_ALERT)
      await raiseAlertOnce(deps.db, {
        wardId: deps.config.WARD_ID,
        kind: "webhook_signature_failures",
        message:
          `Trong một giờ có ${SIGNATURE_FAILURES_ALERT} yêu cầu gửi đến webhook Zalo với chữ ký sai. ` +
          "Kiểm tra ZALO_OA_SECRET_KEY có đúng khóa bí mật OA trong trang quản lý Zalo không.",
      });
  } catch {
    // Redis or the store did not answer: the request is refused all the same.
  }
}

/** What admins see of the webhook: the last event, events and bad signatures in the last hour. */
export async function webhookHealth(deps: { config: Config; redis: Redis; db: Db }): Promise<WebhookHealth> {
  const [row] = await queryRows<{ last: Date | string | null; hour: number }>(
    deps.db,
    sql`select max(received_at) as last,
               count(*) filter (where received_at > now() - interval '1 hour')::int as hour
        from webhook_events`,
  );
  const now = Math.floor(Date.now() / 3_600_000);
  const [current, previous] = await deps.redis
    .mget(hourKey(deps.config, now), hourKey(deps.config, now - 1))
    .catch(() => [null, null]);
  // The last full hour and the current one, weighted by how much of the last hour is still inside.
  const share = 1 - (Date.now() % 3_600_000) / 3_600_000;
  return {
    lastEventAt: row?.last ? new Date(row.last).toISOString() : null,
    eventsLastHour: row?.hour ?? 0,
    signatureFailuresLastHour: Math.round(Number(current ?? 0) + Number(previous ?? 0) * share),
    setAside: await countSetAsideEvents(deps.db),
  };
}
