import { scheduleFanout } from "@loa-phuong/bot-server/jobs";
import { tables } from "@loa-phuong/bot-server/store";
import { inArray } from "drizzle-orm";
import { log, parseArgs } from "./support/args.js";
import { startBenchRuntime } from "./support/bench-runtime.js";
import { BENCH_WARD, benchPost, seedBenchWard } from "./support/bench-ward.js";
import { startSimProcess } from "./support/sim-process.js";

/**
 * npm run bench:schedule — 200 broadcasts due at random moments within one minute, each to one
 * residential group; lateness = when fan-out started minus when it was due.
 */
const args = parseArgs({ broadcasts: 200, windowSeconds: 60, residents: 400 });
const sim = await startSimProcess({ ZALO_SIM_RATE_LIMIT_PER_MINUTE: "100000000" });
const bench = await startBenchRuntime(sim, { ZALO_RATE_LIMIT_PER_MINUTE: "100000000" });
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
try {
  const db = bench.store.db;
  const { groupIds, staffId } = await seedBenchWard(db, sim, args.residents);
  const { postId } = await benchPost(db, staffId, "Thông báo theo lịch");
  const lead = 5000;
  const now = Date.now();
  const rows = await db
    .insert(tables.broadcasts)
    .values(
      Array.from({ length: args.broadcasts }, (_, i) => ({
        wardId: BENCH_WARD,
        postId,
        postVersion: 1,
        audience: { include: [{ residentialGroupIds: [groupIds[i % groupIds.length]!] }], exclude: [] },
        scheduledAt: new Date(now + lead + Math.random() * args.windowSeconds * 1000),
        isUrgent: true,
        createdById: staffId,
      })),
    )
    .returning({ id: tables.broadcasts.id, scheduledAt: tables.broadcasts.scheduledAt });
  for (const row of rows) await scheduleFanout(bench.runtime.queues, row.id, row.scheduledAt);
  log(`${rows.length} broadcasts due between +${lead / 1000}s and +${lead / 1000 + args.windowSeconds}s…`);
  const ids = rows.map((r) => r.id);
  let started: { scheduledAt: Date; startedAt: Date | null }[] = [];
  for (;;) {
    started = await db
      .select({ scheduledAt: tables.broadcasts.scheduledAt, startedAt: tables.broadcasts.startedAt })
      .from(tables.broadcasts)
      .where(inArray(tables.broadcasts.id, ids));
    if (started.every((s) => s.startedAt)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const late = started.map((s) => s.startedAt!.getTime() - s.scheduledAt.getTime()).sort((a, b) => a - b);
  log(`earliest ${late[0]} ms, latest ${late[late.length - 1]} ms`);
  const result = {
    broadcasts: late.length,
    p50LateMs: percentile(late, 50),
    p99LateMs: percentile(late, 99),
    store: bench.storeKind,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await bench.stop();
  await sim.stop();
}
