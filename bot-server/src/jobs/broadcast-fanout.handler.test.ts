import { randomBytes, randomUUID } from "node:crypto";
import {
  type Audience,
  type JobName,
  type JobPayload,
  jobDefinitions,
  jobIds,
  wardClock,
  windowEndIfInside,
} from "@loa-phuong/shared";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/config.js";
import { closeQueues, createQueues, defaultJobOptions, type Queues } from "../queue/queues.js";
import type { Store } from "../store/database.js";
import { auditLog, broadcasts, deliveries, posts, relayTasks, residents } from "../store/schema/index.js";
import {
  buildGroup,
  buildResident,
  buildSchool,
  buildSendingBroadcast,
  buildWard,
} from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import { handleBroadcastFanout } from "./broadcast-fanout.handler.js";
import type { JobContext, JobHandler } from "./job-context.js";

const DAY = 86_400_000;
const wholeWard: Audience = { include: [{ wholeWard: true }], exclude: [] };

/** "HH:mm-HH:mm" quiet hours that hold right now: from a minute ago to half an hour ahead, ward time. */
function quietHoursNow(): string {
  const now = wardClock(Date.now());
  const at = (minute: number) => {
    const m = (minute + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return `${at(now.hour * 60 + now.minute - 1)}-${at(now.hour * 60 + now.minute + 30)}`;
}

describe.each(storeKinds)("fan-out of a due broadcast on %s", (kind) => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;
  /** The job under test lives in a queue of its own, so the queues the handler feeds hold only its output. */
  let harness: Queue;
  let taker: Worker;
  let ctx: JobContext;
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore(kind);
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const prefix = `test-fanout-${randomBytes(4).toString("hex")}`;
    queues = createQueues(redis, prefix);
    harness = new Queue("harness", { connection: redis, prefix, defaultJobOptions });
    taker = new Worker("harness", null, { connection: redis, prefix });
  });
  afterAll(async () => {
    await Promise.all([...Object.values(queues), harness].map((q) => q.obliterate({ force: true })));
    await taker.close();
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
    config: parseConfig({ WARD_ID: wardId, QUIET_HOURS: "00:00-00:00", ...env }),
    oa: undefined as never,
    tokens: undefined as never,
    rateLimitDeliveries: async () => undefined,
  });

  type Ran = { outcome: "completed" } | { outcome: "delayed"; until: number };
  /** Runs a job as a worker does: added to Redis, taken with a lock token, its payload parsed by the registry. */
  async function runJob<N extends JobName>(
    handler: JobHandler<N>,
    name: N,
    data: JobPayload<N>,
  ): Promise<Ran> {
    await harness.add(name, data, { jobId: `${name}-${randomUUID()}` });
    const token = randomUUID();
    const job: Job | undefined = await taker.getNextJob(token, { block: false });
    if (!job) throw new Error("the job is not waiting");
    const delays: number[] = [];
    const moveToDelayed = job.moveToDelayed.bind(job);
    job.moveToDelayed = async (at, lockToken) => {
      delays.push(at);
      await moveToDelayed(at, lockToken);
    };
    try {
      await handler(ctx, jobDefinitions[name].payload.parse(job.data) as JobPayload<N>, job, token);
      await job.moveToCompleted(undefined, token, false);
      return { outcome: "completed" };
    } catch (error) {
      if (!(error instanceof DelayedError)) throw error;
      expect(await job.getState()).toBe("delayed");
      return { outcome: "delayed", until: delays.at(-1)! };
    }
  }
  const fanOut = (broadcastId: string) => runJob(handleBroadcastFanout, "broadcast.fanout", { broadcastId });

  /** A broadcast of an approved post, scheduled for now (as `POST /api/broadcasts` leaves it). */
  async function scheduled(values: Partial<typeof broadcasts.$inferInsert> = {}) {
    const built = await buildSendingBroadcast(store.db, wardId);
    const [row] = await store.db
      .update(broadcasts)
      .set({ status: "scheduled", audience: wholeWard, scheduledAt: new Date(), ...values })
      .where(eq(broadcasts.id, built.id))
      .returning();
    await store.db.update(posts).set({ status: "scheduled" }).where(eq(posts.id, built.postId));
    return row!;
  }
  const broadcastRow = async (id: string) =>
    (await store.db.select().from(broadcasts).where(eq(broadcasts.id, id)))[0]!;
  /** Each resident's delivery of the broadcast, by the resident's name. */
  async function deliveriesByName(broadcastId: string) {
    const rows = await store.db
      .select({
        name: residents.fullName,
        channel: deliveries.channel,
        status: deliveries.status,
        reason: deliveries.errorCode,
      })
      .from(deliveries)
      .innerJoin(residents, eq(residents.id, deliveries.residentId))
      .where(eq(deliveries.broadcastId, broadcastId));
    return Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest]));
  }
  const waiting = async (queue: keyof Queues) =>
    (await queues[queue].getJobs(["wait", "prioritized", "delayed"])).map((j) => ({
      name: j.name,
      id: j.id,
      data: j.data,
    }));
  const byOa = { channel: "oa", status: "pending", reason: null };
  const byFeed = (reason: string) => ({ channel: "feed", status: "fallback", reason });

  it("gives every resident one row: by OA message when Zalo allows it, else in the feed with the reason", async () => {
    await buildResident(store.db, wardId, { fullName: "Theo dõi" });
    await buildResident(store.db, wardId, { fullName: "Bỏ theo dõi", isFollower: false });
    await buildResident(store.db, wardId, {
      fullName: "Chỉ Mini App",
      zaloOaUserId: null,
      isFollower: false,
    });
    await buildResident(store.db, wardId, {
      fullName: "Im lặng 8 ngày",
      lastInteractionAt: new Date(Date.now() - 8 * DAY),
    });
    await buildResident(store.db, wardId, {
      fullName: "Im lặng 6 ngày",
      lastInteractionAt: new Date(Date.now() - 6 * DAY),
    });
    await buildResident(store.db, (await buildWard(store.db)).id, { fullName: "Phường khác" });
    const broadcast = await scheduled();

    expect(await fanOut(broadcast.id)).toEqual({ outcome: "completed" });

    expect(await deliveriesByName(broadcast.id)).toEqual({
      "Theo dõi": byOa,
      "Bỏ theo dõi": byFeed("not_follower"),
      "Chỉ Mini App": byFeed("not_follower"),
      "Im lặng 8 ngày": byFeed("outside_interaction_window"),
      "Im lặng 6 ngày": byOa,
    });
    const after = await broadcastRow(broadcast.id);
    expect(after).toMatchObject({ status: "sending", recipientCount: 5 });
    expect(after.startedAt).not.toBeNull();
    const [post] = await store.db.select().from(posts).where(eq(posts.id, broadcast.postId));
    expect(post?.status).toBe("sending");
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.entityId, broadcast.id));
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus, a.details])).toEqual([
      [
        "start",
        "scheduled",
        "sending",
        // The one silent for 6 days is past the free 48 h: a billed CS message.
        { recipients: 5, relayTasks: 0, byChannel: { oa: 2, feed: 3 }, costVnd: 55 },
      ],
    ]);
    expect(await waiting("broadcasts")).toEqual([
      {
        name: "broadcast.wave",
        id: jobIds.wave(broadcast.id),
        data: { broadcastId: broadcast.id, afterId: 0 },
      },
    ]);
  });

  it("records a follower who never wrote to the OA (Mini App sign-in only) as outside the 7-day window", async () => {
    // The Mini App sign-in creates them following, with an OA id and no interaction yet (services/residents.ts).
    await buildResident(store.db, wardId, { fullName: "Chưa nhắn OA", lastInteractionAt: null });
    const broadcast = await scheduled();
    await fanOut(broadcast.id);
    // Not reachable (Zalo would refuse with -230), and not because of the daily cap: no message went out today.
    expect(await deliveriesByName(broadcast.id)).toEqual({
      "Chưa nhắn OA": byFeed("outside_interaction_window"),
    });
  });

  it("reaches only the audience: confirmed members of chosen groups, civic roles, minus the excluded", async () => {
    const groupA = await buildGroup(store.db, wardId);
    const groupB = await buildGroup(store.db, wardId);
    const school = await buildSchool(store.db, wardId);
    const otherSchool = await buildSchool(store.db, wardId);
    await buildResident(store.db, wardId, { fullName: "Tổ A", residentialGroupId: groupA.id });
    await buildResident(store.db, wardId, {
      fullName: "Tổ A, chờ xác nhận",
      residentialGroupId: groupA.id,
      membershipStatus: "pending",
    });
    await buildResident(store.db, wardId, {
      fullName: "Tổ A, đảng viên",
      residentialGroupId: groupA.id,
      roles: [{ role: "party_member" }],
    });
    await buildResident(store.db, wardId, { fullName: "Tổ B", residentialGroupId: groupB.id });
    await buildResident(store.db, wardId, {
      fullName: "Phụ huynh trường",
      roles: [{ role: "parent", schoolId: school.id }],
    });
    await buildResident(store.db, wardId, {
      fullName: "Phụ huynh trường khác",
      roles: [{ role: "parent", schoolId: otherSchool.id }],
    });
    await buildResident(store.db, wardId, { fullName: "Không tổ" });
    const broadcast = await scheduled({
      audience: {
        include: [
          { residentialGroupIds: [groupA.id] },
          { civicRoles: [{ role: "parent", schoolId: school.id }] },
        ],
        exclude: [{ civicRoles: [{ role: "party_member" }] }],
      },
    });

    await fanOut(broadcast.id);

    expect(Object.keys(await deliveriesByName(broadcast.id)).sort()).toEqual(["Phụ huynh trường", "Tổ A"]);
    expect((await broadcastRow(broadcast.id)).recipientCount).toBe(2);
  });

  it("adds nothing when the job runs again: no second row, relay task or audit entry, and one wave", async () => {
    const group = await buildGroup(store.db, wardId);
    await buildResident(store.db, wardId, {
      residentialGroupId: group.id,
      roles: [{ role: "group_head" }],
    });
    for (let i = 0; i < 3; i++) await buildResident(store.db, wardId, { residentialGroupId: group.id });
    const broadcast = await scheduled();

    await fanOut(broadcast.id);
    const first = await store.db.select().from(deliveries).where(eq(deliveries.broadcastId, broadcast.id));
    await fanOut(broadcast.id);
    expect((await waiting("broadcasts")).filter((j) => j.name === "broadcast.wave")).toHaveLength(1);
    // The wave job was lost after the commit (Redis refused it, or was flushed): the retry puts it back.
    await (await queues.broadcasts.getJob(jobIds.wave(broadcast.id)))!.remove();
    await fanOut(broadcast.id);

    const second = await store.db.select().from(deliveries).where(eq(deliveries.broadcastId, broadcast.id));
    expect(second).toHaveLength(4);
    expect(second.map((d) => d.id).sort()).toEqual(first.map((d) => d.id).sort());
    expect((await broadcastRow(broadcast.id)).recipientCount).toBe(4);
    expect(await store.db.select().from(relayTasks)).toHaveLength(1);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.entityId, broadcast.id));
    expect(audit.map((a) => a.action)).toEqual(["start"]);
    expect((await waiting("broadcasts")).filter((j) => j.name === "broadcast.wave")).toHaveLength(1);
  });

  it.each(["paused", "cancelled"] as const)("fans out nothing for a %s broadcast", async (status) => {
    await buildResident(store.db, wardId);
    const broadcast = await scheduled({ status });

    expect(await fanOut(broadcast.id)).toEqual({ outcome: "completed" });

    expect(await store.db.select().from(deliveries)).toEqual([]);
    expect(await broadcastRow(broadcast.id)).toMatchObject({ status, recipientCount: null, startedAt: null });
    expect(await waiting("broadcasts")).toEqual([]);
  });

  it("gives each group reached a relay task for its confirmed head, with reminder and escalation due", async () => {
    ctx = context({ RELAY_REMIND_AFTER_MS: "3600000", RELAY_ESCALATE_AFTER_MS: "7200000" });
    const withHead = await buildGroup(store.db, wardId);
    const withoutHead = await buildGroup(store.db, wardId);
    const notReached = await buildGroup(store.db, wardId);
    const head = await buildResident(store.db, wardId, {
      residentialGroupId: withHead.id,
      roles: [{ role: "group_head" }],
    });
    await buildResident(store.db, wardId, { residentialGroupId: withHead.id });
    // A head whose membership is not confirmed yet is not the group's head.
    await buildResident(store.db, wardId, {
      residentialGroupId: withoutHead.id,
      membershipStatus: "pending",
      roles: [{ role: "group_head" }],
    });
    await buildResident(store.db, wardId, { residentialGroupId: withoutHead.id });
    await buildResident(store.db, wardId, {
      residentialGroupId: notReached.id,
      roles: [{ role: "group_head" }],
    });
    const broadcast = await scheduled({
      audience: { include: [{ residentialGroupIds: [withHead.id, withoutHead.id] }], exclude: [] },
    });

    const before = Date.now();
    await fanOut(broadcast.id);

    const tasks = await store.db.select().from(relayTasks);
    expect(tasks.map((t) => [t.broadcastId, t.residentialGroupId, t.headResidentId, t.status])).toEqual([
      [broadcast.id, withHead.id, head.id, "open"],
    ]);
    const deadlines = await queues.broadcasts.getJobs(["delayed"]);
    expect(deadlines.map((j) => [j.id, j.data]).sort()).toEqual([
      [jobIds.relayEscalate(tasks[0]!.id), { relayTaskId: tasks[0]!.id }],
      [jobIds.relayRemind(tasks[0]!.id), { relayTaskId: tasks[0]!.id }],
    ]);
    const dueAt = (id: string) => {
      const job = deadlines.find((j) => j.id === id)!;
      return job.timestamp + job.delay;
    };
    expect(dueAt(jobIds.relayRemind(tasks[0]!.id))).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(dueAt(jobIds.relayRemind(tasks[0]!.id))).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(dueAt(jobIds.relayEscalate(tasks[0]!.id))).toBeGreaterThanOrEqual(before + 7_200_000 - 1000);
  });

  it("keeps a resident at today's cap of non-urgent OA messages to the feed; urgent, older don't count", async () => {
    ctx = context({ DAILY_CAP_PER_RESIDENT: "2" });
    const capped = await buildResident(store.db, wardId, { fullName: "Đã nhận 2 tin" });
    const once = await buildResident(store.db, wardId, { fullName: "Đã nhận 1 tin" });
    const urgentOnly = await buildResident(store.db, wardId, { fullName: "Đã nhận 2 tin khẩn" });
    const yesterday = await buildResident(store.db, wardId, { fullName: "Nhận 2 tin hôm qua" });
    const missed = await buildResident(store.db, wardId, { fullName: "2 tin không gửi được" });
    const earlier = [
      await buildSendingBroadcast(store.db, wardId),
      await buildSendingBroadcast(store.db, wardId),
    ];
    const urgent = [
      await buildSendingBroadcast(store.db, wardId),
      await buildSendingBroadcast(store.db, wardId),
    ];
    for (const b of urgent)
      await store.db.update(broadcasts).set({ isUrgent: true }).where(eq(broadcasts.id, b.id));
    const rows: (typeof deliveries.$inferInsert)[] = [];
    for (const b of earlier) {
      rows.push({ broadcastId: b.id, residentId: capped.id, status: "sent" });
      rows.push({
        broadcastId: b.id,
        residentId: yesterday.id,
        status: "seen",
        createdAt: new Date(Date.now() - DAY),
      });
      rows.push({ broadcastId: b.id, residentId: missed.id, status: "failed", errorCode: "zalo_-201" });
    }
    rows.push({ broadcastId: earlier[0]!.id, residentId: once.id, status: "pending" });
    for (const b of urgent) rows.push({ broadcastId: b.id, residentId: urgentOnly.id, status: "sent" });
    await store.db.insert(deliveries).values(rows);

    const broadcast = await scheduled();
    await fanOut(broadcast.id);
    expect(await deliveriesByName(broadcast.id)).toEqual({
      "Đã nhận 2 tin": byFeed("daily_cap"),
      "Đã nhận 1 tin": byOa,
      "Đã nhận 2 tin khẩn": byOa,
      "Nhận 2 tin hôm qua": byOa,
      "2 tin không gửi được": byOa,
    });

    const urgentNow = await scheduled({ isUrgent: true });
    await fanOut(urgentNow.id);
    expect((await deliveriesByName(urgentNow.id))["Đã nhận 2 tin"]).toEqual(byOa);
  });

  it("sends by OA however many messages a resident had today when the cap is 0 (no cap)", async () => {
    ctx = context({ DAILY_CAP_PER_RESIDENT: "0" });
    const resident = await buildResident(store.db, wardId, { fullName: "Nhiều tin" });
    for (let i = 0; i < 4; i++) {
      const earlier = await buildSendingBroadcast(store.db, wardId);
      await store.db
        .insert(deliveries)
        .values({ broadcastId: earlier.id, residentId: resident.id, status: "sent" });
    }
    const broadcast = await scheduled();
    await fanOut(broadcast.id);
    expect(await deliveriesByName(broadcast.id)).toEqual({ "Nhiều tin": byOa });
  });

  it("holds a non-urgent broadcast due in quiet hours until they end; an urgent one goes out at once", async () => {
    ctx = context({ QUIET_HOURS: quietHoursNow() });
    await buildResident(store.db, wardId);
    const quiet = await scheduled();
    const urgent = await scheduled({ isUrgent: true });

    const held = await fanOut(quiet.id);

    expect(held).toEqual({
      outcome: "delayed",
      until: windowEndIfInside(ctx.config.QUIET_HOURS, Date.now())!.getTime(),
    });
    expect((held as { until: number }).until).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(await broadcastRow(quiet.id)).toMatchObject({ status: "scheduled", recipientCount: null });
    expect(await store.db.select().from(deliveries).where(eq(deliveries.broadcastId, quiet.id))).toEqual([]);
    expect(await waiting("broadcasts")).toEqual([]);

    expect(await fanOut(urgent.id)).toEqual({ outcome: "completed" });
    expect(
      await store.db.select().from(deliveries).where(eq(deliveries.broadcastId, urgent.id)),
    ).toHaveLength(1);
    expect((await waiting("broadcasts")).map((j) => j.id)).toEqual([jobIds.wave(urgent.id)]);
  });

  it("waits for the new time of a broadcast moved later, without fanning out", async () => {
    await buildResident(store.db, wardId);
    const later = new Date(Date.now() + 3_600_000);
    const broadcast = await scheduled({ scheduledAt: later });

    expect(await fanOut(broadcast.id)).toEqual({ outcome: "delayed", until: later.getTime() });
    expect(await store.db.select().from(deliveries)).toEqual([]);
    expect((await broadcastRow(broadcast.id)).status).toBe("scheduled");
  });

  it("with a ZBS template, residents with an OA id outside Zalo's rules get the template", async () => {
    ctx = context({ ZALO_ZBS_TEMPLATE_ID: "tpl-1", DAILY_CAP_PER_RESIDENT: "1" });
    await buildResident(store.db, wardId, { fullName: "Theo dõi" });
    await buildResident(store.db, wardId, { fullName: "Bỏ theo dõi", isFollower: false });
    await buildResident(store.db, wardId, {
      fullName: "Chỉ Mini App",
      zaloOaUserId: null,
      isFollower: false,
    });
    const capped = await buildResident(store.db, wardId, { fullName: "Đủ tin hôm nay" });
    const earlier = await buildSendingBroadcast(store.db, wardId);
    await store.db
      .insert(deliveries)
      .values({ broadcastId: earlier.id, residentId: capped.id, status: "sent" });
    const broadcast = await scheduled();

    await fanOut(broadcast.id);

    expect(await deliveriesByName(broadcast.id)).toEqual({
      "Theo dõi": byOa,
      "Bỏ theo dõi": { channel: "template", status: "pending", reason: null },
      "Chỉ Mini App": byFeed("not_follower"),
      "Đủ tin hôm nay": byFeed("daily_cap"),
    });
  });

  it("plans each resident's cheapest channel: notification, ZBS by phone, Article for followers, relay", async () => {
    ctx = context({
      ZALO_ZBS_PHONE_TEMPLATE_ID: "tpl-phone",
      ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "tpl-notify",
      ZALO_MINIAPP_API_KEY: "key",
      CHANNEL_ARTICLE_ENABLED: "true",
    });
    const group = await buildGroup(store.db, wardId);
    await buildResident(store.db, wardId, {
      fullName: "Tổ trưởng",
      residentialGroupId: group.id,
      roles: [{ role: "group_head" }],
    });
    await buildResident(store.db, wardId, {
      fullName: "Cho phép thông báo",
      zaloOaUserId: null,
      isFollower: false,
      notificationsAllowed: true,
    });
    await buildResident(store.db, wardId, {
      fullName: "Có số điện thoại",
      zaloOaUserId: null,
      isFollower: false,
      phone: "84912345678",
      phoneConsentedAt: new Date(),
    });
    await buildResident(store.db, wardId, {
      fullName: "Số điện thoại, chưa đồng ý",
      zaloOaUserId: null,
      isFollower: false,
      phone: "84912345679",
      residentialGroupId: group.id,
    });
    await buildResident(store.db, wardId, {
      fullName: "Theo dõi, im lặng 10 ngày",
      lastInteractionAt: new Date(Date.now() - 10 * DAY),
    });

    const wide = await scheduled();
    await fanOut(wide.id);
    // Ward-wide: one Article reaches every follower (the head and the silent one), nothing else for them.
    expect(await deliveriesByName(wide.id)).toEqual({
      "Tổ trưởng": { channel: "article", status: "pending", reason: null },
      "Theo dõi, im lặng 10 ngày": { channel: "article", status: "pending", reason: null },
      "Cho phép thông báo": { channel: "notification", status: "pending", reason: null },
      "Có số điện thoại": { channel: "zbs_phone", status: "pending", reason: null },
      "Số điện thoại, chưa đồng ý": { channel: "relay", status: "fallback", reason: "not_follower" },
    });
    expect((await broadcastRow(wide.id)).articleStatus).toBe("pending");

    // Another broadcast with free channels only: ZBS is paid, so the phone goes to the feed.
    const free = await scheduled({
      excludePaid: true,
      audience: { include: [{ wholeWard: true }], exclude: [] },
    });
    await fanOut(free.id);
    const rows = await deliveriesByName(free.id);
    expect(rows["Có số điện thoại"]).toEqual({
      channel: "feed",
      status: "fallback",
      reason: "paid_excluded",
    });
    // The Article's quota (one a day) went to the first broadcast; the silent follower has no free channel.
    expect(rows["Theo dõi, im lặng 10 ngày"]).toEqual({
      channel: "feed",
      status: "fallback",
      reason: "outside_interaction_window",
    });
  });

  it("does nothing for a broadcast that no longer exists", async () => {
    expect(await fanOut(randomUUID())).toEqual({ outcome: "completed" });
    expect(await waiting("broadcasts")).toEqual([]);
    expect(await store.db.select().from(auditLog).where(eq(auditLog.entityType, "broadcast"))).toEqual([]);
  });
});
