import os from "node:os";
import { scheduleFanout } from "@loa-phuong/bot-server/jobs";
import { tables } from "@loa-phuong/bot-server/store";
import type { Audience, DeliveryChannel } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { log, parseArgs } from "./support/args.js";
import { startBenchRuntime } from "./support/bench-runtime.js";
import { BENCH_WARD, benchPost } from "./support/bench-ward.js";
import { drawWard, GROUPS, QUOTAS, seed, TEMPLATES } from "./support/reach-ward.js";
import { startSimProcess } from "./support/sim-process.js";

/**
 * npm run bench:reach -- --residents 10000
 *
 * A ward drawn from a documented mix (`MIX` in `support/reach-ward.ts`, seeded), one ward-wide post
 * and one post to five residential groups, planned and sent through the real pipeline into the simulator with its real
 * channel quotas — once on PGlite, once on PostgreSQL (TEST_POSTGRES_URL). Everything is counted from
 * what the simulator received, not from what the server believes it sent.
 */
const args = parseArgs({ residents: 10_000, seed: 144 });

/** Which post a simulator ledger entry carries: its link, or the Article the post was published as. */
function postOf(body: unknown, articles: Map<string, string>): string | undefined {
  const text = JSON.stringify(body);
  const link = /\/post\/([0-9a-f-]{36})/.exec(text)?.[1];
  if (link) return link;
  const article = /"attachment_id":"([^"]+)"/.exec(text)?.[1];
  return article ? articles.get(article) : undefined;
}

interface LedgerEntry {
  userIdByOa: string;
  channel: string;
  costVnd: number;
  body: unknown;
  sentAt: number;
}

