import { afterEach, describe, expect, it } from "vitest";
import { buildUser, oaPost, sendText, startTestSim, TEST_IDS } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const TEMPLATES = { "zbs-1": ["title"], "mini-1": ["title"] };

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim!.url}/__sim${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

function zbsByUid(token: string, userId: string) {
  return oaPost(
    sim!,
    "/v3.0/oa/message/template",
    { recipient: { user_id: userId }, template_id: "zbs-1", template_data: { title: "a" } },
    { access_token: token },
  );
}

function zbsByPhone(token: string, phone: string) {
  return oaPost(
    sim!,
    "/message/template",
    { phone, template_id: "zbs-1", template_data: { title: "a" } },
    { access_token: token },
  );
}

function notify(idByApp: string) {
  return fetch(`${sim!.url}/notification/template`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-api-key": "Bearer demo-miniapp-api-key",
      "x-user-id": idByApp,
      "x-miniapp-id": TEST_IDS.miniAppId,
    },
    body: JSON.stringify({ templateId: "mini-1", templateData: { title: "a" } }),
  }).then(async (r) => (await r.json()) as Record<string, unknown>);
}

async function publishAndBroadcast(token: string) {
  const headers = { access_token: token };
  const article = { type: "normal", title: "Tin phường", description: "Mô tả", body: [], status: "show" };
  const created = await oaPost(sim!, "/v2.0/article/create", article, headers);
  const verified = await oaPost(sim!, "/v2.0/article/verify", created.body.data, headers);
  const id = (verified.body.data as { id: string }).id;
  const body = {
    recipient: { target: {} },
    message: {
      attachment: {
        type: "template",
        payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: id }] },
      },
    },
  };
  return oaPost(sim!, "/v2.0/oa/message", body, headers);
}

describe("ZBS daily quota", () => {
  it("is shared by ZBS by user id and by phone: -211 and -115 once spent, again the next day", async () => {
    // 16:30 UTC is 23:30 in Hanoi.
    let now = Date.UTC(2026, 10, 26, 16, 30, 0);
    sim = await startTestSim({ now: () => now, templates: TEMPLATES, zbsDailyQuota: 2 });
    const user = buildUser({ phone: "84912000011", lastInteractionAt: now });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    expect((await zbsByUid(accessToken, user.idByOa)).body).toMatchObject({
      error: 0,
      data: { quota: { quota_type: "purchase_quota", remain: 1 } },
    });
    expect((await zbsByPhone(accessToken, "+84912000011")).body).toMatchObject({
      error: 0,
      data: { quota: { dailyQuota: "2", remainingQuota: "0" } },
    });
    expect((await zbsByUid(accessToken, user.idByOa)).body).toEqual({ error: -211, message: "Out of quota" });
    expect((await zbsByPhone(accessToken, "84912000011")).body).toEqual({
      error: -115,
      message: "Out of quota",
    });
    expect((await admin("GET", "/quotas")).body).toMatchObject({ zbs: { dailyQuota: 2, remaining: 0 } });

    now += HOUR;
    expect((await zbsByPhone(accessToken, "84912000011")).body).toMatchObject({ error: 0 });
    expect((await zbsByUid(accessToken, user.idByOa)).body).toMatchObject({ error: 0 });
    expect((await zbsByUid(accessToken, user.idByOa)).body).toMatchObject({ error: -211 });
    expect((await admin("DELETE", "/quotas")).status).toBe(200);
    expect((await zbsByUid(accessToken, user.idByOa)).body).toMatchObject({ error: 0 });

    expect(sim.stats()).toMatchObject({
      quotaRefusals: 3,
      errorsByChannel: { zbs_uid: 2, zbs_phone: 1, cs: 0 },
    });
    expect(sim.ledger.summary().byChannel).toMatchObject({
      zbs_uid: { messages: 3, recipients: 1 },
      zbs_phone: { messages: 2, recipients: 1 },
    });
  });
});

