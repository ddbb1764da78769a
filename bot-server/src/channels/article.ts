import { postDeepLink } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { JobContext } from "../jobs/job-context.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import { ZaloError } from "../zalo/zalo-error.js";
import { loadChannelSettings, loadPlanResidents } from "./channel-state.js";
import { listChannelStops, stopChannel } from "./channel-stops.js";
import { planChannels } from "./planner.js";

interface ArticleBroadcast {
  id: string;
  wardId: string;
  postId: string;
  postVersion: number;
  isUrgent: boolean;
  budgetVnd: number | null;
  excludePaid: boolean;
  audience: Parameters<typeof loadPlanResidents>[2];
}

/**
 * The Article step of a broadcast whose plan sends it to followers by Article: publish the approved
 * version as an OA Article, broadcast it, and settle every `article` row with the one message id. At
 * most once: a run that finds the step already started (a crash mid-call) does not send it again.
 * If Zalo refuses the Article for good, its residents are planned again without it.
 */
export async function sendBroadcastArticle(ctx: JobContext, b: ArticleBroadcast): Promise<"done" | "paused"> {
  const [claim] = await queryRows<{ previous: string }>(
    ctx.db,
    sql`update broadcasts n set article_status = 'sending'
        from broadcasts o where n.id = o.id and n.id = ${b.id}::uuid and o.article_status in ('pending', 'sending')
        returning o.article_status as previous`,
  );
  if (!claim) return "done";
  if (claim.previous === "sending") {
    await ctx.db.execute(sql`update broadcasts set article_status = 'in_doubt',
        article_error = 'Không rõ Zalo đã gửi bài viết hay chưa; không gửi lại.' where id = ${b.id}::uuid`);
    await settleArticleRows(ctx.db, b.id, { status: "fallback", errorCode: "article_in_doubt" });
    return "done";
  }
  const stops = await listChannelStops(ctx.db, b.wardId);
  if (stops.some((s) => s.channel === "article")) {
    await ctx.db.execute(sql`update broadcasts set article_status = 'failed',
        article_error = 'Kênh bài viết đang bị dừng.' where id = ${b.id}::uuid`);
    await replanArticleRows(ctx, b);
    return "done";
  }
  const [post] = await queryRows<{
    title: string;
    summary: string | null;
    body: string;
    image_url: string | null;
  }>(
    ctx.db,
    sql`select title, summary, body, image_url from post_versions
        where post_id = ${b.postId}::uuid and version = ${b.postVersion}`,
  );
  const [ward] = await queryRows<{ name: string }>(
    ctx.db,
    sql`select name from wards where id = ${b.wardId}`,
  );
  try {
    const { articleId } = await ctx.oa.createArticle({
      title: post!.title,
      author: ward?.name ?? "Ủy ban nhân dân phường",
      description: post!.summary ?? post!.body.slice(0, 300),
      body: post!.body,
      coverUrl: post!.image_url ?? undefined,
      link: postDeepLink(ctx.config.ZALO_MINI_APP_ID, b.postId, `a-${b.id.slice(0, 8)}`),
    });
    await ctx.db.execute(sql`update broadcasts set article_id = ${articleId} where id = ${b.id}::uuid`);
    const { messageId } = await ctx.oa.broadcastArticle(articleId);
    await ctx.db.execute(sql`update broadcasts set article_status = 'sent', article_message_id = ${messageId},
        article_sent_at = now() where id = ${b.id}::uuid`);
    await settleArticleRows(ctx.db, b.id, { status: "sent", messageId });
    return "done";
  } catch (error) {
    if (!(error instanceof ZaloError)) throw error;
    if (error.isTransient || error.kind === "contract") {
      // The broadcast call may have gone through: it is never repeated.
      await ctx.db.execute(sql`update broadcasts set article_status = 'in_doubt',
          article_error = ${error.message.slice(0, 500)} where id = ${b.id}::uuid`);
      await settleArticleRows(ctx.db, b.id, { status: "fallback", errorCode: "article_in_doubt" });
      return "done";
    }
    if (error.stopsChannel) {
      // Nothing was sent: the step waits (pending) while the broadcast is paused for an admin.
      await ctx.db.execute(sql`update broadcasts set article_status = 'pending',
          article_error = ${error.message.slice(0, 500)} where id = ${b.id}::uuid`);
      await stopChannel(ctx.db, b.wardId, "article", error);
      return "paused";
    }
    await ctx.db.execute(sql`update broadcasts set article_status = 'failed',
        article_error = ${error.message.slice(0, 500)} where id = ${b.id}::uuid`);
    // Refused for good (e.g. -240, the broadcast API shut down): the followers go by their own channels.
    await replanArticleRows(ctx, b);
    return "done";
  }
}

async function settleArticleRows(
  db: Db,
  broadcastId: string,
  outcome: { status: "sent"; messageId: string } | { status: "fallback"; errorCode: string },
): Promise<void> {
  await db.execute(sql`
    update deliveries set status = ${outcome.status},
      zalo_message_id = ${outcome.status === "sent" ? outcome.messageId : null},
      sent_at = ${outcome.status === "sent" ? sql`now()` : sql`null`},
      error_code = ${outcome.status === "fallback" ? outcome.errorCode : null}, updated_at = now()
    where broadcast_id = ${broadcastId}::uuid and channel = 'article' and status = 'pending'`);
}

/** Plans the Article's residents again without it, and rewrites their rows (pending pushes or relay/feed). */
async function replanArticleRows(ctx: JobContext, b: ArticleBroadcast): Promise<void> {
  const rows = await queryRows<{ resident_id: string }>(
    ctx.db,
    sql`select resident_id from deliveries
        where broadcast_id = ${b.id}::uuid and channel = 'article' and status = 'pending'`,
  );
  if (rows.length === 0) return;
  const ids = new Set(rows.map((r) => r.resident_id));
  const now = Date.now();
  const settings = await loadChannelSettings(ctx.db, ctx.config, b.wardId, now);
  const spent = await queryRows<{ cost: number }>(
    ctx.db,
    sql`select coalesce(sum(cost_vnd), 0)::int as cost from deliveries where broadcast_id = ${b.id}::uuid`,
  );
  const residents = (await loadPlanResidents(ctx.db, b.wardId, b.audience, now)).filter((r) => ids.has(r.id));
  const plan = planChannels(
    residents,
    { ...settings, enabled: { ...settings.enabled, article: false } },
    {
      now,
      isUrgent: b.isUrgent,
      wardWide: false,
      budgetVnd: b.budgetVnd === null ? null : Math.max(0, b.budgetVnd - (spent[0]?.cost ?? 0)),
      excludePaid: b.excludePaid,
    },
  );
  const a = plan.assignments;
  await ctx.db.execute(sql`
    update deliveries d set channel = v.channel, cost_vnd = v.cost, error_code = v.reason, updated_at = now(),
      status = case when v.channel in ('relay', 'feed') then 'fallback' else 'pending' end
    from unnest(${sqlArray(
      a.map((x) => x.residentId),
      "uuid",
    )}, ${sqlArray(
      a.map((x) => x.channel),
      "text",
    )}, ${sqlArray(
      a.map((x) => x.costVnd),
      "int",
    )}, ${sqlArray(
      a.map((x) => x.reason),
      "text",
    )}) as v(resident_id, channel, cost, reason)
    where d.broadcast_id = ${b.id}::uuid and d.resident_id = v.resident_id and d.channel = 'article'
      and d.status = 'pending'`);
}
