import { afterEach, describe, expect, it } from "vitest";
import { buildUser, oaPost, sendText, startTestSim, TEST_IDS } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("POST /v3.0/oa/message/cs", () => {
  it("accepts a text within 48 h as a free reply and records it in the ledger", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const user = buildUser({ lastInteractionAt: now - 47 * HOUR });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const res = await sendText(
      sim,
      accessToken,
      user.idByOa,
      "Thông báo họp tổ dân phố https://loa.example/p/1.",
    );

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      error: 0,
      message: "Success",
      data: {
        user_id: user.idByOa,
        sent_time: String(now),
        quota: { quota_type: "reply", owner_type: "OA", owner_id: TEST_IDS.oaId, total: 8, remain: 7 },
      },
    });
    const data = res.body.data as { message_id: string };
    expect(data.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(sim.ledger.forUser(user.idByOa)).toEqual([
      expect.objectContaining({
        messageId: data.message_id,
        endpoint: "/v3.0/oa/message/cs",
        text: "Thông báo họp tổ dân phố https://loa.example/p/1.",
        links: ["https://loa.example/p/1"],
        sentAt: now,
      }),
    ]);
  });

  it("omits the quota (billed) between 48 h and 7 days", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const user = buildUser({ lastInteractionAt: now - 3 * DAY });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const res = await sendText(sim, accessToken, user.idByOa, "Xin chào");

    expect(res.body.error).toBe(0);
    expect(res.body.data).not.toHaveProperty("quota");
  });

  it("answers -216 for an unknown token and -220 for an expired one, without sending", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    expect((await sendText(sim, "bogus", user.idByOa, "a")).body).toMatchObject({ error: -216 });
    sim.expireOaAccessToken();
    expect((await sendText(sim, accessToken, user.idByOa, "a")).body).toMatchObject({ error: -220 });
    expect(sim.ledger.count()).toBe(0);
  });

  it("answers -213 to a non-follower and -230 after 7 days without interaction", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const stranger = buildUser({ isFollower: false });
    const silent = buildUser({ lastInteractionAt: now - 7 * DAY - 1 });
    const borderline = buildUser({ lastInteractionAt: now - 7 * DAY });
    sim.upsertUsers([stranger, silent, borderline]);
    const { accessToken } = sim.issueOaTokens();

    expect((await sendText(sim, accessToken, stranger.idByOa, "a")).body).toMatchObject({ error: -213 });
    expect((await sendText(sim, accessToken, silent.idByOa, "a")).body).toMatchObject({ error: -230 });
    expect((await sendText(sim, accessToken, borderline.idByOa, "a")).body).toMatchObject({ error: 0 });
    expect(sim.ledger.count()).toBe(1);
  });

  it("lets the 7-day rule be switched off", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, enforceInteractionWindow: false });
    const silent = buildUser({ lastInteractionAt: now - 30 * DAY });
    sim.upsertUsers([silent]);
    const { accessToken } = sim.issueOaTokens();
    expect((await sendText(sim, accessToken, silent.idByOa, "a")).body).toMatchObject({ error: 0 });
  });

  it("validates text, user id, message type and JSON with Zalo's envelope", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };

    expect((await sendText(sim, accessToken, user.idByOa, "x".repeat(2001))).body).toEqual({
      error: -201,
      message: "text is invalid!",
    });
    expect((await sendText(sim, accessToken, user.idByOa, "x".repeat(2000))).body).toMatchObject({
      error: 0,
    });
    expect((await sendText(sim, accessToken, user.idByOa, "")).body).toMatchObject({
      error: -201,
      message: "text is invalid!",
    });
    expect((await sendText(sim, accessToken, "1", "a")).body).toEqual({
      error: -201,
      message: "user_id is invalid!",
    });
    const wrongType = {
      recipient: { user_id: user.idByOa },
      message: { attachment: { type: "template", payload: { template_type: "carousel" } } },
    };
    expect((await oaPost(sim, "/v3.0/oa/message/cs", wrongType, headers)).body).toMatchObject({
      error: -233,
    });
    const malformed = await oaPost(sim, "/v3.0/oa/message/cs", '{"recipient": {', headers);
    expect(malformed).toMatchObject({ status: 200, body: { error: -201 } });
    expect(sim.ledger.count()).toBe(1);
  });

  it("accepts the list template and keeps every URL of it", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const body = {
      recipient: { user_id: user.idByOa },
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "list",
            elements: [
              {
                title: "Họp tổ dân phố số 5",
                subtitle: "19:00 thứ Bảy",
                image_url: "https://cdn.example/banner.jpg",
                default_action: { type: "oa.open.url", url: "https://loa.example/p/7?ref=oa" },
              },
            ],
            buttons: [
              {
                title: "Xem chi tiết",
                type: "oa.open.url",
                payload: { url: "https://loa.example/p/7/detail" },
              },
            ],
          },
        },
      },
    };

    const res = await oaPost(sim, "/v3.0/oa/message/cs", body, { access_token: accessToken });

    expect(res.body.error).toBe(0);
    const [entry] = sim.ledger.forUser(user.idByOa);
    expect(entry).toMatchObject({ type: "list", text: "Họp tổ dân phố số 5" });
    expect(entry?.links).toEqual([
      "https://cdn.example/banner.jpg",
      "https://loa.example/p/7?ref=oa",
      "https://loa.example/p/7/detail",
    ]);
  });

  it("rejects a list with more than 5 elements", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const elements = Array.from({ length: 6 }, (_, i) => ({ title: `Mục ${i}` }));
    const body = {
      recipient: { user_id: user.idByOa },
      message: { attachment: { type: "template", payload: { template_type: "list", elements } } },
    };
    expect((await oaPost(sim, "/v3.0/oa/message/cs", body, { access_token: accessToken })).body).toEqual({
      error: -201,
      message: "elements is invalid!",
    });
  });

  it("answers -32 once the per-minute limit is spent, with rate-limit headers", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, rateLimitPerMinute: 3 });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await sendText(sim, accessToken, user.idByOa, `tin ${i}`));

    expect(answers.map((a) => a.body.error)).toEqual([0, 0, 0, -32]);
    expect(answers[3]?.body.message).toBe("Your application reached limit call api");
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("3");
    expect(answers.map((a) => a.headers.get("x-ratelimit-remain"))).toEqual(["2", "1", "0", "0"]);
    expect(sim.ledger.count()).toBe(3);
    expect(sim.stats().limitErrors).toBe(1);
    now += 60_000;
    expect((await sendText(sim, accessToken, user.idByOa, "phút mới")).body).toMatchObject({ error: 0 });
  });

  it("recovers a user_id sent as an unquoted number beyond 2^53", async () => {
    sim = await startTestSim();
    const user = buildUser({ idByOa: "2468458835296197922" });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const raw = `{"recipient":{"user_id":${user.idByOa}},"message":{"text":"Chào"}}`;
    expect((await oaPost(sim, "/v3.0/oa/message/cs", raw, { access_token: accessToken })).body).toMatchObject(
      {
        error: 0,
        data: { user_id: user.idByOa },
      },
    );
  });
});

