import os from "node:os";
import { scheduleFanout } from "@loa-phuong/bot-server/jobs";
import { tables } from "@loa-phuong/bot-server/store";
import { eq } from "drizzle-orm";
import { log, parseArgs } from "./support/args.js";
import { sampleRedisMemory, startBenchRuntime } from "./support/bench-runtime.js";
import { BENCH_WARD, benchPost, seedBenchWard } from "./support/bench-ward.js";
import { noopJobsPerSec } from "./support/noop-jobs.js";
import { simSendsPerSec } from "./support/sim-capacity.js";
import { startSimProcess } from "./support/sim-process.js";

/**
 * npm run bench:broadcast -- --recipients 5000 --rate 200
 * One broadcast to the whole ward through the real pipeline (fan-out, waves, limiter, OA client) into
 * the simulator in its own process. With --rate > 0 the simulator enforces that many messages per
 * second (sliding window) and the server is configured with the same Zalo limit.
 */
const args = parseArgs({ recipients: 5000, rate: 200, concurrency: 8, batch: 0 });
const throttled = args.rate > 0;
const sim = await startSimProcess({
  ZALO_SIM_RATE_PER_SECOND: String(args.rate),
  ZALO_SIM_RATE_LIMIT_PER_MINUTE: String(throttled ? args.rate * 60 : 100_000_000),
});
const bench = await startBenchRuntime(sim, {
  ZALO_RATE_LIMIT_PER_MINUTE: String(throttled ? args.rate * 60 : 100_000_000),
  DELIVERY_CONCURRENCY: String(args.concurrency),
  ...(args.batch > 0 ? { DELIVERY_BATCH_SIZE: String(args.batch) } : {}),
});
try {
  const db = bench.store.db;
  log(`seeding ${args.recipients} residents on ${bench.storeKind}…`);
  const { staffId } = await seedBenchWard(db, sim, args.recipients);
  const { postId } = await benchPost(db, staffId, "Thông báo đo hiệu năng");
  const [broadcast] = await db
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
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const memory = sampleRedisMemory();
  const started = performance.now();
  await scheduleFanout(bench.runtime.queues, broadcast!.id, new Date());
  let last = 0;
  let fannedOutAt: number | undefined;
  for (;;) {
    const [row] = await db
      .select({ status: tables.broadcasts.status })
      .from(tables.broadcasts)
      .where(eq(tables.broadcasts.id, broadcast!.id));
    if (row?.status !== "scheduled" && fannedOutAt === undefined) {
      fannedOutAt = performance.now();
      log(`  audience expanded into delivery rows after ${((fannedOutAt - started) / 1000).toFixed(1)} s`);
    }
    if (row?.status === "sent") break;
    const { count } = await sim.admin<{ count: number }>("GET", "/ledger/count");
    if (count - last >= args.recipients / 10) {
      log(`  ${count}/${args.recipients} sent`);
      last = count;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  log(
    `event loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, ` +
      `p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
  );
  const redisPeakMB = await memory.stop();
  const summary = await sim.admin<{
    count: number;
    firstSentAt: number;
    lastSentAt: number;
    perUser: Record<string, number>;
  }>("GET", "/ledger/summary");
  const stats = await sim.admin<{ limitErrors: number }>("GET", "/stats");
  const counts = Object.values(summary.perUser);
  const duplicates = counts.reduce((a, n) => a + Math.max(0, n - 1), 0);
  const lost = args.recipients - counts.length;
  const spanSeconds = Math.max(0.001, (summary.lastSentAt - summary.firstSentAt) / 1000);
  const result: Record<string, unknown> = {
    recipients: args.recipients,
    sent: summary.count,
    duplicates,
    lost,
    limitErrors: stats.limitErrors,
    achievedRate: Math.round((summary.count / spanSeconds) * 10) / 10,
    rate: args.rate,
  };
  if (!throttled) {
    log("measuring a bare BullMQ no-op run of the same size, then the simulator's own ceiling for sends…");
    Object.assign(result, {
      deliveriesPerSec: Math.round(args.recipients / seconds),
      noopJobsPerSec: await noopJobsPerSec(args.recipients, bench.prefix, 50),
      simSendsPerSec: await simSendsPerSec(sim, Object.keys(summary.perUser).slice(0, 1000)),
      redisPeakMB,
      store: bench.storeKind,
    });
  }
  log(`done in ${seconds.toFixed(1)} s on ${os.cpus().length} cores`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await bench.stop();
  await sim.stop();
}
