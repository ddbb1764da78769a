import type { RequestHandler } from "express";
import { AppError } from "../../app-error.js";
import type { ApiContext } from "../../api-context.js";

/** Failed logins allowed per username, and per IP (a ward office shares one), in the window. */
const MAX_FAILURES_PER_USER = 10;
const MAX_FAILURES_PER_IP = 50;
const WINDOW_SECONDS = 15 * 60;

function keys(ctx: ApiContext, ip: string | undefined, username: string): { user: string; ip: string } {
  return { user: `${ctx.config.QUEUE_PREFIX}:login-fail:user:${username}`, ip: `${ctx.config.QUEUE_PREFIX}:login-fail:ip:${ip ?? "unknown"}` };
}

const usernameOf = (body: unknown) => {
  const u = (body as { username?: unknown } | undefined)?.username;
  return typeof u === "string" ? u.trim().toLowerCase().slice(0, 100) : "";
};

/**
 * Refuses a login while its username or IP has too many recent failures (counted in Redis, shared by
 * every API process). If Redis is down the login is refused rather than left unlimited.
 */
export function rateLimitLogin(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    const k = keys(ctx, req.ip, usernameOf(req.body));
    let counts: (string | null)[];
    try {
      counts = await ctx.redis.mget(k.user, k.ip);
    } catch {
      throw new AppError("queue_unavailable");
    }
    if (Number(counts[0] ?? 0) >= MAX_FAILURES_PER_USER || Number(counts[1] ?? 0) >= MAX_FAILURES_PER_IP) {
      throw new AppError("too_many_requests", "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút.");
    }
    next();
  };
}

/** Counts one failed login against the username and the IP. */
export async function recordLoginFailure(ctx: ApiContext, ip: string | undefined, username: string): Promise<void> {
  const k = keys(ctx, ip, username.trim().toLowerCase().slice(0, 100));
  await ctx.redis.multi().incr(k.user).expire(k.user, WINDOW_SECONDS, "NX").incr(k.ip).expire(k.ip, WINDOW_SECONDS, "NX").exec();
}
