import { randomBytes, randomUUID } from "node:crypto";
import {
  type JobName,
  type JobPayload,
  jobDefinitions,
  jobIds,
  wardClock,
  windowEndIfInside,
} from "@loa-phuong/shared";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { eq, inArray, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/config.js";
import { closeQueues, createQueues, defaultJobOptions, type Queues } from "../queue/queues.js";
import { queryRows, type Store } from "../store/database.js";
import { auditLog, broadcasts, deliveries, posts } from "../store/schema/index.js";
import { buildResident, buildSendingBroadcast, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import type { OaClient } from "../zalo/oa-client.js";
import { handleBroadcastFanout } from "./broadcast-fanout.handler.js";
import { handleBroadcastWave, WAVE_SIZE } from "./broadcast-wave.handler.js";
import { handleDeliverySend } from "./delivery-send.handler.js";
import type { JobContext, JobHandler } from "./job-context.js";

type DeliveryStatus = (typeof deliveries.$inferSelect)["status"];

/** "HH:mm-HH:mm" quiet hours that hold right now: from a minute ago to half an hour ahead, ward time. */
function quietHoursNow(): string {
  const now = wardClock(Date.now());
  const at = (minute: number) => {
    const m = (minute + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return `${at(now.hour * 60 + now.minute - 1)}-${at(now.hour * 60 + now.minute + 30)}`;
}

describe.each(storeKinds)("waves of a sending broadcast on %s", (kind) => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;
  /** The wave job under test lives in a queue of its own, so the delivery queue holds only what it fed. */
  let harness: Queue;
  let takers: Record<"harness" | "broadcasts" | "deliveries", Worker>;
  let ctx: JobContext;
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore(kind);
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const prefix = `test-wave-${randomBytes(4).toString("hex")}`;
    queues = createQueues(redis, prefix);
    harness = new Queue("harness", { connection: redis, prefix, defaultJobOptions });
    const taker = (name: string) => new Worker(name, null, { connection: redis, prefix });
    takers = { harness: taker("harness"), broadcasts: taker("broadcasts"), deliveries: taker("deliveries") };
  });
  afterAll(async () => {
    await Promise.all([...Object.values(queues), harness].map((q) => q.obliterate({ force: true })));
    await Promise.all(Object.values(takers).map((w) => w.close()));
    await harness.close();
    await closeQueues(queues);
    redis.disconnect();
    await store.close();
  });
  beforeEach(async () => {
    await Promise.all([...Object.values(queues), harness].map((q) => q.obliterate({ force: true })));
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
    ctx = context({});
  });

  const context = (env: Record<string, string>): JobContext => ({
    db: store.db,
    queues,
    logger: pino({ level: "silent" }),
    config: parseConfig({ WARD_ID: wardId, QUIET_HOURS: "00:00-00:00", DELIVERY_BATCH_SIZE: "2", ...env }),
    oa: undefined as never,
    tokens: undefined as never,
    rateLimitDeliveries: async () => undefined,
  });

  type Ran = { outcome: "completed" } | { outcome: "delayed"; until: number };
  /** Takes the next job of a queue as a worker does (locked, with its token) and runs the handler on it. */
  async function runNext<N extends JobName>(from: keyof typeof takers, handler: JobHandler<N>): Promise<Ran> {
    const token = randomUUID();
    const job: Job | undefined = await takers[from].getNextJob(token, { block: false });
    if (!job) throw new Error(`no job waiting in ${from}`);
    const delays: number[] = [];
    const moveToDelayed = job.moveToDelayed.bind(job);
    job.moveToDelayed = async (at, lockToken) => {
      delays.push(at);
      await moveToDelayed(at, lockToken);
    };
    try {
      const payload = jobDefinitions[job.name as N].payload.parse(job.data) as JobPayload<N>;
      await handler(ctx, payload, job, token);
      await job.moveToCompleted(undefined, token, false);
      return { outcome: "completed" };
    } catch (error) {
      if (!(error instanceof DelayedError)) throw error;
      expect(await job.getState()).toBe("delayed");
      return { outcome: "delayed", until: delays.at(-1)! };
    }
  }
  const waveJobId = (broadcastId: string) => `harness-${jobIds.wave(broadcastId)}`;
  /** The wave's step job: its first run, then each later run once its delay is over (promoted, not waited for). */
  async function wave(broadcastId: string): Promise<Ran> {
    const existing = await harness.getJob(waveJobId(broadcastId));
    if (existing) await existing.promote();
    else await harness.add("broadcast.wave", { broadcastId, afterId: 0 }, { jobId: waveJobId(broadcastId) });
    return runNext("harness", handleBroadcastWave);
  }
  const cursor = async (broadcastId: string) => (await harness.getJob(waveJobId(broadcastId)))?.data.afterId;
  const deliveryJobs = async () =>
    (await queues.deliveries.getJobs(["wait", "prioritized", "delayed"]))
      .map((j) => ({ id: j.id, ids: j.data.deliveryIds as number[] }))
      .sort((a, b) => a.ids[0]! - b.ids[0]!);

  async function rows(broadcastId: string, statuses: DeliveryStatus[]): Promise<number[]> {
    const ids: number[] = [];
    for (const status of statuses) {
      const resident = await buildResident(store.db, wardId);
      const [row] = await store.db
        .insert(deliveries)
        .values({ broadcastId, residentId: resident.id, status })
        .returning();
      ids.push(row!.id);
    }
    return ids;
  }
  const broadcastRow = async (id: string) =>
    (await store.db.select().from(broadcasts).where(eq(broadcasts.id, id)))[0]!;

  it("feeds the open rows (pending, and in doubt) to the delivery queue in batches, and none twice", async () => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const ids = await rows(broadcast.id, [
      "pending",
      "sent",
      "pending",
      "fallback",
      "sending",
      "pending",
      "failed",
      "pending",
    ]);
    const [a, , b, , c, d, , e] = ids as [number, number, number, number, number, number, number, number];

    const first = await wave(broadcast.id);

    expect(first.outcome).toBe("delayed");
    expect((first as { until: number }).until).toBeLessThanOrEqual(Date.now() + 250);
    expect(await deliveryJobs()).toEqual([
      { id: jobIds.delivery([a, b]), ids: [a, b] },
      { id: jobIds.delivery([c, d]), ids: [c, d] },
      { id: jobIds.delivery([e]), ids: [e] },
    ]);
    expect(await cursor(broadcast.id)).toBe(e);
    expect((await broadcastRow(broadcast.id)).status).toBe("sending");

    // Later runs, while those jobs still wait: nothing is added again.
    expect((await wave(broadcast.id)).outcome).toBe("delayed");
    expect((await wave(broadcast.id)).outcome).toBe("delayed");
    expect((await deliveryJobs()).map((j) => j.ids)).toEqual([[a, b], [c, d], [e]]);
  });

  it(`feeds at most ${WAVE_SIZE} rows' worth at a time, and the next wave once the queue has room`, async () => {
    ctx = context({ DELIVERY_BATCH_SIZE: "100" });
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const total = WAVE_SIZE + 50;
    await store.db.execute(sql`
      insert into residents (ward_id, full_name, zalo_oa_user_id, is_follower, last_interaction_at)
      select ${wardId}, 'Người dân ' || g, '62' || lpad(g::text, 14, '0'), true, now()
      from generate_series(1, ${total}) g`);
    await store.db.execute(sql`
      insert into deliveries (broadcast_id, resident_id)
      select ${broadcast.id}::uuid, id from residents where ward_id = ${wardId} order by full_name`);
    const all = (await queryRows<{ id: number }>(store.db, sql`select id from deliveries order by id`)).map(
      (r) => Number(r.id),
    );

    await wave(broadcast.id);
    const firstWave = await deliveryJobs();
    expect(firstWave).toHaveLength(WAVE_SIZE / 100);
    expect(firstWave.flatMap((j) => j.ids)).toEqual(all.slice(0, WAVE_SIZE));

    // The queue still holds a full wave: nothing more.
    await wave(broadcast.id);
    expect(await deliveryJobs()).toEqual(firstWave);

    // A worker sent one batch: 1,900 rows' worth wait, fewer than a wave, so the rest goes in.
    await (await queues.deliveries.getJob(firstWave[0]!.id!))!.remove();
    await store.db
      .update(deliveries)
      .set({ status: "sent" })
      .where(inArray(deliveries.id, firstWave[0]!.ids));
    await wave(broadcast.id);
    const enqueued = (await deliveryJobs()).flatMap((j) => j.ids);
    expect(enqueued).toEqual(all.slice(100));
    expect(new Set(enqueued).size).toBe(enqueued.length);
  });

  it("enqueues again, from the first row, the open rows whose jobs Redis lost", async () => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const ids = await rows(broadcast.id, ["pending", "pending", "pending"]);
    await wave(broadcast.id);
    expect(await deliveryJobs()).toHaveLength(2);

    await queues.deliveries.obliterate({ force: true });
    // The next runs find nothing past the cursor and an empty queue: they rescan from the start.
    for (let run = 0; run < 2 && (await deliveryJobs()).length === 0; run++) await wave(broadcast.id);

    expect((await deliveryJobs()).map((j) => j.ids)).toEqual([ids.slice(0, 2), ids.slice(2)]);
  });

  it.each(["paused", "cancelled"] as const)("stops for a %s broadcast, enqueuing nothing", async (status) => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    await rows(broadcast.id, ["pending", "pending"]);
    await store.db.update(broadcasts).set({ status }).where(eq(broadcasts.id, broadcast.id));

    expect(await wave(broadcast.id)).toEqual({ outcome: "completed" });

    expect(await deliveryJobs()).toEqual([]);
    expect(await broadcastRow(broadcast.id)).toMatchObject({ status, finishedAt: null });
  });

  it("finishes the broadcast and its post once no row is pending or in doubt", async () => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    await store.db.update(posts).set({ status: "sending" }).where(eq(posts.id, broadcast.postId));
    const [open] = await rows(broadcast.id, ["sending", "sent", "fallback", "failed", "seen"]);

    expect((await wave(broadcast.id)).outcome).toBe("delayed");
    expect((await broadcastRow(broadcast.id)).status).toBe("sending");

    await store.db.update(deliveries).set({ status: "sent" }).where(eq(deliveries.id, open!));
    expect(await wave(broadcast.id)).toEqual({ outcome: "completed" });

    const after = await broadcastRow(broadcast.id);
    expect(after.status).toBe("sent");
    expect(after.finishedAt).not.toBeNull();
    const [post] = await store.db.select().from(posts).where(eq(posts.id, broadcast.postId));
    expect(post?.status).toBe("sent");
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.entityId, broadcast.id));
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([["finish", "sending", "sent"]]);
    // Only the row that was in doubt went to the queue (its job reconciles it with Zalo).
    expect((await deliveryJobs()).map((j) => j.ids)).toEqual([[open]]);
  });

  it("holds a non-urgent broadcast's rows during quiet hours until they end; an urgent one's go out", async () => {
    ctx = context({ QUIET_HOURS: quietHoursNow() });
    const quiet = await buildSendingBroadcast(store.db, wardId);
    await rows(quiet.id, ["pending"]);
    const urgent = await buildSendingBroadcast(store.db, wardId);
    await store.db.update(broadcasts).set({ isUrgent: true }).where(eq(broadcasts.id, urgent.id));
    const [urgentRow] = await rows(urgent.id, ["pending"]);

    expect(await wave(quiet.id)).toEqual({
      outcome: "delayed",
      until: windowEndIfInside(ctx.config.QUIET_HOURS, Date.now())!.getTime(),
    });
    expect(await deliveryJobs()).toEqual([]);

    expect((await wave(urgent.id)).outcome).toBe("delayed");
    expect((await deliveryJobs()).map((j) => j.ids)).toEqual([[urgentRow]]);
  });

  it("takes a broadcast from due to sent: fan-out, waves, sends, finish", async () => {
    const sent: string[] = [];
    const oa: Pick<OaClient, "pace" | "sendCsMessage" | "sendTemplateMessage" | "getConversation"> = {
      pace: async () => undefined,
      sendCsMessage: async (userId) => {
        sent.push(userId);
        return { messageId: `zmsg-${sent.length}` };
      },
      sendTemplateMessage: async () => {
        throw new Error("no template configured");
      },
      getConversation: async () => [],
    };
    ctx = { ...context({ DELIVERY_BATCH_SIZE: "2" }), oa: oa as OaClient };
    const followers = [];
    for (let i = 0; i < 3; i++) followers.push(await buildResident(store.db, wardId));
    await buildResident(store.db, wardId, { isFollower: false });
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    await store.db.update(broadcasts).set({ status: "scheduled" }).where(eq(broadcasts.id, broadcast.id));
    await store.db.update(posts).set({ status: "scheduled" }).where(eq(posts.id, broadcast.postId));
    await queues.broadcasts.add("broadcast.fanout", { broadcastId: broadcast.id });

    expect(await runNext("broadcasts", handleBroadcastFanout)).toEqual({ outcome: "completed" });
    const waveJob = (await queues.broadcasts.getJob(jobIds.wave(broadcast.id)))!;
    expect((await runNext("broadcasts", handleBroadcastWave)).outcome).toBe("delayed");
    while ((await queues.deliveries.getJobCountByTypes("wait")) > 0)
      expect(await runNext("deliveries", handleDeliverySend)).toEqual({ outcome: "completed" });
    await waveJob.promote();
    expect(await runNext("broadcasts", handleBroadcastWave)).toEqual({ outcome: "completed" });

    expect(sent.sort()).toEqual(followers.map((f) => f.zaloOaUserId!).sort());
    const statuses = await store.db
      .select({ status: deliveries.status, channel: deliveries.channel })
      .from(deliveries)
      .where(eq(deliveries.broadcastId, broadcast.id));
    expect(statuses.filter((s) => s.status === "sent")).toHaveLength(3);
    expect(statuses.filter((s) => s.status === "fallback" && s.channel === "feed")).toHaveLength(1);
    expect((await broadcastRow(broadcast.id)).status).toBe("sent");
    const [post] = await store.db.select().from(posts).where(eq(posts.id, broadcast.postId));
    expect(post?.status).toBe("sent");
  });
});
