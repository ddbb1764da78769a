import { tables } from "@loa-phuong/bot-server/store";
import { buildResident, buildSendingBroadcast, buildWard } from "@loa-phuong/bot-server/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { WARD } from "./support/ward.js";

/** POST /api/auth/zalo answering the Mini App's first screen (profile and feed) with the session. */
describe("a resident's sign-in with the first page of their feed", () => {
  let stack: Stack;

  beforeAll(async () => {
    // The API process alone: nothing changes the store behind the test's back.
    stack = await startStack({ worker: false });
    const db = stack.runtime.store.db;
    await buildWard(db, { id: WARD });
    // A post sent to the whole ward: it is in every resident's feed.
    const broadcast = await buildSendingBroadcast(db, WARD);
    await db
      .update(tables.broadcasts)
      .set({ startedAt: new Date() })
      .where(eq(tables.broadcasts.id, broadcast.id));
  });
  afterAll(async () => stack?.stop());

  /** A resident known to the ward and to Zalo, and a fresh Zalo token of theirs. */
  async function zaloResident() {
    const resident = await buildResident(stack.runtime.store.db, WARD, { consentedAt: new Date() });
    stack.sim.upsertUsers([
      {
        idByApp: resident.zaloAppUserId!,
        idByOa: resident.zaloOaUserId!,
        name: resident.fullName,
        isFollower: true,
        lastInteractionAt: Date.now() - 3_600_000,
      },
    ]);
    return { resident, accessToken: stack.sim.issueUserAccessToken(resident.zaloAppUserId!) };
  }

  it("answers the session, the profile and the first page of the feed in one round trip", async () => {
    const { resident, accessToken } = await zaloResident();
    const client = new ApiClient(stack.url);
    const signIn = await client.request("POST", "/api/auth/zalo", { accessToken, feed: { limit: 5 } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.resident).toMatchObject({
      id: resident.id,
      fullName: resident.fullName,
      onboarded: true,
    });
    expect(signIn.body.feed.items.map((item: { title: string }) => item.title)).toEqual(["Lịch tiêm chủng"]);

    // The same page and profile the session's own requests answer.
    client.token = signIn.body.token;
    expect((await client.request("GET", "/api/feed?limit=5")).body).toEqual(signIn.body.feed);
    expect((await client.request("GET", "/api/me")).body).toEqual(signIn.body.resident);
  });

  it("answers as before without it: the session and the profile only", async () => {
    const { resident, accessToken } = await zaloResident();
    const signIn = await new ApiClient(stack.url).request("POST", "/api/auth/zalo", { accessToken });
    expect(signIn.status).toBe(200);
    expect(Object.keys(signIn.body).sort()).toEqual(["expiresAt", "resident", "token"]);
    expect(signIn.body.resident.id).toBe(resident.id);
  });

  it("takes 20 posts unless told, and refuses a page size the feed would refuse", async () => {
    const { accessToken } = await zaloResident();
    const client = new ApiClient(stack.url);
    const defaulted = await client.request("POST", "/api/auth/zalo", { accessToken, feed: {} });
    expect(defaulted.status).toBe(200);
    expect(defaulted.body.feed.items).toHaveLength(1);

    for (const feed of [{ limit: 0 }, { limit: 51 }, { limit: "20" }, { limit: 5, kind: "news" }]) {
      const refused = await client.request("POST", "/api/auth/zalo", { accessToken, feed });
      expect(refused.status, JSON.stringify(feed)).toBe(400);
      expect(refused.body.fields[0].field, JSON.stringify(feed)).toMatch(/^body\.feed/);
    }
  });
});
