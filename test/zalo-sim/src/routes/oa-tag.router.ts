import { type Request, type RequestHandler, type Response, Router } from "express";
import type { SimContext } from "../context.js";
import { sendInvalidParam, sendZaloOk } from "../envelope.js";
import { readUserId } from "../messages/user-id.js";
import { rawBodyOf } from "../middleware/data-param.js";
import type { UserRecord } from "../state/users.js";

/** v2.0 tag endpoints (reference §4.4). `user_id` may be a string or an unquoted long. */
export function oaTagRouter(ctx: SimContext, auth: RequestHandler): Router {
  const router = Router();

  const bodyOf = (req: Request): Record<string, unknown> =>
    req.body !== null && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {};

  const readTagName = (body: Record<string, unknown>): string | undefined => {
    const tag = body.tag_name;
    return typeof tag === "string" && tag.trim().length > 0 ? tag : undefined;
  };

  /** Shared by tagfollower and rmfollowerfromtag: both take `{ user_id, tag_name }`. */
  const withUserAndTag = (run: (user: UserRecord, tag: string) => void) => (req: Request, res: Response) => {
    const body = bodyOf(req);
    const userId = readUserId(body.user_id, rawBodyOf(res));
    const user = userId === undefined ? undefined : ctx.users.get(userId);
    if (!user) return sendInvalidParam(res, "user_id");
    const tag = readTagName(body);
    if (tag === undefined) return sendInvalidParam(res, "tag_name");
    run(user, tag);
    sendZaloOk(res);
  };

  router.get("/v2.0/oa/tag/gettagsofoa", auth, (_req, res) => sendZaloOk(res, ctx.users.tagNames()));

  // Creates the tag when it does not exist yet.
  router.post(
    "/v2.0/oa/tag/tagfollower",
    auth,
    withUserAndTag((user, tag) => ctx.users.tag(user, tag)),
  );

  router.post(
    "/v2.0/oa/tag/rmfollowerfromtag",
    auth,
    withUserAndTag((user, tag) => ctx.users.untag(user, tag)),
  );

  router.post("/v2.0/oa/tag/rmtag", auth, (req, res) => {
    const tag = readTagName(bodyOf(req));
    if (tag === undefined || !ctx.users.deleteTag(tag)) return sendInvalidParam(res, "tag_name");
    sendZaloOk(res);
  });

  return router;
}
