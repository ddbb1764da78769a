import { tables } from "@loa-phuong/bot-server/store";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, deliveriesOf, ledgerCounts, seedWard, waitForBroadcastDone } from "./support/ward.js";

/** The ward's approved ZBS template for residents outside the 7-day window, as the simulator knows it. */
const FALLBACK_TEMPLATE = { "tmpl-thong-bao-phuong": ["title", "summary", "link"] };

describe("broadcast engine on a real Redis with the Zalo simulator", () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it("sends exactly once through lost answers, 5xx and -32; in-doubt rows checked in the OA conversation", async () => {
    stack = await startStack({
      sim: { seed: 7, faults: { lostResponseRate: 0.15, error5xxRate: 0.1, rateLimitRate: 0.1 } },
    });
    const ward = await seedWard(stack, { groups: 3, perGroup: 20 });
    const postId = await approvedPost(ward, { title: "Thông báo lịch cắt điện" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id, 60_000);

    const counts = ledgerCounts(stack, postId);
    expect(counts.size).toBe(ward.residents.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const stats = stack.sim.stats().faults;
    // Each kind of fault really happened, the lost answers above all (Zalo sent, the worker could not know).
    expect(stats.lostResponses).toBeGreaterThan(0);
    expect(stats.e5xx).toBeGreaterThan(0);
    expect(stats.limit).toBeGreaterThan(0);
    const rows = await deliveriesOf(stack, res.body.id);
    const ledgerIds = new Set(stack.sim.ledger.all().map((e) => e.messageId));
    expect(rows.every((r) => r.zaloMessageId && ledgerIds.has(r.zaloMessageId))).toBe(true);
  });

  it("refreshes an expired OA token once and rotates the stored refresh token", async () => {
    stack = await startStack();
    const ward = await seedWard(stack, { groups: 1, perGroup: 8 });
    const postId = await approvedPost(ward, { title: "Thông báo họp tổ" });
    const [before] = await stack.runtime.store.db.select().from(tables.zaloOaCredentials);
    stack.sim.expireOaAccessToken();
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id);
    expect(ledgerCounts(stack, postId).size).toBe(8);
    const [after] = await stack.runtime.store.db.select().from(tables.zaloOaCredentials);
    expect(after!.refreshToken).not.toBe(before!.refreshToken);
    expect(after!.accessToken).not.toBe(before!.accessToken);
  });

  it("pauses with all rows kept on lost OA authorisation, alerts staff once, finishes after new consent", async () => {
    stack = await startStack({ env: { DELIVERY_BATCH_SIZE: "2" } });
    const ward = await seedWard(stack, { groups: 1, perGroup: 8 });
    const postId = await approvedPost(ward, { title: "Thông báo lịch tiêm nhắc lại" });
    // The stored refresh token was spent elsewhere (or the consent revoked), and the access token has expired.
    await stack.runtime.store.db.update(tables.zaloOaCredentials).set({ refreshToken: "da-bi-thu-hoi" });
    stack.sim.expireOaAccessToken();
    const id = (
      await ward.editor.request("POST", "/api/broadcasts", {
        postId,
        audience: { include: [{ wholeWard: true }] },
      })
    ).body.id as string;
    await waitFor(
      async () =>
        (await ward.editor.request("GET", `/api/broadcasts/${id}/progress`)).body.pauseReason ===
        "oa_authorization",
      { what: "the pause for the lost authorisation" },
    );
    const held = await deliveriesOf(stack, id);
    await waitFor(async () => (await deliveriesOf(stack!, id)).every((d) => d.status === "pending"), {
      what: "every row back as pending",
    });
    expect(held).toHaveLength(8);
    expect(ledgerCounts(stack, postId).size).toBe(0);
    const alerts = (await ward.editor.request("GET", "/api/staff/alerts")).body.items.filter(
      (a: { kind: string }) => a.kind === "oa_authorization_lost",
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toContain("cần cấp lại quyền OA");

    // An admin grants the OA again; "Tiếp tục" sends every message, once.
    const granted = stack.sim.issueOaTokens();
    await stack.runtime.tokens.save({
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      expiresInSec: granted.expiresIn,
    });
    // The alert is closed with the cause, so a later loss is said again.
    const after = (await ward.editor.request("GET", "/api/staff/alerts")).body.items.filter(
      (a: { kind: string }) => a.kind === "oa_authorization_lost",
    );
    expect(after.map((a: { readAt: string | null }) => a.readAt !== null)).toEqual([true]);
    expect((await ward.editor.request("POST", `/api/broadcasts/${id}/resume`)).body.status).toBe("sending");
    await waitForBroadcastDone(stack, id);
    const counts = ledgerCounts(stack, postId);
    expect(counts.size).toBe(8);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("falls back to the Mini App feed for residents the OA cannot reach, with the reason on the row", async () => {
    stack = await startStack();
    const ward = await seedWard(stack, {
      groups: 1,
      perGroup: 6,
      resident: (i) => (i === 0 ? { isFollower: false } : i === 1 ? { daysSinceInteraction: 9 } : {}),
    });
    const postId = await approvedPost(ward, { title: "Tin tức giáo dục" });
    const count = await ward.editor.request("POST", "/api/audiences/count", {
      audience: { include: [{ wholeWard: true }] },
    });
    expect(count.body).toEqual({ recipients: 6, reachableByOa: 4, cappedToday: 0 });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id);
    const rows = await deliveriesOf(stack, res.body.id);
    const byResident = new Map(rows.map((r) => [r.residentId, r]));
    expect(byResident.get(ward.residents[0]!.id)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "not_follower",
    });
    expect(byResident.get(ward.residents[1]!.id)).toMatchObject({
      status: "fallback",
      channel: "feed",
      errorCode: "outside_interaction_window",
    });
    expect(ledgerCounts(stack, postId).size).toBe(4);
    const progress = await ward.editor.request("GET", `/api/broadcasts/${res.body.id}/progress`);
    expect(progress.body.reasons).toEqual(
      expect.arrayContaining([
        { status: "fallback", reason: "not_follower", count: 1 },
        { status: "fallback", reason: "outside_interaction_window", count: 1 },
      ]),
    );
    expect(progress.body.settledRatio).toBe(1);
    // A clean run: every batch went out on its first attempt, none failed and was retried.
    expect(stack.warnings.filter((w) => w.msg === "job failed")).toEqual([]);
  });

  it("sends the configured template to residents outside Zalo's 7-day window instead of only the feed", async () => {
    stack = await startStack({
      sim: { templates: FALLBACK_TEMPLATE },
      env: { ZALO_ZBS_TEMPLATE_ID: "tmpl-thong-bao-phuong" },
    });
    const ward = await seedWard(stack, {
      groups: 1,
      perGroup: 4,
      resident: (i) => (i === 0 ? { daysSinceInteraction: 20 } : {}),
    });
    const postId = await approvedPost(ward, { title: "Thông báo tiêm chủng" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id);
    const rows = await deliveriesOf(stack, res.body.id);
    const silent = rows.find((r) => r.residentId === ward.residents[0]!.id)!;
    expect(silent).toMatchObject({
      channel: "template",
      status: expect.stringMatching(/sent|delivered|seen/),
    });
    const [entry] = stack.sim.ledger.forUser(ward.residents[0]!.zaloOaUserId);
    expect(entry!.endpoint).toContain("/message/template");
    expect(JSON.stringify(entry!.body)).toContain(`/post/${postId}?ref=d-${silent.id}`);
    expect(rows.filter((r) => r.channel === "oa")).toHaveLength(3);
  });

  it("never resends a template: one with a lost answer the conversation cannot confirm stays in the feed", async () => {
    // Every answer is lost: each send happens at Zalo, and the worker cannot know it.
    stack = await startStack({
      sim: { templates: FALLBACK_TEMPLATE, faults: { lostResponseRate: 1 } },
      env: { ZALO_ZBS_TEMPLATE_ID: "tmpl-thong-bao-phuong" },
    });
    const ward = await seedWard(stack, {
      groups: 1,
      perGroup: 4,
      resident: (i) => (i === 0 ? { daysSinceInteraction: 20 } : {}),
    });
    const postId = await approvedPost(ward, { title: "Thông báo lịch thu gom rác" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id, 60_000);

    expect([...ledgerCounts(stack, postId).values()]).toEqual([1, 1, 1, 1]);
    const rows = await deliveriesOf(stack, res.body.id);
    const silent = rows.find((r) => r.residentId === ward.residents[0]!.id)!;
    expect(silent).toMatchObject({ status: "fallback", channel: "feed", errorCode: "template_in_doubt" });
    // The OA messages were found in the conversation and recorded under Zalo's message ids.
    const ledgerIds = new Set(stack.sim.ledger.all().map((e) => e.messageId));
    const others = rows.filter((r) => r.id !== silent.id);
    expect(others.every((r) => r.channel === "oa" && r.zaloMessageId && ledgerIds.has(r.zaloMessageId))).toBe(
      true,
    );
  });

  it("records Zalo's refusal of a template it has not approved as the row's reason", async () => {
    stack = await startStack({ env: { ZALO_ZBS_TEMPLATE_ID: "tmpl-chua-duyet" } });
    const ward = await seedWard(stack, {
      groups: 1,
      perGroup: 2,
      resident: (i) => (i === 0 ? { daysSinceInteraction: 20 } : {}),
    });
    const postId = await approvedPost(ward, { title: "Thông báo họp tổ" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, res.body.id);
    const silent = (await deliveriesOf(stack, res.body.id)).find(
      (r) => r.residentId === ward.residents[0]!.id,
    )!;
    expect(silent).toMatchObject({
      status: "failed",
      channel: "template",
      errorCode: "zalo_-201",
      errorMessage: "template_id is invalid!",
    });
    expect(stack.sim.ledger.forUser(ward.residents[0]!.zaloOaUserId)).toEqual([]);
  });

  it("pauses, resumes and cancels mid-flight without losing or doubling a message", async () => {
    stack = await startStack({
      sim: { latencyMs: 40 },
      env: { DELIVERY_CONCURRENCY: "2", DELIVERY_BATCH_SIZE: "1" },
    });
    const ward = await seedWard(stack, { groups: 2, perGroup: 40 });
    const postId = await approvedPost(ward, { title: "Bản tin giáo dục tuần" });
    const res = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    const id = res.body.id as string;
    await waitFor(() => stack!.sim.ledger.count() >= 5, { what: "first sends" });
    expect((await ward.editor.request("POST", `/api/broadcasts/${id}/pause`)).body.status).toBe("paused");
    const atPause = stack.sim.ledger.count();
    // Sends already in flight may land; nothing new starts while paused.
    await waitFor(async () => (await deliveriesOf(stack!, id)).every((d) => d.status !== "sending"), {
      what: "in-flight sends to settle",
    });
    const settledAtPause = stack.sim.ledger.count();
    expect(settledAtPause - atPause).toBeLessThanOrEqual(2);
    expect((await ward.editor.request("POST", `/api/broadcasts/${id}/resume`)).body.status).toBe("sending");
    await waitFor(() => stack!.sim.ledger.count() >= settledAtPause + 10, { what: "sends after resume" });
    const cancelled = await ward.editor.request("POST", `/api/broadcasts/${id}/cancel`);
    expect(cancelled.body.status).toBe("cancelled");
    await waitFor(
      async () =>
        (await deliveriesOf(stack!, id)).every((d) => d.status !== "sending" && d.status !== "pending"),
      { what: "rows to close" },
    );
    const rows = await deliveriesOf(stack, id);
    const sent = rows.filter((r) => ["sent", "delivered", "seen"].includes(r.status));
    const counts = ledgerCounts(stack, postId);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(sent.length);
    expect(rows.filter((r) => r.errorCode === "cancelled").length).toBe(rows.length - sent.length);
    expect(sent.length).toBeLessThan(rows.length);
    // The post is no longer "sending": it reached some residents before the cancel.
    expect((await ward.editor.request("GET", `/api/posts/${postId}`)).body.status).toBe("sent");
  });

  it("cancels a paused broadcast for good on a post edit: no row left pending, the cancel audited", async () => {
    stack = await startStack({
      sim: { latencyMs: 40 },
      env: { DELIVERY_CONCURRENCY: "2", DELIVERY_BATCH_SIZE: "1" },
    });
    const ward = await seedWard(stack, { groups: 2, perGroup: 30 });
    const postId = await approvedPost(ward, { title: "Thông báo họp phụ huynh", isUrgent: true });
    const id = (
      await ward.editor.request("POST", "/api/broadcasts", {
        postId,
        audience: { include: [{ wholeWard: true }] },
      })
    ).body.id as string;
    await waitFor(() => stack!.sim.ledger.count() >= 3, { what: "first sends" });
    expect((await ward.editor.request("POST", `/api/broadcasts/${id}/pause`)).body.status).toBe("paused");
    await waitFor(async () => (await deliveriesOf(stack!, id)).every((d) => d.status !== "sending"), {
      what: "in-flight sends to settle",
    });
    const edited = await ward.editor.request("PATCH", `/api/posts/${postId}`, {
      body: "Đổi giờ họp sang 20 giờ.",
    });
    expect(edited.body.status).toBe("submitted");
    expect((await ward.editor.request("GET", `/api/broadcasts/${id}`)).body.status).toBe("cancelled");
    const rows = await deliveriesOf(stack, id);
    expect(rows.filter((r) => r.status === "pending")).toEqual([]);
    expect(rows.filter((r) => r.errorCode === "cancelled").length).toBeGreaterThan(0);
    const audit = await stack.runtime.store.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.entityId, id));
    expect(audit.find((a) => a.action === "cancel")).toMatchObject({
      actorType: "staff",
      toStatus: "cancelled",
      details: expect.objectContaining({ reason: "post_edited" }),
    });
    // Nothing more goes out: the resume of a cancelled broadcast is refused.
    expect((await ward.editor.request("POST", `/api/broadcasts/${id}/resume`)).status).toBe(409);
  });

  it("pauses a broadcast by itself when most sends fail", async () => {
    // The OA lost its permission for this API: every send fails permanently (-223), not in doubt.
    const broken = await startBrokenOa();
    try {
      stack = await startStack({
        env: {
          AUTO_PAUSE_WINDOW: "10",
          AUTO_PAUSE_ERROR_RATE: "0.5",
          DELIVERY_CONCURRENCY: "2",
          DELIVERY_BATCH_SIZE: "5",
          ZALO_OPENAPI_BASE_URL: broken.url,
        },
      });
      const ward = await seedWard(stack, { groups: 1, perGroup: 40 });
      const postId = await approvedPost(ward, { title: "Thông báo" });
      const res = await ward.editor.request("POST", "/api/broadcasts", {
        postId,
        audience: { include: [{ wholeWard: true }] },
      });
      const paused = await waitFor(
        async () => {
          const [b] = await stack!.runtime.store.db
            .select()
            .from(tables.broadcasts)
            .where(eq(tables.broadcasts.id, res.body.id));
          return b?.status === "paused" ? b : undefined;
        },
        { timeoutMs: 20_000, what: "auto-pause" },
      );
      expect(paused.pauseReason).toBe("error_rate");
      const rows = await deliveriesOf(stack, res.body.id);
      expect(rows.filter((r) => r.status === "failed").every((r) => r.errorCode === "zalo_-223")).toBe(true);
      expect(rows.filter((r) => r.status === "pending").length).toBeGreaterThan(0);
    } finally {
      await broken.close();
    }
  });
});

/** A stand-in OA API that answers every call with Zalo error -223 (the OA has not authorised this API). */
async function startBrokenOa(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const server = createServer((_req, res) => {
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ error: -223, message: "OA has not authorized this API" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as import("node:net").AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
