import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { buildUser, sendText, startTestSim, TEST_IDS } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function requestToken(form: Record<string, string>, secretKey: string = TEST_IDS.appSecret) {
  const res = await fetch(`${sim!.url}/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secretKey },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const refreshForm = (refreshToken: string) => ({
  app_id: TEST_IDS.appId,
  grant_type: "refresh_token",
  refresh_token: refreshToken,
});

describe("POST /v4/oa/access_token", () => {
  it("rotates tokens: the old refresh token is single use and the old access token stops working", async () => {
    sim = await startTestSim();
    const user = buildUser();
    sim.upsertUsers([user]);
    const first = sim.issueOaTokens();

    const refreshed = await requestToken(refreshForm(first.refreshToken));

    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ expires_in: "90000" });
    const next = refreshed.body as { access_token: string; refresh_token: string };
    expect(next.access_token).not.toBe(first.accessToken);
    expect(next.refresh_token).not.toBe(first.refreshToken);

    const reused = await requestToken(refreshForm(first.refreshToken));
    expect(reused.body).toMatchObject({ error: -14005, error_name: "Invalid refresh token" });
    expect((await sendText(sim, first.accessToken, user.idByOa, "cũ")).body).toMatchObject({ error: -220 });
    expect((await sendText(sim, next.access_token, user.idByOa, "mới")).body).toMatchObject({ error: 0 });

    const again = await requestToken(refreshForm(next.refresh_token));
    expect(again.body).toHaveProperty("access_token");
  });

  it("accepts the configured initial refresh token once", async () => {
    sim = await startTestSim({ initialOaRefreshToken: "bootstrap-refresh-token" });
    expect((await requestToken(refreshForm("bootstrap-refresh-token"))).body).toHaveProperty("access_token");
    expect((await requestToken(refreshForm("bootstrap-refresh-token"))).body).toMatchObject({
      error: -14005,
    });
  });

  it("checks secret_key, app_id and grant_type", async () => {
    sim = await startTestSim();
    const { refreshToken } = sim.issueOaTokens();

    expect((await requestToken(refreshForm(refreshToken), "wrong")).body).toMatchObject({ error: -14004 });
    expect((await requestToken({ ...refreshForm(refreshToken), app_id: "1" })).body).toMatchObject({
      error: -14002,
    });
    expect((await requestToken({ ...refreshForm(refreshToken), grant_type: "password" })).body).toMatchObject(
      { error: -14001 },
    );
    // None of the refused calls consumed the refresh token.
    expect((await requestToken(refreshForm(refreshToken))).body).toHaveProperty("access_token");
  });

  it("exchanges a single-use authorization code, checking the PKCE verifier", async () => {
    sim = await startTestSim();
    const verifier = "a".repeat(43);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const issue = async () => {
      const res = await fetch(`${sim!.url}/__sim/oa/auth-code`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code_challenge: challenge }),
      });
      return ((await res.json()) as { code: string }).code;
    };
    const form = (code: string, codeVerifier: string) => ({
      app_id: TEST_IDS.appId,
      grant_type: "authorization_code",
      code,
      code_verifier: codeVerifier,
    });

    const code = await issue();
    expect((await requestToken(form(code, verifier))).body).toHaveProperty("refresh_token");
    expect((await requestToken(form(code, verifier))).body).toMatchObject({ error: -14006 });
    expect((await requestToken(form(await issue(), "b".repeat(43)))).body).toMatchObject({ error: -14007 });
  });
});
