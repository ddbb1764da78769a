import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows, type Store } from "../store/database.js";
import {
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
import { openTestStore, truncateAll } from "../testing/test-stores.js";
import { deleteMyData } from "./privacy.js";

describe("a resident's privacy delete", () => {
  let store: Store;
  let uploadsDir: string;
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore("pglite");
    uploadsDir = await mkdtemp(path.join(tmpdir(), "loa-uploads-"));
  });
  afterAll(async () => {
    await store.close();
    await rm(uploadsDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
  });

  it("scrubs their Zalo events, the staff's replies to them and alerts naming them, and keeps the counts", async () => {
    const group = await buildGroup(store.db, wardId);
    const head = await buildResident(store.db, wardId, {
      fullName: "Trần Thị Tổ Trưởng",
      residentialGroupId: group.id,
      membershipStatus: "confirmed",
    });
    const other = await buildResident(store.db, wardId);
    const event = (sender: string, text: string) =>
      JSON.stringify({
        event_name: "user_send_text",
        sender: { id: sender },
        message: { msg_id: text, text },
      });
    await store.db.insert(webhookEvents).values([
      { dedupeKey: "a", eventName: "user_send_text", rawBody: event(head.zaloOaUserId!, "Nhà tôi ở số 15") },
      {
        dedupeKey: "b",
        eventName: "user_send_text",
        rawBody: event(other.zaloOaUserId!, "Tin của người khác"),
      },
    ]);
    const [signal] = await store.db
      .insert(signals)
      .values({
        wardId,
        residentId: head.id,
        kind: "question",
        source: "mini_app",
        text: "Hỏi",
        sentAt: new Date(),
      })
      .returning();
    const staff = await buildStaff(store.db, wardId, ["editor"]);
    await store.db.insert(signalReplies).values({
      signalId: signal!.id,
      staffId: staff.id,
      text: "Chào chị Trần Thị Tổ Trưởng",
      channel: "feed",
      status: "shown",
    });
    const broadcast = await buildSendingBroadcast(store.db, wardId);
    const [task] = await store.db
      .insert(relayTasks)
      .values({
        broadcastId: broadcast.id,
        postId: broadcast.postId,
        residentialGroupId: group.id,
        headResidentId: head.id,
        ref: "r-abcdefgh",
      })
      .returning();
    await store.db.insert(staffAlerts).values({
      wardId,
      kind: "relay_overdue",
      message: "Trần Thị Tổ Trưởng (Tổ 1) chưa chuyển tiếp quá hạn bài: Lịch tiêm",
      relayTaskId: task!.id,
    });

    const [row] = await store.db.select().from(residents).where(eq(residents.id, head.id));
    await deleteMyData(store.db, row!, uploadsDir);

    const bodies = (await store.db.select().from(webhookEvents).orderBy(webhookEvents.dedupeKey)).map(
      (e) => e.rawBody,
    );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).not.toContain(head.zaloOaUserId!);
    expect(bodies[0]).not.toContain("Nhà tôi");
    expect(JSON.parse(bodies[0]!)).toEqual({ event_name: "user_send_text", scrubbed: true });
    expect(bodies[1]).toContain("Tin của người khác");
    const [reply] = await store.db.select().from(signalReplies);
    expect(reply?.text).not.toContain("Trần Thị");
    const [alert] = await store.db.select().from(staffAlerts);
    expect(alert?.message).toBe("(đã xóa) (Tổ 1) chưa chuyển tiếp quá hạn bài: Lịch tiêm");
    const [counts] = await queryRows<{ signals: number; replies: number; events: number }>(
      store.db,
      sql`select (select count(*)::int from signals) as signals, (select count(*)::int from signal_replies) as replies,
                 (select count(*)::int from webhook_events) as events`,
    );
    expect(counts).toEqual({ signals: 1, replies: 1, events: 2 });
  });
});
