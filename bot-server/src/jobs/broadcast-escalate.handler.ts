import { postDeepLink } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { loadChannelSettings, recordQuota } from "../channels/channel-state.js";
import { stopChannel } from "../channels/channel-stops.js";
import { zbsTemplateData } from "../channels/templates.js";
import { queryRows, sqlArray } from "../store/database.js";
import { ZaloError } from "../zalo/zalo-error.js";
import { toZaloPhone } from "./delivery-channels.js";
import type { JobHandler } from "./job-context.js";

interface Candidate {
  id: number;
  phone: string;
  post_id: string;
  title: string;
  summary: string | null;
  body: string;
}

/**
 * An urgent broadcast, ESCALATE_AFTER_MINUTES after it started: residents it was pushed to who have
 * neither seen the message nor opened the post get a ZBS message by phone, if they gave their number
 * with consent — within the broadcast's budget and the ZBS quota, and never twice (a row is marked
 * before the call, and a row found marked is not called again).
 */
export const handleBroadcastEscalate: JobHandler<"broadcast.escalate"> = async (ctx, { broadcastId }) => {
  const [b] = await queryRows<{
    ward_id: string;
    status: string;
    is_urgent: boolean;
    budget_vnd: number | null;
    exclude_paid: boolean;
    spent: number;
  }>(
    ctx.db,
    sql`select b.ward_id, b.status, b.is_urgent, b.budget_vnd, b.exclude_paid,
          (select coalesce(sum(d.cost_vnd), 0) from deliveries d where d.broadcast_id = b.id)::int
          + (select count(*) from deliveries d where d.broadcast_id = b.id
             and d.escalation_status in ('sending', 'in_doubt'))::int * ${ctx.config.PRICE_ZBS_PHONE_VND}
            as spent
        from broadcasts b where b.id = ${broadcastId}::uuid`,
  );
  const templateId = ctx.config.ZALO_ZBS_PHONE_TEMPLATE_ID;
  const price = ctx.config.PRICE_ZBS_PHONE_VND;
  if (!b?.is_urgent || !templateId || b.status === "cancelled") return;
  if (b.exclude_paid && price > 0) return;
  const settings = await loadChannelSettings(ctx.db, ctx.config, b.ward_id);
  if (settings.stopped.has("zbs_phone")) return;
  let room = settings.quotaLeft.zbs ?? Number.POSITIVE_INFINITY;
  if (b.budget_vnd !== null && price > 0) room = Math.min(room, Math.floor((b.budget_vnd - b.spent) / price));
  if (room <= 0) return;

  const candidates = await queryRows<Candidate>(
    ctx.db,
    sql`with picked as (
          select d.id from deliveries d
          join broadcasts b on b.id = d.broadcast_id
          join residents r on r.id = d.resident_id
          where d.broadcast_id = ${broadcastId}::uuid and d.escalation_status is null
            and d.channel in ('oa', 'article', 'notification', 'template')
            and d.status in ('sent', 'delivered') and d.seen_at is null
            and r.phone is not null and r.phone_consented_at is not null and r.deleted_at is null
            and not exists (select 1 from post_reads pr where pr.post_id = b.post_id and pr.resident_id = r.id)
          order by d.id
          limit ${Number.isFinite(room) ? room : 1_000_000}
        ), marked as (
          update deliveries d set escalation_status = 'sending', escalated_at = now()
          from picked p where d.id = p.id and d.escalation_status is null
          returning d.id, d.resident_id, d.broadcast_id
        )
        select m.id, r.phone, b.post_id, v.title, v.summary, v.body
        from marked m join residents r on r.id = m.resident_id join broadcasts b on b.id = m.broadcast_id
        join post_versions v on v.post_id = b.post_id and v.version = b.post_version`,
  );
  const settle = async (
    ids: number[],
    status: "sent" | "failed" | "in_doubt",
    error?: string,
    msg?: string[],
  ) => {
    if (ids.length === 0) return;
    await ctx.db.execute(sql`
      update deliveries d set escalation_status = ${status}, escalation_error = ${error ?? null},
        escalation_message_id = v.msg, updated_at = now(),
        cost_vnd = d.cost_vnd + ${status === "sent" ? price : 0}
      from unnest(${sqlArray(ids, "bigint")}, ${sqlArray(msg ?? ids.map(() => null), "text")}) as v(id, msg)
      where d.id = v.id`);
  };

  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const link = postDeepLink(ctx.config.ZALO_MINI_APP_ID, c.post_id, `e${c.id}`);
    try {
      const sent = await ctx.oa.sendTemplateByPhone(
        toZaloPhone(c.phone),
        templateId,
        zbsTemplateData(c, link),
        `e${c.id}`,
      );
      await settle([c.id], "sent", undefined, [sent.messageId]);
      if (sent.quotaRemaining !== undefined) await recordQuota(ctx.db, b.ward_id, "zbs", sent.quotaRemaining);
    } catch (error) {
      if (!(error instanceof ZaloError)) throw error;
      if (error.isTransient || error.kind === "contract") {
        await settle([c.id], "in_doubt", error.message.slice(0, 500));
        continue;
      }
      if (error.stopsChannel) {
        await stopChannel(ctx.db, b.ward_id, "zbs_phone", error);
        const rest = candidates.slice(i).map((x) => x.id);
        await settle(rest, "failed", `Kênh ZBS theo số điện thoại bị dừng: ${error.message}`.slice(0, 500));
        return;
      }
      await settle([c.id], "failed", error.message.slice(0, 500));
    }
  }
};