describe("forced channel errors", () => {
  it("answers the forced code after auth for the next N calls, without writing to the ledger", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const set = await admin("POST", "/channel-errors", { channel: "cs", code: -211, count: 2 });
    expect(set.body).toEqual({
      channelErrors: [{ channel: "cs", code: -211, message: "Out of quota", remaining: 2 }],
    });
    // A bad token is answered as such and does not use up a forced error.
    expect((await sendText(sim, "bogus", user.idByOa, "x")).body).toMatchObject({ error: -216 });
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toEqual({
      error: -211,
      message: "Out of quota",
    });
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: -211 });
    expect(sim.ledger.count()).toBe(0);
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: 0 });
    expect((await admin("GET", "/channel-errors")).body).toEqual({ channelErrors: [] });

    expect(sim.stats()).toMatchObject({
      forcedErrors: 2,
      quotaRefusals: 2,
      errorsByChannel: { cs: 3, zbs_uid: 0 },
    });
  });

  it("keeps an error without count until cleared, per channel, from HTTP or the handle", async () => {
    sim = await startTestSim({ templates: TEMPLATES });
    const user = buildUser({ phone: "84912000021", notificationsAllowed: true });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    await admin("POST", "/channel-errors", { channel: "zbs_phone", code: -115 });
    sim.setChannelError({ channel: "notification", code: -320, message: "No Zalo Cloud Account" });
    sim.setChannelError({ channel: "article", code: -224 });
    sim.setChannelError({ channel: "zbs_uid", code: -321, count: 1 });
    for (let i = 0; i < 3; i++)
      expect((await zbsByPhone(accessToken, "84912000021")).body).toMatchObject({ error: -115 });
    expect(await notify(user.idByApp)).toEqual({ error: -320, message: "No Zalo Cloud Account" });
    expect((await publishAndBroadcast(accessToken)).body).toMatchObject({ error: -224 });
    expect((await zbsByUid(accessToken, user.idByOa)).body).toMatchObject({ error: -321 });
    // The CS channel has nothing forced.
    expect((await sendText(sim, accessToken, user.idByOa, "x")).body).toMatchObject({ error: 0 });

    expect((await admin("DELETE", "/channel-errors?channel=zbs_phone")).body.channelErrors).toHaveLength(2);
    expect((await zbsByPhone(accessToken, "84912000021")).body).toMatchObject({ error: 0 });
    sim.clearChannelErrors();
    expect(await notify(user.idByApp)).toMatchObject({ error: 0 });
    expect((await publishAndBroadcast(accessToken)).body).toMatchObject({ error: 0 });
    expect(sim.ledger.summary().byChannel).toMatchObject({
      cs: { messages: 1 },
      zbs_uid: { messages: 0 },
      zbs_phone: { messages: 1 },
      notification: { messages: 1 },
      article: { messages: 1 },
    });
    expect(sim.stats()).toMatchObject({
      forcedErrors: 6,
      quotaRefusals: 3,
      errorsByChannel: { cs: 0, zbs_uid: 1, zbs_phone: 3, notification: 1, article: 1 },
    });

    expect((await admin("POST", "/channel-errors", { channel: "sms", code: 0 })).status).toBe(400);
    expect(() => sim!.setChannelError({ channel: "cs", code: 0 })).toThrow(/code/);
  });
});

