import { queryRows } from "@loa-phuong/bot-server/store";
import type { MessageCheck, RelayTask, RumourClaim, Signal, StaffAlert } from "@loa-phuong/shared";
import { textLimits, wardClock } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { type SeededWard, seedWard } from "./support/ward.js";

const CLAIM =
  "Từ tháng sau mỗi hộ gia đình phải nộp 200.000 đồng phí giữ xe cho tổ dân phố, hộ nào không nộp sẽ bị phạt.";
const REPEATS = [
  "Nghe nói từ tháng sau nhà nào cũng phải nộp 200 nghìn phí giữ xe cho tổ, không nộp là bị phạt à?",
  "tu thang sau moi ho phai nop 200k phi giu xe cho to dan pho, ai ko nop bi phat",
  "Mọi người ơi tổ mình thông báo mỗi hộ phải đóng 200.000đ phí giữ xe từ tháng sau, không đóng bị phạt đấy",
];
const TITLE = "Phường không thu phí giữ xe của các hộ";
const SUMMARY = "Tổ dân phố không được thu khoản phí giữ xe nào; hộ nào được yêu cầu nộp hãy báo phường.";

type Resident = Awaited<ReturnType<typeof residentClient>>;

/**
 * Answering a rumour after the matcher found it: the resident's clarification (by OA message within
 * Zalo's window, else in "Hỏi đáp", automatic or on a staff tap), the head's card, the spread and its
 * alert, and a head's "Kiểm tra tin này". One ward, one claim, in order.
 */
