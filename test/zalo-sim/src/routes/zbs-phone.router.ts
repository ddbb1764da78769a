import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { sendZaloError, sendZaloOk, ZnsError } from "../envelope.js";
import { countChannelAnswers, forcedChannelError } from "../middleware/channel.js";
import { messageFaults } from "../middleware/zalo-api.js";
import { sendZbsByPhone, ZBS_PHONE_ENDPOINT, zbsQuotaData } from "../services/zbs-phone.js";
import { answerZalo } from "./handle.js";

/**
 * The ZBS-by-phone API (in production on business.openapi.zalo.me, without a version prefix). It
 * takes the OA's access token but answers with ZNS codes: -124 for any token problem. It is another
 * host, so the OA API's per-minute limit does not count its calls.
 */
export function zbsPhoneRouter(ctx: SimContext): Router {
  const router = Router();
  const auth: RequestHandler = (req, res, next) => {
    const token = req.get("access_token");
    if (token === undefined || ctx.oaTokens.check(token) !== "valid")
      return sendZaloError(res, ZnsError.accessTokenInvalid, "Invalid access token");
    next();
  };

  router.post(
    ZBS_PHONE_ENDPOINT,
    messageFaults(ctx),
    countChannelAnswers(ctx, "zbs_phone"),
    auth,
    forcedChannelError(ctx, "zbs_phone"),
    (req, res) => answerZalo(res, () => sendZbsByPhone(ctx, req.body)),
  );

  router.get("/message/quota", auth, (_req, res) => {
    sendZaloOk(res, zbsQuotaData(ctx));
  });

  /** Delivery status of a message sent by phone: 1 = delivered; -1 = no such message [?]. */
  router.get("/message/status", auth, (req, res) => {
    const id = typeof req.query.message_id === "string" ? req.query.message_id : "";
    const entry = id === "" ? undefined : ctx.ledger.get(id);
    if (entry?.channel !== "zbs_phone") {
      sendZaloOk(res, { status: -1, message: "The message does not exist" });
      return;
    }
    sendZaloOk(res, {
      delivery_time: String(entry.sentAt),
      message: "The message has been delivered",
      status: 1,
    });
  });

  return router;
}
