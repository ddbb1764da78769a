import type { ChannelStatusList, PushChannel } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { raiseAlertOnce, resolveAlerts } from "../services/staff-alerts.js";
import { type Db, queryRows } from "../store/database.js";
import type { ZaloError } from "../zalo/zalo-error.js";
import { type ChannelConfig, channelNames, loadChannelSettings } from "./channel-state.js";
import { poolOf, priceOf } from "./planner.js";

/**
 * Zalo said the channel cannot be used by this OA at all (quota, package, billing): stop it for the
 * ward, pause the broadcasts with rows waiting on it, and tell the admins once.
 */
export async function stopChannel(
  db: Db,
  wardId: string,
  channel: PushChannel,
  error: ZaloError,
): Promise<string[]> {
  const inserted = await queryRows<{ channel: string }>(
    db,
    sql`insert into channel_stops (ward_id, channel, code, message)
        values (${wardId}, ${channel}, ${error.code ?? null}, ${error.message.slice(0, 500)})
        on conflict (ward_id, channel) do nothing returning channel`,
  );
  const paused = await queryRows<{ id: string }>(
    db,
    sql`update broadcasts b set status = 'paused', pause_reason = 'channel_stopped', paused_at = now()
        where b.ward_id = ${wardId} and b.status = 'sending'
          and exists (select 1 from deliveries d where d.broadcast_id = b.id and d.channel = ${channel}
                      and d.status in ('pending', 'sending'))
        returning b.id`,
  );
  if (inserted.length > 0)
    await raiseAlertOnce(db, {
      wardId,
      kind: "channel_stopped",
      message:
        `Zalo từ chối kênh “${channelNames[channel]}” cho cả OA (mã ${error.code ?? "?"}: ${error.message}). ` +
        "Kênh đã dừng và các đợt gửi đang dùng kênh này đã tạm dừng. Kiểm tra hạn mức, gói OA hoặc tài " +
        "khoản Zalo Cloud, rồi mở lại kênh trong “Kết nối Zalo OA” và bấm “Tiếp tục” ở đợt gửi.",
    });
  return paused.map((p) => p.id);
}

/** The channels Zalo stopped for this ward, with why and since when. */
export async function listChannelStops(db: Db, wardId: string) {
  return queryRows<{ channel: PushChannel; code: number | null; message: string; stopped_at: string }>(
    db,
    sql`select channel, code, message, stopped_at::text from channel_stops where ward_id = ${wardId}
        order by stopped_at`,
  );
}

/** An admin fixed the cause: the channel may be used again (the alert closes when none is stopped). */
export async function resumeChannel(db: Db, wardId: string, channel: PushChannel): Promise<boolean> {
  const rows = await queryRows<{ channel: string }>(
    db,
    sql`delete from channel_stops where ward_id = ${wardId} and channel = ${channel} returning channel`,
  );
  if ((await listChannelStops(db, wardId)).length === 0) await resolveAlerts(db, wardId, "channel_stopped");
  return rows.length > 0;
}

/** Each push channel of the ward for admins: configured, its price, quota left today, and any stop. */
export async function channelStatuses(
  db: Db,
  config: ChannelConfig,
  wardId: string,
): Promise<ChannelStatusList> {
  const settings = await loadChannelSettings(db, config, wardId);
  const stops = await listChannelStops(db, wardId);
  const channels: PushChannel[] = ["oa", "article", "notification", "template", "zbs_phone"];
  return {
    items: channels.map((channel) => {
      const stop = stops.find((s) => s.channel === channel);
      const pool = poolOf[channel];
      return {
        channel,
        enabled: settings.enabled[channel],
        priceVnd: priceOf(channel, settings.prices, true),
        quotaLeft: pool ? settings.quotaLeft[pool] : null,
        stop: stop
          ? { code: stop.code, message: stop.message, stoppedAt: new Date(stop.stopped_at).toISOString() }
          : null,
      };
    }),
  };
}