describe("POST /v3.0/oa/message/template", () => {
  it("accepts user_id at the top level or in recipient, ignoring follower and 7-day rules", async () => {
    const now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, templates: { "7895417a7d3f9461cd2e": ["link"] } });
    const user = buildUser({ isFollower: false, lastInteractionAt: now - 90 * DAY });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };
    const template = {
      template_id: "7895417a7d3f9461cd2e",
      template_data: { link: "https://loa.example/p/9" },
    };

    const top = await oaPost(
      sim,
      "/v3.0/oa/message/template",
      { user_id: user.idByOa, ...template },
      headers,
    );
    const nested = await oaPost(
      sim,
      "/v3.0/oa/message/template",
      { recipient: { user_id: user.idByOa }, ...template },
      headers,
    );
    const missing = await oaPost(sim, "/v3.0/oa/message/template", { user_id: user.idByOa }, headers);

    expect(top.body).toMatchObject({ error: 0, data: { user_id: user.idByOa } });
    expect(nested.body).toMatchObject({ error: 0 });
    expect(missing.body).toEqual({ error: -201, message: "template_id is invalid!" });
    expect(sim.ledger.forUser(user.idByOa).map((e) => [e.endpoint, e.links])).toEqual([
      ["/v3.0/oa/message/template", ["https://loa.example/p/9"]],
      ["/v3.0/oa/message/template", ["https://loa.example/p/9"]],
    ]);
  });

  it("sends only templates the OA approved, with exactly their parameters, not shown in the conversation", async () => {
    sim = await startTestSim({ templates: { "tmpl-thong-bao": ["title", "link"] } });
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };
    const send = (body: Record<string, unknown>) =>
      oaPost(sim!, "/v3.0/oa/message/template", { user_id: user.idByOa, ...body }, headers);

    expect(
      (
        await send({
          template_id: "tmpl-khac",
          template_data: { title: "a", link: "https://loa.example/p/1" },
        })
      ).body,
    ).toEqual({ error: -201, message: "template_id is invalid!" });
    expect((await send({ template_id: "tmpl-thong-bao", template_data: { title: "a" } })).body).toEqual({
      error: -201,
      message: "template_data is invalid!",
    });
    expect(
      (
        await send({
          template_id: "tmpl-thong-bao",
          template_data: { title: "a", link: "https://loa.example/p/1", extra: "x" },
        })
      ).body,
    ).toEqual({ error: -201, message: "template_data is invalid!" });
    expect(sim.ledger.forUser(user.idByOa)).toEqual([]);

    expect(
      (
        await send({
          template_id: "tmpl-thong-bao",
          template_data: { title: "a", link: "https://loa.example/p/1" },
        })
      ).body,
    ).toMatchObject({ error: 0 });
    const data = encodeURIComponent(JSON.stringify({ user_id: user.idByOa, offset: 0, count: 10 }));
    const conversation = (await (
      await fetch(`${sim.url}/v2.0/oa/conversation?data=${data}`, { headers })
    ).json()) as { data: Array<Record<string, unknown>> };
    expect(conversation.data).toHaveLength(1);
    expect(conversation.data[0]).toMatchObject({ type: "template" });
    expect(conversation.data[0]).not.toHaveProperty("links");
  });
});
