import type { RequestHandler } from "express";
import { AppError } from "../../app-error.js";
import type { ApiContext } from "../../api-context.js";

/** Failed or not, at most this many login attempts per IP and per username in the window. */
const MAX_ATTEMPTS = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Counts login attempts in Redis (shared by every API process). If Redis is down the login is
 * refused rather than left unlimited.
 */
export function rateLimitLogin(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    const username = typeof req.body?.username === "string" ? req.body.username.trim().toLowerCase().slice(0, 100) : "";
    const keys = [`${ctx.config.QUEUE_PREFIX}:login:ip:${req.ip ?? "unknown"}`, ...(username ? [`${ctx.config.QUEUE_PREFIX}:login:user:${username}`] : [])];
    let counts: number[];
    try {
      const pipeline = ctx.redis.multi();
      for (const key of keys) pipeline.incr(key).expire(key, WINDOW_SECONDS, "NX");
      const results = (await pipeline.exec()) ?? [];
      counts = results.filter((_, i) => i % 2 === 0).map(([, value]) => Number(value));
    } catch {
      throw new AppError("queue_unavailable");
    }
    if (counts.some((n) => n > MAX_ATTEMPTS)) throw new AppError("too_many_requests", "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút.");
    next();
  };
}
