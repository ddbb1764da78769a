import type { RequestHandler } from "express";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../../errors/app-error.js";
import type { ApiContext } from "../api-context.js";
import { authOf } from "./auth.js";

/** At most `points` requests in `seconds`, counted per signed-in person (or address when anonymous). */
export interface LimitRule {
  name: string;
  points: number;
  seconds: number;
  by: "caller" | "ip";
}

const byCaller = (name: string, points: number, seconds: number): LimitRule => ({
  name,
  points,
  seconds,
  by: "caller",
});
const byIp = (name: string, points: number, seconds: number): LimitRule => ({
  name,
  points,
  seconds,
  by: "ip",
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * What one resident may send: generous for a person, tight for a script. Sign-ins are counted per
 * address, generously: many residents share a carrier's address.
 */
export const limits = {
  uploads: [byCaller("uploads-burst", 10, 10 * MINUTE), byCaller("uploads-day", 60, DAY)],
  reports: [byCaller("reports-hour", 10, HOUR), byCaller("reports-day", 30, DAY)],
  nominations: [byCaller("nominations-hour", 5, HOUR), byCaller("nominations-day", 20, DAY)],
  questions: [byCaller("questions-hour", 30, HOUR), byCaller("questions-day", 100, DAY)],
  opinionReports: [byCaller("opinion-hour", 10, HOUR)],
  messageChecks: [byCaller("message-checks-hour", 30, HOUR)],
  engagement: [byCaller("engagement-minute", 120, MINUTE)],
  relayOpens: [byCaller("relay-opens-hour", 100, HOUR)],
  phone: [byCaller("phone-hour", 10, HOUR)],
  zaloSignIn: [byIp("zalo-sign-in-minute", 60, MINUTE), byIp("zalo-sign-in-hour", 600, HOUR)],
} satisfies Record<string, LimitRule[]>;

/**
 * Counts a request against each rule, in Redis so that every API process shares the counts; while
 * Redis does not answer, each process counts in memory instead. Past a rule: 429 with Retry-After.
 */
export function rateLimit(ctx: ApiContext, rules: LimitRule[]): RequestHandler {
  const limiters = rules.map((rule) => ({
    rule,
    limiter: new RateLimiterRedis({
      storeClient: ctx.redis,
      keyPrefix: `${ctx.config.QUEUE_PREFIX}:limit:${rule.name}`,
      points: rule.points,
      duration: rule.seconds,
      insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.seconds }),
    }),
  }));
  return async (req, res, next) => {
    if (!ctx.config.RATE_LIMITS) return next();
    const auth = authOf(res);
    const caller = auth?.type === "staff" ? `s:${auth.staff.id}` : auth ? `r:${auth.resident.id}` : undefined;
    const ip = req.ip ?? "unknown";
    for (const { rule, limiter } of limiters) {
      // This machine itself (a health check, a local tool) is not counted per address; behind the
      // trusted proxy, req.ip is the resident's address the proxy reports.
      if ((rule.by === "ip" || !caller) && LOOPBACK.has(ip)) continue;
      const key = rule.by === "caller" && caller ? caller : `ip:${ip}`;
      try {
        await limiter.consume(key);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        res.set("retry-after", String(seconds));
        throw new AppError(
          "too_many_requests",
          `Bạn gửi quá nhiều trong thời gian ngắn, vui lòng thử lại sau ${wait(seconds)}.`,
        );
      }
    }
    next();
  };
}

const wait = (seconds: number) =>
  seconds < 90
    ? `${seconds} giây`
    : seconds < 5400
      ? `${Math.ceil(seconds / 60)} phút`
      : `${Math.ceil(seconds / 3600)} giờ`;
