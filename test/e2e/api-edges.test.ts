import { createHash } from "node:crypto";
import { queryRows } from "@loa-phuong/bot-server/store";
import { buildGroup, buildResident, buildStaff, buildWard } from "@loa-phuong/bot-server/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";

/** Row counts and the latest change of every table a request could touch. */
async function snapshot(stack: Stack): Promise<string> {
  const rows = await queryRows<Record<string, unknown>>(
    stack.runtime.store.db,
    sql`select
      (select count(*) from posts) as posts, (select max(updated_at) from posts) as posts_at,
      (select count(*) from post_versions) as versions, (select count(*) from broadcasts) as broadcasts,
      (select count(*) from deliveries) as deliveries, (select count(*) from sessions) as sessions,
      (select count(*) from residents) as residents, (select max(updated_at) from residents) as residents_at,
      (select count(*) from webhook_events) as webhooks, (select count(*) from signals) as signals,
      (select count(*) from audit_log) as audit`,
  );
  return JSON.stringify(rows[0]);
}

function signed(stack: Stack, body: string, timestamp: string): Record<string, string> {
  const mac = createHash("sha256")
    .update(stack.config.ZALO_APP_ID + body + timestamp + stack.config.ZALO_OA_SECRET_KEY)
    .digest("hex");
  return { "content-type": "application/json", "x-zevent-signature": `mac=${mac}` };
}

