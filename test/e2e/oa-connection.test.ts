import { tables } from "@loa-phuong/bot-server/store";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { type Stack, startStack } from "./support/stack.js";
import {
  approvedPost,
  deliveriesOf,
  type SeededWard,
  seedWard,
  waitForBroadcastDone,
} from "./support/ward.js";

describe("connecting the ward's OA through Zalo's consent screen", () => {
  let stack: Stack;
  let ward: SeededWard;
  let admin: { client: ApiClient; cookie: string };

  const signIn = async () => {
    const account = await buildStaff(stack.runtime.store.db, "hong-bang", ["admin"]);
    const res = await fetch(`${stack.url}/api/auth/staff/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    const body = (await res.json()) as { token: string };
    const client = new ApiClient(stack.url);
    client.token = body.token;
    return { client, cookie: res.headers.get("set-cookie")!.split(";")[0]! };
  };

  /** What the admin's browser does: open Zalo's link, press a button, follow Zalo's redirect. */
  async function consent(permissionUrl: string, decision: "allow" | "deny", cookie: string) {
    const page = await fetch(permissionUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Cho phép");
    const params = new URL(permissionUrl).searchParams;
    const form = new URLSearchParams({
      app_id: params.get("app_id")!,
      redirect_uri: params.get("redirect_uri")!,
      code_challenge: params.get("code_challenge")!,
      state: params.get("state")!,
      decision,
    });
    const granted = await fetch(permissionUrl.split("?")[0]!, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(granted.status).toBe(302);
    const callback = new URL(granted.headers.get("location")!);
    const back = await fetch(`${stack.url}${callback.pathname}${callback.search}`, {
      headers: { cookie },
      redirect: "manual",
    });
    return { callback, back: new URL(back.headers.get("location")!, stack.url) };
  }

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_BASE_URL: "http://127.0.0.1:9" } });
    ward = await seedWard(stack, { groups: 1, perGroup: 2 });
    admin = await signIn();
  });
  afterAll(async () => stack?.stop());

  it("connects with PKCE, seals the tokens at rest, and broadcasts go out with them", async () => {
    // The demo's tokens are spent: the OA must be granted again.
    await stack.runtime.store.db.update(tables.zaloOaCredentials).set({ refreshToken: "da-bi-thu-hoi" });
    const start = await admin.client.request("POST", "/api/admin/zalo/connect");
    expect(start.status).toBe(200);
    const link = new URL(start.body.permissionUrl);
    expect(link.pathname).toBe("/v4/oa/permission");
    expect(link.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:9/zalo/oauth/callback");
    expect(link.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { callback, back } = await consent(start.body.permissionUrl, "allow", admin.cookie);
    expect(callback.searchParams.get("oa_id")).toBe(stack.config.ZALO_OA_ID);
    expect(back.pathname).toBe(`/zapps/${stack.config.ZALO_MINI_APP_ID}/staff/zalo`);
    expect(back.searchParams.get("ket-qua")).toBe("da-ket-noi");

    const status = await admin.client.request("GET", "/api/admin/zalo/connection");
    expect(status.body).toMatchObject({ oaId: stack.config.ZALO_OA_ID, connected: true });
    expect(Date.parse(status.body.connectedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(status.body.refreshExpiresAt)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    const [row] = await stack.runtime.store.db.select().from(tables.zaloOaCredentials);
    const token = await stack.runtime.tokens.getAccessToken();
    expect(row!.accessToken).not.toContain(token);
    expect(row!.accessToken.startsWith("v1:")).toBe(true);
    expect(row!.refreshToken.startsWith("v1:")).toBe(true);

    const postId = await approvedPost(ward, { title: "Sau khi kết nối OA", isUrgent: true });
    const sent = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, sent.body.id);
    const rows = await deliveriesOf(stack, sent.body.id);
    expect(rows.map((r) => [r.channel, r.zaloMessageId !== null])).toEqual([
      ["oa", true],
      ["oa", true],
    ]);
  });

  it("refuses a link another admin started, a link used twice, and a refusal on Zalo's screen", async () => {
    const other = await signIn();
    const start = await admin.client.request("POST", "/api/admin/zalo/connect");
    const stolen = await consent(start.body.permissionUrl, "allow", other.cookie);
    expect(stolen.back.searchParams.get("loi")).toMatch(/không phải của bạn/);
    // The state is spent even though the wrong admin brought it back.
    const again = await fetch(`${stack.url}${stolen.callback.pathname}${stolen.callback.search}`, {
      headers: { cookie: admin.cookie },
      redirect: "manual",
    });
    expect(new URL(again.headers.get("location")!, stack.url).searchParams.get("loi")).toMatch(/hết hạn/);
    const refused = await consent(
      (await admin.client.request("POST", "/api/admin/zalo/connect")).body.permissionUrl,
      "deny",
      admin.cookie,
    );
    expect(refused.back.searchParams.get("loi")).toMatch(/Từ chối/);
    expect((await admin.client.request("GET", "/api/admin/zalo/connection")).body.connected).toBe(true);
  });
});
