import type { SimContext } from "../context.js";
import { OUT_OF_QUOTA_MESSAGE, ZaloApiError, ZaloError } from "../envelope.js";
import type { ArticleBroadcastBody, ArticleCreateBody } from "../messages/article.schema.js";
import { articleLinks } from "../messages/describe.js";
import type { Article } from "../state/articles.js";
import type { UserRecord } from "../state/users.js";
import { recordSend } from "./messaging.js";

export const ARTICLE_BROADCAST_ENDPOINT = "/v2.0/oa/message";

export function createArticle(ctx: SimContext, body: ArticleCreateBody): { token: string } {
  const input = {
    type: body.type,
    title: body.title,
    description: body.description,
    body: body.body,
    status: body.status,
    ...(body.author === undefined ? {} : { author: body.author }),
    ...(body.cover === undefined ? {} : { cover: body.cover }),
    ...(body.comment === undefined ? {} : { comment: body.comment }),
  };
  return ctx.articles.create(input, articleLinks(input), ctx.now());
}

export function verifyArticle(ctx: SimContext, token: string): { id: string } {
  const id = ctx.articles.verify(token);
  if (id === undefined) throw new ZaloApiError(ZaloError.invalidParam, "token is invalid!");
  return { id };
}

export function articleDetail(ctx: SimContext, id: string): Record<string, unknown> {
  const article = ctx.articles.get(id);
  if (!article) throw new ZaloApiError(ZaloError.invalidParam, "id is invalid!");
  return {
    id: article.id,
    type: article.type,
    title: article.title,
    author: article.author ?? "",
    cover: article.cover ?? null,
    description: article.description,
    status: article.status,
    body: article.body,
    comment: article.comment ?? "show",
    create_date: article.createdAt,
    update_date: article.createdAt,
    total_view: 0,
    total_share: 0,
  };
}

/**
 * An article broadcast: one message id, one ledger entry per follower reached. A follower at the
 * per-day or per-month cap is skipped (counted, not an error); only when every follower is at a cap
 * does the broadcast fail, with -211. The `target` filter is recorded but selects nobody out:
 * simulated users have no age, gender or city. No receipts and no echo.
 */
export function broadcastArticle(ctx: SimContext, body: ArticleBroadcastBody): { message_id: string } {
  const element = body.message.attachment.payload.elements[0]!;
  const article = ctx.articles.get(element.attachment_id);
  if (!article) throw new ZaloApiError(ZaloError.invalidParam, "attachment_id is invalid!");
  const now = ctx.now();
  const caps = ctx.quotas.articlePerFollower;
  const reached: UserRecord[] = [];
  let followers = 0;
  for (const user of ctx.users.values()) {
    if (!user.isFollower) continue;
    followers++;
    if (caps.canTake(user.idByOa, now)) reached.push(user);
  }
  if (followers > 0 && reached.length === 0)
    throw new ZaloApiError(ZaloError.outOfQuota, OUT_OF_QUOTA_MESSAGE);
  const messageId = ctx.ids.messageId();
  const summary = articleSummary(article);
  for (const user of reached) {
    caps.record(user.idByOa, now);
    recordSend(
      ctx,
      user,
      {
        channel: "article",
        endpoint: ARTICLE_BROADCAST_ENDPOINT,
        body,
        summary,
        costVnd: ctx.config.prices.article,
      },
      messageId,
      now,
    );
  }
  ctx.counters.article.broadcasts++;
  ctx.counters.article.skippedByCap += followers - reached.length;
  return { message_id: messageId };
}

function articleSummary(article: Article): { type: string; text: string; links: string[] } {
  return { type: "article", text: article.title, links: article.links };
}
