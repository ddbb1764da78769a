import type { RequestHandler, Response } from "express";
import { AppError } from "../../../errors/app-error.js";
import type { ApiContext } from "../../api-context.js";

/**
 * Failed logins, counted in a window. Per account and IP: the guesser's address is shut out of that
 * account, the owner's is not. Per IP (a ward office shares one): one address cannot try account
 * after account. Per account from anywhere: past a number of failures the account is slowed (one try
 * in a few seconds), never locked, so guessing from many addresses gets nowhere and the owner still
 * gets in.
 */
const MAX_FAILURES_PER_ACCOUNT_AND_IP = 10;
const MAX_FAILURES_PER_IP = 50;
const SLOW_AFTER_FAILURES_PER_ACCOUNT = 20;
const SLOW_ACCOUNT_EVERY_SECONDS = 3;
const WINDOW_SECONDS = 15 * 60;

function keys(ctx: ApiContext, ip: string | undefined, username: string) {
  const p = `${ctx.config.QUEUE_PREFIX}:login`;
  const from = ip ?? "unknown";
  return {
    pair: `${p}:fail:pair:${username}:${from}`,
    ip: `${p}:fail:ip:${from}`,
    account: `${p}:fail:account:${username}`,
    gate: `${p}:gate:${username}`,
  };
}

const usernameOf = (body: unknown) => {
  const u = (body as { username?: unknown } | undefined)?.username;
  return typeof u === "string" ? u.trim().toLowerCase().slice(0, 100) : "";
};

const tooMany = (res: Response, seconds: number, message: string) => {
  res.set("retry-after", String(seconds));
  return new AppError("too_many_requests", message);
};

/**
 * Refuses or slows a login by the failures counted for it (in Redis, shared by every API process).
 * Every attempt is counted before the password is checked, in one atomic step, so parallel attempts
 * cannot all slip under a limit; a successful login gives its attempt back (`forgiveLoginAttempt`).
 * If Redis is down the login is refused rather than left unlimited.
 */
export function rateLimitLogin(ctx: ApiContext): RequestHandler {
  return async (req, res, next) => {
    const k = keys(ctx, req.ip, usernameOf(req.body));
    const [pair, ip] = await countAttempt(ctx, [k.pair, k.ip]);
    if (pair! > MAX_FAILURES_PER_ACCOUNT_AND_IP || ip! > MAX_FAILURES_PER_IP)
      throw tooMany(
        res,
        WINDOW_SECONDS,
        "Đăng nhập sai quá nhiều lần từ máy này, vui lòng thử lại sau 15 phút.",
      );
    // Only attempts that reach the password count against the account: an address already shut
    // out cannot slow the account for its owner.
    const [account] = await countAttempt(ctx, [k.account]);
    if (account! > SLOW_AFTER_FAILURES_PER_ACCOUNT) {
      const open = await ctx.redis.set(k.gate, "1", "EX", SLOW_ACCOUNT_EVERY_SECONDS, "NX");
      if (open !== "OK")
        throw tooMany(
          res,
          SLOW_ACCOUNT_EVERY_SECONDS,
          `Tài khoản này đang bị thử mật khẩu nhiều lần; vui lòng thử lại sau ${SLOW_ACCOUNT_EVERY_SECONDS} giây.`,
        );
    }
    next();
  };
}

/** Counts an attempt under each key, atomically; the counts after it. */
async function countAttempt(ctx: ApiContext, counters: string[]): Promise<number[]> {
  let results: [error: Error | null, result: unknown][] | null;
  try {
    const multi = ctx.redis.multi();
    for (const key of counters) multi.incr(key).expire(key, WINDOW_SECONDS, "NX");
    results = await multi.exec();
  } catch {
    throw new AppError("queue_unavailable");
  }
  if (!results || results.some(([error]) => error)) throw new AppError("queue_unavailable");
  return counters.map((_, i) => Number(results[i * 2]![1]));
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
    .decr(k.pair)
    .expire(k.pair, WINDOW_SECONDS, "NX")
    .decr(k.ip)
    .expire(k.ip, WINDOW_SECONDS, "NX")
    .decr(k.account)
    .expire(k.account, WINDOW_SECONDS, "NX")
    .exec();
}