describe("ledger per channel", () => {
  it("prices each message and sums messages, cost and recipients per channel", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, templates: TEMPLATES, prices: { zbsPhone: 250 } });
    const recent = buildUser({ lastInteractionAt: now - 47 * HOUR, notificationsAllowed: true });
    const older = buildUser({ lastInteractionAt: now - 3 * DAY, phone: "84912000031" });
    sim.upsertUsers([recent, older]);
    const { accessToken } = sim.issueOaTokens();

    await sendText(sim, accessToken, recent.idByOa, "miễn phí");
    await sendText(sim, accessToken, older.idByOa, "tính phí");
    await zbsByUid(accessToken, recent.idByOa);
    await zbsByPhone(accessToken, "84912000031");
    await notify(recent.idByApp);
    await publishAndBroadcast(accessToken);

    expect(sim.ledger.all().map((e) => [e.channel, e.userIdByOa, e.costVnd])).toEqual([
      ["cs", recent.idByOa, 0],
      ["cs", older.idByOa, 55],
      ["zbs_uid", recent.idByOa, 165],
      ["zbs_phone", older.idByOa, 250],
      ["notification", recent.idByOa, 0],
      ["article", recent.idByOa, 0],
      ["article", older.idByOa, 0],
    ]);
    const summary = await admin("GET", "/ledger/summary");
    expect(summary.body).toEqual({
      count: 7,
      firstSentAt: now,
      lastSentAt: now,
      perUser: { [recent.idByOa]: 4, [older.idByOa]: 3 },
      costVnd: 470,
      byChannel: {
        cs: { messages: 2, costVnd: 55, recipients: 2 },
        zbs_uid: { messages: 1, costVnd: 165, recipients: 1 },
        zbs_phone: { messages: 1, costVnd: 250, recipients: 1 },
        notification: { messages: 1, costVnd: 0, recipients: 1 },
        article: { messages: 2, costVnd: 0, recipients: 2 },
      },
    });
    expect((await admin("GET", "/ledger?channel=cs")).body.entries).toHaveLength(2);
    expect((await admin("GET", "/ledger?channel=article&limit=1")).body.entries).toHaveLength(1);
    const olderCs = await admin("GET", `/ledger?channel=cs&user_id=${older.idByOa}`);
    expect(olderCs.body.entries).toEqual([expect.objectContaining({ costVnd: 55, text: "tính phí" })]);
    expect((await admin("GET", "/ledger?channel=sms")).status).toBe(400);

    // Only the OA chat's channels show in the conversation API.
    const data = encodeURIComponent(JSON.stringify({ user_id: recent.idByOa, offset: 0, count: 10 }));
    const conversation = await fetch(`${sim.url}/v2.0/oa/conversation?data=${data}`, {
      headers: { access_token: accessToken },
    });
    const items = ((await conversation.json()) as { data: { type: string }[] }).data;
    expect(items.map((i) => i.type).sort()).toEqual(["article", "template", "text"]);
  });
});

describe("interactOA from the Mini App", () => {
  it("opens the 7-day CS window of a silent user, through CORS-enabled /__sim", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const silent = buildUser({ lastInteractionAt: now - 30 * DAY });
    sim.upsertUsers([silent]);
    const { accessToken } = sim.issueOaTokens();

    expect((await sendText(sim, accessToken, silent.idByOa, "a")).body).toMatchObject({ error: -230 });
    for (const path of ["interact-oa", "allow-notifications"]) {
      const preflight = await fetch(`${sim.url}/__sim/users/${silent.idByApp}/${path}`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:3001", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    }
    const interacted = await admin("POST", `/users/${silent.idByApp}/interact-oa`);
    expect(interacted.body).toMatchObject({ user: { idByApp: silent.idByApp, lastInteractionAt: now } });
    expect(interacted.headers.get("access-control-allow-origin")).toBe("*");
    expect((await sendText(sim, accessToken, silent.idByOa, "a")).body).toMatchObject({ error: 0 });
    expect(sim.ledger.forUser(silent.idByOa)[0]?.costVnd).toBe(0);

    expect((await admin("POST", "/users/nobody/interact-oa")).status).toBe(404);
    expect(
      (await admin("POST", `/users/${silent.idByApp}/allow-notifications`, { allowed: "yes" })).status,
    ).toBe(400);
    expect(sim.interactOA(silent.idByApp)).toMatchObject({ lastInteractionAt: now });
  });
});
