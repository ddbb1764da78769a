import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../config/config.js";
import { closeQueues, createQueues, type Queues } from "../queue/queues.js";
import { queryRows, type Store } from "../store/database.js";
import {
  deliveries,
  relayTasks,
  residents,
  signalReplies,
  signals,
  staffAlerts,
  webhookEvents,
} from "../store/schema/index.js";
import {
  buildGroup,
  buildResident,
  buildSendingBroadcast,
  buildStaff,
  buildWard,
} from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import { IntakeMeter } from "../webhooks/intake-meter.js";
import { listSetAsideEvents, MAX_EVENT_FAILURES, putBackSetAsideEvent } from "../webhooks/set-aside.js";
import { webhookDedupeKey } from "../webhooks/webhook-inbox.js";
import type { JobContext } from "./job-context.js";
import { reconcileQueues } from "./maintenance-reconcile.handler.js";
import { handleWebhookProcess, RECEIPT_RECHECK_MS } from "./webhook-process.handler.js";

describe.each(storeKinds)("applying recorded Zalo events on %s", (kind) => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;
  let ctx: JobContext;
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore(kind);
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    queues = createQueues(redis, `test-webhooks-${randomBytes(4).toString("hex")}`);
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
    redis.disconnect();
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store);
    // Each test starts with empty queues: a wake-up one test left must not count in the next.
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    wardId = (await buildWard(store.db)).id;
    ctx = {
      db: store.db,
      queues,
      logger: pino({ level: "silent" }),
      config: {
        WARD_ID: wardId,
        ZALO_HTTP_TIMEOUT_MS: 1000,
        DATA_DIR: ".data/test",
        WEBHOOK_RETENTION_DAYS: 30,
      } as Config,
      oa: undefined as never,
      tokens: undefined as never,
      rateLimitDeliveries: async () => undefined,
    };
  });

  /** Records events as the webhook does: the raw body, its hash and the event name. */
  async function record(...bodies: Array<Record<string, unknown>>): Promise<number[]> {
    const rows = bodies.map((b) => {
      const rawBody = JSON.stringify(b);
      return { dedupeKey: webhookDedupeKey(Buffer.from(rawBody)), eventName: String(b.event_name), rawBody };
    });
    return (await store.db.insert(webhookEvents).values(rows).returning({ id: webhookEvents.id })).map(
      (r) => r.id,
    );
  }
  const run = (eventIds: number[]) => handleWebhookProcess(ctx, { eventIds }, undefined as never, undefined);
  /** The intake of this process is taking a burst: runs are kept small. */
  const busyIntake = () => {
    const meter = new IntakeMeter(100);
    meter.record(1000);
    ctx = { ...ctx, intake: meter };
  };
  const open = async () =>
    (
      await store.db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(sql`${webhookEvents.processedAt} is null`)
    ).map((r) => r.id);
  const text = (sender: string, msgId: string, at: number, words = "Cho hỏi lịch tiêm chủng tuần này") => ({
    app_id: "1",
    event_name: "user_send_text",
    sender: { id: sender },
    recipient: { id: "oa" },
    message: { msg_id: msgId, text: words },
    timestamp: String(at),
  });
  const receipt = (
    eventName: "user_received_message" | "user_seen_message",
    ids: { msg_id?: string; msg_ids?: string[] },
    at: number,
  ) => ({
    app_id: "1",
    event_name: eventName,
    sender: { id: "oa" },
    recipient: { id: "6100000000000001" },
    message: ids,
    timestamp: String(at),
  });

  it("makes one signal per resident message, moves their last interaction forward, creates somebody new", async () => {
    const known = await buildResident(store.db, wardId, {
      lastInteractionAt: new Date("2026-11-01T00:00:00Z"),
    });
    const at = Date.parse("2026-11-26T01:00:00Z");
    const ids = await record(
      text(known.zaloOaUserId!, "m-1", at),
      text(known.zaloOaUserId!, "m-1", at + 5), // Zalo retried with a new body: same msg_id, one signal
      text(known.zaloOaUserId!, "m-2", at - 60_000, "Tin nhắn cũ hơn"),
      text("6199999999999999", "m-3", at),
    );
    await run(ids);
    expect(await open()).toEqual([]);
    const rows = await store.db.select().from(signals).orderBy(signals.zaloMsgId);
    expect(rows.map((s) => [s.zaloMsgId, s.text])).toEqual([
      ["m-1", "Cho hỏi lịch tiêm chủng tuần này"],
      ["m-2", "Tin nhắn cũ hơn"],
      ["m-3", "Cho hỏi lịch tiêm chủng tuần này"],
    ]);
    expect(rows.filter((s) => s.residentId === known.id)).toHaveLength(2);
    const [after] = await store.db.select().from(residents).where(eq(residents.id, known.id));
    expect(after?.lastInteractionAt?.getTime()).toBe(at + 5);
    const [stranger] = await store.db
      .select()
      .from(residents)
      .where(eq(residents.zaloOaUserId, "6199999999999999"));
    expect(stranger?.fullName).toBe("Người dùng Zalo");
    expect(rows.find((s) => s.zaloMsgId === "m-3")?.residentId).toBe(stranger?.id);
  });

  it("keeps the newest follow state when Zalo retries an older follow after a later unfollow", async () => {
    const resident = await buildResident(store.db, wardId, {
      isFollower: true,
      lastInteractionAt: new Date("2026-11-01T00:00:00Z"),
    });
    const at = Date.parse("2026-11-26T01:00:00Z");
    const follow = (eventName: "follow" | "unfollow", when: number) => ({
      app_id: "1",
      event_name: eventName,
      oa_id: "oa",
      follower: { id: resident.zaloOaUserId! },
      source: "oa_profile",
      timestamp: String(when),
    });
    const state = async () =>
      (await store.db.select().from(residents).where(eq(residents.id, resident.id)))[0]!;

    await run(await record(follow("unfollow", at)));
    expect((await state()).isFollower).toBe(false);
    // The follow of a minute earlier, retried by Zalo, arrives now: it must not make them a follower again.
    await run(await record(follow("follow", at - 60_000)));
    expect((await state()).isFollower).toBe(false);
    await run(await record(follow("follow", at + 60_000)));
    const after = await state();
    expect(after.isFollower).toBe(true);
    expect(after.lastInteractionAt?.getTime()).toBe(at + 60_000);
    expect(await open()).toEqual([]);
  });

  it("stores a message with a NUL character without it, and the events behind it are applied", async () => {
    const resident = await buildResident(store.db, wardId);
    const at = Date.parse("2026-11-26T01:00:00Z");
    await run(
      await record(
        text(resident.zaloOaUserId!, "nul-1", at, "Cho hỏi\u0000 lịch họp"),
        text(resident.zaloOaUserId!, "after-1", at + 1000, "Tin sau"),
      ),
    );
    const rows = await store.db.select().from(signals).orderBy(signals.zaloMsgId);
    expect(rows.map((r) => [r.zaloMsgId, r.text])).toEqual([
      ["after-1", "Tin sau"],
      ["nul-1", "Cho hỏi lịch họp"],
    ]);
    expect(await open()).toEqual([]);
  });

  it("leaves group-chat messages out of the OA inbox and the 7-day window", async () => {
    const before = new Date("2026-11-01T00:00:00Z");
    const resident = await buildResident(store.db, wardId, { lastInteractionAt: before });
    const at = Date.parse("2026-11-26T01:00:00Z");
    await run(
      await record(
        {
          ...text(resident.zaloOaUserId!, "g-1", at),
          event_name: "user_send_group_text",
          recipient: { id: "group-1" },
        },
        text(resident.zaloOaUserId!, "d-1", at - 1000),
      ),
    );
    const rows = await store.db.select().from(signals);
    expect(rows.map((r) => r.zaloMsgId)).toEqual(["d-1"]);
    const [after] = await store.db.select().from(residents).where(eq(residents.id, resident.id));
    expect(after?.lastInteractionAt?.getTime()).toBe(at - 1000);
    expect(await open()).toEqual([]);
  });

  it("moves a delivery forward only: delivered and seen of one message in one batch end as seen", async () => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const a = await buildResident(store.db, wardId);
    const b = await buildResident(store.db, wardId);
    await store.db.insert(deliveries).values([
      {
        broadcastId: broadcast.id,
        residentId: a.id,
        status: "sent",
        zaloMessageId: "z-a",
        sentAt: new Date(),
      },
      {
        broadcastId: broadcast.id,
        residentId: b.id,
        status: "seen",
        zaloMessageId: "z-b",
        sentAt: new Date(),
        deliveredAt: new Date(),
        seenAt: new Date(),
      },
    ]);
    const t = Date.now();
    const ids = await record(
      receipt("user_seen_message", { msg_ids: ["z-a"] }, t + 2000),
      receipt("user_received_message", { msg_id: "z-a" }, t + 1000),
      receipt("user_received_message", { msg_id: "z-b" }, t + 3000), // late: must not move b back
    );
    await run(ids);
    const rows = await store.db
      .select()
      .from(deliveries)
      .where(inArray(deliveries.zaloMessageId, ["z-a", "z-b"]))
      .orderBy(deliveries.zaloMessageId);
    expect(rows.map((d) => d.status)).toEqual(["seen", "seen"]);
    expect(rows[0]?.deliveredAt?.getTime()).toBe(t + 1000);
    expect(rows[0]?.seenAt?.getTime()).toBe(t + 2000);
    expect(await open()).toEqual([]);
  });

  it("keeps a receipt that overtook its delivery open, behind fresh events, so a flood holds nothing up", async () => {
    busyIntake();
    const resident = await buildResident(store.db, wardId);
    // 120 receipts for messages this system never sent (say, staff writing from Zalo's OA manager).
    const flood = await record(
      ...Array.from({ length: 120 }, (_, i) =>
        receipt("user_received_message", { msg_id: `elsewhere-${i}` }, Date.now()),
      ),
    );
    // Expected, not a failure: the job ends well and one wake-up is due shortly to look again.
    await run(flood);
    const wakeUps = await queues.webhooks.getJobs(["delayed"]);
    expect(wakeUps).toHaveLength(1);
    expect(wakeUps[0]!.opts.delay).toBe(RECEIPT_RECHECK_MS);
    const [message] = await record(text(resident.zaloOaUserId!, "after-flood", Date.now()));
    // The next run takes the receipts not tried yet and the resident's message before any retried one.
    await run([message!]);
    expect(
      await store.db.select({ id: signals.id }).from(signals).where(eq(signals.zaloMsgId, "after-flood")),
    ).toHaveLength(1);
    const [tried] = await queryRows<{ n: number; untried: number }>(
      store.db,
      sql`select count(*)::int as n, count(*) filter (where attempts = 0)::int as untried
          from webhook_events where processed_at is null`,
    );
    expect(tried).toEqual({ n: 120, untried: 0 });
  });

  it("matches receipts to staff answers (delivered, then seen) and to heads' reminders", async () => {
    const resident = await buildResident(store.db, wardId);
    const [signal] = await store.db
      .insert(signals)
      .values({
        wardId,
        residentId: resident.id,
        kind: "question",
        source: "mini_app",
        text: "Hỏi?",
        sentAt: new Date(),
      })
      .returning();
    const staff = await buildStaff(store.db, wardId, ["editor"]);
    await store.db.insert(signalReplies).values({
      signalId: signal!.id,
      staffId: staff.id,
      text: "Trả lời.",
      channel: "oa",
      status: "sent",
      zaloMessageId: "reply-1",
    });
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const group = await buildGroup(store.db, wardId);
    await store.db.insert(relayTasks).values({
      broadcastId: broadcast.id,
      postId: broadcast.postId,
      residentialGroupId: group.id,
      headResidentId: resident.id,
      ref: "r-1",
      remindedAt: new Date(),
      remindMessageId: "remind-1",
    });
    const t = Date.now();
    await run(
      await record(
        receipt("user_received_message", { msg_id: "reply-1" }, t),
        receipt("user_received_message", { msg_id: "remind-1" }, t),
      ),
    );
    expect((await store.db.select().from(signalReplies))[0]?.status).toBe("delivered");
    await run(await record(receipt("user_seen_message", { msg_ids: ["reply-1"] }, t + 1000)));
    expect((await store.db.select().from(signalReplies))[0]?.status).toBe("seen");
    // Every receipt was matched: nothing is left open, nothing noted as unmatched, no wake-up queued.
    const events = await store.db.select().from(webhookEvents);
    expect(events.map((e) => [e.processedAt !== null, e.lastError])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    expect((await queues.webhooks.getJobs(["delayed"])).map((j) => [j.id, j.data])).toEqual([]);
  });

  it("records a payload Zalo shaped differently with the reason instead of blocking the batch", async () => {
    const resident = await buildResident(store.db, wardId);
    const [bad, good] = await record(
      { event_name: "user_send_text", sender: {}, timestamp: "1" },
      text(resident.zaloOaUserId!, "ok-1", Date.now()),
    );
    await run([bad!, good!]);
    const rows = await store.db.select().from(webhookEvents).orderBy(webhookEvents.id);
    expect(rows.every((r) => r.processedAt !== null)).toBe(true);
    expect(rows[0]?.lastError).toMatch(/^invalid payload: sender\.id/);
    expect(rows[1]?.lastError).toBeNull();
  });

  it("applies small runs in a burst and queues the next page itself; a quiet intake gets one large run", async () => {
    const resident = await buildResident(store.db, wardId);
    const burst = await record(
      ...Array.from({ length: 130 }, (_, i) => text(resident.zaloOaUserId!, `page-${i}`, Date.now() + i)),
    );
    busyIntake();
    await run(burst.slice(0, 1));
    expect(await open()).toHaveLength(30);
    const waiting = await queues.webhooks.getJobs(["wait", "prioritized", "delayed"]);
    expect(waiting.map((j) => j.data)).toContainEqual({ eventIds: [burst[100]] });

    const backlog = await record(
      ...Array.from({ length: 300 }, (_, i) => text(resident.zaloOaUserId!, `quiet-${i}`, Date.now() + i)),
    );
    ctx = { ...ctx, intake: new IntakeMeter(100) };
    await run(backlog.slice(0, 1));
    expect(await open()).toEqual([]);
  });

  it("after Redis lost its jobs, the reconciler wakes the application of events left open, once", async () => {
    const resident = await buildResident(store.db, wardId);
    const ids = await record(
      ...Array.from({ length: 3 }, (_, i) => text(resident.zaloOaUserId!, `lost-${i}`, Date.now())),
    );
    await store.db.update(webhookEvents).set({ receivedAt: new Date(Date.now() - 60_000) });
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    const result = await reconcileQueues(ctx);
    expect(result.webhooks).toBe(3);
    const jobs = await queues.webhooks.getJobs(["wait", "prioritized", "delayed"]);
    expect(jobs.map((j) => j.data)).toEqual([{ eventIds: ids }]);
    await run(jobs[0]!.data.eventIds as number[]);
    expect(await open()).toEqual([]);
  });

  it("sends the rows in doubt of a cancelled broadcast to a delivery job, which no wave would do", async () => {
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const resident = await buildResident(store.db, wardId);
    const [inDoubt] = await store.db
      .insert(deliveries)
      .values({
        broadcastId: broadcast.id,
        residentId: resident.id,
        channel: "oa",
        status: "sending",
        updatedAt: new Date(Date.now() - 3_600_000),
      })
      .returning();
    await store.db.execute(sql`update broadcasts set status = 'cancelled' where id = ${broadcast.id}::uuid`);
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await reconcileQueues(ctx);
    const jobs = await queues.deliveries.getJobs(["wait", "prioritized", "delayed"]);
    expect(jobs.map((j) => j.data)).toEqual([{ deliveryIds: [Number(inDoubt!.id)] }]);
  });

  it("notes an event whose timestamp is not a time, and applies the events behind it in the same run", async () => {
    const resident = await buildResident(store.db, wardId);
    const at = Date.parse("2026-11-26T01:00:00Z");
    const ids = await record(
      { ...text(resident.zaloOaUserId!, "nan-1", at), timestamp: "NaN" },
      { ...text(resident.zaloOaUserId!, "iso-1", at), timestamp: "2026-11-26T01:00:00Z" },
      text(resident.zaloOaUserId!, "after-nan", at + 1000, "Tin sau"),
    );
    await run(ids);
    expect(await open()).toEqual([]);
    const rows = await store.db.select().from(signals);
    expect(rows.map((r) => r.zaloMsgId)).toEqual(["after-nan"]);
    const events = await store.db.select().from(webhookEvents).orderBy(webhookEvents.id);
    expect(events.slice(0, 2).map((e) => e.lastError)).toEqual([
      expect.stringMatching(/^invalid payload: timestamp/),
      expect.stringMatching(/^invalid payload: timestamp/),
    ]);
  });

  it("keeps a message with half a UTF-16 pair in its attachments, and the events behind it", async () => {
    const resident = await buildResident(store.db, wardId);
    const at = Date.parse("2026-11-26T01:00:00Z");
    const odd = text(resident.zaloOaUserId!, "surrogate-1", at, "Ảnh \ud800 đây");
    const withAttachment = {
      ...odd,
      message: {
        ...odd.message,
        attachments: [{ type: "image", payload: { "\udc00": "\ud800", url: "u" } }],
      },
    };
    // JSON.stringify writes a lone half escaped (\ud800), as Zalo's JSON does.
    const rawBody = JSON.stringify(withAttachment);
    expect(rawBody).toContain("\\ud800");
    const [first] = await store.db
      .insert(webhookEvents)
      .values({ dedupeKey: webhookDedupeKey(Buffer.from(rawBody)), eventName: "user_send_text", rawBody })
      .returning({ id: webhookEvents.id });
    const [after] = await record(text(resident.zaloOaUserId!, "after-surrogate", at + 1000, "Tin sau"));
    await run([first!.id, after!]);
    expect(await open()).toEqual([]);
    const rows = await store.db.select().from(signals).orderBy(signals.zaloMsgId);
    expect(rows.map((r) => [r.zaloMsgId, r.text])).toEqual([
      ["after-surrogate", "Tin sau"],
      ["surrogate-1", "Ảnh \ufffd đây"],
    ]);
    expect(JSON.stringify(rows[1]?.payload)).toContain('"\ufffd":"\ufffd"');
  });

  it("keeps the message of a new OA id whose app id another resident holds, without taking the link", async () => {
    const linked = await buildResident(store.db, wardId, { zaloAppUserId: "app-1" });
    const at = Date.parse("2026-11-26T01:00:00Z");
    const ids = await record(
      { ...text("6188888888888888", "other-oa-1", at, "Xin chào"), user_id_by_app: "app-1" },
      text(linked.zaloOaUserId!, "after-link", at + 1000, "Tin sau"),
    );
    await run(ids);
    expect(await open()).toEqual([]);
    const rows = await store.db.select().from(signals).orderBy(signals.zaloMsgId);
    expect(rows.map((r) => r.zaloMsgId)).toEqual(["after-link", "other-oa-1"]);
    const [still] = await store.db.select().from(residents).where(eq(residents.id, linked.id));
    expect([still?.zaloOaUserId, still?.zaloAppUserId]).toEqual([linked.zaloOaUserId, "app-1"]);
    const [other] = await store.db
      .select()
      .from(residents)
      .where(eq(residents.zaloOaUserId, "6188888888888888"));
    expect(other?.zaloAppUserId).toBeNull();
    expect(rows.find((r) => r.zaloMsgId === "other-oa-1")?.residentId).toBe(other?.id);
  });

  describe("an event the store refuses for a reason nobody foresaw", () => {
    // The store refuses one message (a stand-in for any fault tied to one event): the batch fails.
    beforeEach(async () => {
      await store.db.execute(
        sql.raw(`create or replace function refuse_poison() returns trigger language plpgsql as $$
          begin if new.text = 'ĐỘC' then raise exception 'poison for the test'; end if; return new; end $$`),
      );
      await store.db.execute(
        sql.raw(`create trigger refuse_poison before insert on signals
          for each row execute function refuse_poison()`),
      );
    });
    afterEach(async () => {
      await store.db.execute(sql.raw("drop trigger if exists refuse_poison on signals"));
    });

    it("applies the rest in one run, sets it aside with an alert after retries, applies it once put back", async () => {
      const resident = await buildResident(store.db, wardId);
      const at = Date.parse("2026-11-26T01:00:00Z");
      const ids = await record(
        text(resident.zaloOaUserId!, "before", at, "Tin trước"),
        text(resident.zaloOaUserId!, "poison", at + 1, "ĐỘC"),
        text(resident.zaloOaUserId!, "after", at + 2, "Tin sau"),
      );
      await run(ids);
      expect((await store.db.select().from(signals)).map((r) => r.zaloMsgId).sort()).toEqual([
        "after",
        "before",
      ]);
      expect(await open()).toEqual([ids[1]]);
      const retry = await queues.webhooks.getJobs(["delayed"]);
      expect(retry.map((j) => j.opts.jobId)).toContain(`webhook-retry-${ids[1]}-1`);

      // Fresh events go first while it fails again.
      const [fresh] = await record(text(resident.zaloOaUserId!, "fresh", at + 3, "Tin mới"));
      for (let i = 0; i < MAX_EVENT_FAILURES - 1; i++) await run([fresh!]);
      expect(await open()).toEqual([ids[1]]);
      const [poison] = await store.db.select().from(webhookEvents).where(eq(webhookEvents.id, ids[1]!));
      expect(poison?.setAsideAt).not.toBeNull();
      expect(poison?.failures).toBe(MAX_EVENT_FAILURES);
      expect(poison?.lastError).toMatch(/poison for the test/);
      expect(await listSetAsideEvents(store.db)).toEqual([
        expect.objectContaining({ id: ids[1], eventName: "user_send_text", failures: MAX_EVENT_FAILURES }),
      ]);
      const alerts = await store.db.select().from(staffAlerts);
      expect(alerts.map((a) => a.kind)).toEqual(["webhook_events_set_aside"]);

      // Set aside, it is not tried again, so a run leaves it alone.
      await run([ids[1]!]);
      expect((await listSetAsideEvents(store.db)).map((e) => e.id)).toEqual([ids[1]]);

      await store.db.execute(sql.raw("drop trigger refuse_poison on signals"));
      expect(await putBackSetAsideEvent(store.db, ids[1]!)).toBe(true);
      await run([ids[1]!]);
      expect(await open()).toEqual([]);
      expect(await listSetAsideEvents(store.db)).toEqual([]);
      expect((await store.db.select().from(signals)).map((r) => r.zaloMsgId).sort()).toEqual([
        "after",
        "before",
        "fresh",
        "poison",
      ]);
    });
  });
});
