import { afterEach, describe, expect, it } from "vitest";
import {
  buildUser,
  oaPost,
  startTestSim,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../test-support/harness.js";
import type { SimUser, ZaloSim } from "../types.js";

const DAY = 24 * 60 * 60 * 1000;
const ARTICLE = {
  type: "normal",
  title: "Lịch cắt điện tuần này",
  author: "UBND phường",
  cover: { cover_type: "photo", photo_url: "https://cdn.example/cover.jpg", status: "show" },
  description: "Khu phố 3 cắt điện sáng thứ Bảy.",
  body: [
    { type: "text", content: "Chi tiết tại https://loa.example/p/12?c=article" },
    { type: "image", url: "https://cdn.example/map.jpg" },
  ],
  status: "show",
  comment: "hide",
};

let sim: ZaloSim | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

function broadcastBody(articleId: string, target: Record<string, unknown> = {}) {
  return {
    recipient: { target },
    message: {
      attachment: {
        type: "template",
        payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: articleId }] },
      },
    },
  };
}

/** create → verify, as the ward's server does, and the id of the article. */
async function publish(token: string, article: unknown = ARTICLE): Promise<string> {
  const created = await oaPost(sim!, "/v2.0/article/create", article, { access_token: token });
  expect(created.body).toMatchObject({ error: 0, data: { token: expect.any(String) } });
  const verified = await oaPost(
    sim!,
    "/v2.0/article/verify",
    { token: (created.body.data as { token: string }).token },
    { access_token: token },
  );
  expect(verified.body).toMatchObject({ error: 0, data: { id: expect.any(String) } });
  return (verified.body.data as { id: string }).id;
}

function broadcast(token: string, articleId: string, target?: Record<string, unknown>) {
  return oaPost(sim!, "/v2.0/oa/message", broadcastBody(articleId, target), { access_token: token });
}

