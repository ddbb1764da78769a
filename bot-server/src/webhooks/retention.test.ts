import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { webhookEvents } from "../store/schema/index.js";
import { openTestStore } from "../testing/test-stores.js";
import { purgeAppliedWebhookEvents } from "./retention.js";

describe("how long Zalo's events are kept", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore("pglite");
  });
  afterAll(async () => store.close());

  it("deletes events applied more than the retention ago, and keeps recent, open and set-aside ones", async () => {
    const day = 86_400_000;
    const event = (key: string, processedDaysAgo: number | null, setAside = false) => ({
      dedupeKey: key,
      eventName: "user_send_text",
      rawBody: `{"event_name":"user_send_text","message":{"text":"${key}"}}`,
      processedAt: processedDaysAgo === null ? null : new Date(Date.now() - processedDaysAgo * day),
      setAsideAt: setAside ? new Date(Date.now() - 40 * day) : null,
    });
    await store.db
      .insert(webhookEvents)
      .values([event("old", 31), event("recent", 29), event("open", null), event("aside", null, true)]);
    expect(await purgeAppliedWebhookEvents(store.db, 30)).toBe(1);
    const left = await store.db.select({ key: webhookEvents.dedupeKey }).from(webhookEvents).orderBy(sql`1`);
    expect(left.map((r) => r.key)).toEqual(["aside", "open", "recent"]);
  });
});
