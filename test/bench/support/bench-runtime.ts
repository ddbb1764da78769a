import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "@loa-phuong/bot-server/config";
import { type Runtime, startRuntime } from "@loa-phuong/bot-server/runtime";
import { openStore, type Store } from "@loa-phuong/bot-server/store";
import { openTestStore } from "@loa-phuong/bot-server/testing";
import { queueNames } from "@loa-phuong/shared";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { zaloEnvFor } from "../../e2e/support/zalo-env.js";
import { BENCH_IDS, type SimProcess } from "./sim-process.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface BenchRuntime {
  runtime: Runtime;
  /** The configuration as environment variables, for worker processes of the same deployment. */
  env: Record<string, string>;
  store: Store;
  storeKind: "pglite" | "postgres";
  prefix: string;
  stop(): Promise<void>;
}

/**
 * The bot server (API + workers) in this process, on the embedded store in a temporary folder, or on
 * a scratch PostgreSQL database when DATABASE_URL is set — the same code as production.
 */
export async function startBenchRuntime(
  sim: SimProcess,
  env: Record<string, string>,
  options: { worker?: boolean } = {},
): Promise<BenchRuntime> {
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  let dataDir: string | undefined;
  let store: Store;
  let storeKind: "pglite" | "postgres";
  if (process.env.DATABASE_URL) {
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL;
    store = await openTestStore("postgres");
    storeKind = "postgres";
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "loa-bench-"));
    store = await openStore({ kind: "pglite", dataDir });
    storeKind = "pglite";
  }
  const configEnv: Record<string, string> = {
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "warn",
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    WARD_ID: "hong-bang",
    ...zaloEnvFor(sim.url, BENCH_IDS),
    QUIET_HOURS: "00:00-00:00",
    DAILY_CAP_PER_RESIDENT: "0",
    ...(store.url ? { DATABASE_URL: store.url } : {}),
    ...env,
  };
  const config = parseConfig(configEnv);
  const runtime = await startRuntime(config, {
    api: true,
    worker: options.worker ?? true,
    store,
    logger: pino({ level: "warn" }, process.stderr),
  });
  const tokens = await sim.admin<{ access_token: string; refresh_token: string; expires_in: string }>(
    "POST",
    "/oa/tokens",
  );
  await runtime.tokens.save({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresInSec: Number(tokens.expires_in),
  });
  return {
    runtime,
    env: configEnv,
    store,
    storeKind,
    prefix,
    stop: async () => {
      await runtime.stop();
      await store.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await removePrefix(prefix);
    },
  };
}

export async function removePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  for (const name of [...Object.values(queueNames), "bench-noop"]) {
    const q = new Queue(name, { connection: redis, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  redis.disconnect();
}

/** Samples Redis's used_memory while a run lasts; returns the peak in MB. */
export function sampleRedisMemory(intervalMs = 100): { stop(): Promise<number> } {
  const redis = new Redis(REDIS_URL);
  let peak = 0;
  const timer = setInterval(() => {
    redis.info("memory").then(
      (info) => {
        const used = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
        peak = Math.max(peak, used);
      },
      () => undefined,
    );
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      redis.disconnect();
      return Math.round((peak / 1024 / 1024) * 10) / 10;
    },
  };
}