describe("OA articles", () => {
  it("creates, verifies and returns an article; refuses a missing title or description", async () => {
    sim = await startTestSim();
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };

    const id = await publish(accessToken);
    const detail = await fetch(`${sim.url}/v2.0/article/getdetail?id=${id}`, { headers });
    expect(await detail.json()).toMatchObject({
      error: 0,
      data: {
        id,
        title: ARTICLE.title,
        description: ARTICLE.description,
        body: ARTICLE.body,
        comment: "hide",
      },
    });

    const { title: _t, ...noTitle } = ARTICLE;
    const { description: _d, ...noDescription } = ARTICLE;
    expect((await oaPost(sim, "/v2.0/article/create", noTitle, headers)).body).toEqual({
      error: -201,
      message: "title is invalid!",
    });
    expect((await oaPost(sim, "/v2.0/article/create", noDescription, headers)).body).toEqual({
      error: -201,
      message: "description is invalid!",
    });
    expect((await oaPost(sim, "/v2.0/article/verify", { token: "nope" }, headers)).body).toMatchObject({
      error: -201,
    });
    const missing = await fetch(`${sim.url}/v2.0/article/getdetail?id=nope`, { headers });
    expect(await missing.json()).toMatchObject({ error: -201 });
    expect((await oaPost(sim, "/v2.0/article/create", ARTICLE, {})).body).toMatchObject({ error: -216 });
  });

  it("broadcasts to every current follower under one message id, without receipts", async () => {
    receiver = await startWebhookReceiver();
    sim = await startTestSim({ webhookUrl: receiver.url });
    const followers = [buildUser(), buildUser({ lastInteractionAt: 0 })];
    const stranger = buildUser({ isFollower: false });
    sim.upsertUsers([...followers, stranger]);
    const { accessToken } = sim.issueOaTokens();
    const id = await publish(accessToken);

    // Targets as scalars (Zalo's examples) or arrays are both accepted.
    const res = await broadcast(accessToken, id, { ages: "3,4,5", cities: ["4", 9], gender: 0 });

    expect(res.body).toEqual({
      error: 0,
      message: "Success",
      data: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/) },
    });
    const messageId = (res.body.data as { message_id: string }).message_id;
    const entries = sim.ledger.forChannel("article");
    expect(entries.map((e) => e.userIdByOa)).toEqual(followers.map((f) => f.idByOa));
    for (const entry of entries) {
      expect(entry).toMatchObject({
        messageId,
        channel: "article",
        costVnd: 0,
        type: "article",
        text: ARTICLE.title,
        endpoint: "/v2.0/oa/message",
      });
      expect(entry.links).toEqual([
        "https://cdn.example/cover.jpg",
        "https://loa.example/p/12?c=article",
        "https://cdn.example/map.jpg",
      ]);
    }
    expect(sim.ledger.forUser(stranger.idByOa)).toEqual([]);
    expect((await broadcast(accessToken, "unknown-article")).body).toEqual({
      error: -201,
      message: "attachment_id is invalid!",
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
  });

  it("answers -240 to anything but an article broadcast on /v2.0/oa/message", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const headers = { access_token: accessToken };
    const id = await publish(accessToken);
    const shutDown = { error: -240, message: "MessageV2 API has been shut down" };

    const text = { recipient: { user_id: user.idByOa }, message: { text: "Xin chào" } };
    expect((await oaPost(sim, "/v2.0/oa/message", text, headers)).body).toEqual(shutDown);
    const toOne = { ...broadcastBody(id), recipient: { user_id: user.idByOa } };
    expect((await oaPost(sim, "/v2.0/oa/message", toOne, headers)).body).toEqual(shutDown);
    const withText = broadcastBody(id);
    const textAndArticle = { ...withText, message: { ...withText.message, text: "x" } };
    expect((await oaPost(sim, "/v2.0/oa/message", textAndArticle, headers)).body).toEqual(shutDown);
    const image = broadcastBody(id);
    image.message.attachment.payload.elements[0]!.media_type = "image";
    expect((await oaPost(sim, "/v2.0/oa/message", image, headers)).body).toEqual(shutDown);
    expect(sim.ledger.count()).toBe(0);
  });

  it("skips followers at the daily or monthly cap, and answers -211 when all are capped", async () => {
    let now = Date.UTC(2026, 10, 1, 3, 0, 0);
    sim = await startTestSim({
      now: () => now,
      articlePerFollowerPerMonth: 3,
      oaAccessTokenTtlSec: 90 * 24 * 3600,
    });
    const first = buildUser({ lastInteractionAt: 0 });
    sim.upsertUsers([first]);
    const { accessToken } = sim.issueOaTokens();
    const id = await publish(accessToken);

    expect((await broadcast(accessToken, id)).body).toMatchObject({ error: 0 });
    expect((await broadcast(accessToken, id)).body).toEqual({ error: -211, message: "Out of quota" });

    // A new follower is not capped: the broadcast reaches only them, the capped one is skipped.
    const newcomer: SimUser = buildUser({ lastInteractionAt: 0 });
    sim.upsertUsers([newcomer]);
    expect((await broadcast(accessToken, id)).body).toMatchObject({ error: 0 });
    expect(sim.ledger.forChannel("article").map((e) => e.userIdByOa)).toEqual([
      first.idByOa,
      newcomer.idByOa,
    ]);
    expect(sim.stats().article).toEqual({ broadcasts: 2, skippedByCap: 1 });

    // The monthly cap (3): two more days reach both, the next day in November reaches nobody.
    for (let day = 1; day <= 2; day++) {
      now += DAY;
      expect((await broadcast(accessToken, id)).body).toMatchObject({ error: 0 });
    }
    expect(sim.ledger.forUser(first.idByOa)).toHaveLength(3);
    expect(sim.ledger.forUser(newcomer.idByOa)).toHaveLength(3);
    now += DAY;
    expect((await broadcast(accessToken, id)).body).toMatchObject({ error: -211 });
    // 17:00 UTC on 30 November is midnight on 1 December in Hanoi: a new month.
    now = Date.UTC(2026, 10, 30, 17, 0, 0);
    expect((await broadcast(accessToken, id)).body).toMatchObject({ error: 0 });
    expect(sim.ledger.summary().byChannel.article).toEqual({ messages: 8, costVnd: 0, recipients: 2 });
    expect(sim.stats()).toMatchObject({ quotaRefusals: 2, errorsByChannel: { article: 2 } });
  });
});
