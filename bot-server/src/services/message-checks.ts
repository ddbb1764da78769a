import type { MessageCheck } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { type residents, signals } from "../store/schema/index.js";
import { headTasks } from "./relay.js";
import { matchRumours } from "./rumour-index.js";
import { approvedClarification, clarificationCard, type ResponseContext } from "./rumour-response.js";
import { recordMiniAppSignal } from "./signals.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * "Kiểm tra tin này": a head pastes a suspicious message from their group. It is recorded as a
 * `message_check` signal and matched at once against the ward's known claims. A claim with an approved
 * clarification is answered on the spot, with the head's card to share it into the group; anything
 * else waits open in the staff inbox ("Chưa có thông tin, đã chuyển cán bộ phường").
 */
export async function checkMessage(
  ctx: ResponseContext & { miniAppId: string },
  head: ResidentRow,
  text: string,
): Promise<MessageCheck> {
  const signalId = await recordMiniAppSignal(ctx.db, head, { kind: "message_check", text });
  const [match] = await matchRumours(ctx.db, head.wardId, [text]);
  if (match) {
    await ctx.db
      .update(signals)
      .set({ rumourClaimId: match.claimId, rumourMatch: { score: match.score, reason: match.reason } })
      .where(eq(signals.id, signalId));
  }
  const clarification = match && (await approvedClarification(ctx.db, head.wardId, match.claimId));
  if (!clarification) return { signalId, outcome: "forwarded", clarification: null };
  // Answered by the rumour desk: nothing left for staff but the count.
  await ctx.db
    .update(signals)
    .set({ status: "handled", handledAt: new Date() })
    .where(eq(signals.id, signalId));
  const card =
    head.residentialGroupId &&
    (await clarificationCard(ctx, head.residentialGroupId, clarification, head.id));
  const [relayTask] = card ? await headTasks(ctx.db, head, ctx.miniAppId, card.id) : [];
  return {
    signalId,
    outcome: "clarified",
    clarification: {
      topic: clarification.topic,
      postId: clarification.postId,
      title: clarification.title,
      summary: clarification.summary,
      relayTask: relayTask ?? null,
    },
  };
}
