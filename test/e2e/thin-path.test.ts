import { tables } from "@loa-phuong/bot-server/store";
import { buildGroup, buildResident, buildStaff, buildWard } from "@loa-phuong/bot-server/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";

describe("thin path: schedule → OA messages → delivery rows → receipts → Mini App feed", () => {
  let stack: Stack;
  let groupId: string;
  let otherGroupResidentOa: string;
  let members: Awaited<ReturnType<typeof buildResident>>[];
  let editor: ApiClient;
  let approver: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    const db = stack.runtime.store.db;
    await buildWard(db, { id: "hong-bang", name: "Phường Hồng Bàng" });
    const group = await buildGroup(db, "hong-bang", { name: "Tổ dân phố số 3" });
    const other = await buildGroup(db, "hong-bang");
    groupId = group.id;
    members = [];
    for (let i = 0; i < 12; i++)
      members.push(await buildResident(db, "hong-bang", { residentialGroupId: group.id }));
    const outsider = await buildResident(db, "hong-bang", { residentialGroupId: other.id });
    otherGroupResidentOa = outsider.zaloOaUserId!;
    stack.sim.upsertUsers(
      [...members, outsider].map((r) => ({
        idByApp: r.zaloAppUserId!,
        idByOa: r.zaloOaUserId!,
        name: r.fullName,
        isFollower: true,
        lastInteractionAt: Date.now() - 3_600_000,
      })),
    );
    const e = await buildStaff(db, "hong-bang", ["editor"]);
    const a = await buildStaff(db, "hong-bang", ["approver"]);
    editor = await new ApiClient(stack.url).loginStaff(e.username, e.password);
    approver = await new ApiClient(stack.url).loginStaff(a.username, a.password);
  });
  afterAll(async () => stack?.stop());

  it("delivers one OA message per resident of the group at the scheduled time, and records receipts", async () => {
    const created = await editor.request("POST", "/api/posts", {
      kind: "announcement",
      title: "Lịch tiêm chủng mở rộng tháng 12",
      body: "Trạm y tế phường tổ chức tiêm chủng mở rộng cho trẻ dưới 5 tuổi vào sáng thứ Bảy.",
    });
    expect(created.status).toBe(201);
    const postId = created.body.id as string;
    expect((await editor.request("POST", `/api/posts/${postId}/submit`)).body.status).toBe("submitted");
    expect((await editor.request("POST", `/api/posts/${postId}/approve`)).status).toBe(403);
    expect((await approver.request("POST", `/api/posts/${postId}/approve`, { version: 1 })).body.status).toBe(
      "approved",
    );

    const dueAt = Date.now() + 1500;
    const scheduled = await editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [groupId] }] },
      scheduledAt: new Date(dueAt).toISOString(),
    });
    expect(scheduled.status).toBe(201);
    const broadcastId = scheduled.body.id as string;

    // Nothing goes out before T.
    expect(stack.sim.ledger.count()).toBe(0);
    await waitFor(() => stack.sim.ledger.count() === members.length, {
      timeoutMs: 15_000,
      what: "one message per member",
    });
    const firstSentAt = Math.min(...stack.sim.ledger.all().map((e) => e.sentAt));
    expect(firstSentAt).toBeGreaterThanOrEqual(dueAt - 50);

    for (const member of members) {
      const inbox = stack.sim.ledger.forUser(member.zaloOaUserId!);
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.text).toContain("Lịch tiêm chủng mở rộng tháng 12");
      expect(inbox[0]!.text).toContain(`https://zalo.me/s/3000000000000000003/post/${postId}?ref=d-`);
    }
    expect(stack.sim.ledger.forUser(otherGroupResidentOa)).toHaveLength(0);

    const db = stack.runtime.store.db;
    const rows = await waitFor(
      async () => {
        const r = await db
          .select()
          .from(tables.deliveries)
          .where(eq(tables.deliveries.broadcastId, broadcastId));
        return r.length === members.length && r.every((d) => d.status === "seen") ? r : undefined;
      },
      { timeoutMs: 15_000, what: "every delivery seen" },
    );
    const ledgerIds = new Set(stack.sim.ledger.all().map((e) => e.messageId));
    for (const row of rows) {
      expect(ledgerIds.has(row.zaloMessageId!)).toBe(true);
      expect(row.sentAt).not.toBeNull();
      expect(row.deliveredAt).not.toBeNull();
      expect(row.seenAt).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.residentId))).toEqual(new Set(members.map((m) => m.id)));

    const finished = await waitFor(async () => {
      const res = await editor.request("GET", `/api/broadcasts/${broadcastId}`);
      return res.body.status === "sent" ? res.body : undefined;
    });
    expect(finished).toMatchObject({ recipientCount: members.length, counts: { seen: members.length } });

    // A resident of the group opens the Mini App: the token Zalo gives is verified with Graph /me.
    const resident = new ApiClient(stack.url);
    const accessToken = stack.sim.issueUserAccessToken(members[0]!.zaloAppUserId!);
    const session = await resident.request("POST", "/api/auth/zalo", { accessToken });
    expect(session.status).toBe(200);
    expect(session.body.resident).toMatchObject({
      id: members[0]!.id,
      residentialGroup: { name: "Tổ dân phố số 3" },
    });
    resident.token = session.body.token;
    const feed = await resident.request("GET", "/api/feed");
    expect(feed.body.items.map((i: { id: string }) => i.id)).toEqual([postId]);

    const outsider = new ApiClient(stack.url);
    const outsiderSession = await outsider.request("POST", "/api/auth/zalo", {
      accessToken: stack.sim.issueUserAccessToken(
        (
          await db
            .select()
            .from(tables.residents)
            .where(and(eq(tables.residents.zaloOaUserId, otherGroupResidentOa)))
        )[0]!.zaloAppUserId!,
      ),
    });
    outsider.token = outsiderSession.body.token;
    expect((await outsider.request("GET", "/api/feed")).body.items).toEqual([]);
    expect((await outsider.request("GET", `/api/feed/${postId}`)).status).toBe(404);
  });
});
