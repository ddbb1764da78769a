import type { RequestHandler } from "express";
import type { SimContext } from "../context.js";
import { QUOTA_ERROR_CODES, sendZaloError } from "../envelope.js";
import type { SimChannel } from "../types.js";

/**
 * Counts a channel's error answers (`error` ≠ 0) and quota refusals, whatever produced them (auth,
 * validation, quotas, forced errors), by looking at the JSON that goes out. Placed after the injected
 * faults, so a lost answer counts as what the simulator decided, not as the 502 the client sees.
 */
export function countChannelAnswers(ctx: SimContext, channel: SimChannel): RequestHandler {
  return (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = ((body: unknown) => {
      const code = (body as { error?: unknown } | null)?.error;
      if (typeof code === "number" && code !== 0) {
        ctx.counters.errorsByChannel[channel]++;
        if (QUOTA_ERROR_CODES.has(code)) ctx.counters.quotaRefusals++;
      }
      return json(body);
    }) as typeof res.json;
    next();
  };
}

/**
 * An error a test forced on the channel (`setChannelError`): answered after auth, before anything is
 * checked, counted or written, as an OA-level refusal (-211, -224, -320, …) would be.
 */
export function forcedChannelError(ctx: SimContext, channel: SimChannel): RequestHandler {
  return (_req, res, next) => {
    const forced = ctx.channelErrors.take(channel);
    if (!forced) return next();
    ctx.counters.forcedErrors++;
    sendZaloError(res, forced.code, forced.message);
  };
}
