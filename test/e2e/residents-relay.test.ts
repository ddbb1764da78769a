import { queryRows } from "@loa-phuong/bot-server/store";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1PX, residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, type SeededWard, seedWard, waitForBroadcastDone } from "./support/ward.js";

describe("residents and group heads on the API", () => {
  let stack: Stack;
  let ward: SeededWard;
  let pollPost: string;
  let broadcastId: string;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 2, perGroup: 3 });
    const created = await ward.editor.request("POST", "/api/posts", {
      kind: "poll",
      title: "Khảo sát giờ đón trẻ",
      body: "Phụ huynh chọn khung giờ đón trẻ thuận tiện.",
      isUrgent: true,
      poll: {
        question: "Khung giờ nào thuận tiện?",
        multiple: false,
        options: [
          { id: "a", label: "16:30" },
          { id: "b", label: "17:00" },
        ],
      },
    });
    pollPost = created.body.id;
    await ward.editor.request("POST", `/api/posts/${pollPost}/submit`);
    await ward.approver.request("POST", `/api/posts/${pollPost}/approve`, { version: 1 });
  });
  afterAll(async () => stack?.stop());

  it("onboards a new Zalo user into a group, pending until the head confirms", async () => {
    const head = await residentClient(stack, { groupId: ward.groupIds[0]!, head: true });
    expect(head.profile).toMatchObject({ isGroupHead: true });
    // A head cannot move themselves into another group (and take a head's rights over it).
    const moved = await head.client.request("POST", "/api/me/join-group", {
      residentialGroupId: ward.groupIds[1],
    });
    expect(moved.status).toBe(409);
    expect((await head.client.request("GET", "/api/me")).body).toMatchObject({
      isGroupHead: true,
      residentialGroup: { id: ward.groupIds[0] },
    });
    const newcomer = await residentClient(stack, { inStore: false });
    expect(newcomer.profile).toMatchObject({ onboarded: false, residentialGroup: null });
    const refused = await newcomer.client.request("POST", "/api/me/onboarding", {
      residentialGroupId: ward.groupIds[0],
      consent: false,
    });
    expect(refused.status).toBe(400);
    const onboarded = await newcomer.client.request("POST", "/api/me/onboarding", {
      residentialGroupId: ward.groupIds[0],
      civicRoles: [{ role: "party_member" }],
      consent: true,
    });
    expect(onboarded.body).toMatchObject({
      onboarded: true,
      membershipStatus: "pending",
      civicRoles: [{ role: "party_member", schoolId: null }],
    });
    const pending = await head.client.request("GET", "/api/head/members?status=pending");
    expect(pending.body.items.map((m: { id: string }) => m.id)).toContain(newcomer.residentId);
    expect(
      (await head.client.request("POST", `/api/head/members/${newcomer.residentId}`, { decision: "confirm" }))
        .body.membershipStatus,
    ).toBe("confirmed");
    expect((await newcomer.client.request("GET", "/api/me")).body.membershipStatus).toBe("confirmed");
    // A resident who is not a head cannot reach head routes.
    expect((await newcomer.client.request("GET", "/api/head/relay-tasks")).status).toBe(403);
  });

  it("reacts, answers the poll once, asks a question, and files a report with a photo", async () => {
    const r = await residentClient(stack, { groupId: ward.groupIds[1]! });
    const sent = await ward.editor.request("POST", "/api/broadcasts", {
      postId: pollPost,
      audience: { include: [{ wholeWard: true }] },
    });
    broadcastId = sent.body.id;
    await waitFor(async () =>
      (await r.client.request("GET", "/api/feed")).body.items.some((i: { id: string }) => i.id === pollPost),
    );
    const before = await r.client.request("GET", `/api/feed/${pollPost}/engagement`);
    expect(before.body.poll).toMatchObject({
      myAnswer: null,
      totalVotes: null,
      options: [
        { id: "a", votes: null },
        { id: "b", votes: null },
      ],
    });
    const reacted = await r.client.request("POST", `/api/feed/${pollPost}/reactions`, {
      reaction: "huu_ich",
      active: true,
    });
    expect(reacted.body).toMatchObject({ reactions: { huu_ich: 1 }, myReactions: ["huu_ich"] });
    const answered = await r.client.request("POST", `/api/feed/${pollPost}/poll`, { optionIds: ["b"] });
    expect(answered.body.poll).toMatchObject({
      myAnswer: ["b"],
      totalVotes: 1,
      options: [
        { id: "a", votes: 0 },
        { id: "b", votes: 1 },
      ],
    });
    expect(
      (await r.client.request("POST", `/api/feed/${pollPost}/poll`, { optionIds: ["a"] })).body.error,
    ).toBe("already_answered");
    // A reaction and a poll answer are counts on the post, not items a person must handle.
    const kinds = (await ward.editor.request("GET", "/api/signals")).body.items.map(
      (i: { kind: string }) => i.kind,
    );
    expect(kinds).not.toContain("reaction");
    expect(kinds).not.toContain("poll_answer");
    expect(
      (await r.client.request("POST", `/api/feed/${pollPost}/poll`, { optionIds: ["a", "b"] })).status,
    ).toBe(400);
    expect(
      (
        await r.client.request("POST", `/api/feed/${pollPost}/questions`, {
          kind: "question",
          text: "Trẻ đón muộn có được ở lại lớp không?",
        })
      ).status,
    ).toBe(201);
    await r.client.request("POST", `/api/feed/${pollPost}/read`);
    expect(
      (await r.client.request("GET", "/api/feed")).body.items.find((i: { id: string }) => i.id === pollPost)
        .isRead,
    ).toBe(true);

    const upload = await fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${r.client.token}`, "content-type": "image/png" },
      body: PNG_1PX,
    });
    expect(upload.status).toBe(201);
    const { id: uploadId } = (await upload.json()) as { id: string };
    const notImage = await fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${r.client.token}`, "content-type": "image/png" },
      body: "không phải ảnh",
    });
    expect(notImage.status).toBe(415);
    const tooBig = await fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${r.client.token}`, "content-type": "image/jpeg" },
      body: Buffer.alloc(3 * 1024 * 1024 + 1, 0xff),
    });
    expect(tooBig.status).toBe(413);
    const report = await r.client.request("POST", "/api/reports", {
      text: "Đèn đường ngõ 12 bị hỏng",
      uploadIds: [uploadId],
      location: { latitude: 20.86, longitude: 106.68 },
    });
    expect(report.status).toBe(201);
    const other = await residentClient(stack, { groupId: ward.groupIds[1]! });
    expect(
      (
        await other.client.request("POST", "/api/reports", {
          text: "Dùng ảnh của người khác",
          uploadIds: [uploadId],
        })
      ).status,
    ).toBe(400);
    expect((await other.client.request("GET", `/api/uploads/${uploadId}`)).status).toBe(404);

    const inbox = await ward.editor.request("GET", "/api/signals?kind=report");
    const filed = inbox.body.items.find((s: { id: number }) => s.id === report.body.id);
    expect(filed).toMatchObject({
      text: "Đèn đường ngõ 12 bị hỏng",
      photos: [`/api/uploads/${uploadId}`],
      residentialGroup: { id: ward.groupIds[1] },
    });
    const photo = await fetch(`${stack.url}${filed.photos[0]}`, {
      headers: { authorization: `Bearer ${ward.editor.token}` },
    });
    // The photo as the server encoded it again: the same picture, none of the sent bytes' extras.
    const stored = await sharp(Buffer.from(await photo.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(stored.info).toMatchObject({ width: 1, height: 1 });
    expect([...stored.data.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it("answers a question by OA message within Zalo's window, and says why not outside it", async () => {
    const near = await residentClient(stack, { groupId: ward.groupIds[1]! });
    const far = await residentClient(stack, { groupId: ward.groupIds[1]!, daysSinceInteraction: 10 });
    await waitFor(async () => (await near.client.request("GET", "/api/feed")).body.items.length > 0);
    const q1 = (
      await near.client.request("POST", `/api/feed/${pollPost}/questions`, {
        kind: "question",
        text: "Hạn trả lời khảo sát là khi nào?",
      })
    ).body.id;
    const q2 = (
      await far.client.request("POST", `/api/feed/${pollPost}/questions`, {
        kind: "question",
        text: "Có thể chọn giờ khác không?",
      })
    ).body.id;
    const replied = await ward.editor.request("POST", `/api/signals/${q1}/reply`, {
      text: "Hạn cuối là thứ Sáu tuần này.",
      channel: "oa",
    });
    expect(replied.body).toMatchObject({ status: "handled", canReplyByOa: true });
    await waitFor(
      () =>
        stack.sim.ledger.forUser(near.idByOa).some((e) => e.text?.includes("Hạn cuối là thứ Sáu tuần này.")),
      { what: "the OA reply" },
    );
    const seen = await near.client.request("GET", `/api/feed/${pollPost}/engagement`);
    expect(
      seen.body.myQuestions
        .find((q: { id: number }) => q.id === q1)
        .replies.map((x: { text: string }) => x.text),
    ).toEqual(["Hạn cuối là thứ Sáu tuần này."]);
    const refused = await ward.editor.request("POST", `/api/signals/${q2}/reply`, {
      text: "Có thể.",
      channel: "oa",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("cannot_reach_by_oa");
    expect(stack.sim.ledger.forUser(far.idByOa).some((e) => e.text?.includes("Có thể."))).toBe(false);
    expect(
      (
        await ward.editor.request("POST", `/api/signals/${q2}/reply`, {
          text: "Có thể, hãy báo cô giáo.",
          channel: "feed",
        })
      ).status,
    ).toBe(200);
    const farSees = await far.client.request("GET", "/api/me/questions");
    expect(farSees.body.items.find((q: { id: number }) => q.id === q2).replies[0].text).toBe(
      "Có thể, hãy báo cô giáo.",
    );
  });

  it("removes a resident's personal data on request and keeps the counts", async () => {
    const r = await residentClient(stack, { groupId: ward.groupIds[1]!, phone: "84912000111" });
    await waitFor(async () => (await r.client.request("GET", "/api/feed")).body.items.length > 0);
    await r.client.request("POST", `/api/feed/${pollPost}/reactions`, { reaction: "cam_on", active: true });
    await r.client.request("POST", `/api/feed/${pollPost}/questions`, {
      kind: "comment",
      text: "Số nhà tôi là 15, ngõ 4",
    });
    const phone = await r.client.request("POST", "/api/me/phone", {
      accessToken: stack.sim.issueUserAccessToken(r.idByApp),
      phoneToken: stack.sim.issuePhoneToken(r.idByApp),
      consent: true,
    });
    expect(phone.body).toEqual({ hasPhone: true });
    const data = await r.client.request("GET", "/api/me/data");
    expect(data.body.profile.phone).toBe("84912000111");
    expect(data.body.signals.map((s: { text: string }) => s.text)).toContain("Số nhà tôi là 15, ngõ 4");
    const countsBefore = await queryRows<{ reactions: number; signals: number }>(
      stack.runtime.store.db,
      sql`select (select count(*)::int from post_reactions) as reactions,
                 (select count(*)::int from signals) as signals`,
    );
    expect((await r.client.request("DELETE", "/api/me")).status).toBe(204);
    expect((await r.client.request("GET", "/api/me")).status).toBe(401);
    const [row] = await queryRows<{
      full_name: string;
      phone: string | null;
      zalo_app_user_id: string | null;
    }>(
      stack.runtime.store.db,
      sql`select full_name, phone, zalo_app_user_id from residents where id = ${r.residentId}::uuid`,
    );
    expect(row).toEqual({ full_name: "(đã xóa)", phone: null, zalo_app_user_id: null });
    const texts = await queryRows<{ n: number }>(
      stack.runtime.store.db,
      sql`select count(*)::int as n from signals where text like '%ngõ 4%'`,
    );
    expect(texts[0]!.n).toBe(0);
    const countsAfter = await queryRows<{ reactions: number; signals: number }>(
      stack.runtime.store.db,
      sql`select (select count(*)::int from post_reactions) as reactions,
                 (select count(*)::int from signals) as signals`,
    );
    expect(countsAfter).toEqual(countsBefore);
  });

  it("gives each group head a relay task, counts opens via their link, and offers the group to newcomers", async () => {
    await waitForBroadcastDone(stack, broadcastId);
    const head = await residentClient(stack, { groupId: ward.groupIds[1]!, head: true });
    // The head joined after that broadcast: a new one creates their task.
    const postId = await approvedPost(ward, { title: "Lịch họp tổ tháng 12", isUrgent: true });
    const b = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [ward.groupIds[1]] }] },
    });
    const task = await waitFor(async () =>
      (await head.client.request("GET", "/api/head/relay-tasks")).body.items.find(
        (t: { broadcastId: string }) => t.broadcastId === b.body.id,
      ),
    );
    expect(task).toMatchObject({
      status: "open",
      sharePath: `/post/${postId}?relay=${task.ref}`,
      shareUrl: `https://zalo.me/s/3000000000000000003/post/${postId}?relay=${task.ref}`,
    });
    expect((await head.client.request("POST", `/api/head/relay-tasks/${task.id}/shared`)).body.status).toBe(
      "shared",
    );
    const visitor = await residentClient(stack, { inStore: false });
    // A neighbour outside the group reads the post through the head's link, and only through it.
    expect((await visitor.client.request("GET", `/api/feed/${postId}`)).status).toBe(404);
    expect((await visitor.client.request("GET", `/api/feed/${postId}?relay=${task.ref}`)).body.title).toBe(
      "Lịch họp tổ tháng 12",
    );
    const open = await visitor.client.request("POST", "/api/relay-opens", { ref: task.ref });
    expect((await visitor.client.request("GET", `/api/feed/${postId}/engagement`)).status).toBe(200);
    expect(open.body).toEqual({
      counted: true,
      joinOffer: { residentialGroupId: ward.groupIds[1], name: "Tổ dân phố số 2" },
    });
    await visitor.client.request("POST", "/api/relay-opens", { ref: task.ref });
    const member = await residentClient(stack, { groupId: ward.groupIds[1]! });
    expect(
      (await member.client.request("POST", "/api/relay-opens", { ref: task.ref })).body.joinOffer,
    ).toBeNull();
    expect(
      (await visitor.client.request("POST", "/api/me/join-group", { residentialGroupId: ward.groupIds[1] }))
        .body.membershipStatus,
    ).toBe("pending");
    expect(
      (await head.client.request("POST", `/api/head/relay-tasks/${task.id}/confirm`)).body,
    ).toMatchObject({ status: "confirmed", opens: { total: 3, uniqueResidents: 2 } });
    const board = await ward.editor.request("GET", `/api/broadcasts/${b.body.id}/relay`);
    expect(board.body.items).toEqual([
      expect.objectContaining({
        residentialGroup: { id: ward.groupIds[1], name: "Tổ dân phố số 2" },
        status: "confirmed",
        opens: { total: 3, uniqueResidents: 2 },
      }),
    ]);
    const csv = await fetch(`${stack.url}/api/broadcasts/${b.body.id}/relay.csv`, {
      headers: { authorization: `Bearer ${ward.editor.token}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A UTF-8 BOM first, so spreadsheet programs read the Vietnamese right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Tổ dân phố,Tổ trưởng,Trạng thái")).toBe(true);
    expect(text).toContain("Tổ dân phố số 2");
    // Another group's head cannot act on this task.
    const otherHead = await residentClient(stack, { groupId: ward.groupIds[0]!, head: true });
    expect((await otherHead.client.request("POST", `/api/head/relay-tasks/${task.id}/confirm`)).status).toBe(
      404,
    );
    expect(
      (
        await head.client.request("POST", "/api/opinion-reports", {
          mood: "positive",
          topics: ["Giáo dục"],
          summary: "Bà con đồng tình với lịch họp.",
        })
      ).status,
    ).toBe(201);
  });

  it("shows residents only the words approved and sent, while the post is being edited and after", async () => {
    const r = await residentClient(stack, { groupId: ward.groupIds[1]! });
    await waitFor(async () =>
      (await r.client.request("GET", "/api/feed")).body.items.some((i: { id: string }) => i.id === pollPost),
    );
    await r.client.request("POST", `/api/feed/${pollPost}/questions`, {
      kind: "question",
      text: "Có xe đưa đón không?",
    });
    const edited = await ward.editor.request("PATCH", `/api/posts/${pollPost}`, {
      title: "[NHÁP – CHƯA DUYỆT] Nội dung nội bộ",
      poll: {
        question: "Khung giờ nào thuận tiện?",
        multiple: false,
        options: [
          { id: "x", label: "18:00" },
          { id: "y", label: "18:30" },
        ],
      },
    });
    expect(edited.body.status).toBe("submitted");
    const titles = async () => [
      ...(await r.client.request("GET", "/api/me/questions")).body.items.map(
        (q: { post: { title: string } | null }) => q.post?.title,
      ),
      ...(await r.client.request("GET", `/api/feed/${pollPost}/engagement`)).body.myQuestions.map(
        (q: { post: { title: string } | null }) => q.post?.title,
      ),
      ...(await r.client.request("GET", "/api/me/data")).body.signals.map(
        (s: { postTitle: string | null }) => s.postTitle,
      ),
    ];
    expect(new Set(await titles())).toEqual(new Set(["Khảo sát giờ đón trẻ"]));
    // Approved but not broadcast again: residents keep the poll they were sent, and can answer it.
    expect(
      (
        await ward.approver.request("POST", `/api/posts/${pollPost}/approve`, {
          version: edited.body.version,
        })
      ).body.status,
    ).toBe("approved");
    const engagement = await r.client.request("GET", `/api/feed/${pollPost}/engagement`);
    expect(engagement.body.poll.options.map((o: { id: string }) => o.id)).toEqual(["a", "b"]);
    expect((await r.client.request("POST", `/api/feed/${pollPost}/poll`, { optionIds: ["a"] })).status).toBe(
      200,
    );
  });
});
