import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { sendInvalidParam, sendZaloError, sendZaloOk, ZaloError } from "../envelope.js";
import { readUserId } from "../messages/user-id.js";
import { readDataParam, readInt } from "../middleware/data-param.js";
import type { UserFilter } from "../state/user-query.js";
import { avatarOf } from "../state/users.js";
import { formatVnDate, parseInteractionPeriod } from "../time/vn-time.js";

export const OA_NAME = "UBND Phường (OA mô phỏng)";
const MAX_COUNT = 50;
const MAX_OFFSET = 9951;

function readFollowerFlag(value: unknown): boolean | undefined | "invalid" {
  if (value === undefined || value === "") return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return "invalid";
}

/** v3 user list and detail, and v2 getoa (reference §4.4). */
export function oaUserRouter(ctx: SimContext, auth: RequestHandler): Router {
  const router = Router();

  router.get("/v3.0/oa/user/getlist", auth, (req, res) => {
    const data = readDataParam(req);
    if (!data) return sendInvalidParam(res, "data");
    const offset = data.offset === undefined ? 0 : readInt(data.offset);
    const count = data.count === undefined ? 15 : readInt(data.count);
    if (offset === undefined || offset < 0) return sendInvalidParam(res, "offset");
    if (count === undefined || count < 1) return sendInvalidParam(res, "count");
    if (count > MAX_COUNT)
      return sendZaloError(res, ZaloError.paramExceedsLimit, `count exceeds the limit of ${MAX_COUNT}`);
    if (offset > MAX_OFFSET)
      return sendZaloError(res, ZaloError.paramExceedsLimit, `offset exceeds the limit of ${MAX_OFFSET}`);

    const filter: UserFilter = {};
    const tagName = data.tag_name;
    if (tagName !== undefined && tagName !== "") {
      if (typeof tagName !== "string") return sendInvalidParam(res, "tag_name");
      filter.tagName = tagName;
    }
    const isFollower = readFollowerFlag(data.is_follower);
    if (isFollower === "invalid") return sendInvalidParam(res, "is_follower");
    if (isFollower !== undefined) filter.isFollower = isFollower;
    const period = data.last_interaction_period;
    if (period !== undefined && period !== "") {
      const range = typeof period === "string" ? parseInteractionPeriod(period, ctx.now()) : undefined;
      if (!range) return sendInvalidParam(res, "last_interaction_period");
      filter.period = range;
    }

    const ids = ctx.userQuery.filter(filter);
    const users = ids.slice(offset, offset + count).map((user_id) => ({ user_id }));
    // `count` echoes the requested page size, as in Zalo's published example (total 6, count 15).
    sendZaloOk(res, { total: ids.length, count, offset, users });
  });

  router.get("/v3.0/oa/user/detail", auth, (req, res) => {
    const data = readDataParam(req);
    const userId = data ? readUserId(data.user_id, String(req.query.data)) : undefined;
    if (userId === undefined) return sendInvalidParam(res, "user_id");
    const user = ctx.users.get(userId);
    if (!user) return sendInvalidParam(res, "user_id");
    const avatar = avatarOf(user);
    sendZaloOk(res, {
      user_id: user.idByOa,
      user_id_by_app: user.idByApp,
      user_external_id: "",
      display_name: user.name,
      user_alias: "",
      is_sensitive: false,
      user_last_interaction_date: formatVnDate(user.lastInteractionAt),
      user_is_follower: user.isFollower,
      avatar,
      avatars: { "120": avatar, "240": avatar },
      tags_and_notes_info: { tag_names: [...user.tags], notes: [] },
    });
  });

  router.get("/v2.0/oa/getoa", auth, (_req, res) => {
    sendZaloOk(res, {
      oa_id: ctx.config.oaId,
      name: OA_NAME,
      description: "Official Account mô phỏng của UBND phường",
      oa_alias: "",
      is_verified: true,
      oa_type: 2,
      cate_name: "Cơ quan nhà nước",
      num_follower: ctx.users.followerCount,
      avatar: `https://s160-ava-talk.zadn.vn/sim/oa-${ctx.config.oaId}.jpg`,
      cover: `https://cover-talk.zadn.vn/sim/oa-${ctx.config.oaId}.jpg`,
      package_name: "Gói Nâng cao",
    });
  });

  return router;
}
