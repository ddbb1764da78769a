import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  freePort,
  isSignatureValid,
  oaPost,
  sendText,
  startTestSim,
  startWebhookReceiver,
  TEST_IDS,
  type WebhookReceiver,
  waitFor,
} from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";
import { signWebhook } from "./sign.js";

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

const events = (r: WebhookReceiver) => r.received.map((h) => h.json.event_name);

describe("signWebhook", () => {
  it("is sha256(appId + body + timestamp + secret) in lowercase hex with a mac= prefix", () => {
    // Expected value from: printf '%s' '<appId><body><timestamp><secret>' | sha256sum
    const signature = signWebhook({
      appId: "3608465249409039670",
      rawBody: '{"event_name":"follow"}',
      timestamp: "1764126000000",
      secret: "secret",
    });
    expect(signature).toBe("mac=933fe931f1a7134d06ab47d618fdc802d6488d46f1a2c407c73666c51849e88f");
  });
});

describe("webhook delivery", () => {
  it("sends signed user_send_text, follow and unfollow events that verify independently", async () => {
    receiver = await startWebhookReceiver();
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ webhookUrl: receiver.url, now: () => now });
    const user = buildUser({ isFollower: false, lastInteractionAt: now - 10 * 24 * 3600 * 1000 });
    sim.upsertUsers([user]);

    const { msgId } = await sim.sendUserText(user.idByOa, "Cho hỏi giờ họp tổ?");
    await sim.follow(user.idByOa);
    await sim.unfollow(user.idByOa);

    await waitFor(() => receiver!.received.length === 3);
    expect(events(receiver)).toEqual(["user_send_text", "follow", "unfollow"]);
    for (const hook of receiver.received) expect(isSignatureValid(hook, TEST_IDS.oaSecretKey)).toBe(true);
    expect(receiver.received[0]?.json).toEqual({
      app_id: TEST_IDS.appId,
      sender: { id: user.idByOa },
      user_id_by_app: user.idByApp,
      recipient: { id: TEST_IDS.oaId },
      event_name: "user_send_text",
      message: { text: "Cho hỏi giờ họp tổ?", msg_id: msgId },
      timestamp: String(now),
    });
    expect(receiver.received[1]?.json).toEqual({
      oa_id: TEST_IDS.oaId,
      follower: { id: user.idByOa },
      user_id_by_app: user.idByApp,
      event_name: "follow",
      source: "oa_profile",
      app_id: TEST_IDS.appId,
      timestamp: String(now),
    });
    expect(sim.getUser(user.idByOa)).toMatchObject({ isFollower: false, lastInteractionAt: now });
    expect(sim.webhookLog.all().map((a) => a.status)).toEqual([200, 200, 200]);
  });

  it("fires user_received_message, then user_seen_message with the msg_ids, after a send", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({ webhookUrl: receiver.url, receipts: { receivedDelayMs: 5, seenDelayMs: 60 } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const first = await sendText(sim, accessToken, user.idByOa, "một");
    const second = await sendText(sim, accessToken, user.idByOa, "hai");
    const ids = [first, second].map((r) => (r.body.data as { message_id: string }).message_id);

    const seen = await waitFor(() => {
      const hooks = receiver!.received.filter((h) => h.json.event_name === "user_seen_message");
      const seenIds = hooks.flatMap((h) => (h.json.message as { msg_ids: string[] }).msg_ids);
      return seenIds.length === 2 ? seenIds : undefined;
    });
    expect(seen).toEqual(ids);
    const received = receiver.received.filter((h) => h.json.event_name === "user_received_message");
    expect(received.map((h) => (h.json.message as { msg_id: string }).msg_id)).toEqual(ids);
    expect(received[0]?.json).toMatchObject({
      sender: { id: TEST_IDS.oaId },
      recipient: { id: user.idByOa },
    });
    // Per user, every "received" arrives before any "seen" of the same messages.
    const order = events(receiver);
    expect(order.lastIndexOf("user_received_message")).toBeLessThan(order.indexOf("user_seen_message"));
    for (const hook of receiver.received) expect(isSignatureValid(hook, TEST_IDS.oaSecretKey)).toBe(true);
  });

  it("echoes each accepted OA send as a signed oa_send_* event, before that message's receipts", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({
      webhookUrl: receiver.url,
      receipts: { receivedDelayMs: 0, seenDelayMs: null },
      templates: { "zbs-1": ["link"] },
    });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const text = await sendText(sim, accessToken, user.idByOa, "Họp tổ dân phố https://loa.example/p/1");
    const template = await oaPost(
      sim,
      "/v3.0/oa/message/template",
      { user_id: user.idByOa, template_id: "zbs-1", template_data: { link: "https://loa.example/p/2" } },
      { access_token: accessToken },
    );
    const [textId, templateId] = [text, template].map(
      (r) => (r.body.data as { message_id: string }).message_id,
    );

    await waitFor(() => receiver!.received.length === 4);
    expect(events(receiver)).toEqual([
      "oa_send_text",
      "user_received_message",
      "oa_send_template",
      "user_received_message",
    ]);
    const [echo, , templateEcho] = receiver.received;
    expect(echo?.rawBody).toBe(
      JSON.stringify({
        app_id: TEST_IDS.appId,
        oa_id: TEST_IDS.oaId,
        user_id_by_app: user.idByApp,
        event_name: "oa_send_text",
        timestamp: echo?.json.timestamp,
        sender: { id: TEST_IDS.oaId },
        recipient: { id: user.idByOa },
        message: { msg_id: textId, text: "Họp tổ dân phố https://loa.example/p/1" },
      }),
    );
    expect(templateEcho?.json.message).toEqual({ msg_id: templateId });
    for (const hook of receiver.received) expect(isSignatureValid(hook, TEST_IDS.oaSecretKey)).toBe(true);
  });

  it("sends no echo with echoOaSends: false", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({
      webhookUrl: receiver.url,
      receipts: { receivedDelayMs: 0, seenDelayMs: null },
      echoOaSends: false,
    });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    await sendText(sim, accessToken, user.idByOa, "một");
    await waitFor(() => receiver!.received.length === 1);
    // The follow queues behind anything still pending for this user, so an echo could not hide.
    await sim.follow(user.idByOa);
    expect(events(receiver)).toEqual(["user_received_message", "follow"]);
  });

  it("never sends user_seen_message when seenDelayMs is null", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({
      webhookUrl: receiver.url,
      receipts: { receivedDelayMs: 0, seenDelayMs: null },
    });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    await sendText(sim, accessToken, user.idByOa, "một");
    await waitFor(() => receiver!.received.length === 2);
    // Then a follow, queued behind anything else for this user, proves nothing else was pending.
    await sim.follow(user.idByOa);
    await waitFor(() => receiver!.received.length === 3);
    expect(events(receiver)).toEqual(["oa_send_text", "user_received_message", "follow"]);
  });

  it("retries after a connection error with num_retry, keeping the bytes and the order", async () => {
    const port = await freePort();
    sim = await startTestSim({
      webhookUrl: `http://127.0.0.1:${port}/hook`,
      webhookRetryDelaysMs: [50, 200, 1000],
    });
    const user = buildUser();
    sim.upsertUsers([user]);

    await sim.sendUserText(user.idByOa, "lần đầu");
    void sim.follow(user.idByOa);
    expect(sim.webhookLog.all()).toMatchObject([{ status: null, numRetry: 0, willRetry: true }]);
    receiver = await startWebhookReceiver({ port });

    await waitFor(() => receiver!.received.length === 2, { timeoutMs: 5000 });
    expect(events(receiver)).toEqual(["user_send_text", "follow"]);
    const retried = receiver.received[0]!;
    expect(Number(retried.headers.num_retry)).toBeGreaterThanOrEqual(1);
    expect(receiver.received[1]?.headers.num_retry).toBeUndefined();
    const attempts = sim.webhookLog.all().filter((a) => a.eventName === "user_send_text");
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(attempts.at(-1)).toMatchObject({ status: 200, willRetry: false });
  });

  it("gives up after the last retry and records every attempt", async () => {
    const port = await freePort();
    sim = await startTestSim({ webhookUrl: `http://127.0.0.1:${port}/hook`, webhookRetryDelaysMs: [10, 10] });
    const user = buildUser();
    sim.upsertUsers([user]);

    await sim.sendUserText(user.idByOa, "không ai nghe");

    await waitFor(() => sim!.stats().webhooks.failed === 1);
    expect(sim.webhookLog.all().map((a) => [a.numRetry, a.willRetry])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
    expect(sim.stats().webhooks).toMatchObject({ queued: 0, delivered: 0 });
  });

  it("does not retry an HTTP error answer, as Zalo retries only failed connections", async () => {
    receiver = await startWebhookReceiver({ status: 500 });
    sim = await startTestSim({ webhookUrl: receiver.url, webhookRetryDelaysMs: [10] });
    const user = buildUser();
    sim.upsertUsers([user]);
    await sim.sendUserText(user.idByOa, "lỗi");
    await waitFor(() => sim!.stats().webhooks.failed === 1);
    expect(sim.webhookLog.all()).toMatchObject([{ status: 500, willRetry: false }]);
    expect(receiver.received).toHaveLength(1);
  });
});
