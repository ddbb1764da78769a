import { randomBytes } from "node:crypto";
import { type Audience, formatDateTime } from "@loa-phuong/shared";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../queue/queues.js";
import type { Store } from "../store/database.js";
import { broadcasts } from "../store/schema/index.js";
import { buildStaff, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import { createBroadcast } from "./broadcasts.js";
import { approvePost, createPost, submitPost } from "./posts.js";
import type { StaffActor } from "./staff.js";

const MINUTE = 60_000;
const wholeWard: Audience = { include: [{ wholeWard: true }], exclude: [] };

describe.each(storeKinds)("a second broadcast of the same post to the same people, on %s", (kind) => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;
  let editor: StaffActor;
  let postId: string;

  beforeAll(async () => {
    store = await openTestStore(kind);
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    queues = createQueues(redis, `test-broadcasts-${randomBytes(4).toString("hex")}`);
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
    redis.disconnect();
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store);
    const wardId = (await buildWard(store.db)).id;
    editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, {
      kind: "announcement",
      title: "Lịch thu gom rác",
      body: "Thu gom rác vào 18 giờ hằng ngày.",
      isUrgent: false,
    });
    await submitPost(store.db, editor, post.id);
    await approvePost(store.db, approver, post.id, 1);
    postId = post.id;
  });

  const ctx = () => ({
    db: store.db,
    queues,
    onEnqueueError: (error: unknown) => {
      throw error;
    },
  });
  const send = (scheduledAt?: Date) =>
    createBroadcast(ctx(), editor, {
      postId,
      audience: wholeWard,
      ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}),
      excludePaidChannels: false,
    });
  /** A broadcast made earlier, as the store would hold it by now. */
  const madeEarlier = async (at: { createdAgoMs: number; scheduledAgoMs: number; status: "sent" }) => {
    const scheduledAt = new Date(Date.now() - at.scheduledAgoMs);
    await store.db.insert(broadcasts).values({
      wardId: editor.wardId,
      postId,
      postVersion: 1,
      audience: wholeWard,
      createdAt: new Date(Date.now() - at.createdAgoMs),
      scheduledAt,
      startedAt: scheduledAt,
      status: at.status,
      createdById: editor.id,
    });
    return scheduledAt;
  };

  it("refuses a double tap, saying when the first one will be sent", async () => {
    const at = new Date(Date.now() + 2 * MINUTE);
    await send(at);
    const refusal = send(new Date(at.getTime() + 20_000));
    await expect(refusal).rejects.toMatchObject({ code: "conflict" });
    const message = await refusal.catch((error: Error) => error.message);
    expect(message).toMatch(/^Đợt gửi giống hệt \(cùng bài, cùng người nhận\) vừa được tạo lúc \d{2}:\d{2} /);
    expect(message).toContain(`sẽ gửi lúc ${formatDateTime(at)}`);
  });

  it("refuses a second “Gửi ngay” moments after the first", async () => {
    await send();
    await expect(send()).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets a sent post go again by “Gửi ngay” minutes after it went out (a deliberate re-send)", async () => {
    // Made at 14:44 for 14:46, sent then; at 14:49 the officer sends it again, now.
    await madeEarlier({ createdAgoMs: 5 * MINUTE, scheduledAgoMs: 3 * MINUTE, status: "sent" });
    expect((await send()).status).toBe("scheduled");
  });

  it("tells a double tap on a broadcast already gone out when it was sent", async () => {
    const sentAt = await madeEarlier({ createdAgoMs: 40_000, scheduledAgoMs: 30_000, status: "sent" });
    const message = await send().catch((error: Error) => error.message);
    expect(message).toContain(`đã gửi lúc ${formatDateTime(sentAt)}`);
  });

  it("lets another time, or the same time chosen again later, be another broadcast", async () => {
    const at = new Date(Date.now() + 60 * MINUTE);
    await send(at);
    expect((await send(new Date(at.getTime() + 2 * MINUTE))).status).toBe("scheduled");
    await madeEarlier({ createdAgoMs: 10 * MINUTE, scheduledAgoMs: 0, status: "sent" });
    expect((await send(new Date(Date.now() + 30_000))).status).toBe("scheduled");
  });
});
