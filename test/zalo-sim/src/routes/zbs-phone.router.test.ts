import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  oaPost,
  startTestSim,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

const DAY = 24 * 60 * 60 * 1000;
const TEMPLATES = { "zbs-thong-bao": ["title", "link"] };
const DATA = { title: "Lịch tiêm chủng", link: "https://loa.example/p/3" };

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function get(path: string, token: string) {
  const res = await fetch(`${sim!.url}${path}`, { headers: { access_token: token } });
  return (await res.json()) as Record<string, unknown>;
}

describe("POST /message/template (ZBS by phone)", () => {
  it("sends to the user with that number, +84 or 84, and records it on the zbs_phone ledger", async () => {
    receiver = await startWebhookReceiver();
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, templates: TEMPLATES, webhookUrl: receiver.url });
    // Neither a follower nor a recent contact: ZBS by phone needs neither.
    const user = buildUser({ phone: "84912000001", isFollower: false, lastInteractionAt: now - 90 * DAY });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };

    const first = await oaPost(
      sim,
      "/message/template",
      {
        phone: "+84912000001",
        template_id: "zbs-thong-bao",
        template_data: DATA,
        tracking_id: "delivery-17",
      },
      headers,
    );
    const second = await oaPost(
      sim,
      "/message/template",
      { phone: "84912000001", template_id: "zbs-thong-bao", template_data: DATA, mode: "development" },
      headers,
    );

    expect(first.body).toEqual({
      error: 0,
      message: "Success",
      data: {
        msg_id: expect.stringMatching(/^[0-9a-f]{20}$/),
        sent_time: String(now),
        sending_mode: "1",
        quota: { dailyQuota: "2000", remainingQuota: "1999" },
      },
    });
    expect(second.body).toMatchObject({ error: 0, data: { quota: { remainingQuota: "1998" } } });
    const msgId = (first.body.data as { msg_id: string }).msg_id;
    expect(sim.ledger.forUser(user.idByOa)[0]).toMatchObject({
      messageId: msgId,
      channel: "zbs_phone",
      costVnd: 300,
      endpoint: "/message/template",
      type: "template",
      text: "zbs-thong-bao",
      links: ["https://loa.example/p/3"],
      trackingId: "delivery-17",
    });
    expect(await get("/message/quota", accessToken)).toEqual({
      error: 0,
      message: "Success",
      data: { dailyQuota: "2000", remainingQuota: "1998" },
    });
    expect(await get(`/message/status?message_id=${msgId}`, accessToken)).toMatchObject({
      error: 0,
      data: { status: 1 },
    });
    expect(await get("/message/status?message_id=nope", accessToken)).toMatchObject({
      error: 0,
      data: { status: -1 },
    });
    // No receipts and no echo for this channel.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
  });

  it("answers ZNS codes: -124 token, -108 phone, -109 template, -112 data, -114 recipient", async () => {
    sim = await startTestSim({ templates: TEMPLATES });
    const blocked = buildUser({ phone: "84912000002", zbsBlocked: true });
    sim.upsertUsers([blocked, buildUser({ phone: "84912000003" })]);
    const { accessToken } = sim.issueOaTokens();
    const send = (body: unknown, token = accessToken) =>
      oaPost(sim!, "/message/template", body, { access_token: token }).then((r) => r.body);
    const ok = { phone: "84912000003", template_id: "zbs-thong-bao", template_data: DATA };

    expect(await send(ok, "bogus")).toEqual({ error: -124, message: "Invalid access token" });
    expect((await oaPost(sim, "/message/template", ok)).body).toMatchObject({ error: -124 });
    for (const phone of ["0912000003", "84912", "849120000031234", "+8491200000a", 84912000003])
      expect(await send({ ...ok, phone })).toMatchObject({ error: phone === 84912000003 ? 0 : -108 });
    expect(await send({ ...ok, template_id: "khac" })).toMatchObject({ error: -109 });
    expect(await send({ ...ok, template_id: undefined })).toMatchObject({ error: -109 });
    expect(await send({ ...ok, template_data: { title: "a" } })).toMatchObject({ error: -112 });
    expect(await send({ ...ok, template_data: { ...DATA, extra: 1 } })).toMatchObject({ error: -112 });
    expect(await send({ ...ok, tracking_id: "x".repeat(49) })).toMatchObject({ error: -132 });
    expect(await send({ ...ok, phone: "84999999999" })).toMatchObject({ error: -114 });
    expect(await send({ ...ok, phone: blocked.phone })).toMatchObject({ error: -114 });
    const malformed = await oaPost(sim, "/message/template", '{"phone":', { access_token: accessToken });
    expect(malformed).toMatchObject({ status: 200, body: { error: -122 } });

    expect(sim.ledger.forChannel("zbs_phone")).toHaveLength(1);
    // 2 token errors, 4 bad phones, 2+2 template problems, tracking_id, 2 unreachable users: every
    // one counted (the malformed body is refused by the parser, before the route).
    expect(sim.stats().errorsByChannel.zbs_phone).toBe(13);
  });
});
