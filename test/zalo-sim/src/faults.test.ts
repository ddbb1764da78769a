import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  sendText,
  startTestSim,
  startWebhookReceiver,
  type WebhookReceiver,
  waitFor,
} from "./test-support/harness.js";
import type { ZaloSim } from "./types.js";

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function post(token: string, userId: string, signal?: AbortSignal) {
  return fetch(`${sim!.url}/v3.0/oa/message/cs`, {
    method: "POST",
    headers: { "content-type": "application/json", access_token: token },
    body: JSON.stringify({ recipient: { user_id: userId }, message: { text: "thử lỗi" } }),
    signal,
  });
}

describe("injected faults on message sends", () => {
  it("answers 5xx with a gateway page and delivers nothing when error5xxRate is 1", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({
      webhookUrl: receiver.url,
      faults: { error5xxRate: 1 },
      receipts: { receivedDelayMs: 0 },
    });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(accessToken, user.idByOa);
      statuses.push(res.status);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      await res.text();
    }

    expect(statuses.every((s) => [500, 502, 503].includes(s))).toBe(true);
    expect(sim.ledger.count()).toBe(0);
    expect(sim.stats().faults).toEqual({ e5xx: 20, timeouts: 0, limit: 0, lostResponses: 0 });
    // A follow afterwards is the only webhook: no receipt was ever scheduled for the failed sends.
    await sim.follow(user.idByOa);
    await waitFor(() => receiver!.received.length >= 1);
    expect(receiver.received.map((h) => h.json.event_name)).toEqual(["follow"]);
  });

  it("answers -32 for a rate-limit fault without a ledger entry, counted apart from real limits", async () => {
    sim = await startTestSim({ faults: { rateLimitRate: 1 } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    expect((await sendText(sim, accessToken, user.idByOa, "a")).body).toMatchObject({ error: -32 });
    expect(sim.ledger.count()).toBe(0);
    expect(sim.stats()).toMatchObject({ limitErrors: 0, faults: { limit: 1 } });
  });

  it("hangs on a timeout fault, then answers 504 without delivering", async () => {
    sim = await startTestSim({ faults: { timeoutRate: 1, timeoutMs: 150 } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const started = performance.now();
    const res = await post(accessToken, user.idByOa);
    await res.text();

    expect(res.status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(sim.ledger.count()).toBe(0);
    expect(sim.stats().faults.timeouts).toBe(1);
  });

  it("closes promptly while a request hangs", async () => {
    sim = await startTestSim({ faults: { timeoutRate: 1, timeoutMs: 60_000 } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const hanging = post(accessToken, user.idByOa).then(
      (res) => res.status,
      () => "aborted",
    );
    await waitFor(() => sim!.stats().faults.timeouts === 1);

    const started = performance.now();
    await sim.close();
    sim = undefined;

    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hanging).toBe("aborted");
  });

  it("can be switched at run time and leaves other endpoints alone", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    sim.setFaults({ error5xxRate: 1 });
    expect((await post(accessToken, user.idByOa)).status).toBeGreaterThanOrEqual(500);
    const detail = await fetch(
      `${sim.url}/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: user.idByOa }))}`,
      {
        headers: { access_token: accessToken },
      },
    );
    expect(((await detail.json()) as { error: number }).error).toBe(0);
    sim.setFaults({});
    expect((await sendText(sim, accessToken, user.idByOa, "ok")).body).toMatchObject({ error: 0 });
  });

  it("delivers the message but loses the answer when lostResponseRate is 1", async () => {
    sim = await startTestSim({ faults: { lostResponseRate: 1 } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const res = await post(accessToken, user.idByOa);
    expect(res.status).toBe(502);
    expect(sim.ledger.forUser(user.idByOa)).toHaveLength(1);
    expect(sim.stats().faults.lostResponses).toBe(1);
  });
});