async function run(storeLabel: "pglite" | "postgres") {
  const sim = await startSimProcess({
    ZALO_SIM_TEMPLATES: JSON.stringify(TEMPLATES),
    ZALO_SIM_MINI_APP_API_KEY: "bench-miniapp-key",
    ZALO_SIM_ZBS_DAILY_QUOTA: String(QUOTAS.zbsPerDay),
    ZALO_SIM_NOTIFICATION_PER_USER_PER_DAY: String(QUOTAS.notificationsPerUserPerDay),
    ZALO_SIM_RATE_LIMIT_PER_MINUTE: "100000000",
    ZALO_SIM_ECHO_OA_SENDS: "false",
  });
  const bench = await startBenchRuntime(sim, {
    ZALO_RATE_LIMIT_PER_MINUTE: "100000000",
    DELIVERY_CONCURRENCY: "8",
    DAILY_CAP_PER_RESIDENT: "3",
    ZALO_ZBS_TEMPLATE_ID: "bench-zbs",
    ZALO_ZBS_PHONE_TEMPLATE_ID: "bench-zbs-phone",
    ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "bench-notify",
    ZALO_MINIAPP_API_KEY: "bench-miniapp-key",
    CHANNEL_ARTICLE_ENABLED: "true",
    QUOTA_ZBS_PER_DAY: String(QUOTAS.zbsPerDay),
    NOTIFICATIONS_PER_RESIDENT_PER_DAY: String(QUOTAS.notificationsPerUserPerDay),
  });
  try {
    const db = bench.store.db;
    if (bench.storeKind !== storeLabel) throw new Error(`expected ${storeLabel}, got ${bench.storeKind}`);
    const people = drawWard(args.residents, args.seed);
    log(`[${storeLabel}] seeding ${people.length} residents…`);
    const { groupIds, staffId, residentIds } = await seed(db, sim, people);
    const posts: { audience: Audience; postId: string; broadcastId: string; recipients: number[] }[] = [];
    const audiences: Audience[] = [
      { include: [{ wholeWard: true }], exclude: [] },
      { include: [{ residentialGroupIds: groupIds.slice(0, 5) }], exclude: [] },
    ];
    const started = performance.now();
    for (const [k, audience] of audiences.entries()) {
      const { postId } = await benchPost(
        db,
        staffId,
        k === 0 ? "Thông báo toàn phường" : "Thông báo 5 tổ",
        false,
      );
      const [b] = await db
        .insert(tables.broadcasts)
        .values({
          wardId: BENCH_WARD,
          postId,
          postVersion: 1,
          audience,
          scheduledAt: new Date(),
          createdById: staffId,
        })
        .returning();
      await scheduleFanout(bench.runtime.queues, b!.id, new Date());
      for (;;) {
        const [row] = await db
          .select({ status: tables.broadcasts.status })
          .from(tables.broadcasts)
          .where(eq(tables.broadcasts.id, b!.id));
        if (row?.status === "sent") break;
        if (row?.status === "paused") throw new Error("broadcast paused");
        await new Promise((r) => setTimeout(r, 100));
      }
      const recipients = people.flatMap((p, i) => (k === 0 || p.group < 5 ? [i] : []));
      posts.push({ audience, postId, broadcastId: b!.id, recipients });
      log(`[${storeLabel}] post ${k + 1} sent to ${recipients.length} residents`);
    }
    const seconds = (performance.now() - started) / 1000;

    // What the store says: each row's final channel, and each resident's plan (by label, for the comparison).
    const byChannel: Partial<Record<DeliveryChannel, number>> = {};
    const plan: string[] = [];
    let unreachable = 0;
    const indexOf = new Map(residentIds.map((id, i) => [id, i]));
    for (const p of posts) {
      const rows = await db
        .select({
          residentId: tables.deliveries.residentId,
          channel: tables.deliveries.channel,
          status: tables.deliveries.status,
        })
        .from(tables.deliveries)
        .where(eq(tables.deliveries.broadcastId, p.broadcastId));
      for (const r of rows) {
        byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
        if (r.channel === "feed") unreachable++;
        plan.push(
          `${p.postId === posts[0]!.postId ? 1 : 2}:${indexOf.get(r.residentId)}:${r.channel}:${r.status}`,
        );
      }
    }
    // Nobody could be reached at all: no OA id, no notification permission, no phone, no relaying head.
    const unreachableWithNoChannel = posts.reduce(
      (n, p) =>
        n +
        p.recipients.filter((i) => {
          const r = people[i]!;
          return !r.hasOaId && !r.notifications && !r.phone && r.group >= GROUPS - 2;
        }).length,
      0,
    );

    // What the simulator received.
    const articles = new Map<string, string>();
    for (const p of posts) {
      const [b] = await db
        .select({ articleId: tables.broadcasts.articleId })
        .from(tables.broadcasts)
        .where(eq(tables.broadcasts.id, p.broadcastId));
      if (b?.articleId) articles.set(b.articleId, p.postId);
    }
    const { entries } = await sim.admin<{ entries: LedgerEntry[] }>("GET", "/ledger");
    const perUserPost = new Map<string, number>();
    const perUserChannelDay = new Map<string, number>();
    let zbs = 0;
    for (const e of entries) {
      const key = `${e.userIdByOa} ${postOf(e.body, articles)}`;
      perUserPost.set(key, (perUserPost.get(key) ?? 0) + 1);
      if (e.channel === "notification" || e.channel === "article") {
        const k = `${e.channel} ${e.userIdByOa}`;
        perUserChannelDay.set(k, (perUserChannelDay.get(k) ?? 0) + 1);
      }
      if (e.channel === "zbs_uid" || e.channel === "zbs_phone") zbs++;
    }
    const duplicatePushes = [...perUserPost.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    const overCap = [...perUserChannelDay.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    const stats = await sim.admin<{
      limitErrors: number;
      faults: Record<string, number>;
      errorsByChannel: Record<string, number>;
      quotaRefusals: number;
    }>("GET", "/stats");
    const summary = await sim.admin<{ costVnd: number; byChannel: Record<string, { messages: number }> }>(
      "GET",
      "/ledger/summary",
    );
    const simulatorErrors =
      Object.values(stats.errorsByChannel).reduce((a, n) => a + n, 0) +
      Object.values(stats.faults).reduce((a, n) => a + n, 0) +
      stats.limitErrors;
    log(`[${storeLabel}] done in ${seconds.toFixed(1)} s`);
    return {
      result: {
        residents: args.residents,
        byChannel,
        unreachable,
        unreachableWithNoChannel,
        quotaViolations: stats.quotaRefusals + overCap + Math.max(0, zbs - QUOTAS.zbsPerDay),
        duplicatePushes,
        costVnd: summary.costVnd,
        simulatorErrors,
        simulatorMessages: Object.fromEntries(
          Object.entries(summary.byChannel).map(([c, v]) => [c, v.messages]),
        ),
        seconds: Math.round(seconds * 10) / 10,
      },
      plan: plan.sort(),
    };
  } finally {
    await bench.stop();
    await sim.stop();
  }
}

const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
delete process.env.DATABASE_URL;
const pglite = await run("pglite");
process.env.DATABASE_URL = postgresUrl;
const postgres = await run("postgres");
const samePlan = JSON.stringify(pglite.plan) === JSON.stringify(postgres.plan);
log(`PostgreSQL: ${JSON.stringify(postgres.result)}`);
log(`same plan on PGlite and PostgreSQL: ${samePlan} (${os.cpus().length} cores)`);
const line = {
  ...pglite.result,
  store: "pglite",
  postgres: postgres.result,
  samePlanOnPgliteAndPostgres: samePlan,
};
process.stdout.write(`${JSON.stringify(line)}\n`);
