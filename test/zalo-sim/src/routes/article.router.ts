import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { sendZaloError, ZaloError } from "../envelope.js";
import { articleBroadcastSchema, articleCreateSchema } from "../messages/article.schema.js";
import { toZaloValidationError } from "../messages/message.schema.js";
import { countChannelAnswers, forcedChannelError } from "../middleware/channel.js";
import { messageFaults } from "../middleware/zalo-api.js";
import {
  ARTICLE_BROADCAST_ENDPOINT,
  articleDetail,
  broadcastArticle,
  createArticle,
  verifyArticle,
} from "../services/articles.js";
import { answerZalo } from "./handle.js";

/**
 * OA articles (/v2.0/article/create, /verify, /getdetail) and their broadcast to followers through
 * the otherwise retired v2.0 message API (`POST /v2.0/oa/message`), which answers -240 to anything
 * but a broadcast. Shapes are uncertain [?] (README).
 */
export function articleRouter(ctx: SimContext, auth: RequestHandler): Router {
  const router = Router();

  router.post("/v2.0/article/create", auth, (req, res) => {
    const parsed = articleCreateSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const { code, message } = toZaloValidationError(parsed.error);
      return sendZaloError(res, code, message);
    }
    answerZalo(res, () => createArticle(ctx, parsed.data));
  });

  router.post("/v2.0/article/verify", auth, (req, res) => {
    const fromBody = (req.body as { token?: unknown } | undefined)?.token;
    const token = typeof fromBody === "string" ? fromBody : req.query.token;
    answerZalo(res, () => verifyArticle(ctx, typeof token === "string" ? token : ""));
  });

  router.get("/v2.0/article/getdetail", auth, (req, res) => {
    const id = typeof req.query.id === "string" ? req.query.id : "";
    answerZalo(res, () => articleDetail(ctx, id));
  });

  router.post(
    ARTICLE_BROADCAST_ENDPOINT,
    messageFaults(ctx),
    countChannelAnswers(ctx, "article"),
    auth,
    (req, res, next) => {
      // Anything but a broadcast meets the shut-down API (counted as the route's error) and never
      // consumes an error forced on the article channel.
      const parsed = articleBroadcastSchema.safeParse(req.body ?? {});
      if (!parsed.success)
        return sendZaloError(res, ZaloError.messageV2ShutDown, "MessageV2 API has been shut down");
      res.locals.broadcast = parsed.data;
      next();
    },
    forcedChannelError(ctx, "article"),
    (_req, res) => answerZalo(res, () => broadcastArticle(ctx, res.locals.broadcast)),
  );

  return router;
}
