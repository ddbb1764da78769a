import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  sendText,
  startTestSim,
  startWebhookReceiver,
  type WebhookReceiver,
  waitFor,
} from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function call(method: string, path: string, body?: unknown) {
  const init: RequestInit = { method, headers: { "content-type": "application/json" } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(`${sim!.url}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
  };
}

describe("/__sim admin API", () => {
  it("upserts users in bulk and answers 400 naming the bad fields", async () => {
    sim = await startTestSim();
    const users = [buildUser({ name: "Trần Thị Bích" }), buildUser()];

    expect(await call("POST", "/__sim/users", { users })).toMatchObject({
      status: 200,
      body: { upserted: 2, total: 2 },
    });
    const bad = await call("POST", "/__sim/users", [{ ...users[0], idByOa: "", isFollower: "yes" }]);
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((i) => i.field).sort()).toEqual([
      "users.0.idByOa",
      "users.0.isFollower",
    ]);
    expect((await call("POST", "/__sim/users", "{oops")).status).toBe(400);

    const listed = await call("GET", "/__sim/users");
    expect(listed.body).toMatchObject({ total: 2 });
    const personas = await call("GET", "/__sim/personas?q=tran thi");
    expect(personas.body.personas).toEqual([
      expect.objectContaining({
        name: "Trần Thị Bích",
        idByApp: users[0]!.idByApp,
        idByOa: users[0]!.idByOa,
      }),
    ]);
  });

  it("enables CORS for /__sim only", async () => {
    sim = await startTestSim();
    const preflight = await fetch(`${sim.url}/__sim/users`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const health = await fetch(`${sim.url}/__sim/health`);
    expect(health.headers.get("access-control-allow-origin")).toBe("*");
    const zalo = await fetch(`${sim.url}/v2.0/me`, { headers: { access_token: "x" } });
    expect(zalo.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("issues tokens that the Zalo endpoints accept", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);

    const { body: tokens } = await call("POST", "/__sim/oa/tokens");
    expect(tokens).toMatchObject({ expires_in: "90000" });
    const { body: access } = await call("POST", `/__sim/users/${user.idByApp}/access-token`);
    const { body: phone } = await call("POST", `/__sim/users/${user.idByApp}/phone-token`);
    const info = await fetch(`${sim.url}/v2.0/me/info`, {
      headers: {
        access_token: String(access.accessToken),
        code: String(phone.token),
        secret_key: "test-app-secret",
      },
    });

    expect(await info.json()).toMatchObject({ error: 0, data: { number: user.phone } });
    expect((await sendText(sim, String(tokens.access_token), user.idByOa, "ok")).body).toMatchObject({
      error: 0,
    });
    expect((await call("POST", "/__sim/oa/expire-token")).status).toBe(200);
    expect((await sendText(sim, String(tokens.access_token), user.idByOa, "ok")).body).toMatchObject({
      error: -220,
    });
    expect((await call("POST", "/__sim/users/nobody/access-token")).status).toBe(404);
  });

  it("exposes and clears the ledger, and drives faults, rate and webhook URL", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    await sendText(sim, accessToken, user.idByOa, "một");

    expect((await call("GET", `/__sim/ledger?user_id=${user.idByOa}`)).body.entries).toHaveLength(1);
    expect((await call("GET", "/__sim/ledger/count")).body).toEqual({ count: 1 });
    expect((await call("DELETE", "/__sim/ledger")).body).toEqual({ cleared: 1 });
    expect(sim.ledger.count()).toBe(0);

    expect((await call("PUT", "/__sim/faults", { error5xxRate: 2 })).status).toBe(400);
    expect((await call("PUT", "/__sim/faults", { rateLimitRate: 1 })).status).toBe(200);
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: -32 });
    await call("PUT", "/__sim/faults", {});
    expect((await call("PUT", "/__sim/rate", { ratePerSecond: 1 })).body).toEqual({ ratePerSecond: 1 });
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: 0 });
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: -32 });

    expect((await call("PUT", "/__sim/webhook", { url: receiver.url })).body).toEqual({ url: receiver.url });
    expect(
      (await call("POST", `/__sim/users/${user.idByOa}/send-text`, { text: "Chào phường" })).body,
    ).toHaveProperty("msgId");
    await waitFor(() => receiver!.received.some((h) => h.json.event_name === "user_send_text"));
    expect((await call("GET", `/__sim/users/${user.idByOa}/inbound`)).body.messages).toMatchObject([
      { text: "Chào phường" },
    ]);
    expect((await call("POST", `/__sim/users/nobody/send-text`, { text: "x" })).status).toBe(404);
    expect((await call("GET", "/__sim/stats")).body).toMatchObject({ limitErrors: 1, faults: { limit: 1 } });
  });

  it("serves the Vietnamese inbox page and a JSON 404 for unknown paths", async () => {
    sim = await startTestSim();
    for (const path of ["/", "/inbox"]) {
      const res = await fetch(`${sim.url}${path}`);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toContain("Hộp thư mô phỏng Zalo");
    }
    const missing = await call("GET", "/v3.0/oa/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body).toHaveProperty("message");
  });
});