describe("answering a repeated rumour", () => {
  let stack: Stack;
  let ward: SeededWard;
  let postId: string;
  let claimId: string;
  let heads: Resident[];
  const repeaters: { resident: Resident; signalId: number }[] = [];

  /** The labeller is done with everything recorded so far (one job at a time on its queue). */
  const labellerIdle = () =>
    waitFor(
      async () => {
        const counts = await stack.runtime.queues.opinion.getJobCounts("active", "waiting", "prioritized");
        return (counts.active ?? 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0) === 0;
      },
      { timeoutMs: 20_000, what: "the labeller idle" },
    );

  /** A resident of the group repeats the claim in a report; returns once the labeller matched it. */
  async function repeat(groupId: string, options: { daysSinceInteraction?: number } = {}) {
    const resident = await residentClient(stack, { groupId, ...options });
    const text = REPEATS[repeaters.length % REPEATS.length]!;
    const filed = await resident.client.request("POST", "/api/reports", { text });
    expect(filed.status).toBe(201);
    const signalId = filed.body.id as number;
    await waitFor(
      async () => {
        const [row] = await queryRows<{ claim: string | null; labelled: boolean }>(
          stack.runtime.store.db,
          sql`select rumour_claim_id as claim, labelled_at is not null as labelled from signals where id = ${signalId}`,
        );
        return row?.labelled ? row : null;
      },
      { timeoutMs: 20_000, what: "the report labelled" },
    ).then((row) => expect(row.claim).toBe(claimId));
    await labellerIdle();
    repeaters.push({ resident, signalId });
    return { resident, signalId };
  }

  const repliesTo = (signalId: number) =>
    queryRows<{
      staff_id: string | null;
      channel: string;
      status: string;
      link_post_id: string;
      text: string;
    }>(
      stack.runtime.store.db,
      sql`select staff_id, channel, status, link_post_id, text from signal_replies where signal_id = ${signalId}`,
    );
  const oaMessagesTo = (resident: Resident) => stack.sim.ledger.forUser(resident.idByOa);
  const inboxSignal = async (signalId: number) =>
    (await ward.editor.request<{ items: Signal[] }>("GET", "/api/signals?limit=100")).body.items.find(
      (s) => s.id === signalId,
    )!;
  const tasksOf = async (head: Resident) =>
    (await head.client.request<{ items: RelayTask[] }>("GET", "/api/head/relay-tasks")).body.items;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 2, perGroup: 1 });
    heads = [
      await residentClient(stack, { groupId: ward.groupIds[0]!, head: true }),
      await residentClient(stack, { groupId: ward.groupIds[1]!, head: true }),
    ];
    const created = await ward.editor.request("POST", "/api/posts", {
      kind: "clarification",
      title: TITLE,
      summary: SUMMARY,
      body: `${SUMMARY} Phường không thu phí giữ xe của các hộ gia đình.`,
      isUrgent: false,
    });
    postId = created.body.id;
    await ward.editor.request("POST", `/api/posts/${postId}/submit`);
    const claim = await ward.editor.request<RumourClaim>("POST", "/api/rumours", {
      claim: CLAIM,
      topic: "phí giữ xe",
      clarificationPostId: postId,
    });
    claimId = claim.body.id;
  });
  afterAll(async () => stack?.stop());

  it("sends nothing while the clarification waits for approval, and staff cannot send it either", async () => {
    const { resident, signalId } = await repeat(ward.groupIds[0]!);
    expect(await repliesTo(signalId)).toEqual([]);
    expect(oaMessagesTo(resident)).toEqual([]);
    expect(await tasksOf(heads[0]!)).toEqual([]);
    const refused = await ward.editor.request("POST", `/api/signals/${signalId}/clarification`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("chưa có bài đính chính đã duyệt");
    expect(await repliesTo(signalId)).toEqual([]);
    expect((await inboxSignal(signalId)).rumour).toMatchObject({ canClarify: false, clarified: false });

    const approved = await ward.approver.request("POST", `/api/posts/${postId}/approve`, { version: 1 });
    expect(approved.body.status).toBe("approved");
  });

  it("answers by OA message within Zalo's window and in “Hỏi đáp” outside it, once each", async () => {
    const inWindow = await repeat(ward.groupIds[0]!);
    const answer = await waitFor(
      () => oaMessagesTo(inWindow.resident).find((m) => m.text?.includes(`Đính chính: ${TITLE}`)),
      { what: "the clarification by OA message" },
    );
    expect(answer.links.some((link) => link.includes(`/post/${postId}`))).toBe(true);
    expect(await repliesTo(inWindow.signalId)).toEqual([
      expect.objectContaining({ staff_id: null, channel: "oa", link_post_id: postId }),
    ]);
    // The link opens the clarification for the resident, though no broadcast carried it to them.
    const opened = await inWindow.resident.client.request("GET", `/api/feed/${postId}`);
    expect(opened.body).toMatchObject({ title: TITLE, summary: SUMMARY });

    const outside = await repeat(ward.groupIds[0]!, { daysSinceInteraction: 10 });
    expect(await repliesTo(outside.signalId)).toEqual([
      expect.objectContaining({ staff_id: null, channel: "feed", status: "shown" }),
    ]);
    expect(oaMessagesTo(outside.resident)).toEqual([]);
    const mine = await outside.resident.client.request("GET", "/api/me/questions");
    const item = mine.body.items.find((q: { id: number }) => q.id === outside.signalId);
    expect(item.replies).toEqual([expect.objectContaining({ text: `Đính chính: ${TITLE}\n\n${SUMMARY}` })]);

    // Once only: a staff tap on an answered message is refused and sends nothing more.
    expect(
      (await ward.editor.request("POST", `/api/signals/${inWindow.signalId}/clarification`)).status,
    ).toBe(409);
    expect(await repliesTo(inWindow.signalId)).toHaveLength(1);
    expect(oaMessagesTo(inWindow.resident)).toHaveLength(1);

    // The message matched before approval is answered when an officer taps "Gửi đính chính".
    const first = repeaters[0]!;
    const tapped = await ward.editor.request<Signal>("POST", `/api/signals/${first.signalId}/clarification`);
    expect(tapped.status).toBe(200);
    expect(tapped.body.rumour).toMatchObject({ canClarify: true, clarified: true });
    expect(tapped.body.replies).toEqual([expect.objectContaining({ channel: "oa", by: expect.any(String) })]);
    expect(tapped.body.replies[0]!.by).not.toBe("Tự động");
    await waitFor(() => oaMessagesTo(first.resident).length === 1, { what: "the tapped clarification sent" });
  });

  it("gives the group's head one clarification card, which they share and confirm", async () => {
    const [card, ...more] = await tasksOf(heads[0]!);
    expect(more).toEqual([]);
    expect(card).toMatchObject({
      broadcastId: null,
      clarification: { claimId, topic: "phí giữ xe" },
      post: { id: postId, title: TITLE, kind: "clarification" },
      status: "open",
    });
    expect(await tasksOf(heads[1]!)).toEqual([]);
    const shared = await heads[0]!.client.request("POST", `/api/head/relay-tasks/${card!.id}/shared`);
    expect(shared.body.status).toBe("shared");
    const confirmed = await heads[0]!.client.request("POST", `/api/head/relay-tasks/${card!.id}/confirm`);
    expect(confirmed.body.status).toBe("confirmed");

    // A neighbour outside the group opens the head's link and reads the clarification.
    const neighbour = await residentClient(stack, { groupId: null });
    expect((await neighbour.client.request("POST", "/api/relay-opens", { ref: card!.ref })).status).toBe(200);
    const read = await neighbour.client.request("GET", `/api/feed/${postId}?relay=${card!.ref}`);
    expect(read.body).toMatchObject({ title: TITLE });
    expect((await tasksOf(heads[0]!)).find((t) => t.id === card!.id)?.opens.uniqueResidents).toBe(1);
  });

  it("shows in “Hỏi đáp” a clarification Zalo refuses to deliver by OA message", async () => {
    stack.sim.setChannelError({ channel: "cs", code: -213, message: "User has not followed OA" });
    try {
      const { resident, signalId } = await repeat(ward.groupIds[1]!);
      const [reply] = await waitFor(
        async () => {
          const rows = await repliesTo(signalId);
          return rows[0]?.status === "queued" || rows[0]?.status === "sending" ? null : rows;
        },
        { what: "the refused clarification settled" },
      );
      expect(reply).toMatchObject({ channel: "feed", status: "shown" });
      const mine = await resident.client.request("GET", "/api/me/questions");
      expect(mine.body.items.find((q: { id: number }) => q.id === signalId).replies).toHaveLength(1);
    } finally {
      stack.sim.clearChannelErrors("cs");
    }
  });

  it("in staff mode, sends only when an officer taps “Gửi đính chính”; admins and approvers choose", async () => {
    expect((await ward.editor.request("PUT", "/api/rumours/settings", { replyMode: "staff" })).status).toBe(
      403,
    );
    expect((await ward.approver.request("PUT", "/api/rumours/settings", { replyMode: "later" })).status).toBe(
      400,
    );
    expect((await ward.editor.request("GET", "/api/rumours")).body.settings).toEqual({ replyMode: "auto" });
    const saved = await ward.approver.request("PUT", "/api/rumours/settings", { replyMode: "staff" });
    expect(saved.body).toEqual({ replyMode: "staff" });

    const { resident, signalId } = await repeat(ward.groupIds[1]!);
    expect(await repliesTo(signalId)).toEqual([]);
    expect(oaMessagesTo(resident)).toEqual([]);
    expect((await inboxSignal(signalId)).rumour).toMatchObject({ canClarify: true, clarified: false });
    // The head's card does not wait for staff: it carries only the approved clarification.
    expect((await tasksOf(heads[1]!)).map((t) => t.clarification?.claimId)).toEqual([claimId]);

    const sent = await ward.editor.request<Signal>("POST", `/api/signals/${signalId}/clarification`);
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe("handled");
    await waitFor(() => oaMessagesTo(resident).length === 1, { what: "the officer's clarification sent" });
    expect((await ward.editor.request("POST", `/api/signals/${signalId}/clarification`)).status).toBe(409);
    expect(await repliesTo(signalId)).toHaveLength(1);
    await ward.approver.request("PUT", "/api/rumours/settings", { replyMode: "auto" });
  });

  it("shows the spread by day, naming only groups where five residents repeated it, and alerts once", async () => {
    const alerts = async () =>
      (await ward.editor.request<{ items: StaffAlert[] }>("GET", "/api/staff/alerts")).body.items.filter(
        (a) => a.kind === "rumour_spreading",
      );
    // Three repetitions in the first group (the second group has had two): one alert, naming both.
    const [alert, ...others] = await alerts();
    expect(others).toEqual([]);
    expect(alert!.message).toContain("phí giữ xe");
    expect(alert!.message).toContain("Tổ dân phố số 1");

    const { year, month, day } = wardClock(new Date());
    const today = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const spread = async () =>
      (await ward.editor.request<{ items: RumourClaim[] }>("GET", "/api/rumours")).body.items.find(
        (c) => c.id === claimId,
      )!.byDay;
    // Three residents of group 1 and two of group 2 so far: no group is named.
    expect(await spread()).toEqual([{ day: today, group: null, messages: 5 }]);
    await repeat(ward.groupIds[0]!);
    expect(await spread()).toEqual([{ day: today, group: null, messages: 6 }]);
    await repeat(ward.groupIds[0]!);
    expect(await spread()).toEqual([
      { day: today, group: "Tổ dân phố số 1", messages: 5 },
      { day: today, group: null, messages: 2 },
    ]);
    expect(await alerts()).toHaveLength(1);
  });

  it("answers a head's “Kiểm tra tin này” with the clarification, or passes it to staff", async () => {
    const head = heads[0]!;
    const checked = await head.client.request<MessageCheck>("POST", "/api/head/message-checks", {
      text: `Chuyển tiếp: ${REPEATS[2]}`,
    });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({
      outcome: "clarified",
      clarification: {
        topic: "phí giữ xe",
        postId,
        title: TITLE,
        summary: SUMMARY,
        relayTask: { clarification: { claimId }, status: "open", post: { id: postId } },
      },
    });

    const unknown = "Chiều nay mất điện toàn phường từ 14 giờ đến 17 giờ để sửa đường dây, bà con chú ý.";
    const forwarded = await head.client.request<MessageCheck>("POST", "/api/head/message-checks", {
      text: unknown,
    });
    expect(forwarded.body).toEqual({
      signalId: expect.any(Number),
      outcome: "forwarded",
      clarification: null,
    });
    const waiting = await inboxSignal(forwarded.body.signalId);
    expect(waiting).toMatchObject({ kind: "message_check", status: "open", text: unknown, rumour: null });

    const count = async () =>
      (
        await queryRows<{ n: number }>(
          stack.runtime.store.db,
          sql`select count(*)::int as n from signals where kind = 'message_check'`,
        )
      )[0]!.n;
    const before = await count();
    const tooLong = "a".repeat(textLimits.messageCheck + 1);
    expect((await head.client.request("POST", "/api/head/message-checks", { text: tooLong })).status).toBe(
      400,
    );
    expect((await head.client.request("POST", "/api/head/message-checks", { text: "  " })).status).toBe(400);
    const notHead = repeaters[0]!.resident;
    expect((await notHead.client.request("POST", "/api/head/message-checks", { text: unknown })).status).toBe(
      403,
    );
    expect(await count()).toBe(before);
  });

  it("answers a match the worker left unanswered when it stopped, on the reconciler's next pass", async () => {
    const { signalId } = await repeat(ward.groupIds[1]!, { daysSinceInteraction: 10 });
    expect(await repliesTo(signalId)).toHaveLength(1);
    // As if the worker had stopped between labelling the batch and answering it, a few minutes ago.
    await stack.runtime.store.db.execute(sql`delete from signal_replies where signal_id = ${signalId}`);
    await stack.runtime.store.db.execute(
      sql`update signals set labelled_at = now() - interval '5 minutes' where id = ${signalId}`,
    );
    // …and the clarification approved before that.
    await stack.runtime.store.db.execute(
      sql`update posts set approved_at = now() - interval '1 hour' where id = ${postId}::uuid`,
    );
    const { reconcileQueues } = await import("@loa-phuong/bot-server/jobs");
    const reconcile = () =>
      reconcileQueues({
        db: stack.runtime.store.db,
        queues: stack.runtime.queues,
        logger: stack.runtime.logger,
        config: stack.config,
      });
    await reconcile();
    expect(await repliesTo(signalId)).toEqual([
      expect.objectContaining({ staff_id: null, channel: "feed", status: "shown", link_post_id: postId }),
    ]);
    await reconcile();
    expect(await repliesTo(signalId)).toHaveLength(1);
  });
});
