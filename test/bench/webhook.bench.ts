import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { tables } from "@loa-phuong/bot-server/store";
import { isNull, like, sql } from "drizzle-orm";
import express from "express";
import { freePort } from "../e2e/support/npm-start.js";
import { log, parseArgs } from "./support/args.js";
import { startBenchRuntime } from "./support/bench-runtime.js";
import { seedBenchWard } from "./support/bench-ward.js";
import { BENCH_IDS, startSimProcess } from "./support/sim-process.js";
import { startWorkerProcess } from "./support/worker-process.js";

/**
 * npm run bench:webhook — signed Zalo webhook events from a load generator in another process, at the
 * real endpoint (verify, record in the store, enqueue, 200) and, in the same run, at a bare Express
 * JSON endpoint that only parses and answers: the ratio reads through the machine's noise.
 */
const args = parseArgs({ duration: 10, connections: 50, senders: 500, worker: 1 });
const here = path.dirname(new URL(import.meta.url).pathname);

function load(url: string): Promise<{
  requestsPerSec: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p99Ms: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(here, "support/webhook-load.ts"),
        url,
        String(args.duration),
        String(args.connections),
        BENCH_IDS.appId,
        BENCH_IDS.oaId,
        BENCH_IDS.oaSecretKey,
        String(args.senders),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()!))
        : reject(new Error(`load generator exited ${code}`)),
    );
  });
}

const sim = await startSimProcess();
// --worker 1: workers in this process (the embedded single-process mode); 2: in a worker process of
// their own, as a PostgreSQL deployment runs them; 0: none (intake only, nothing applied).
const bench = await startBenchRuntime(sim, {}, { worker: args.worker === 1 });
if (args.worker === 2 && bench.storeKind !== "postgres")
  throw new Error("--worker 2 needs DATABASE_URL (PGlite is single-process)");
const workerProcess =
  args.worker === 2
    ? startWorkerProcess({ ...bench.env, WORKER_HEALTH_PORT: String(await freePort()) })
    : undefined;
const bare = express();
bare.post("/bare", express.json({ limit: "256kb" }), (_req, res) => {
  res.status(200).json({ received: true });
});
const bareServer = createServer(bare);
await new Promise<void>((r) => bareServer.listen(0, "127.0.0.1", r));
try {
  await seedBenchWard(bench.store.db, sim, args.senders);
  log(`bare Express JSON endpoint, ${args.duration} s…`);
  const bareRun = await load(`http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/bare`);
  log(`real webhook endpoint, ${args.duration} s…`);
  const real = await load(`${bench.runtime.url}/webhooks/zalo`);
  log(
    `real endpoint: ${Math.round(real.requestsPerSec)} events/s, p99 ${real.p99Ms} ms; ` +
      `bare: ${Math.round(bareRun.requestsPerSec)} req/s`,
  );
  if (args.worker === 0) throw new Error("--worker 0 measures intake only; events are left unapplied");
  const db = bench.store.db;
  const [recorded] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.webhookEvents)
    .where(like(tables.webhookEvents.rawBody, '%"msg_id":"bench-%'));
  // Nothing accepted is lost: every recorded event is also applied by the workers (a signal each).
  for (;;) {
    const [open] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.webhookEvents)
      .where(isNull(tables.webhookEvents.processedAt));
    if ((open?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const [signals] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.signals)
    .where(like(tables.signals.zaloMsgId, "bench-%"));
  process.stdout.write(
    `${JSON.stringify({
      eventsPerSec: Math.round(real.requestsPerSec),
      bareReqPerSec: Math.round(bareRun.requestsPerSec),
      ratio: Math.round((real.requestsPerSec / bareRun.requestsPerSec) * 100) / 100,
      p99Ms: real.p99Ms,
      sent: real.sent,
      accepted: real.ok,
      recorded: recorded?.n ?? 0,
      applied: signals?.n ?? 0,
      store: bench.storeKind,
      workers: args.worker === 2 ? "separate process" : "same process",
    })}\n`,
  );
} finally {
  bareServer.close();
  await workerProcess?.kill("SIGTERM");
  await bench.stop();
  await sim.stop();
}
