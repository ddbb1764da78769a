import { createHmac, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { SimContext } from "../context.js";
import { LIMIT_MESSAGE, sendZaloError, ZaloError } from "../envelope.js";

/** Holds a request for `ms` with a timer that close() can cancel. */
export function holdRequest(ctx: SimContext, res: Response, ms: number, then: () => void): void {
  const timer = setTimeout(() => {
    ctx.heldRequests.delete(timer);
    then();
  }, ms);
  ctx.heldRequests.add(timer);
  // A client that gave up does not need its answer; free the timer at once.
  res.once("close", () => {
    clearTimeout(timer);
    ctx.heldRequests.delete(timer);
  });
}

/** Counts every Zalo API request and adds the configured latency before handling it. */
export function zaloApiEntry(ctx: SimContext): RequestHandler {
  return (_req, res, next) => {
    ctx.counters.requests++;
    const latency = ctx.config.latencyMs;
    if (latency <= 0) return next();
    holdRequest(ctx, res, latency, () => next());
  };
}

let lastProof: { appSecret: string; token: string; proof: string } | undefined;

/** hex HMAC-SHA256(app secret, token); the last one is kept, since one token signs many calls in a row. */
export function appSecretProof(appSecret: string, token: string): string {
  if (lastProof?.appSecret !== appSecret || lastProof.token !== token) {
    lastProof = { appSecret, token, proof: createHmac("sha256", appSecret).update(token).digest("hex") };
  }
  return lastProof.proof;
}

/** appsecret_proof is optional, but checked when present (reference §1.9, §4.1). */
export function isAppSecretProofValid(req: Request, appSecret: string, token: string): boolean {
  const fromQuery = typeof req.query.appsecret_proof === "string" ? req.query.appsecret_proof : undefined;
  const given = req.get("appsecret_proof") ?? fromQuery;
  if (given === undefined) return true;
  const expected = Buffer.from(appSecretProof(appSecret, token));
  const actual = Buffer.from(given.toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** OA API auth (`access_token` header = current OA token), then the per-app per-minute limit. */
export function requireOaToken(ctx: SimContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.get("access_token");
    const status = token ? ctx.oaTokens.check(token) : "unknown";
    if (status === "unknown" || token === undefined) {
      return sendZaloError(res, ZaloError.accessTokenInvalid, "Access token is invalid");
    }
    if (status === "expired")
      return sendZaloError(res, ZaloError.accessTokenExpired, "Access token has expired");
    if (status === "superseded") {
      // Zalo: "access token expired or removed"; a newer token replaced this one.
      return sendZaloError(
        res,
        ZaloError.accessTokenExpired,
        "Access token has been removed (a newer token was issued)",
      );
    }
    if (!isAppSecretProofValid(req, ctx.config.appSecret, token)) {
      return sendZaloError(res, ZaloError.appSecretProofInvalid, "appsecret_proof is invalid");
    }
    const { allowed, remaining } = ctx.minuteLimiter.take(ctx.now());
    res.setHeader("X-RateLimit-Limit", String(ctx.minuteLimiter.limit));
    res.setHeader("X-RateLimit-Remain", String(remaining));
    if (!allowed) {
      ctx.counters.limitErrors++;
      return sendZaloError(res, ZaloError.limitReached, LIMIT_MESSAGE);
    }
    next();
  };
}

function gatewayPage(status: number): string {
  const titles: Record<number, string> = {
    500: "500 Internal Server Error",
    502: "502 Bad Gateway",
    503: "503 Service Temporarily Unavailable",
    504: "504 Gateway Time-out",
  };
  const title = titles[status] ?? `${status} Error`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}

/**
 * Injected faults for message sends. They happen in front of the API, like a failing gateway,
 * so they are decided before auth and never reach the ledger. 5xx and timeouts answer with the
 * HTML a gateway would send, so clients must not assume a JSON body.
 */
export function messageFaults(ctx: SimContext): RequestHandler {
  return (_req, res, next) => {
    const fault = ctx.faults.draw();
    if (fault === undefined) return next();
    if (fault === "limit") {
      ctx.counters.faults.limit++;
      return sendZaloError(res, ZaloError.limitReached, LIMIT_MESSAGE);
    }
    if (fault === "lost") {
      // Let the send happen, then lose its answer: the gateway replies 502 instead.
      ctx.counters.faults.lostResponses++;
      res.json = ((_body: unknown) => res.status(502).type("html").send(gatewayPage(502))) as typeof res.json;
      return next();
    }
    if (fault === "e5xx") {
      ctx.counters.faults.e5xx++;
      const status = ctx.faults.drawStatus();
      res.status(status).type("html").send(gatewayPage(status));
      return;
    }
    ctx.counters.faults.timeouts++;
    holdRequest(ctx, res, ctx.faults.timeoutMs, () => {
      res.status(504).type("html").send(gatewayPage(504));
    });
  };
}
