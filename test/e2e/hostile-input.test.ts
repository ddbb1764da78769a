import { queryRows } from "@loa-phuong/bot-server/store";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "./support/api-client.js";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { approvedPost, type SeededWard, seedWard, WARD } from "./support/ward.js";

/** Row counts and latest changes of the tables a hostile request could touch. */
async function snapshot(stack: Stack): Promise<string> {
  const [row] = await queryRows<Record<string, unknown>>(
    stack.runtime.store.db,
    sql`select (select count(*) from posts) as posts, (select max(updated_at) from posts) as posts_at,
      (select count(*) from signals) as signals, (select count(*) from sessions) as sessions,
      (select count(*) from audit_log) as audit, (select max(updated_at) from residents) as residents_at`,
  );
  return JSON.stringify(row);
}

/** A staff session as a browser holds it: the httpOnly cookie, no bearer token. */
async function cookieOf(stack: Stack, account: { username: string; password: string }): Promise<string> {
  const { username, password } = account;
  const res = await fetch(`${stack.url}/api/auth/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

describe("hostile input gets a 4xx and changes nothing; staff actions are only taken from this site", () => {
  let stack: Stack;
  let ward: SeededWard;
  let resident: ApiClient;
  let head: ApiClient;
  let editorAccount: { username: string; password: string };
  let adminAccount: { username: string; password: string };

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
    resident = (await residentClient(stack, { groupId: ward.groupIds[0]! })).client;
    head = (await residentClient(stack, { groupId: ward.groupIds[0]!, head: true })).client;
    editorAccount = await buildStaff(stack.runtime.store.db, WARD, ["editor"]);
    adminAccount = await buildStaff(stack.runtime.store.db, WARD, ["admin"]);
  });
  afterAll(async () => stack?.stop());

  const send = (client: ApiClient | undefined, method: string, path: string, body?: string) =>
    fetch(`${stack.url}${path}`, {
      method,
      headers: {
        ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body }),
    });

  it("refuses JSON nested 20,000 deep with a 400 on every kind of route", async () => {
    const before = await snapshot(stack);
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    for (const [client, path] of [
      [ward.editor, "/api/posts"],
      [resident, "/api/reports"],
      [undefined, "/api/auth/zalo"],
    ] as const) {
      const res = await send(client, "POST", path, deep);
      expect([path, res.status]).toEqual([path, 400]);
      expect((await res.json()).error).toBe("validation_failed");
    }
    expect(await snapshot(stack)).toBe(before);
  });

  it("answers a malformed percent-encoding in a path with 400; treats a malformed cookie as signed out", async () => {
    for (const [method, path] of [
      ["GET", "/api/feed/%E0%A4%A"],
      ["GET", "/api/posts/%"],
      ["POST", "/api/signals/%zz/handled"],
    ] as const) {
      const res = await send(path.startsWith("/api/feed") ? resident : ward.editor, method, path);
      expect([path, res.status]).toEqual([path, 400]);
    }
    const planted = "loa_session=%E0%A4%A";
    const alone = await fetch(`${stack.url}/api/staff/me`, { headers: { cookie: planted } });
    expect(alone.status).toBe(401);
    const own = await cookieOf(stack, editorAccount);
    const beside = await fetch(`${stack.url}/api/staff/me`, { headers: { cookie: `${planted}; ${own}` } });
    expect(beside.status).toBe(200);
  });

  it("refuses half a UTF-16 pair in any field stored as JSON", async () => {
    const postId = await approvedPost(ward, { title: "Bài có khảo sát" });
    const lone = "\\ud800";
    const cases: Array<[ApiClient, string, string, string]> = [
      [
        resident,
        "POST",
        "/api/reports",
        `{"text":"Đèn hỏng","uploadIds":[],"location":{"latitude":20.8,"longitude":106.7,"label":"Ngõ ${lone}"}}`,
      ],
      [
        resident,
        "POST",
        "/api/nominations",
        `{"who":"Cô giáo ${lone}","where":"Trường","why":"Tận tụy với học sinh"}`,
      ],
      [
        head,
        "POST",
        "/api/opinion-reports",
        `{"mood":"positive","topics":["học phí ${lone}"],"summary":"Bà con đồng tình"}`,
      ],
      [
        ward.editor,
        "POST",
        "/api/posts",
        `{"kind":"poll","title":"Khảo sát","body":"Nội dung","poll":{"question":"Hỏi?","options":["A ${lone}","B"]}}`,
      ],
      [ward.approver, "POST", `/api/posts/${postId}/reject`, `{"reason":"Sai ${lone}"}`],
      [resident, "POST", `/api/feed/${postId}/questions`, `{"kind":"question","text":"Hỏi ${lone}"}`],
      [resident, "POST", `/api/feed/${postId}/questions`, `{"kind":"question","text":"Hỏi","${lone}":1}`],
    ];
    const before = await snapshot(stack);
    for (const [client, method, path, body] of cases) {
      const res = await send(client, method, path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect((await res.json()).message).toMatch(/UTF-16/);
    }
    expect(await snapshot(stack)).toBe(before);
  });

  it("refuses a cookie-authenticated staff action submitted from another origin or port of the same site", async () => {
    const cookie = await cookieOf(stack, editorAccount);
    const draft = await ward.editor.request("POST", "/api/posts", {
      kind: "news",
      title: "Tin",
      body: "Nội dung",
    });
    const submit = (headers: Record<string, string>) =>
      fetch(`${stack.url}/api/posts/${draft.body.id}/submit`, {
        method: "POST",
        headers: { cookie, ...headers },
      });
    const before = await snapshot(stack);
    const port = new URL(stack.url).port;
    const refused: Array<Record<string, string>> = [
      { origin: "http://localhost:9" },
      { origin: `http://127.0.0.1:${Number(port) + 1}` },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of refused) {
      const res = await submit(headers);
      expect([headers, res.status]).toEqual([headers, 403]);
    }
    expect(await snapshot(stack)).toBe(before);
    // From the staff screens themselves, the same request goes through.
    const own = await submit({ origin: new URL(stack.url).origin, "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
    expect((await own.json()).status).toBe("submitted");
  });

  it("sends headers that keep staff pages out of frames and answers from being sniffed", async () => {
    const api = await send(ward.editor, "GET", "/api/staff/me");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(api.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(api.headers.get("x-powered-by")).toBeNull();
    const base = `/zapps/${stack.config.ZALO_MINI_APP_ID}`;
    const staffPage = await fetch(`${stack.url}${base}/staff`);
    expect(staffPage.status).toBe(200);
    expect(staffPage.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(staffPage.headers.get("x-frame-options")).toBe("DENY");
    const residentPage = await fetch(`${stack.url}${base}/`);
    expect(residentPage.headers.get("content-security-policy")).toMatch(
      /frame-ancestors 'self' https:\/\/\*\.zalo\.me/,
    );
    const cookie = await cookieOf(stack, adminAccount);
    const board = await fetch(`${stack.url}/admin/queues`, { headers: { cookie } });
    expect(board.headers.get("x-powered-by")).toBeNull();
    expect(board.headers.get("x-frame-options")).toBe("DENY");
  });
});
