import { buildReplyMessage, hasDeliveryRef, postDeepLink } from "@loa-phuong/shared";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "../store/database.js";
import { signalReplies } from "../store/schema/index.js";
import { OaAuthorizationLost, ZaloError } from "../zalo/zalo-error.js";
import type { JobHandler } from "./job-context.js";

/** The reference a reply's link carries, so a resend after a crash can find the first one. */
export const replyRef = (replyId: number) => `q-${replyId}`;

/**
 * Sends a staff answer as an OA message, once: the reply is marked `sending` before the call, and an
 * attempt that finds it so first looks for its reference in the OA conversation.
 */
export const handleSignalReply: JobHandler<"signal.reply"> = async (ctx, { replyId }) => {
  const [row] = await queryRows<{
    status: string;
    text: string;
    oa_id: string | null;
    post_id: string | null;
    quote: string | null;
    is_clarification: boolean;
  }>(
    ctx.db,
    // A clarification's link opens the clarification post; any other answer's, the post asked about.
    sql`select r.status, r.text, res.zalo_oa_user_id as oa_id, coalesce(r.link_post_id, s.post_id) as post_id,
               s.zalo_msg_id as quote, r.rumour_claim_id is not null as is_clarification
        from signal_replies r
        join signals s on s.id = r.signal_id left join residents res on res.id = s.resident_id where r.id = ${replyId}`,
  );
  if (!row || (row.status !== "queued" && row.status !== "sending")) return;
  // A clarification nobody on the staff watches over: one Zalo refuses is shown in "Hỏi đáp" instead.
  const refused = (error: string) =>
    ctx.db
      .update(signalReplies)
      .set(row.is_clarification ? { channel: "feed", status: "shown", error } : { status: "failed", error })
      .where(eq(signalReplies.id, replyId));
  if (!row.oa_id) {
    await refused("Người dân không còn liên kết Zalo OA.");
    return;
  }
  const ref = replyRef(replyId);
  if (row.status === "sending") {
    const recent = await ctx.oa.getConversation(row.oa_id, 0, 10);
    const found = recent.find(
      (m) =>
        m.src !== 1 &&
        hasDeliveryRef(
          [...(m.links ?? []).map((l) => l.url), ...(m.message?.match(/https?:\/\/\S+/g) ?? [])],
          ref,
        ),
    );
    if (found) {
      await ctx.db
        .update(signalReplies)
        .set({ status: "sent", zaloMessageId: found.message_id })
        .where(eq(signalReplies.id, replyId));
      return;
    }
  }
  await ctx.db.update(signalReplies).set({ status: "sending" }).where(eq(signalReplies.id, replyId));
  const link = row.post_id
    ? postDeepLink(ctx.config.ZALO_MINI_APP_ID, row.post_id, ref)
    : `https://zalo.me/s/${ctx.config.ZALO_MINI_APP_ID}/?ref=${ref}`;
  try {
    const { messageId } = await ctx.oa.sendCsMessage(row.oa_id, buildReplyMessage(row.text, link, row.quote));
    await ctx.db
      .update(signalReplies)
      .set({ status: "sent", zaloMessageId: messageId, error: null })
      .where(eq(signalReplies.id, replyId));
  } catch (error) {
    // No token to send with (nothing went out): the answer waits, queued, for a new consent; the
    // reconciler takes queued replies up again.
    if (error instanceof OaAuthorizationLost) {
      await ctx.db
        .update(signalReplies)
        .set({ status: "queued", error: error.message.slice(0, 500) })
        .where(eq(signalReplies.id, replyId));
      throw error;
    }
    if (error instanceof ZaloError && !error.isTransient && error.kind === "api") {
      await refused(`Zalo ${error.code}: ${error.message}`.slice(0, 500));
      return;
    }
    throw error;
  }
};
