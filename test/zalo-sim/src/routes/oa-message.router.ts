import { type RequestHandler, Router } from "express";
import type { SimContext } from "../context.js";
import { sendZaloError } from "../envelope.js";
import { csMessageSchema, templateMessageSchema, toZaloValidationError } from "../messages/message.schema.js";
import { countChannelAnswers, forcedChannelError } from "../middleware/channel.js";
import { rawBodyOf } from "../middleware/data-param.js";
import { messageFaults } from "../middleware/zalo-api.js";
import { CS_ENDPOINT, sendCsMessage, sendTemplateMessage, TEMPLATE_ENDPOINT } from "../services/messaging.js";
import { answerZalo } from "./handle.js";

/**
 * POST /v3.0/oa/message/cs and /template (reference §4.3). Injected faults come first, like a
 * failing gateway in front of the API, then auth and the per-minute limit (`auth`), then an error
 * a test forced on the channel.
 */
export function oaMessageRouter(ctx: SimContext, auth: RequestHandler): Router {
  const router = Router();
  const faults = messageFaults(ctx);

  const cs = [countChannelAnswers(ctx, "cs"), auth, forcedChannelError(ctx, "cs")];
  const zbs = [countChannelAnswers(ctx, "zbs_uid"), auth, forcedChannelError(ctx, "zbs_uid")];

  router.post(CS_ENDPOINT, faults, ...cs, (req, res) => {
    const parsed = csMessageSchema.safeParse(req.body);
    if (!parsed.success) {
      const { code, message } = toZaloValidationError(parsed.error);
      return sendZaloError(res, code, message);
    }
    answerZalo(res, () => sendCsMessage(ctx, parsed.data, rawBodyOf(res)));
  });

  router.post(TEMPLATE_ENDPOINT, faults, ...zbs, (req, res) => {
    const parsed = templateMessageSchema.safeParse(req.body);
    if (!parsed.success) {
      const { code, message } = toZaloValidationError(parsed.error);
      return sendZaloError(res, code, message);
    }
    answerZalo(res, () => sendTemplateMessage(ctx, parsed.data, rawBodyOf(res)));
  });

  return router;
}
