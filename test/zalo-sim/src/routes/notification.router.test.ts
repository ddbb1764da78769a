import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  startTestSim,
  startWebhookReceiver,
  TEST_IDS,
  type WebhookReceiver,
} from "../test-support/harness.js";
import type { SimUser, ZaloSim } from "../types.js";

const TEMPLATES = { "mini-tin-moi": ["title", "path"] };
const BODY = { templateId: "mini-tin-moi", templateData: { title: "Tin mới", path: "/posts/5" } };
const API_KEY = "demo-miniapp-api-key";

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function notify(
  user: Pick<SimUser, "idByApp">,
  body: unknown = BODY,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim!.url}/notification/template`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "X-Api-Key": `Bearer ${API_KEY}`,
      "X-User-Id": user.idByApp,
      "X-MiniApp-Id": TEST_IDS.miniAppId,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("POST /notification/template (Mini App notification)", () => {
  it("notifies a user who allowed it, on the notification ledger, without webhooks", async () => {
    receiver = await startWebhookReceiver();
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, templates: TEMPLATES, webhookUrl: receiver.url });
    const user = buildUser({ notificationsAllowed: true, isFollower: false });
    sim.upsertUsers([user]);

    const res = await notify(user);

    expect(res).toEqual({
      status: 200,
      body: { error: 0, message: "Success", data: { msg_id: expect.stringMatching(/^[0-9a-f]{20}$/) } },
    });
    expect(sim.ledger.forChannel("notification")).toEqual([
      expect.objectContaining({
        messageId: (res.body.data as { msg_id: string }).msg_id,
        userIdByOa: user.idByOa,
        channel: "notification",
        costVnd: 0,
        endpoint: "/notification/template",
        type: "notification",
        text: "mini-tin-moi",
      }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
  });

  it("checks the API key (HTTP 401), the Mini App id, the user and the template", async () => {
    sim = await startTestSim({ templates: TEMPLATES });
    const user = buildUser({ notificationsAllowed: true });
    sim.upsertUsers([user]);

    expect(await notify(user, BODY, { "X-Api-Key": "Bearer wrong" })).toEqual({
      status: 401,
      body: { error: -401, message: "Invalid API key" },
    });
    expect((await notify(user, BODY, { "X-Api-Key": "" })).status).toBe(401);
    expect((await notify(user, BODY, { "X-MiniApp-Id": "42" })).body).toEqual({
      error: -201,
      message: "miniapp_id is invalid!",
    });
    expect((await notify({ idByApp: "nobody" })).body).toMatchObject({ error: -201 });
    expect((await notify(user, { ...BODY, templateId: "khac" })).body).toEqual({
      error: -201,
      message: "templateId is invalid!",
    });
    expect((await notify(user, { templateId: "mini-tin-moi", templateData: { title: "x" } })).body).toEqual({
      error: -201,
      message: "templateData is invalid!",
    });
    expect(sim.ledger.count()).toBe(0);
    // A bare key (no "Bearer") is accepted as well.
    expect((await notify(user, BODY, { "X-Api-Key": API_KEY })).body).toMatchObject({ error: 0 });
  });

  it("answers -230 until the user allows notifications through /__sim, as the Mini App does", async () => {
    sim = await startTestSim({ templates: TEMPLATES });
    const user = buildUser();
    sim.upsertUsers([user]);

    expect((await notify(user)).body).toEqual({
      error: -230,
      message: "User has not allowed notifications from this Mini App",
    });
    const allowed = await fetch(`${sim.url}/__sim/users/${user.idByApp}/allow-notifications`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ allowed: true }),
    });
    expect(await allowed.json()).toMatchObject({
      user: { idByApp: user.idByApp, notificationsAllowed: true },
    });
    expect((await notify(user)).body).toMatchObject({ error: 0 });
    // Re-seeding the user without the field keeps the choice.
    sim.upsertUsers([{ ...user, name: "Tên mới" }]);
    expect(sim.getUser(user.idByOa)).toMatchObject({ name: "Tên mới", notificationsAllowed: true });
    sim.setNotificationsAllowed(user.idByApp, false);
    expect((await notify(user)).body).toMatchObject({ error: -230 });
  });

  it("caps each user per Ho Chi Minh day (-218) and the app per day (-211)", async () => {
    // 16:59 UTC is 23:59 in Hanoi: one minute later is another day there.
    let now = Date.UTC(2026, 10, 26, 16, 59, 0);
    sim = await startTestSim({ now: () => now, templates: TEMPLATES, notificationDailyQuota: 2 });
    const [a, b, c] = [1, 2, 3].map(() => buildUser({ notificationsAllowed: true })) as [
      SimUser,
      SimUser,
      SimUser,
    ];
    sim.upsertUsers([a, b, c]);

    expect((await notify(a)).body).toMatchObject({ error: 0 });
    expect((await notify(a)).body).toEqual({ error: -218, message: "Out of quota receive" });
    expect((await notify(b)).body).toMatchObject({ error: 0 });
    expect((await notify(c)).body).toEqual({ error: -211, message: "Out of quota" });
    now += 60_000;
    expect((await notify(c)).body).toMatchObject({ error: 0 });
    expect((await notify(a)).body).toMatchObject({ error: 0 });

    expect(sim.ledger.summary().byChannel.notification).toEqual({ messages: 4, costVnd: 0, recipients: 3 });
    expect(sim.stats()).toMatchObject({ quotaRefusals: 2, errorsByChannel: { notification: 2 } });
  });
});
