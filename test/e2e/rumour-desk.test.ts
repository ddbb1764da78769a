import { queryRows } from "@loa-phuong/bot-server/store";
import type { RumourClaim, Signal } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, type SeededWard, seedWard } from "./support/ward.js";

const CLAIM =
  "Từ tháng sau mỗi hộ gia đình phải nộp 200.000 đồng phí giữ xe cho tổ dân phố, hộ nào không nộp sẽ bị phạt.";
const REPEATS = [
  "Nghe nói từ tháng sau nhà nào cũng phải nộp 200 nghìn phí giữ xe cho tổ, không nộp là bị phạt à?",
  "tu thang sau moi ho phai nop 200k phi giu xe cho to dan pho, ai ko nop bi phat",
  "Mọi người ơi tổ mình thông báo mỗi hộ phải đóng 200.000đ phí giữ xe từ tháng sau, không đóng bị phạt đấy",
];
const NOT_REPEATS = [
  "Phường đã đính chính rồi, không có chuyện thu phí giữ xe 200.000 đồng đâu, tin đồn thôi.",
  "Đèn đường ngõ 5 tắt từ tối qua, nhờ phường kiểm tra.",
];

/** The rumour desk on the API: claims staff record, messages matched to them on arrival, the spread. */
describe("the rumour desk", () => {
  let stack: Stack;
  let ward: SeededWard;
  let clarificationId: string;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 2, perGroup: 1 });
    clarificationId = await approvedPost(ward, {
      kind: "clarification",
      title: "Đính chính: phường không thu phí giữ xe",
      body: "Phường không thu phí giữ xe của các hộ gia đình; tổ dân phố không được thu khoản này.",
    });
  });
  afterAll(async () => stack?.stop());

  it("refuses a claim without words, or answered by a post not a clarification, recording nothing", async () => {
    const announcement = await approvedPost(ward, { title: "Lịch tiêm chủng tháng 12" });
    for (const body of [
      { claim: " ", topic: "phí giữ xe" },
      { claim: CLAIM, topic: "phí giữ xe", clarificationPostId: announcement },
      { claim: CLAIM, topic: "phí giữ xe", clarificationPostId: "not-a-uuid" },
    ]) {
      expect((await ward.editor.request("POST", "/api/rumours", body)).status).toBe(400);
    }
    expect((await ward.approver.request("POST", "/api/rumours", { claim: CLAIM, topic: "x" })).status).toBe(
      403,
    );
    const [count] = await queryRows<{ n: number }>(
      stack.runtime.store.db,
      sql`select count(*)::int as n from rumour_claims`,
    );
    expect(count!.n).toBe(0);
  });

  it("matches residents' messages to the claim however written, and shows where it spreads", async () => {
    const created = await ward.editor.request<RumourClaim>("POST", "/api/rumours", {
      claim: CLAIM,
      topic: "phí giữ xe",
      clarificationPostId: clarificationId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      clarification: { postId: clarificationId, isApproved: true },
      matches: { total: 0, last24h: 0 },
    });
    // Five residents of the first group and one of the second repeat it; two others do not.
    const sent: { id: number; repeats: boolean }[] = [];
    for (let i = 0; i < 6; i++) {
      const resident = await residentClient(stack, { groupId: ward.groupIds[i < 5 ? 0 : 1]! });
      const text = REPEATS[i % REPEATS.length]!;
      const filed = await resident.client.request("POST", "/api/reports", { text });
      sent.push({ id: filed.body.id, repeats: true });
    }
    for (const text of NOT_REPEATS) {
      const resident = await residentClient(stack, { groupId: ward.groupIds[0]! });
      sent.push({
        id: (await resident.client.request("POST", "/api/reports", { text })).body.id,
        repeats: false,
      });
    }
    const inbox = await waitFor(
      async () => {
        const list = await ward.editor.request<{ items: Signal[] }>(
          "GET",
          "/api/signals?kind=report&limit=50",
        );
        const mine = list.body.items.filter((s) => sent.some((x) => x.id === s.id));
        return mine.length === sent.length && mine.every((s) => s.labels) ? mine : null;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: "every report labelled" },
    );
    for (const { id, repeats } of sent) {
      const signal = inbox.find((s) => s.id === id)!;
      expect(signal.rumour?.claimId ?? null, signal.text ?? "").toBe(repeats ? created.body.id : null);
    }
    expect(inbox.find((s) => s.rumour)?.rumour).toMatchObject({ claim: CLAIM, reason: expect.any(String) });
    const desk = await ward.editor.request<{ items: RumourClaim[] }>("GET", "/api/rumours");
    const claim = desk.body.items.find((c) => c.id === created.body.id)!;
    expect(claim.matches).toEqual({ total: 6, last24h: 6 });
    // The first group has five residents repeating it: named. The second, one: counted, not named.
    expect(claim.byGroup).toEqual([{ group: expect.any(String), messages: 5, residents: 5 }]);
    expect(claim.othersMessages).toBe(1);
  });
});
