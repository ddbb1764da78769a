import { randomBytes } from "node:crypto";
import { type Config, parseConfig } from "@loa-phuong/bot-server/config";
import { type Runtime, startRuntime } from "@loa-phuong/bot-server/runtime";
import { openTestStore, type StoreKind } from "@loa-phuong/bot-server/testing";
import { queueNames } from "@loa-phuong/shared";
import { startZaloSim, type ZaloSim, type ZaloSimOptions } from "@loa-phuong/zalo-sim";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { type ZaloIds, zaloEnvFor } from "./zalo-env.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface Stack {
  sim: ZaloSim;
  runtime: Runtime;
  config: Config;
  url: string;
  /** What the runtime logged at warn or above (a job that failed, a worker error), parsed. */
  warnings: Array<{ msg: string; job?: string; level: number }>;
  stop(): Promise<void>;
}

const ids: ZaloIds = {
  appId: "1000000000000000001",
  appSecret: "e2e-app-secret",
  oaId: "2000000000000000002",
  oaSecretKey: "e2e-oa-secret",
  miniAppId: "3000000000000000003",
};

/**
 * The whole system in one process, as `npm start` runs it: the Zalo simulator, the API and the
 * workers on a real Redis (a unique key prefix per stack) and a real store. `worker: false` leaves
 * the workers out (the API process alone, as `start:api` runs it): nothing changes the store in the
 * background.
 */
export async function startStack(
  options: {
    store?: StoreKind;
    sim?: Partial<ZaloSimOptions>;
    env?: Record<string, string>;
    worker?: boolean;
  } = {},
): Promise<Stack> {
  const sim = await startZaloSim({
    ...ids,
    receipts: { receivedDelayMs: 20, seenDelayMs: 150 },
    ...options.sim,
  });
  const store = await openTestStore(options.store ?? "pglite");
  const prefix = `e2e-${randomBytes(5).toString("hex")}`;
  const config = parseConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    WARD_ID: "hong-bang",
    ...zaloEnvFor(sim.url, ids),
    ZALO_SIM_URL: sim.url,
    ZALO_HTTP_TIMEOUT_MS: "3000",
    // Tests must not depend on the wall clock: no quiet hours and no daily cap unless a test sets them.
    QUIET_HOURS: "00:00-00:00",
    DAILY_CAP_PER_RESIDENT: "0",
    ...options.env,
  });
  const warnings: Stack["warnings"] = [];
  const shown = process.env.E2E_LOG_LEVEL;
  const logger = pino(
    { level: shown ?? "warn" },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as Stack["warnings"][number];
        if (entry.level >= 40) warnings.push(entry);
        if (shown) process.stdout.write(line);
      },
    },
  );
  const runtime = await startRuntime(config, {
    api: true,
    worker: options.worker ?? true,
    store,
    logger,
  });
  const tokens = sim.issueOaTokens();
  await runtime.tokens.save({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresInSec: tokens.expiresIn,
  });
  sim.setWebhookUrl(`${runtime.url}/webhooks/zalo`);
  return {
    sim,
    runtime,
    config,
    url: runtime.url!,
    warnings,
    stop: async () => {
      await runtime.stop();
      await sim.close();
      await store.close();
      await removeQueues(prefix);
    },
  };
}

/** Deletes every key of a stack's prefix, so test runs leave Redis as they found it. */
async function removeQueues(prefix: string): Promise<void> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    for (const name of Object.values(queueNames)) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    const stray = await connection.keys(`${prefix}:*`);
    if (stray.length) await connection.del(...stray);
  } finally {
    connection.disconnect();
  }
}
