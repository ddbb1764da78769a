import type { RequestHandler } from "express";
import { AppError } from "../../../errors/app-error.js";
import type { ApiContext } from "../../api-context.js";

/** Failed logins allowed per username, and per IP (a ward office shares one), in the window. */
const MAX_FAILURES_PER_USER = 10;
const MAX_FAILURES_PER_IP = 50;
const WINDOW_SECONDS = 15 * 60;

function keys(ctx: ApiContext, ip: string | undefined, username: string): { user: string; ip: string } {
  return {
    user: `${ctx.config.QUEUE_PREFIX}:login-fail:user:${username}`,
    ip: `${ctx.config.QUEUE_PREFIX}:login-fail:ip:${ip ?? "unknown"}`,
  };
}

const usernameOf = (body: unknown) => {
  const u = (body as { username?: unknown } | undefined)?.username;
  return typeof u === "string" ? u.trim().toLowerCase().slice(0, 100) : "";
};

/**
 * Refuses a login while its username or IP has too many recent failures (counted in Redis, shared by
 * every API process). Every attempt is counted before the password is checked, in one atomic step, so
 * parallel attempts cannot all slip under the limit; a successful login gives its attempt back
 * (`forgiveLoginAttempt`). If Redis is down the login is refused rather than left unlimited.
 */
export function rateLimitLogin(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    const k = keys(ctx, req.ip, usernameOf(req.body));
    let counts: [error: Error | null, result: unknown][] | null;
    try {
      counts = await ctx.redis
        .multi()
        .incr(k.user)
        .expire(k.user, WINDOW_SECONDS, "NX")
        .incr(k.ip)
        .expire(k.ip, WINDOW_SECONDS, "NX")
        .exec();
    } catch {
      throw new AppError("queue_unavailable");
    }
    if (!counts || counts.some(([error]) => error)) throw new AppError("queue_unavailable");
    if (Number(counts[0]![1]) > MAX_FAILURES_PER_USER || Number(counts[2]![1]) > MAX_FAILURES_PER_IP) {
      throw new AppError("too_many_requests", "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút.");
    }
    next();
  };
}

/** A login that succeeded was not a failure: its counted attempt is given back. */
export async function forgiveLoginAttempt(
  ctx: ApiContext,
  ip: string | undefined,
  username: string,
): Promise<void> {
  const k = keys(ctx, ip, username.trim().toLowerCase().slice(0, 100));
  // The window may have ended in between: a key decr creates must expire too.
  await ctx.redis
    .multi()
    .decr(k.user)
    .expire(k.user, WINDOW_SECONDS, "NX")
    .decr(k.ip)
    .expire(k.ip, WINDOW_SECONDS, "NX")
    .exec();
}
