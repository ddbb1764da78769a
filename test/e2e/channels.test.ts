import { tables } from "@loa-phuong/bot-server/store";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import {
  approvedPost,
  deliveriesOf,
  type SeededWard,
  seedWard,
  WARD,
  waitForBroadcastDone,
} from "./support/ward.js";

/** The templates the ward registered with Zalo, with the parameters channels/templates.ts fills. */
const templates = {
  "tpl-uid": ["title", "summary", "link"],
  "tpl-phone": ["title", "summary", "link"],
  "tpl-notify": ["title", "contentTitle", "contentDescription", "buttonText", "buttonUrl"],
};
const channelEnv = {
  ZALO_ZBS_PHONE_TEMPLATE_ID: "tpl-phone",
  ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "tpl-notify",
  ZALO_MINIAPP_API_KEY: "demo-miniapp-api-key",
  CHANNEL_ARTICLE_ENABLED: "true",
};

describe("reaching residents on every channel, through the simulator", () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  /** Residents 0–4: a fresh follower, a follower silent 20 days, notifications only, phone only, nothing. */
  const mixedWard = (s: Stack) =>
    seedWard(s, {
      groups: 1,
      perGroup: 5,
      resident: (i) =>
        [
          {},
          { daysSinceInteraction: 20 },
          { isFollower: false, notificationsAllowed: true },
          { isFollower: false, phone: "84901234003" },
          { isFollower: false },
        ][i]!,
    });
  const channelsOf = async (s: Stack, ward: SeededWard, broadcastId: string) => {
    const rows = await deliveriesOf(s, broadcastId);
    return ward.residents.map((r) => rows.find((d) => d.residentId === r.id)!);
  };

  it("plans, shows and sends each resident's channel: Article to followers, notification, ZBS by phone", async () => {
    stack = await startStack({ sim: { templates }, env: channelEnv });
    const s = stack;
    const ward = await mixedWard(s);
    const postId = await approvedPost(ward, { title: "Lịch tiêm chủng tháng 12" });
    const audience = { include: [{ wholeWard: true }] };

    const plan = await ward.editor.request("POST", "/api/audiences/plan", { audience });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      recipients: 5,
      byChannel: { article: 2, notification: 1, zbs_phone: 1, feed: 1 },
      unreachable: [{ reason: "not_follower", count: 1 }],
      costVnd: 300,
    });
    // Free channels only: the phone goes to the feed, at no cost.
    const free = await ward.editor.request("POST", "/api/audiences/plan", {
      audience,
      excludePaidChannels: true,
    });
    expect(free.body).toMatchObject({ byChannel: { article: 2, notification: 1, feed: 2 }, costVnd: 0 });

    const res = await ward.editor.request("POST", "/api/broadcasts", { postId, audience });
    expect(res.status).toBe(201);
    await waitForBroadcastDone(s, res.body.id);

    const rows = await channelsOf(s, ward, res.body.id);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ["article", "sent"],
      ["article", "sent"],
      ["notification", "sent"],
      ["zbs_phone", "sent"],
      ["feed", "fallback"],
    ]);
    // What Zalo received, channel by channel: one Article to the two followers, nothing twice.
    const byUser = (channel: string) => s.sim.ledger.forChannel(channel as never).map((e) => e.userIdByOa);
    expect(byUser("article").sort()).toEqual(
      [ward.residents[0]!.zaloOaUserId, ward.residents[1]!.zaloOaUserId].sort(),
    );
    expect(byUser("notification")).toEqual([ward.residents[2]!.zaloOaUserId]);
    expect(byUser("zbs_phone")).toEqual([ward.residents[3]!.zaloOaUserId]);
    expect(byUser("cs")).toEqual([]);
    const phoneEntry = s.sim.ledger.forChannel("zbs_phone")[0]!;
    expect(JSON.stringify(phoneEntry.body)).toContain(`/post/${postId}`);

    const progress = await ward.editor.request("GET", `/api/broadcasts/${res.body.id}/progress`);
    expect(progress.body.broadcast.costVnd).toBe(300);
    expect(
      progress.body.channels.map((c: { channel: string; total: number }) => [c.channel, c.total]),
    ).toEqual([
      ["article", 2],
      ["notification", 1],
      ["zbs_phone", 1],
      ["feed", 1],
    ]);
  });

  it("-115 stops ZBS by phone for the OA: paused, admins alerted; reopened, it goes out once", async () => {
    stack = await startStack({ sim: { templates }, env: channelEnv });
    const s = stack;
    const ward = await mixedWard(s);
    const admin = await buildStaff(s.runtime.store.db, WARD, ["admin"]);
    const adminApi = await new ApiClient(s.url).loginStaff(admin.username, admin.password);
    s.sim.setChannelError({ channel: "zbs_phone", code: -115, message: "Out of quota" });
    const postId = await approvedPost(ward, { title: "Thông báo họp tổ dân phố" });
    const audience = { include: [{ residentialGroupIds: [ward.groupIds[0]] }] };
    const res = await ward.editor.request("POST", "/api/broadcasts", { postId, audience });

    const paused = await waitFor(
      async () => {
        const [b] = await s.runtime.store.db
          .select()
          .from(tables.broadcasts)
          .where(eq(tables.broadcasts.id, res.body.id));
        return b?.status === "paused" ? b : undefined;
      },
      { timeoutMs: 20_000, what: "the broadcast to pause" },
    );
    expect(paused.pauseReason).toBe("channel_stopped");
    const channels = await adminApi.request("GET", "/api/admin/zalo/channels");
    expect(
      channels.body.items.find((c: { channel: string }) => c.channel === "zbs_phone").stop,
    ).toMatchObject({
      code: -115,
    });
    const alerts = await s.runtime.store.db.select().from(tables.staffAlerts);
    expect(alerts.map((a) => a.kind)).toContain("channel_stopped");
    // The plan staff see now says the channel is stopped.
    const plan = await ward.editor.request("POST", "/api/audiences/plan", { audience });
    expect(plan.body.channels.find((c: { channel: string }) => c.channel === "zbs_phone")).toMatchObject({
      stopped: true,
      residents: 0,
    });

    // The ward tops up its account; the admin reopens the channel; staff resume the broadcast.
    s.sim.clearChannelErrors();
    expect((await adminApi.request("POST", "/api/admin/zalo/channels/zbs_phone/resume")).status).toBe(200);
    expect((await ward.editor.request("POST", `/api/broadcasts/${res.body.id}/resume`)).status).toBe(200);
    await waitForBroadcastDone(s, res.body.id);
    const phoneRow = (await channelsOf(s, ward, res.body.id))[3]!;
    expect(phoneRow).toMatchObject({ channel: "zbs_phone", status: "sent" });
    expect(s.sim.ledger.forChannel("zbs_phone")).toHaveLength(1);
  });

  it("escalates an urgent post to ZBS by phone for those who have not seen it in time, once", async () => {
    stack = await startStack({
      sim: { templates, receipts: { receivedDelayMs: 10, seenDelayMs: null } },
      env: { ...channelEnv, CHANNEL_ARTICLE_ENABLED: "false", ESCALATE_AFTER_MINUTES: "0.2" },
    });
    const s = stack;
    const ward = await seedWard(s, {
      groups: 1,
      perGroup: 3,
      resident: (i) => [{ phone: "84901230001" }, { phone: "84901230002" }, {}][i]!,
    });
    const postId = await approvedPost(ward, { title: "Cảnh báo mưa lớn", isUrgent: true });
    // Resident 1 has already read the post in the Mini App: no reminder for them.
    await s.runtime.store.db.insert(tables.postReads).values({ postId, residentId: ward.residents[1]!.id });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(s, res.body.id);
    // Redis loses the reminder's delayed job (a flush, a new Redis): the reconciler puts it back.
    const job = await s.runtime.queues.broadcasts.getJob(`escalate-${res.body.id}`);
    expect(await job?.getState()).toBe("delayed");
    await job!.remove();
    const { reconcileQueues } = await import("@loa-phuong/bot-server/jobs");
    await reconcileQueues({
      db: s.runtime.store.db,
      queues: s.runtime.queues,
      logger: s.runtime.logger,
      config: s.config,
    });
    expect(await (await s.runtime.queues.broadcasts.getJob(`escalate-${res.body.id}`))?.getState()).toBe(
      "delayed",
    );

    const escalated = await waitFor(
      async () => {
        const rows = await channelsOf(s, ward, res.body.id);
        return rows[0]!.escalationStatus === "sent" ? rows : undefined;
      },
      { timeoutMs: 20_000, what: "the escalation to go out" },
    );
    expect(escalated.map((r) => [r.channel, r.escalationStatus])).toEqual([
      ["oa", "sent"],
      ["oa", null],
      ["oa", null],
    ]);
    expect(s.sim.ledger.forChannel("zbs_phone").map((e) => e.userIdByOa)).toEqual([
      ward.residents[0]!.zaloOaUserId,
    ]);
    const progress = await ward.editor.request("GET", `/api/broadcasts/${res.body.id}/progress`);
    expect(progress.body.escalation).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(progress.body.broadcast.costVnd).toBe(300);
  });

  it("the OA Article refused for good (-240): its followers are planned again on their own channels", async () => {
    stack = await startStack({ sim: { templates }, env: channelEnv });
    const s = stack;
    const ward = await mixedWard(s);
    s.sim.setChannelError({ channel: "article", code: -240, message: "MessageV2 API has been shut down" });
    const postId = await approvedPost(ward, { title: "Thông báo lịch cắt điện" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(s, res.body.id);
    const rows = await channelsOf(s, ward, res.body.id);
    // The fresh follower by a free CS message; the one silent 20 days has no channel left but the feed.
    expect(rows.slice(0, 2).map((r) => [r.channel, r.errorCode])).toEqual([
      ["oa", null],
      ["feed", "outside_interaction_window"],
    ]);
    expect(rows[0]!.status).toMatch(/^(sent|delivered|seen)$/);
    expect(s.sim.ledger.forChannel("article")).toEqual([]);
    expect(s.sim.ledger.forChannel("cs").map((e) => e.userIdByOa)).toEqual([ward.residents[0]!.zaloOaUserId]);
    const [b] = await s.runtime.store.db
      .select()
      .from(tables.broadcasts)
      .where(eq(tables.broadcasts.id, res.body.id));
    expect(b).toMatchObject({ articleStatus: "failed", status: "sent" });
  });

  it("a resident who withdrew Mini App notifications at Zalo falls back alone; the channel goes on", async () => {
    stack = await startStack({
      sim: { templates },
      env: { ...channelEnv, CHANNEL_ARTICLE_ENABLED: "false" },
    });
    const s = stack;
    const ward = await seedWard(s, {
      groups: 1,
      perGroup: 2,
      resident: () => ({ isFollower: false, notificationsAllowed: true }),
    });
    // The first turned notifications off in Zalo; the ward has not heard yet.
    s.sim.upsertUsers([
      {
        idByApp: ward.residents[0]!.zaloAppUserId,
        idByOa: ward.residents[0]!.zaloOaUserId,
        name: "Người dân",
        isFollower: false,
        lastInteractionAt: 0,
        notificationsAllowed: false,
      },
    ]);
    const postId = await approvedPost(ward, { title: "Lịch tiêm phòng dại cho chó mèo" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(s, res.body.id);
    const rows = await channelsOf(s, ward, res.body.id);
    expect(rows.map((r) => [r.channel, r.status, r.errorCode])).toEqual([
      ["feed", "fallback", "zalo_-230"],
      ["notification", "sent", null],
    ]);
    expect(await s.runtime.store.db.select().from(tables.channelStops)).toEqual([]);
  });

  it("quotes the resident's OA message in the staff answer, and serves Zalo's domain verification file", async () => {
    stack = await startStack({ env: { ZALO_SITE_VERIFICATION_CODE: "Abc123_xyz" } });
    const s = stack;
    const ward = await seedWard(s, { groups: 1, perGroup: 1 });
    const resident = ward.residents[0]!;
    const { msgId } = await s.sim.sendUserText(resident.zaloOaUserId, "Cho hỏi lịch họp tổ tháng này?");
    const signal = await waitFor(
      async () =>
        (
          await s.runtime.store.db.select().from(tables.signals).where(eq(tables.signals.zaloMsgId, msgId))
        )[0],
      { what: "the resident's message as a signal" },
    );
    const replied = await ward.editor.request("POST", `/api/signals/${signal.id}/reply`, {
      text: "Tổ họp tối thứ Năm.",
      channel: "oa",
    });
    expect(replied.status).toBe(200);
    const answer = await waitFor(
      () => s.sim.ledger.forUser(resident.zaloOaUserId).find((e) => e.text?.includes("Tổ họp tối thứ Năm.")),
      { what: "the OA answer" },
    );
    expect(answer.body).toMatchObject({ message: { quote_message_id: msgId } });

    const page = await fetch(`${s.url}/zalo_verifier${"Abc123_xyz"}.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      '<meta name="zalo-platform-site-verification" content="Abc123_xyz" />',
    );
    expect((await fetch(`${s.url}/zalo_verifierOther.html`)).status).toBe(404);
  });

  it("-211 on the Article stops it and pauses the post; resumed while stopped, followers are re-planned", async () => {
    stack = await startStack({ sim: { templates }, env: channelEnv });
    const s = stack;
    const ward = await mixedWard(s);
    s.sim.setChannelError({ channel: "article", code: -211, message: "Out of quota" });
    const postId = await approvedPost(ward, { title: "Thông báo phun thuốc diệt muỗi" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    const paused = await waitFor(
      async () => {
        const [b] = await s.runtime.store.db
          .select()
          .from(tables.broadcasts)
          .where(eq(tables.broadcasts.id, res.body.id));
        return b?.status === "paused" ? b : undefined;
      },
      { timeoutMs: 20_000, what: "the broadcast to pause" },
    );
    expect(paused).toMatchObject({ pauseReason: "channel_stopped", articleStatus: "pending" });
    expect((await s.runtime.store.db.select().from(tables.channelStops)).map((c) => c.channel)).toEqual([
      "article",
    ]);
    // Staff resume without reopening the Article: its followers go by their own channels instead.
    expect((await ward.editor.request("POST", `/api/broadcasts/${res.body.id}/resume`)).status).toBe(200);
    await waitForBroadcastDone(s, res.body.id);
    const rows = await channelsOf(s, ward, res.body.id);
    expect(rows.slice(0, 2).map((r) => r.channel)).toEqual(["oa", "feed"]);
    expect(s.sim.ledger.forChannel("article")).toEqual([]);
  });

  it("a Mini App key Zalo refuses stops notifications for the ward, not one resident after another", async () => {
    stack = await startStack({
      sim: { templates },
      env: { ...channelEnv, CHANNEL_ARTICLE_ENABLED: "false", ZALO_MINIAPP_API_KEY: "a-revoked-key" },
    });
    const s = stack;
    const ward = await seedWard(s, {
      groups: 1,
      perGroup: 3,
      resident: () => ({ isFollower: false, notificationsAllowed: true }),
    });
    const postId = await approvedPost(ward, { title: "Lịch lấy mẫu nước sinh hoạt" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitFor(async () => (await s.runtime.store.db.select().from(tables.channelStops)).length > 0, {
      timeoutMs: 20_000,
      what: "the notification channel to stop",
    });
    const [stop] = await s.runtime.store.db.select().from(tables.channelStops);
    expect(stop).toMatchObject({ channel: "notification" });
    expect(stop!.message).toContain("ZALO_MINIAPP_API_KEY");
    const rows = await channelsOf(s, ward, res.body.id);
    // Nothing was sent and nobody was given up on: every row waits, unsent, for the key to be fixed.
    expect(rows.every((r) => r.channel === "notification" && r.status === "pending")).toBe(true);
    expect(s.sim.ledger.forChannel("notification")).toEqual([]);
  });
});
