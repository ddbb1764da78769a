import type { SimContext } from "../context.js";
import { followEvent, userSendTextEvent } from "../webhooks/events.js";

/**
 * What a resident does in the Zalo app, as seen by the OA: each changes state the way Zalo
 * would (interaction time, follower flag) and produces a signed webhook.
 */
export async function residentSendsText(
  ctx: SimContext,
  idByOa: string,
  text: string,
): Promise<{ msgId: string }> {
  const user = ctx.users.require(idByOa);
  if (text.length === 0) throw new Error("A message needs some text");
  const now = ctx.now();
  const msgId = ctx.ids.messageId();
  ctx.inbound.add({ msgId, userIdByOa: idByOa, text, sentAt: now });
  // Writing to the OA opens the 48 h reply window and restarts the 7-day CS window.
  ctx.users.touchInteraction(user, now);
  await ctx.dispatcher.enqueue(userSendTextEvent(ctx.eventContext(), user, text, msgId), {
    awaitFirstAttempt: true,
  });
  return { msgId };
}

export async function residentFollows(ctx: SimContext, idByOa: string, isFollowing: boolean): Promise<void> {
  const user = ctx.users.require(idByOa);
  ctx.users.setFollower(user, isFollowing);
  // Following counts as an interaction (reference §4.6); unfollowing does not.
  if (isFollowing) ctx.users.touchInteraction(user, ctx.now());
  const event = followEvent(ctx.eventContext(), user, isFollowing ? "follow" : "unfollow");
  await ctx.dispatcher.enqueue(event, { awaitFirstAttempt: true });
}
