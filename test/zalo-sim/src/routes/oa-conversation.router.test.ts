import { afterEach, describe, expect, it } from "vitest";
import { buildUser, oaGet, oaPost, sendText, startTestSim, TEST_IDS } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("GET /v2.0/oa/conversation", () => {
  it("lists both sides newest first, with every URL of the OA's messages in links", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const user = buildUser({ lastInteractionAt: now - 1000 });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };

    now += 1000;
    await sim.sendUserText(user.idByOa, "Cho hỏi lịch họp?");
    now += 1000;
    const text = await sendText(sim, accessToken, user.idByOa, "Lịch họp: https://loa.example/p/1?r=oa");
    now += 1000;
    const list = await oaPost(
      sim,
      "/v3.0/oa/message/cs",
      {
        recipient: { user_id: user.idByOa },
        message: {
          attachment: {
            type: "template",
            payload: {
              template_type: "list",
              elements: [
                {
                  title: "Họp tổ 5",
                  default_action: { type: "oa.open.url", url: "https://loa.example/p/2" },
                },
              ],
              buttons: [
                { title: "Mở", type: "oa.open.url", payload: { url: "https://loa.example/p/2/open" } },
              ],
            },
          },
        },
      },
      headers,
    );

    const res = await oaGet(
      sim,
      "/v2.0/oa/conversation",
      { user_id: user.idByOa, offset: 0, count: 10 },
      headers,
    );

    expect(res.body.error).toBe(0);
    const items = res.body.data as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      src: 0,
      type: "list",
      message: "Họp tổ 5",
      message_id: (list.body.data as { message_id: string }).message_id,
      from_id: TEST_IDS.oaId,
      to_id: user.idByOa,
      time: now,
      links: [{ url: "https://loa.example/p/2" }, { url: "https://loa.example/p/2/open" }],
    });
    expect(items[1]).toMatchObject({
      src: 0,
      type: "text",
      message_id: (text.body.data as { message_id: string }).message_id,
      links: [{ url: "https://loa.example/p/1?r=oa" }],
    });
    expect(items[2]).toMatchObject({
      src: 1,
      type: "text",
      message: "Cho hỏi lịch họp?",
      from_id: user.idByOa,
      to_id: TEST_IDS.oaId,
    });
  });

  it("pages with offset/count and refuses count > 10", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };
    for (let i = 0; i < 12; i++) await sendText(sim, accessToken, user.idByOa, `tin ${i}`);

    const page = await oaGet(
      sim,
      "/v2.0/oa/conversation",
      { user_id: user.idByOa, offset: 10, count: 10 },
      headers,
    );
    expect((page.body.data as { message: string }[]).map((m) => m.message)).toEqual(["tin 1", "tin 0"]);
    expect(
      (await oaGet(sim, "/v2.0/oa/conversation", { user_id: user.idByOa, offset: 0, count: 11 }, headers))
        .body,
    ).toMatchObject({ error: -210 });
    expect(
      (await oaGet(sim, "/v2.0/oa/conversation", { user_id: "1", offset: 0, count: 5 }, headers)).body,
    ).toMatchObject({ error: -201 });
  });
});
