import { z } from "zod";
import type { SimLogger, SimPrices, ZaloSimOptions } from "./types.js";

const nonNegativeInt = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

/** Programmatic options are an edge too: a typo in a benchmark should fail loudly at start. */
const optionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  oaId: z.string().min(1),
  oaSecretKey: z.string().min(1),
  miniAppId: z.string().min(1),
  webhookUrl: z.url().optional(),
  rateLimitPerMinute: z.number().int().positive().default(4000),
  ratePerSecond: nonNegativeInt.default(0),
  latencyMs: nonNegativeInt.default(0),
  faults: z
    .object({
      error5xxRate: rate.optional(),
      timeoutRate: rate.optional(),
      rateLimitRate: rate.optional(),
      lostResponseRate: rate.optional(),
      timeoutMs: nonNegativeInt.optional(),
    })
    .optional(),
  templates: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  receipts: z
    .object({
      receivedDelayMs: nonNegativeInt.optional(),
      seenDelayMs: nonNegativeInt.nullable().optional(),
      seenShare: z.number().min(0).max(1).optional(),
    })
    .optional(),
  oaAccessTokenTtlSec: z.number().int().positive().default(90_000),
  userAccessTokenTtlSec: z.number().int().positive().default(3600),
  initialOaRefreshToken: z.string().min(1).optional(),
  enforceInteractionWindow: z.boolean().default(true),
  seed: z.number().int().optional(),
  webhookRetryDelaysMs: z.array(nonNegativeInt).default([30_000, 300_000, 900_000, 1_800_000, 3_600_000]),
  // Zalo wants the 200 within 2 s (docs/zalo-contracts.md §5.1) and retries only when it cannot connect.
  webhookTimeoutMs: z.number().int().positive().default(2_000),
  webhookConcurrency: z.number().int().positive().default(16),
  webhookQueueLimit: z.number().int().positive().default(500_000),
  webhookLogLimit: nonNegativeInt.default(100_000),
  prices: z
    .object({
      csBilled: nonNegativeInt.optional(),
      zbsUid: nonNegativeInt.optional(),
      zbsPhone: nonNegativeInt.optional(),
      notification: nonNegativeInt.optional(),
      article: nonNegativeInt.optional(),
    })
    .optional(),
  zbsDailyQuota: nonNegativeInt.default(2000),
  miniAppApiKey: z.string().min(1).default("demo-miniapp-api-key"),
  notificationPerUserPerDay: nonNegativeInt.default(1),
  notificationDailyQuota: nonNegativeInt.default(10_000),
  articlePerFollowerPerDay: nonNegativeInt.default(1),
  articlePerFollowerPerMonth: nonNegativeInt.default(4),
  echoOaSends: z.boolean().default(true),
});

/** Planning figures of the ward (VND per message); a benchmark overrides them with `prices`. */
export const DEFAULT_PRICES: SimPrices = {
  csBilled: 55,
  zbsUid: 165,
  zbsPhone: 300,
  notification: 0,
  article: 0,
};

export type SimConfig = Omit<z.infer<typeof optionsSchema>, "prices"> & {
  prices: SimPrices;
  now: () => number;
  logger: SimLogger;
  receivedDelayMs: number;
  seenDelayMs: number | null;
  seenShare: number;
};

export const stderrLogger: SimLogger = {
  info: () => undefined,
  warn: (message, meta) => console.warn(`[zalo-sim] ${message}`, meta ?? ""),
  error: (message, meta) => console.error(`[zalo-sim] ${message}`, meta ?? ""),
};

export function resolveConfig(options: ZaloSimOptions): SimConfig {
  const { now, logger, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`);
    throw new Error(`Invalid Zalo simulator options:\n  ${problems.join("\n  ")}`);
  }
  const receipts = parsed.data.receipts;
  return {
    ...parsed.data,
    prices: { ...DEFAULT_PRICES, ...stripUndefined(parsed.data.prices ?? {}) },
    now: now ?? Date.now,
    logger: logger ?? stderrLogger,
    receivedDelayMs: receipts?.receivedDelayMs ?? 20,
    seenDelayMs: receipts?.seenDelayMs === undefined ? 200 : receipts.seenDelayMs,
    seenShare: receipts?.seenShare ?? 1,
  };
}

/** `{ zbsUid: undefined }` must keep the default, not erase it. */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
