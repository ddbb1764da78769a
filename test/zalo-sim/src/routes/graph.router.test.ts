import { afterEach, describe, expect, it } from "vitest";
import { appSecretProof } from "../middleware/zalo-api.js";
import { buildUser, startTestSim, TEST_IDS } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function getMe(token: string, headers: Record<string, string> = {}, query = "") {
  const res = await fetch(`${sim!.url}/v2.0/me?fields=id,name,picture,user_id_by_oa,is_follower${query}`, {
    headers: { access_token: token, ...headers },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function getPhone(token: string, code: string, secretKey: string = TEST_IDS.appSecret) {
  const res = await fetch(`${sim!.url}/v2.0/me/info`, {
    headers: { access_token: token, code, secret_key: secretKey },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe("graph /v2.0/me", () => {
  it("returns the flat profile of the token's user", async () => {
    sim = await startTestSim();
    const user = buildUser({ avatar: "https://example.com/a.jpg", isFollower: true });
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    const { status, body } = await getMe(token, {}, `&miniapp_id=${TEST_IDS.miniAppId}`);

    expect(status).toBe(200);
    expect(body).toEqual({
      id: user.idByApp,
      name: user.name,
      picture: { data: { url: "https://example.com/a.jpg" } },
      user_id_by_oa: user.idByOa,
      is_follower: true,
    });
  });

  it("answers only the fields asked for, and the OA link only to a call that names the Mini App", async () => {
    sim = await startTestSim();
    const user = buildUser({ isFollower: true });
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    const withoutMiniApp = await getMe(token);
    expect(withoutMiniApp.body).toMatchObject({ id: user.idByApp, name: user.name });
    expect(withoutMiniApp.body).not.toHaveProperty("user_id_by_oa");
    expect(withoutMiniApp.body).not.toHaveProperty("is_follower");

    const res = await fetch(`${sim.url}/v2.0/me?fields=id`, { headers: { access_token: token } });
    expect(await res.json()).toEqual({ id: user.idByApp });
  });

  it("answers is_follower to the Mini App's call even when fields does not name it", async () => {
    // zmp-sdk reads is_follower from an answer to a call that does not ask for it.
    sim = await startTestSim();
    const user = buildUser({ isFollower: false });
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    const asked = async (query: string) =>
      (await fetch(`${sim!.url}/v2.0/me?${query}`, { headers: { access_token: token } })).json();

    expect(await asked(`fields=id,name&miniapp_id=${TEST_IDS.miniAppId}`)).toEqual({
      id: user.idByApp,
      name: user.name,
      is_follower: false,
    });
    expect(await asked(`miniapp_id=${TEST_IDS.miniAppId}`)).toMatchObject({ is_follower: false });
    expect(await asked("fields=id,name")).not.toHaveProperty("is_follower");
  });

  it("answers -216 for an unknown token and -220 once the token has expired", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, userAccessTokenTtlSec: 3600 });
    const user = buildUser();
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    expect((await getMe("not-a-token")).body).toMatchObject({ error: -216 });
    now += 3600 * 1000 - 1;
    expect((await getMe(token)).body).toMatchObject({ id: user.idByApp });
    now += 1;
    expect((await getMe(token)).body).toMatchObject({ error: -220 });
  });

  it("checks appsecret_proof when it is present", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    const good = await getMe(token, { appsecret_proof: appSecretProof(TEST_IDS.appSecret, token) });
    const bad = await getMe(token, { appsecret_proof: appSecretProof("another-secret", token) });

    expect(good.body).toMatchObject({ id: user.idByApp });
    expect(bad.body).toMatchObject({ error: -242 });
  });

  it("rejects another Mini App's id", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);

    expect((await getMe(token, {}, `&miniapp_id=${TEST_IDS.miniAppId}`)).body).toMatchObject({
      id: user.idByApp,
    });
    expect((await getMe(token, {}, "&miniapp_id=999")).body).toMatchObject({ error: -201 });
  });
});

describe("graph /v2.0/me/info (phone token)", () => {
  it("turns a phone token into the number exactly once", async () => {
    sim = await startTestSim();
    const user = buildUser({ phone: "84912345678" });
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);
    const code = sim.issuePhoneToken(user.idByApp);

    expect(await getPhone(token, code)).toEqual({
      data: { number: "84912345678" },
      error: 0,
      message: "Success",
    });
    expect(await getPhone(token, code)).toMatchObject({ error: -201 });
  });

  it("expires the phone token after two minutes", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now });
    const user = buildUser();
    sim.upsertUsers([user]);
    const token = sim.issueUserAccessToken(user.idByApp);
    const fresh = sim.issuePhoneToken(user.idByApp);
    const stale = sim.issuePhoneToken(user.idByApp);

    now += 2 * 60 * 1000 - 1;
    expect(await getPhone(token, fresh)).toMatchObject({ error: 0, data: { number: user.phone } });
    now += 1;
    expect(await getPhone(token, stale)).toMatchObject({ error: -201, message: "code has expired" });
  });

  it("refuses a token of another user, a wrong secret_key and a bad access token", async () => {
    sim = await startTestSim();
    const alice = buildUser();
    const bob = buildUser();
    sim.upsertUsers([alice, bob]);
    const bobToken = sim.issueUserAccessToken(bob.idByApp);
    const aliceCode = sim.issuePhoneToken(alice.idByApp);

    expect(await getPhone(bobToken, aliceCode)).toMatchObject({ error: -201 });
    expect(await getPhone(bobToken, sim.issuePhoneToken(bob.idByApp), "wrong")).toMatchObject({
      error: -201,
    });
    expect(await getPhone("nope", aliceCode)).toMatchObject({ error: -216 });
    // The refused attempts did not burn Alice's code.
    expect(await getPhone(sim.issueUserAccessToken(alice.idByApp), aliceCode)).toMatchObject({ error: 0 });
  });
});
