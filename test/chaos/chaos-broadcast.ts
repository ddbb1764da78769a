import { type ChildProcess, spawn } from "node:child_process";
import { parseConfig } from "@loa-phuong/bot-server/config";
import { scheduleFanout } from "@loa-phuong/bot-server/jobs";
import { startRuntime } from "@loa-phuong/bot-server/runtime";
import { tables } from "@loa-phuong/bot-server/store";
import { openTestStore } from "@loa-phuong/bot-server/testing";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { pino } from "pino";
import { BENCH_WARD, benchPost, seedBenchWard } from "../bench/support/bench-ward.js";
import { BENCH_IDS, startSimProcess } from "../bench/support/sim-process.js";
import { startWorkerProcess, type WorkerProcess } from "../bench/support/worker-process.js";
import { freePort } from "../e2e/support/npm-start.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { zaloEnvFor } from "../e2e/support/zalo-env.js";

export interface ChaosOptions {
  recipients: number;
  kills: number;
  flushes: number;
  /** Share of OA sends that fail, split evenly between 5xx, timeouts and -32. */
  faultRate: number;
  workers: number;
  timeoutMs: number;
  log?: (message: string) => void;
}

export interface ChaosResult {
  recipients: number;
  delivered: number;
  duplicates: number;
  lost: number;
  kills: number;
  flushes: number;
  faults: number;
}

/**
 * One broadcast while things break: worker processes are SIGKILLed and restarted, Redis is flushed,
 * and the simulator fails a share of the sends. The store (PostgreSQL, shared by every process) is the
 * record; afterwards every recipient must hold exactly one message in the simulator's ledger.
 * Redis is a private redis-server, so FLUSHALL touches nothing else.
 */
export async function runChaosBroadcast(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => undefined);
  const redisPort = await freePort();
  const redisServer: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(redisPort),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory-policy",
      "noeviction",
    ],
    { stdio: "ignore" },
  );
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: () => 100,
    lazyConnect: true,
  });
  redis.on("error", () => undefined); // refused until redis-server is up: ioredis retries
  await waitFor(
    () =>
      redis.connect().then(
        () => true,
        () => false,
      ),
    { timeoutMs: 10_000, what: "private redis-server" },
  );
  const each = options.faultRate / 3;
  const sim = await startSimProcess({ ZALO_SIM_RATE_LIMIT_PER_MINUTE: "100000000" });
  await sim.admin("PUT", "/faults", {
    error5xxRate: each,
    timeoutRate: each,
    rateLimitRate: each,
    timeoutMs: 1500,
  });
  const store = await openTestStore("postgres");
  const env: Record<string, string> = {
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "error",
    REDIS_URL: redisUrl,
    DATABASE_URL: store.url!,
    QUEUE_PREFIX: "chaos",
    WARD_ID: BENCH_WARD,
    ...zaloEnvFor(sim.url, BENCH_IDS),
    ZALO_RATE_LIMIT_PER_MINUTE: "100000000",
    ZALO_HTTP_TIMEOUT_MS: "1000",
    QUIET_HOURS: "00:00-00:00",
    DAILY_CAP_PER_RESIDENT: "0",
    AUTO_PAUSE_ERROR_RATE: "1",
    RECONCILE_INTERVAL_MS: "1000",
    WORKER_STALLED_INTERVAL_MS: "3000",
  };
  // The API side (producer only) runs here; all sending happens in the worker processes.
  const api = await startRuntime(parseConfig(env), {
    api: true,
    worker: false,
    store,
    logger: pino({ level: "error" }),
  });
  const tokens = await sim.admin<{ access_token: string; refresh_token: string; expires_in: string }>(
    "POST",
    "/oa/tokens",
  );
  await api.tokens.save({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresInSec: Number(tokens.expires_in),
  });
  const workers: WorkerProcess[] = [];
  const spawnWorker = async () =>
    startWorkerProcess({ ...env, WORKER_HEALTH_PORT: String(await freePort()) });
  try {
    const { staffId } = await seedBenchWard(store.db, sim, options.recipients);
    const { postId } = await benchPost(store.db, staffId, "Thông báo khẩn: lịch cắt nước");
    for (let i = 0; i < options.workers; i++) workers.push(await spawnWorker());
    const [broadcast] = await store.db
      .insert(tables.broadcasts)
      .values({
        wardId: BENCH_WARD,
        postId,
        postVersion: 1,
        audience: { include: [{ wholeWard: true }], exclude: [] },
        scheduledAt: new Date(),
        isUrgent: true,
        createdById: staffId,
      })
      .returning();
    await scheduleFanout(api.queues, broadcast!.id, new Date());

    // Chaos at fixed points of progress: kills spread over the run, the flush in the middle.
    const killAt = Array.from({ length: options.kills }, (_, i) => (i + 1) / (options.kills + 1));
    const flushAt = Array.from({ length: options.flushes }, (_, i) => (i + 0.5) / options.flushes);
    let kills = 0;
    let flushes = 0;
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const [row] = await store.db
        .select({ status: tables.broadcasts.status })
        .from(tables.broadcasts)
        .where(eq(tables.broadcasts.id, broadcast!.id));
      if (row?.status === "sent") break;
      if (Date.now() > deadline)
        throw new Error(`chaos broadcast did not finish in ${options.timeoutMs} ms (status ${row?.status})`);
      const { count } = await sim.admin<{ count: number }>("GET", "/ledger/count");
      const progress = count / options.recipients;
      if (kills < killAt.length && progress >= killAt[kills]!) {
        const victim = workers.shift()!;
        await victim.kill("SIGKILL");
        workers.push(await spawnWorker());
        kills += 1;
        log(`SIGKILL worker #${kills} at ${Math.round(progress * 100)} %, restarted`);
      }
      if (flushes < flushAt.length && progress >= flushAt[flushes]!) {
        await redis.flushall();
        flushes += 1;
        log(`FLUSHALL at ${Math.round(progress * 100)} %`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const summary = await sim.admin<{ perUser: Record<string, number> }>("GET", "/ledger/summary");
    const stats = await sim.admin<{ faults: { e5xx: number; timeouts: number; limit: number } }>(
      "GET",
      "/stats",
    );
    const counts = Object.values(summary.perUser);
    return {
      recipients: options.recipients,
      delivered: counts.filter((n) => n >= 1).length,
      duplicates: counts.reduce((a, n) => a + Math.max(0, n - 1), 0),
      lost: options.recipients - counts.filter((n) => n >= 1).length,
      kills,
      flushes,
      faults: stats.faults.e5xx + stats.faults.timeouts + stats.faults.limit,
    };
  } finally {
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
    await api.stop();
    await store.close();
    await sim.stop();
    redis.disconnect();
    redisServer.kill("SIGTERM");
  }
}
