import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { sendInvalidParam, sendZaloError, sendZaloOk, ZaloError } from "../envelope.js";
import { urlsInText } from "../messages/describe.js";
import { readUserId } from "../messages/user-id.js";
import { readDataParam, readInt } from "../middleware/data-param.js";
import type { UserRecord } from "../state/users.js";
import { avatarOf } from "../state/users.js";
import type { InboundMessage, LedgerEntry, SimChannel } from "../types.js";
import { OA_NAME } from "./oa-user.router.js";

const MAX_COUNT = 10;
/**
 * Channels whose messages appear in the OA's chat with the user. Mini App notifications come from
 * the Mini App, and whether ZBS messages by phone show in this API is unknown [?]: both are left
 * out, so a client cannot count on finding them here.
 */
const IN_OA_CHAT: ReadonlySet<SimChannel> = new Set(["cs", "zbs_uid", "article"]);

/**
 * GET /v2.0/oa/conversation: the chat between the OA and one user, newest first. The bot server
 * uses it after a crash to decide whether a send already happened, so OA messages carry every
 * URL they contained in `links` (template messages excepted: see `fromOa`).
 */
export function oaConversationRouter(ctx: SimContext, auth: RequestHandler): Router {
  const router = Router();

  router.get("/v2.0/oa/conversation", auth, (req, res) => {
    const data = readDataParam(req);
    if (!data) return sendInvalidParam(res, "data");
    const userId = readUserId(data.user_id, String(req.query.data));
    const user = userId === undefined ? undefined : ctx.users.get(userId);
    if (!user) return sendInvalidParam(res, "user_id");
    const offset = data.offset === undefined ? 0 : readInt(data.offset);
    const count = data.count === undefined ? MAX_COUNT : readInt(data.count);
    if (offset === undefined || offset < 0) return sendInvalidParam(res, "offset");
    if (count === undefined || count < 1) return sendInvalidParam(res, "count");
    if (count > MAX_COUNT)
      return sendZaloError(res, ZaloError.paramExceedsLimit, `count exceeds the limit of ${MAX_COUNT}`);
    sendZaloOk(res, newestFirst(ctx, user, offset, count));
  });

  return router;
}

/** Merges the two per-user logs from their ends: O(offset + count + entries of other channels). */
function newestFirst(ctx: SimContext, user: UserRecord, offset: number, count: number): unknown[] {
  const sent = ctx.ledger.forUser(user.idByOa);
  const received = ctx.inbound.forUser(user.idByOa);
  let i = sent.length - 1;
  let j = received.length - 1;
  const out: unknown[] = [];
  for (let skipped = 0; out.length < count && (i >= 0 || j >= 0); ) {
    const a = i >= 0 ? sent[i] : undefined;
    const b = j >= 0 ? received[j] : undefined;
    const takeSent = a !== undefined && (b === undefined || a.sentAt >= b.sentAt);
    if (takeSent) i--;
    else j--;
    if (takeSent && !IN_OA_CHAT.has(a.channel)) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    if (takeSent && a) out.push(fromOa(ctx, user, a));
    else if (b) out.push(fromUser(ctx, user, b));
  }
  return out;
}

function fromOa(ctx: SimContext, user: UserRecord, entry: LedgerEntry): Record<string, unknown> {
  const item: Record<string, unknown> = {
    src: 0,
    time: entry.sentAt,
    type: entry.type,
    message: entry.text ?? "",
    message_id: entry.messageId,
    from_id: ctx.config.oaId,
    from_display_name: OA_NAME,
    to_id: user.idByOa,
    to_display_name: user.name,
    to_avatar: avatarOf(user),
  };
  // What Zalo's conversation shows of a template message is not documented (§4.3 g, §4.4): its
  // parameters, links included, are left out, so a client cannot count on finding them there.
  if (entry.links.length > 0 && entry.type !== "template") item.links = entry.links.map((url) => ({ url }));
  return item;
}

function fromUser(ctx: SimContext, user: UserRecord, message: InboundMessage): Record<string, unknown> {
  const item: Record<string, unknown> = {
    src: 1,
    time: message.sentAt,
    type: "text",
    message: message.text,
    message_id: message.msgId,
    from_id: user.idByOa,
    from_display_name: user.name,
    from_avatar: avatarOf(user),
    to_id: ctx.config.oaId,
    to_display_name: OA_NAME,
  };
  const links = urlsInText(message.text);
  if (links.length > 0) item.links = links.map((url) => ({ url }));
  return item;
}
