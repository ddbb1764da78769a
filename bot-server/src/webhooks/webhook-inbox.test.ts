import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../queue/queues.js";
import type { Store } from "../store/database.js";
import { webhookEvents } from "../store/schema/index.js";
import { openTestStore } from "../testing/test-stores.js";
import { WebhookInbox } from "./webhook-inbox.js";

describe("the webhook inbox", () => {
  let store: Store;
  let redis: Redis;
  let queues: Queues;

  beforeAll(async () => {
    store = await openTestStore("pglite");
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    queues = createQueues(redis, `test-inbox-${randomBytes(4).toString("hex")}`);
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
    redis.disconnect();
    await store.close();
  });

  it("records the good events of a batch the store refuses because of one, and refuses only that one", async () => {
    const inbox = new WebhookInbox(store.db, queues, pino({ level: "silent" }));
    const event = (i: number, eventName = "user_send_text") => ({
      dedupeKey: `key-${i}`,
      eventName,
      rawBody: JSON.stringify({ event_name: "user_send_text", i }),
    });
    // Accepted together, they are written in one batch; a NUL cannot be stored in a text column.
    const answers = await Promise.allSettled([
      inbox.accept(event(1)),
      inbox.accept(event(2, "bad\u0000name")),
      inbox.accept(event(3)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await store.db.select().from(webhookEvents).orderBy(webhookEvents.dedupeKey);
    expect(rows.map((r) => r.dedupeKey)).toEqual(["key-1", "key-3"]);
  });
});