describe("bad input changes nothing; webhooks are verified and deduplicated", () => {
  let stack: Stack;
  let editor: ApiClient;
  let approver: ApiClient;
  let resident: ApiClient;
  let residentOaId: string;
  let postId: string;

  beforeAll(async () => {
    stack = await startStack();
    const db = stack.runtime.store.db;
    await buildWard(db, { id: "hong-bang" });
    const group = await buildGroup(db, "hong-bang");
    const r = await buildResident(db, "hong-bang", { residentialGroupId: group.id });
    residentOaId = r.zaloOaUserId!;
    stack.sim.upsertUsers([
      {
        idByApp: r.zaloAppUserId!,
        idByOa: r.zaloOaUserId!,
        name: r.fullName,
        isFollower: true,
        lastInteractionAt: Date.now(),
      },
    ]);
    const e = await buildStaff(db, "hong-bang", ["editor"]);
    const a = await buildStaff(db, "hong-bang", ["approver"]);
    editor = await new ApiClient(stack.url).loginStaff(e.username, e.password);
    approver = await new ApiClient(stack.url).loginStaff(a.username, a.password);
    resident = new ApiClient(stack.url);
    resident.token = (
      await resident.request("POST", "/api/auth/zalo", {
        accessToken: stack.sim.issueUserAccessToken(r.zaloAppUserId!),
      })
    ).body.token;
    postId = (await editor.request("POST", "/api/posts", { kind: "news", title: "Tin", body: "Nội dung" }))
      .body.id;
  });
  afterAll(async () => stack?.stop());

  it("answers a forged webhook signature with 401 and records nothing", async () => {
    const before = await snapshot(stack);
    const timestamp = String(Date.now());
    const body = JSON.stringify({
      app_id: stack.config.ZALO_APP_ID,
      event_name: "user_send_text",
      sender: { id: residentOaId },
      recipient: { id: stack.config.ZALO_OA_ID },
      message: { text: "Xin chào", msg_id: "forged-1" },
      timestamp,
    });
    const headers = signed(stack, body, timestamp);
    const tampered = body.replace("Xin chào", "Tin giả");
    const res = await fetch(`${stack.url}/webhooks/zalo`, { method: "POST", headers, body: tampered });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_signature" });
    const unsigned = await fetch(`${stack.url}/webhooks/zalo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect(await snapshot(stack)).toBe(before);
  });

  it("refuses a signed event whose time is not a time, too old or ahead, or whose shape is wrong", async () => {
    const before = await snapshot(stack);
    const event = (timestamp: unknown, extra: Record<string, unknown> = {}) => ({
      app_id: stack.config.ZALO_APP_ID,
      event_name: "user_send_text",
      sender: { id: residentOaId },
      recipient: { id: stack.config.ZALO_OA_ID },
      message: { text: "Xin chào", msg_id: `bad-${String(timestamp)}-${Object.keys(extra).join()}` },
      timestamp,
      ...extra,
    });
    const day = 24 * 3_600_000;
    const cases = [
      event("NaN"),
      event("2026-11-26T01:00:00Z"),
      event(String(Date.now() - 8 * day)),
      event(String(Date.now() + 10 * 60_000)),
      event(String(Date.now()), { sender: {} }),
      event(String(Date.now()), { message: { text: 5 } }),
      event(String(Date.now()), { event_name: "user_send_text\u0000" }),
      event(String(Date.now()), { event_name: "\ud800" }),
    ];
    for (const body of cases) {
      const text = JSON.stringify(body);
      const res = await fetch(`${stack.url}/webhooks/zalo`, {
        method: "POST",
        headers: signed(stack, text, String(body.timestamp)),
        body: text,
      });
      expect([text, res.status]).toEqual([text, 400]);
      expect((await res.json()).error).toBe("validation_failed");
    }
    expect(await snapshot(stack)).toBe(before);
  });

  it("answers Zalo's URL check with 200 and records nothing; counts bad signatures and tells admins", async () => {
    const before = await snapshot(stack);
    for (const body of ["", "{}", '{"app_id":"1"}']) {
      const res = await fetch(`${stack.url}/webhooks/zalo`, { method: "POST", body });
      expect([body, res.status]).toEqual([body, 200]);
      expect(await res.json()).toEqual({ received: false, duplicate: false });
    }
    expect(await snapshot(stack)).toBe(before);
    const admin = await buildStaff(stack.runtime.store.db, "hong-bang", ["admin"]);
    const adminClient = await new ApiClient(stack.url).loginStaff(admin.username, admin.password);
    const health = async () => (await adminClient.request("GET", "/api/admin/zalo/webhook")).body;
    const failuresBefore = (await health()).signatureFailuresLastHour;
    const timestamp = String(Date.now());
    const forged = JSON.stringify({ app_id: "1", event_name: "follow", follower: { id: "1" }, timestamp });
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${stack.url}/webhooks/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": "mac=00" },
        body: forged,
      });
      expect(res.status).toBe(401);
    }
    const after = await health();
    expect(after.signatureFailuresLastHour - failuresBefore).toBe(20);
    expect(after).toMatchObject({ setAside: 0 });
    const alerts = await adminClient.request("GET", "/api/staff/alerts");
    expect(alerts.body.items.map((a: { kind: string }) => a.kind)).toContain("webhook_signature_failures");
  });

  it("records a webhook delivered twice once, and its message as one signal", async () => {
    const timestamp = String(Date.now());
    const body = JSON.stringify({
      app_id: stack.config.ZALO_APP_ID,
      user_id_by_app: "x",
      event_name: "user_send_text",
      sender: { id: residentOaId },
      recipient: { id: stack.config.ZALO_OA_ID },
      message: { text: "Cho hỏi lịch họp tổ?", msg_id: "dup-msg-1" },
      timestamp,
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${stack.url}/webhooks/zalo`, {
        method: "POST",
        headers: { ...signed(stack, body, timestamp), ...(i ? { num_retry: "1" } : {}) },
        body,
      });
      expect(res.status).toBe(200);
    }
    // The same message re-serialised differently (another retry path) is still one signal: msg_id dedupes.
    const reordered = JSON.stringify({ ...JSON.parse(body), extra: 1 });
    expect(
      (
        await fetch(`${stack.url}/webhooks/zalo`, {
          method: "POST",
          headers: signed(stack, reordered, timestamp),
          body: reordered,
        })
      ).status,
    ).toBe(200);
    const counts = await waitFor(async () => {
      const [row] = await queryRows<{ events: number; signals: number; open: number }>(
        stack.runtime.store.db,
        sql`select (select count(*)::int from webhook_events
                    where raw_body::jsonb->'message'->>'msg_id' = 'dup-msg-1') as events,
                   (select count(*)::int from signals where zalo_msg_id = 'dup-msg-1') as signals,
                   (select count(*)::int from webhook_events where processed_at is null) as open`,
      );
      return row && row.open === 0 ? row : undefined;
    });
    expect(counts).toEqual({ events: 2, signals: 1, open: 0 });
    const [signal] = await queryRows<{ text: string; search_text: string }>(
      stack.runtime.store.db,
      sql`select text, search_text from signals where zalo_msg_id = 'dup-msg-1'`,
    );
    expect(signal).toEqual({ text: "Cho hỏi lịch họp tổ?", search_text: "cho hoi lich hop to?" });
  });

  it("answers malformed JSON with 400 on every JSON route, changing nothing", async () => {
    const before = await snapshot(stack);
    const routes: [ApiClient, string, string][] = [
      [resident, "POST", "/api/auth/zalo"],
      [editor, "POST", "/api/auth/staff/login"],
      [editor, "POST", "/api/posts"],
      [editor, "PATCH", `/api/posts/${postId}`],
      [approver, "POST", `/api/posts/${postId}/reject`],
      [editor, "POST", "/api/broadcasts"],
      [editor, "POST", "/api/audiences/count"],
      [editor, "POST", "/webhooks/zalo"],
    ];
    for (const [client, method, path] of routes) {
      const res = await client.request(method, path, '{"title": "thiếu ngoặc"', {
        "content-type": "application/json",
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error, `${method} ${path}`).toBe("malformed_json");
    }
    expect(await snapshot(stack)).toBe(before);
  });

  it("answers wrong types with 400 naming the field, changing nothing", async () => {
    const before = await snapshot(stack);
    const cases: [ApiClient, string, string, unknown, string][] = [
      [resident, "POST", "/api/auth/zalo", { accessToken: 42 }, "body.accessToken"],
      [editor, "POST", "/api/auth/staff/login", { username: "bientap", password: ["x"] }, "body.password"],
      [editor, "POST", "/api/posts", { kind: "tin-don", title: "T", body: "B" }, "body.kind"],
      [editor, "POST", "/api/posts", { kind: "news", title: "", body: "B" }, "body.title"],
      [editor, "POST", "/api/posts", { kind: "news", title: "T", body: "x".repeat(20_001) }, "body.body"],
      [editor, "PATCH", `/api/posts/${postId}`, { title: 7 }, "body.title"],
      [editor, "PATCH", "/api/posts/khong-phai-uuid", { title: "Mới" }, "params.id"],
      [editor, "POST", "/api/posts/khong-phai-uuid/submit", undefined, "params.id"],
      [approver, "POST", `/api/posts/${postId}/reject`, { reason: false }, "body.reason"],
      [editor, "POST", "/api/broadcasts", { postId, audience: { include: [] } }, "body.audience.include"],
      [
        editor,
        "POST",
        "/api/broadcasts",
        { postId, audience: { include: [{ wholeWard: true }] }, scheduledAt: "ngày mai" },
        "body.scheduledAt",
      ],
      [
        editor,
        "POST",
        "/api/audiences/count",
        { audience: { include: [{ residentialGroupIds: ["x"] }] } },
        "body.audience.include.0.residentialGroupIds.0",
      ],
      [editor, "GET", "/api/broadcasts/123", undefined, "params.id"],
      [resident, "GET", "/api/feed?limit=nhieu", undefined, "query.limit"],
      [resident, "GET", "/api/feed/abc", undefined, "params.id"],
    ];
    for (const [client, method, path, body, field] of cases) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error).toBe("validation_failed");
      expect(
        res.body.fields.map((f: { field: string }) => f.field),
        `${method} ${path}`,
      ).toContain(field);
    }
    const webhook = await fetch(`${stack.url}/webhooks/zalo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event_name: 5 }),
    });
    expect(webhook.status).toBe(400);
    expect(await snapshot(stack)).toBe(before);
  });

  it("answers NUL bytes, bad gzip, unknown campaigns and impossible dates with 400, changing nothing", async () => {
    const before = await snapshot(stack);
    const nul = [
      await editor.request("POST", "/api/posts", { kind: "news", title: "a\u0000b", body: "B" }),
      await new ApiClient(stack.url).request("POST", "/api/auth/staff/login", {
        username: "bien\u0000tap",
        password: "x",
      }),
      await editor.request("GET", "/api/signals?kind=question&status=open&residentialGroupId=%00"),
    ];
    for (const res of nul) {
      expect(res.status).toBe(400);
      expect(res.body.error).toBe("validation_failed");
    }
    expect(nul[0]!.body.message).toBe("Dữ liệu chứa ký tự không hợp lệ (NUL).");
    const notGzip = await editor.request("POST", "/api/posts", '{"kind":"news","title":"T","body":"B"}', {
      "content-type": "application/json",
      "content-encoding": "gzip",
    });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.message).toBe("Không đọc được nội dung gửi lên.");
    const campaign = await editor.request("POST", "/api/posts", {
      kind: "news",
      title: "T",
      body: "B",
      campaignId: "00000000-0000-4000-8000-000000000000",
    });
    expect(campaign.status).toBe(400);
    expect(campaign.body.fields).toEqual([
      { field: "body.campaignId", message: "Không có chiến dịch này trong phường." },
    ]);
    const yearZero = await editor.request("GET", "/api/signals?from=0000-01-01");
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.fields.map((f: { field: string }) => f.field)).toEqual(["query.from"]);
    const unnamed = await approver.request("POST", `/api/posts/${postId}/approve`);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.fields.map((f: { field: string }) => f.field)).toEqual(["body.version"]);
    expect(await snapshot(stack)).toBe(before);
  });

  it("refuses sends in the past and to groups the ward lacks, and makes one broadcast of a double tap", async () => {
    const created = await editor.request("POST", "/api/posts", {
      kind: "announcement",
      title: "Lịch thu gom rác",
      body: "Thu gom rác vào 18 giờ hằng ngày.",
    });
    const post = created.body.id as string;
    await editor.request("POST", `/api/posts/${post}/submit`);
    expect((await approver.request("POST", `/api/posts/${post}/approve`, { version: 1 })).body.status).toBe(
      "approved",
    );
    const ward = { include: [{ wholeWard: true }] };
    const before = await snapshot(stack);
    const past = await editor.request("POST", "/api/broadcasts", {
      postId: post,
      audience: ward,
      scheduledAt: "2020-01-01T07:00:00+07:00",
    });
    expect(past.status).toBe(400);
    expect(past.body.fields).toEqual([
      {
        field: "body.scheduledAt",
        message: "Thời điểm gửi đã qua: chọn một thời điểm sau bây giờ, hoặc Gửi ngay.",
      },
    ]);
    const nowhere = await editor.request("POST", "/api/broadcasts", {
      postId: post,
      audience: { include: [{ residentialGroupIds: ["00000000-0000-4000-8000-000000000001"] }] },
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.fields[0].field).toBe("body.audience");
    const ended = await editor.request("POST", "/api/broadcast-schedules", {
      postId: post,
      audience: ward,
      recurrence: { kind: "daily", time: "07:30" },
      endsAt: "2020-01-01T00:00:00+07:00",
    });
    expect(ended.status).toBe(400);
    expect(ended.body.fields[0].field).toBe("body.endsAt");
    expect(await snapshot(stack)).toBe(before);

    // Two taps at once on "Xác nhận gửi": one broadcast, and the other told why.
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const taps = await Promise.all(
      [1, 2].map(() =>
        editor.request("POST", "/api/broadcasts", { postId: post, audience: ward, scheduledAt: at }),
      ),
    );
    expect(taps.map((t) => t.status).sort()).toEqual([201, 409]);
    expect(taps.find((t) => t.status === 409)!.body.error).toBe("conflict");
    // Another time is another broadcast.
    const later = await editor.request("POST", "/api/broadcasts", {
      postId: post,
      audience: ward,
      scheduledAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(later.status).toBe(201);
    const weekly = {
      postId: post,
      audience: ward,
      recurrence: { kind: "weekly", weekdays: [1], time: "07:30" },
    };
    expect((await editor.request("POST", "/api/broadcast-schedules", weekly)).status).toBe(201);
    expect((await editor.request("POST", "/api/broadcast-schedules", weekly)).status).toBe(409);
    for (const tap of [...taps, later])
      if (tap.status === 201) await editor.request("POST", `/api/broadcasts/${tap.body.id}/cancel`);
  });

  it("shuts a guessing address out of an account, never its owner; slows guessing from many addresses", async () => {
    const target = await buildStaff(stack.runtime.store.db, "hong-bang", ["editor"]);
    const login = (password: string, ip: string) =>
      new ApiClient(stack.url).request(
        "POST",
        "/api/auth/staff/login",
        { username: target.username, password },
        { "x-forwarded-for": ip },
      );
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => login("sai-mat-khau", "203.0.113.7")),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // That address is shut out of the account, even with the right password…
    expect((await login(target.password, "203.0.113.7")).status).toBe(429);
    // …but the owner, from their own address, signs in at once.
    expect((await login(target.password, "198.51.100.20")).status).toBe(200);
    // Guesses from many addresses: past 20 failures the account is slowed, one try in a few seconds.
    const spread = [];
    for (let i = 0; i < 25; i++) spread.push((await login("sai-mat-khau", `192.0.2.${i + 1}`)).status);
    expect(spread.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(spread.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    const slowed = await login(target.password, "198.51.100.20");
    expect(slowed.status).toBe(429);
    expect(slowed.body.message).toMatch(/thử lại sau 3 giây/);
    // Another account signs in as often as it likes: good logins are not counted as failures.
    const other = await buildStaff(stack.runtime.store.db, "hong-bang", ["editor"]);
    for (let i = 0; i < 12; i++) {
      expect(
        (
          await new ApiClient(stack.url).request("POST", "/api/auth/staff/login", {
            username: other.username,
            password: other.password,
          })
        ).status,
      ).toBe(200);
    }
  });

  it("keeps residents and anonymous callers out of every staff route, and editors from approving", async () => {
    const before = await snapshot(stack);
    const anonymous = new ApiClient(stack.url);
    const id = "00000000-0000-4000-8000-000000000000";
    const audience = { include: [{ wholeWard: true }] };
    const staffRoutes: [string, string, unknown?][] = [
      ["GET", "/api/staff/me"],
      ["GET", "/api/posts"],
      ["POST", "/api/posts", { kind: "news", title: "T", body: "B" }],
      ["GET", `/api/posts/${postId}`],
      ["GET", `/api/posts/${postId}/review`],
      ["PATCH", `/api/posts/${postId}`, { title: "Sửa" }],
      ["POST", `/api/posts/${postId}/submit`],
      ["POST", `/api/posts/${postId}/approve`],
      ["POST", `/api/posts/${postId}/reject`, { reason: "x" }],
      ["POST", "/api/audiences/count", { audience }],
      ["GET", "/api/broadcasts"],
      ["POST", "/api/broadcasts", { postId, audience }],
      ["GET", `/api/broadcasts/${id}`],
      ["GET", `/api/broadcasts/${id}/progress`],
      ["GET", `/api/broadcasts/${id}/events`],
      ["POST", `/api/broadcasts/${id}/pause`],
      ["POST", `/api/broadcasts/${id}/resume`],
      ["POST", `/api/broadcasts/${id}/cancel`],
      ["GET", "/api/broadcast-schedules"],
      [
        "POST",
        "/api/broadcast-schedules",
        { postId, audience, recurrence: { kind: "daily", time: "07:30" } },
      ],
      ["DELETE", `/api/broadcast-schedules/${id}`],
      ["POST", "/api/staff/me/zalo-link", { accessToken: "x" }],
    ];
    for (const [method, path, body] of staffRoutes) {
      expect((await resident.request(method, path, body)).status, `resident ${method} ${path}`).toBe(403);
      expect((await anonymous.request(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
    }
    const board = await fetch(`${stack.url}/admin/queues`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(board.status).toBe(403);
    expect((await editor.request("GET", "/api/feed")).status).toBe(403);
    expect((await anonymous.request("GET", "/api/feed")).status).toBe(401);
    expect(await snapshot(stack)).toBe(before);

    // An editor cannot approve; an approver cannot approve a post they wrote themselves.
    await editor.request("POST", `/api/posts/${postId}/submit`);
    expect((await editor.request("POST", `/api/posts/${postId}/approve`)).status).toBe(403);
    const both = await buildStaff(stack.runtime.store.db, "hong-bang", ["editor", "approver"]);
    const author = await new ApiClient(stack.url).loginStaff(both.username, both.password);
    const own = (
      await author.request("POST", "/api/posts", { kind: "news", title: "Bài của tôi", body: "B" })
    ).body.id;
    await author.request("POST", `/api/posts/${own}/submit`);
    const selfApproval = await author.request("POST", `/api/posts/${own}/approve`, { version: 1 });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error).toBe("self_approval");
    expect((await approver.request("POST", `/api/posts/${own}/approve`, { version: 1 })).body.status).toBe(
      "approved",
    );
  });

  it("rejects a forged Mini App token without creating a session", async () => {
    const before = await snapshot(stack);
    const res = await new ApiClient(stack.url).request("POST", "/api/auth/zalo", {
      accessToken: "not-a-zalo-token",
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("zalo_token_invalid");
    expect(await snapshot(stack)).toBe(before);
  });
});
