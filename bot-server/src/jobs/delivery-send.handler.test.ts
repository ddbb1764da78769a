import { randomBytes, randomUUID } from "node:crypto";
import {
  type CsMessage,
  deliveryRef,
  jobDefinitions,
  wardClock,
  windowEndIfInside,
} from "@loa-phuong/shared";
import { DelayedError, type Job, Queue, RateLimitError, Worker } from "bullmq";
import { eq, inArray, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/config.js";
import { closeQueues, createQueues, defaultJobOptions, type Queues } from "../queue/queues.js";
import type { Store } from "../store/database.js";
import { broadcasts, channelStops, deliveries, residents, staffAlerts } from "../store/schema/index.js";
import { buildResident, buildSendingBroadcast, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import type { CallOptions, OaClient } from "../zalo/oa-client.js";
import { PacerPermit } from "../zalo/send-pacer.js";
import { OaAuthorizationLost, ZaloError } from "../zalo/zalo-error.js";
import type { ConversationMessage } from "../zalo/zalo-schemas.js";
import { handleDeliverySend } from "./delivery-send.handler.js";
import type { JobContext } from "./job-context.js";

const MINI_APP_ID = "3000000000000000003";

/** "HH:mm-HH:mm" quiet hours that hold right now: from a minute ago to half an hour ahead, ward time. */
function quietHoursNow(): string {
  const now = wardClock(Date.now());
  const at = (minute: number) => {
    const m = (minute + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return `${at(now.hour * 60 + now.minute - 1)}-${at(now.hour * 60 + now.minute + 30)}`;
}

/** How Zalo answers one call: it takes the message, takes it but the answer is lost, or refuses with an error. */
type Answer = "ok" | "lost" | Error;

/**
 * The OA API as the delivery handler uses it, without a network: every call is recorded; sends are
 * answered from a per-resident script (success by default); what Zalo took shows in the conversation.
 */
class FakeOa
  implements
    Pick<
      OaClient,
      "pace" | "sendCsMessage" | "sendTemplateMessage" | "sendTemplateByPhone" | "getConversation"
    >
{
  readonly calls: string[] = [];
  readonly sent: { userId: string; text: string | undefined; templateData?: Record<string, string> }[] = [];
  readonly options: CallOptions[] = [];
  readonly permits: PacerPermit[] = [];
  /** Members of permits the handler settled (calls Zalo answered). */
  settled = 0;
  private readonly script = new Map<string, Answer[]>();
  private readonly conversationScript = new Map<string, Error[]>();
  /** Per resident, newest first, as Zalo's conversation API pages it. */
  readonly conversations = new Map<string, ConversationMessage[]>();
  private nextId = 0;

  answer(userId: string, ...answers: Answer[]): void {
    this.script.set(userId, [...(this.script.get(userId) ?? []), ...answers]);
  }
  failConversation(userId: string, error: Error): void {
    this.conversationScript.set(userId, [error]);
  }
  /** Puts a message in the resident's conversation, as the newest. */
  converse(userId: string, message: ConversationMessage): void {
    this.conversations.set(userId, [message, ...(this.conversations.get(userId) ?? [])]);
  }
  sendsTo(userId: string): number {
    return this.sent.filter((s) => s.userId === userId).length;
  }

  async pace(calls: number): Promise<PacerPermit | undefined> {
    this.calls.push(`pace ${calls}`);
    const permit = new PacerPermit(
      async (members) => {
        this.settled += members.length;
      },
      Array.from({ length: calls }, (_, i) => `slot-${i}`),
    );
    this.permits.push(permit);
    return permit;
  }

  async sendCsMessage(userId: string, message: CsMessage, options: CallOptions = {}) {
    const text = "text" in message ? message.text : undefined;
    return this.take(`send ${userId}`, { userId, text }, options, true);
  }

  async sendTemplateMessage(
    userId: string,
    templateId: string,
    templateData: Record<string, string>,
    options: CallOptions = {},
  ) {
    // Whether the conversation shows a template's parameters is not documented: here it does not.
    return this.take(
      `template ${templateId} ${userId}`,
      { userId, text: undefined, templateData },
      options,
      false,
    );
  }

  async sendTemplateByPhone(
    phone: string,
    templateId: string,
    templateData: Record<string, string>,
    trackingId: string,
    options: CallOptions = {},
  ) {
    return this.take(
      `zbs-phone ${templateId} ${phone} ${trackingId}`,
      { userId: phone, text: undefined, templateData },
      options,
      false,
    );
  }

  async getConversation(userId: string, offset = 0, count = 10, options: CallOptions = {}) {
    this.calls.push(`conversation ${userId} ${offset}`);
    this.options.push(options);
    const error = this.conversationScript.get(userId)?.shift();
    if (error) throw error;
    return (this.conversations.get(userId) ?? []).slice(offset, offset + count);
  }

  private async take(
    call: string,
    sent: FakeOa["sent"][number],
    options: CallOptions,
    shownInConversation: boolean,
  ): Promise<{ messageId: string }> {
    this.calls.push(call);
    this.options.push(options);
    const answer = this.script.get(sent.userId)?.shift() ?? "ok";
    if (answer instanceof Error) {
      if (!(answer instanceof ZaloError && answer.kind === "transport")) options.permit?.markAnswered();
      throw answer;
    }
    this.sent.push(sent);
    const messageId = `zmsg-${++this.nextId}`;
    if (shownInConversation)
      this.converse(sent.userId, { src: 0, message_id: messageId, message: sent.text });
    if (answer === "lost") throw new ZaloError("transport", undefined, "socket hang up");
    options.permit?.markAnswered();
    return { messageId };
  }
}

describe.each(storeKinds)("sending deliveries on %s", (kind) => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;
  /** Delivery jobs under test live in a queue of their own, taken and run as a worker does. */
  let harness: Queue;
  let taker: Worker;
  let ctx: JobContext;
  let oa: FakeOa;
  /** What the handler asked of the delivery worker on -32 (ms to pause). */
  let rateLimits: number[];
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore(kind);
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const prefix = `test-send-${randomBytes(4).toString("hex")}`;
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
    oa = new FakeOa();
    rateLimits = [];
    ctx = context({});
  });

  const context = (env: Record<string, string>): JobContext => ({
    db: store.db,
    queues,
    logger: pino({ level: "silent" }),
    // A 2 s call timeout: a claim's lease is 6 s.
    config: parseConfig({
      WARD_ID: wardId,
      QUIET_HOURS: "00:00-00:00",
      ZALO_HTTP_TIMEOUT_MS: "2000",
      ZALO_MINI_APP_ID: MINI_APP_ID,
      OA_MESSAGE_FORMAT: "text_link",
      ...env,
    }),
    oa: oa as unknown as OaClient,
    tokens: undefined as never,
    rateLimitDeliveries: async (ms) => {
      rateLimits.push(ms);
    },
  });

  type Ran = { jobId: string } & (
    | { outcome: "completed" }
    | { outcome: "delayed"; until: number }
    | { outcome: "rate-limited" }
    | { outcome: "failed"; error: Error }
  );
  /** Takes the next waiting job as a worker does (locked, with its token) and runs the handler on it. */
  async function runNext(): Promise<Ran> {
    const token = randomUUID();
    const job: Job | undefined = await taker.getNextJob(token, { block: false });
    if (!job) throw new Error("no job waiting");
    return execute(job, token);
  }
  /** What a BullMQ worker does with the handler's outcome: complete, delayed, back to wait (-32), or retried. */
  async function execute(job: Job, token: string): Promise<Ran> {
    const jobId = job.id!;
    const delays: number[] = [];
    const moveToDelayed = job.moveToDelayed.bind(job);
    job.moveToDelayed = async (at, lockToken) => {
      delays.push(at);
      await moveToDelayed(at, lockToken);
    };
    try {
      await handleDeliverySend(ctx, jobDefinitions["delivery.send"].payload.parse(job.data), job, token);
      await job.moveToCompleted(undefined, token, false);
      return { jobId, outcome: "completed" };
    } catch (error) {
      if (error instanceof DelayedError) return { jobId, outcome: "delayed", until: delays.at(-1)! };
      if (error instanceof RateLimitError) {
        await job.moveToWait(token);
        return { jobId, outcome: "rate-limited" };
      }
      await job.moveToFailed(error as Error, token, false);
      return { jobId, outcome: "failed", error: error as Error };
    }
  }
  async function send(deliveryIds: number[]): Promise<Ran> {
    await harness.add("delivery.send", { deliveryIds }, { jobId: `delivery-${randomUUID()}` });
    return runNext();
  }
  /** The same job again, once its delay or backoff is over (promoted, not waited for). */
  async function again(ran: Ran): Promise<Ran> {
    const job = (await harness.getJob(ran.jobId))!;
    if ((await job.getState()) === "delayed") await job.promote();
    return runNext();
  }
  /** The clock moves past a claim's lease for these rows (6 s here), as if that long had gone by. */
  const leaseRunsOut = (ids: number[]) =>
    store.db
      .update(deliveries)
      .set({
        updatedAt: sql`${deliveries.updatedAt} - interval '1 minute'`,
        inFlightAt: sql`${deliveries.inFlightAt} - interval '1 minute'`,
      })
      .where(inArray(deliveries.id, ids));

  async function setup(count: number, broadcast?: { isUrgent?: boolean; status?: "paused" | "cancelled" }) {
    const built = await buildSendingBroadcast(store.db, wardId);
    if (broadcast) await store.db.update(broadcasts).set(broadcast).where(eq(broadcasts.id, built.id));
    const people = [];
    for (let i = 0; i < count; i++) people.push(await buildResident(store.db, wardId));
    const rows = await store.db
      .insert(deliveries)
      .values(people.map((p) => ({ broadcastId: built.id, residentId: p.id })))
      .returning();
    return { broadcast: built, users: people.map((p) => p.zaloOaUserId!), ids: rows.map((r) => r.id) };
  }
  const row = async (id: number) =>
    (await store.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
  const broadcastRow = async (id: string) =>
    (await store.db.select().from(broadcasts).where(eq(broadcasts.id, id)))[0]!;

  it("sends each row once by OA message carrying its reference, and records Zalo's message id", async () => {
    const { broadcast, users, ids } = await setup(2);
    const before = Date.now();

    expect((await send(ids)).outcome).toBe("completed");

    for (const [i, id] of ids.entries()) {
      const after = await row(id);
      const sent = oa.sent.filter((s) => s.userId === users[i]);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toContain("Lịch tiêm chủng");
      expect(sent[0]!.text).toContain(
        `https://zalo.me/s/${MINI_APP_ID}/post/${broadcast.postId}?ref=${deliveryRef(id)}`,
      );
      const messageId = oa.conversations.get(users[i]!)![0]!.message_id;
      expect(after).toMatchObject({
        status: "sent",
        channel: "oa",
        zaloMessageId: messageId,
        attempts: 1,
        inFlightAt: null,
        errorCode: null,
      });
      expect(after.sentAt).not.toBeNull();
    }
    // One pacing round trip for the batch; each send holds its slot and stays inside the claim's lease.
    expect(oa.calls.filter((c) => c.startsWith("pace"))).toEqual(["pace 2"]);
    expect(oa.options.map((o) => o.permit)).toEqual([oa.permits[0], oa.permits[0]]);
    expect(oa.settled).toBe(2);
    for (const o of oa.options) {
      expect(o.startBy).toBeGreaterThan(before);
      expect(o.startBy).toBeLessThan(Date.now() + 6000);
    }
  });

  it("sends nothing again when the job runs twice, or when two jobs hold the same rows at once", async () => {
    const { users, ids } = await setup(4);
    const [first, second] = [ids.slice(0, 2), ids.slice(2)];

    await send(first);
    const messageIds = (await Promise.all(first.map(row))).map((r) => r.zaloMessageId);
    expect((await send(first)).outcome).toBe("completed");
    expect((await Promise.all(first.map(row))).map((r) => [r.status, r.zaloMessageId, r.attempts])).toEqual(
      messageIds.map((m) => ["sent", m, 1]),
    );

    // A rescan queued the same rows in a second job while the first still runs.
    await harness.add("delivery.send", { deliveryIds: second }, { jobId: "delivery-one" });
    await harness.add("delivery.send", { deliveryIds: second }, { jobId: "delivery-two" });
    const [a, b] = [randomUUID(), randomUUID()];
    const jobA = (await taker.getNextJob(a, { block: false }))!;
    const jobB = (await taker.getNextJob(b, { block: false }))!;
    const outcomes = await Promise.all([execute(jobA, a), execute(jobB, b)]);

    expect(outcomes.map((o) => o.outcome)).toContain("completed");
    expect(users.map((u) => oa.sendsTo(u))).toEqual([1, 1, 1, 1]);
    expect((await Promise.all(second.map(row))).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("-32: pauses the delivery worker and keeps the row pending, unsent, for the next run", async () => {
    const { users, ids } = await setup(2);
    oa.answer(users[0]!, new ZaloError("api", -32, "Request exceeds rate limit"));

    const ran = await send(ids);

    expect(ran.outcome).toBe("rate-limited");
    expect(rateLimits).toHaveLength(1);
    expect(rateLimits[0]).toBeGreaterThanOrEqual(250);
    expect(await row(ids[0]!)).toMatchObject({
      status: "pending",
      inFlightAt: null,
      zaloMessageId: null,
      errorCode: "zalo_-32",
    });
    expect((await row(ids[1]!)).status).toBe("sent");
    expect(await (await harness.getJob(ran.jobId))!.getState()).toBe("waiting");

    expect((await again(ran)).outcome).toBe("completed");
    expect(await row(ids[0]!)).toMatchObject({
      status: "sent",
      attempts: 2,
      zaloMessageId: expect.any(String),
    });
    expect(users.map((u) => oa.sendsTo(u))).toEqual([1, 1]);
  });

  it("records a permanent Zalo error as final with its code and Zalo's words; never sends that row again", async () => {
    const { users, ids } = await setup(2);
    oa.answer(users[0]!, new ZaloError("api", -201, "Tham số không hợp lệ"));

    const ran = await send(ids);

    expect(ran.outcome).toBe("completed");
    expect(await row(ids[0]!)).toMatchObject({
      status: "failed",
      errorCode: "zalo_-201",
      errorMessage: "Tham số không hợp lệ",
      zaloMessageId: null,
      inFlightAt: null,
    });
    expect((await row(ids[1]!)).status).toBe("sent");
    await send(ids);
    expect(oa.calls.filter((c) => c.startsWith("send"))).toHaveLength(2);
  });

  it("pauses the broadcast itself when more than the allowed share of its latest sends failed", async () => {
    ctx = context({ AUTO_PAUSE_WINDOW: "4", AUTO_PAUSE_ERROR_RATE: "0.5" });
    const { broadcast, users, ids } = await setup(6);
    await send(ids.slice(0, 2));
    for (const u of users.slice(2, 5)) oa.answer(u, new ZaloError("api", -201, "Tham số không hợp lệ"));

    await send(ids.slice(2, 4));
    // Two failed of the last four: not more than half.
    expect((await broadcastRow(broadcast.id)).status).toBe("sending");
    await send(ids.slice(4));

    expect(await broadcastRow(broadcast.id)).toMatchObject({ status: "paused", pauseReason: "error_rate" });
  });

  it("moves a resident Zalo will not let the OA message (-230) to the feed, with the code", async () => {
    const { users, ids } = await setup(1);
    oa.answer(
      users[0]!,
      new ZaloError("api", -230, "User has not interacted with the OA in the last 7 days"),
    );

    expect((await send(ids)).outcome).toBe("completed");

    expect(await row(ids[0]!)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "zalo_-230",
      errorMessage: "User has not interacted with the OA in the last 7 days",
    });
  });

  it("a lost answer: in doubt; after the lease it is found in the conversation, not sent again", async () => {
    const { users, ids } = await setup(1);
    const [user, id] = [users[0]!, ids[0]!];
    oa.answer(user, "lost");

    const ran = await send(ids);

    expect(ran.outcome).toBe("failed");
    expect((ran as { error: Error }).error.message).toMatch(/chưa rõ kết quả/);
    expect(await row(id)).toMatchObject({ status: "sending", inFlightAt: null, errorCode: "zalo_transport" });
    const accepted = oa.conversations.get(user)![0]!.message_id;

    // Retried at once: the call may still be on its way to Zalo, so nothing is looked up or sent yet.
    const early = await again(ran);
    expect(early.outcome).toBe("delayed");
    expect((early as { until: number }).until).toBeGreaterThan(Date.now() + 5000);
    expect(oa.calls).toEqual(["pace 1", `send ${user}`]);

    await leaseRunsOut(ids);
    expect((await again(ran)).outcome).toBe("completed");

    expect(oa.calls).toEqual(["pace 1", `send ${user}`, `conversation ${user} 0`]);
    expect(await row(id)).toMatchObject({
      status: "sent",
      zaloMessageId: accepted,
      errorCode: null,
      attempts: 2,
    });
    expect(oa.sendsTo(user)).toBe(1);
  });

  it("a 5xx Zalo did not act on: the conversation searched (resident's messages aside), then sent once", async () => {
    const { broadcast, users, ids } = await setup(1);
    const [user, id] = [users[0]!, ids[0]!];
    const link = (ref: string) => `https://zalo.me/s/${MINI_APP_ID}/post/${broadcast.postId}?ref=${ref}`;
    for (let i = 0; i < 12; i++)
      oa.converse(user, {
        src: 0,
        message_id: `old-${i}`,
        message: `Tin cũ. Xem chi tiết: ${link(`d-9${i}`)}`,
      });
    // The resident pasted the link back to the OA: that is not the OA's message.
    oa.converse(user, {
      src: 1,
      message_id: "from-resident",
      message: `Cái này là gì? ${link(deliveryRef(id))}`,
    });
    oa.answer(user, new ZaloError("http", 502, "Bad Gateway"));

    const ran = await send(ids);
    expect(ran.outcome).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "sending", inFlightAt: null, errorCode: "zalo_502" });

    await leaseRunsOut(ids);
    expect((await again(ran)).outcome).toBe("completed");

    expect(oa.calls).toEqual([
      "pace 1",
      `send ${user}`,
      `conversation ${user} 0`,
      `conversation ${user} 10`,
      `send ${user}`,
    ]);
    expect(await row(id)).toMatchObject({ status: "sent", zaloMessageId: "zmsg-1", attempts: 2 });
  });

  it("an in-doubt row whose conversation cannot be read is left in doubt, neither sent nor failed", async () => {
    const { users, ids } = await setup(1);
    oa.answer(users[0]!, "lost");
    const ran = await send(ids);
    await leaseRunsOut(ids);
    oa.failConversation(users[0]!, new ZaloError("http", 503, "Service Unavailable"));

    expect((await again(ran)).outcome).toBe("failed");

    expect(await row(ids[0]!)).toMatchObject({ status: "sending", inFlightAt: null, errorCode: "zalo_503" });
    expect(oa.sendsTo(users[0]!)).toBe(1);
  });

  it("-216 with no token to refresh (authorisation lost): rows stay as they were, the broadcast pauses", async () => {
    const { broadcast, users, ids } = await setup(2);
    for (const u of users)
      oa.answer(u, new OaAuthorizationLost(-216, "Chưa có mã truy cập OA: cần cấp quyền OA cho ứng dụng."));

    expect((await send(ids)).outcome).toBe("completed");

    for (const id of ids)
      expect(await row(id)).toMatchObject({ status: "pending", inFlightAt: null, zaloMessageId: null });
    expect(await broadcastRow(broadcast.id)).toMatchObject({
      status: "paused",
      pauseReason: "oa_authorization",
    });
    expect(rateLimits).toEqual([]);
  });

  it("sends nothing for a paused broadcast and gives its rows back as they were", async () => {
    const { broadcast, ids } = await setup(2, { status: "paused" });

    expect((await send(ids)).outcome).toBe("completed");

    expect(oa.calls).toEqual([]);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "pending", inFlightAt: null });
    expect((await broadcastRow(broadcast.id)).status).toBe("paused");
  });

  it("closes a cancelled broadcast's unsent rows as cancelled, after looking up those that may have gone", async () => {
    const { users, ids } = await setup(3);
    // Rows 2 and 3 were in flight when the answers were lost; Zalo took only row 2's message.
    oa.answer(users[1]!, "lost");
    oa.answer(users[2]!, new ZaloError("transport", undefined, "timeout of 2000ms exceeded"));
    await send(ids.slice(1));
    const broadcastId = (await row(ids[0]!)).broadcastId;
    await store.db.update(broadcasts).set({ status: "cancelled" }).where(eq(broadcasts.id, broadcastId));
    await leaseRunsOut(ids);
    oa.calls.length = 0;

    await send(ids);

    expect(oa.calls).toEqual([`conversation ${users[1]} 0`, `conversation ${users[2]} 0`]);
    const [never, found, notFound] = await Promise.all(ids.map(row));
    expect(never).toMatchObject({ status: "failed", errorCode: "cancelled" });
    expect(found).toMatchObject({ status: "sent", zaloMessageId: "zmsg-1" });
    expect(notFound).toMatchObject({ status: "failed", errorCode: "cancelled" });
  });

  it("holds a non-urgent broadcast's rows in quiet hours until they end; an urgent one's go out", async () => {
    ctx = context({ QUIET_HOURS: quietHoursNow() });
    const quiet = await setup(1);
    const urgent = await setup(1, { isUrgent: true });

    const held = await send(quiet.ids);

    expect(held).toMatchObject({
      outcome: "delayed",
      until: windowEndIfInside(ctx.config.QUIET_HOURS, Date.now())!.getTime(),
    });
    expect(await row(quiet.ids[0]!)).toMatchObject({ status: "pending", inFlightAt: null });
    expect((await send(urgent.ids)).outcome).toBe("completed");
    expect(oa.calls).toEqual(["pace 1", `send ${urgent.users[0]}`]);
    expect((await row(urgent.ids[0]!)).status).toBe("sent");
  });

  it("puts the post in the feed of a resident without an OA id any more (privacy delete after fan-out)", async () => {
    const { ids } = await setup(1);
    const [delivery] = await store.db.select().from(deliveries).where(eq(deliveries.id, ids[0]!));
    await store.db
      .update(residents)
      .set({ zaloOaUserId: null })
      .where(eq(residents.id, delivery!.residentId));

    expect((await send(ids)).outcome).toBe("completed");

    expect(oa.calls).toEqual([]);
    expect(await row(ids[0]!)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "not_follower",
    });
  });

  it("sends the ZBS template by user id, and never resends one in doubt: the post waits in the feed", async () => {
    ctx = context({ ZALO_ZBS_TEMPLATE_ID: "tpl-1" });
    const { broadcast, users, ids } = await setup(2);
    await store.db.update(deliveries).set({ channel: "template" }).where(inArray(deliveries.id, ids));
    oa.answer(users[1]!, "lost");

    const ran = await send(ids);
    expect(ran.outcome).toBe("failed");
    expect(oa.sent[0]).toEqual({
      userId: users[0],
      text: undefined,
      templateData: {
        title: "Lịch tiêm chủng",
        summary: "Tiêm chủng tại trạm y tế phường.",
        link: `https://zalo.me/s/${MINI_APP_ID}/post/${broadcast.postId}?ref=${deliveryRef(ids[0]!)}`,
      },
    });
    expect((await row(ids[0]!)).status).toBe("sent");

    await leaseRunsOut(ids);
    expect((await again(ran)).outcome).toBe("completed");

    expect(oa.calls.filter((c) => c.startsWith("template"))).toEqual([
      `template tpl-1 ${users[0]}`,
      `template tpl-1 ${users[1]}`,
    ]);
    expect(await row(ids[1]!)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "template_in_doubt",
    });
  });

  it("sends ZBS by phone (84…) only while the consent holds; a withdrawn one falls back to the feed", async () => {
    ctx = context({ ZALO_ZBS_PHONE_TEMPLATE_ID: "tpl-phone" });
    const { ids } = await setup(2);
    const people = await store.db
      .select({ id: deliveries.residentId })
      .from(deliveries)
      .where(inArray(deliveries.id, ids));
    await store.db
      .update(residents)
      .set({ phone: "0912345678", phoneConsentedAt: new Date() })
      .where(eq(residents.id, people[0]!.id));
    await store.db.update(residents).set({ phone: "0987654321" }).where(eq(residents.id, people[1]!.id));
    await store.db.update(deliveries).set({ channel: "zbs_phone" }).where(inArray(deliveries.id, ids));

    expect((await send(ids)).outcome).toBe("completed");

    expect(oa.calls.filter((c) => c.startsWith("zbs-phone"))).toEqual([
      `zbs-phone tpl-phone 84912345678 ${deliveryRef(ids[0]!)}`,
    ]);
    expect(await row(ids[0]!)).toMatchObject({ status: "sent", channel: "zbs_phone" });
    expect(await row(ids[1]!)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "no_phone_consent",
    });
  });

  it("-211 (OA out of quota) stops the channel: rows kept unsent, broadcast paused, admins told", async () => {
    ctx = context({ ZALO_ZBS_TEMPLATE_ID: "tpl-1" });
    const { broadcast, users, ids } = await setup(3);
    await store.db.update(deliveries).set({ channel: "template" }).where(inArray(deliveries.id, ids));
    oa.answer(users[0]!, new ZaloError("api", -211, "Out of quota"));
    oa.answer(users[1]!, new ZaloError("api", -211, "Out of quota"));

    expect((await send(ids)).outcome).toBe("completed");

    expect(
      (await store.db.select().from(broadcasts).where(eq(broadcasts.id, broadcast.id)))[0],
    ).toMatchObject({
      status: "paused",
      pauseReason: "channel_stopped",
    });
    expect(await store.db.select().from(channelStops)).toMatchObject([
      { wardId, channel: "template", code: -211 },
    ]);
    const alerts = await store.db.select().from(staffAlerts);
    expect(alerts.map((a) => a.kind)).toEqual(["channel_stopped"]);
    // Certainly not sent: the rows wait as they were (the third one went out before the stop was known).
    expect((await row(ids[0]!)).status).toBe("pending");
    expect((await row(ids[1]!)).status).toBe("pending");
    expect((await row(ids[2]!)).status).toBe("sent");

    // Staff resume while the channel is still stopped: the rows go to the feed, nothing more is called.
    await store.db.update(broadcasts).set({ status: "sending" }).where(eq(broadcasts.id, broadcast.id));
    const before = oa.calls.length;
    expect((await send(ids.slice(0, 2))).outcome).toBe("completed");
    expect(oa.calls.slice(before).filter((c) => c.startsWith("template"))).toEqual([]);
    expect(await row(ids[0]!)).toMatchObject({ status: "fallback", errorCode: "channel_stopped" });
  });
});
