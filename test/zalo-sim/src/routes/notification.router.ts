import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { MiniAppError, sendZaloError } from "../envelope.js";
import { countChannelAnswers, forcedChannelError } from "../middleware/channel.js";
import { messageFaults } from "../middleware/zalo-api.js";
import { NOTIFICATION_ENDPOINT, sendMiniAppNotification } from "../services/notification.js";
import type { UserRecord } from "../state/users.js";
import { answerZalo } from "./handle.js";

/**
 * The Mini App notification API (in production openapi.mini.zalo.me). Auth is the Mini App's API key
 * (`X-Api-Key: Bearer <key>`; a bare key is accepted too), the Mini App id and the recipient's
 * app-scoped id come as headers. Only a wrong key is an HTTP error (401); the rest answer HTTP 200.
 */
export function notificationRouter(ctx: SimContext): Router {
  const router = Router();

  const auth: RequestHandler = (req, res, next) => {
    const key = (req.get("x-api-key") ?? "").replace(/^Bearer\s+/i, "").trim();
    if (key !== ctx.config.miniAppApiKey) {
      res.status(401).json({ error: MiniAppError.apiKeyInvalid, message: "Invalid API key" });
      return;
    }
    if (req.get("x-miniapp-id") !== ctx.config.miniAppId)
      return sendZaloError(res, MiniAppError.invalidParam, "miniapp_id is invalid!");
    const user = ctx.users.getByApp(req.get("x-user-id") ?? "");
    if (!user) return sendZaloError(res, MiniAppError.invalidParam, "user_id is invalid!");
    res.locals.recipient = user;
    next();
  };

  router.post(
    NOTIFICATION_ENDPOINT,
    messageFaults(ctx),
    countChannelAnswers(ctx, "notification"),
    auth,
    forcedChannelError(ctx, "notification"),
    (req, res) =>
      answerZalo(res, () => sendMiniAppNotification(ctx, res.locals.recipient as UserRecord, req.body)),
  );

  return router;
}
