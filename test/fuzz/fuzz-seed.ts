import type { Db } from "@loa-phuong/bot-server/store";
import { buildResident } from "@loa-phuong/bot-server/testing";
import sharp from "sharp";
import { ApiClient } from "../e2e/support/api-client.js";
import { residentClient } from "../e2e/support/residents.js";
import type { Stack } from "../e2e/support/stack.js";
import { approvedPost, type SeededWard, WARD, waitForBroadcastDone } from "../e2e/support/ward.js";
import type { FuzzWorld } from "./fuzz-world.js";

/** A seeding request that must succeed: its body, or an error that names it. */
export async function expectOk(what: string, res: { status: number; body: unknown }) {
  if (res.status >= 300)
    throw new Error(`seeding: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/**
 * Posts in every state the API shows, and broadcasts of them: two sent now (the caller's workers fan
 * them out), one later to the second group, one recurring. The poll is what residents answer.
 */
export async function seedPostsAndBroadcasts({
  stack,
  ward,
  identities,
  g1,
}: {
  stack: Stack;
  ward: SeededWard;
  identities: FuzzWorld["identities"];
  g1: string;
}): Promise<{ poll: Record<string, unknown> }> {
  // Posts in every state the API shows: approved (one a poll), submitted, drafts, rejected.
  const editor = new ApiClient(stack.url);
  editor.token = identities.editor.token;
  const approver = new ApiClient(stack.url);
  approver.token = identities.approver.token;
  const news = await approvedPost(ward, { title: "Lịch tiêm chủng mở rộng tháng này" });
  const urgent = await approvedPost(ward, { title: "Thông báo cắt điện khẩn", isUrgent: true });
  const later = await approvedPost(ward, { title: "Hội nghị phụ huynh học sinh", kind: "news" });
  const poll = await expectOk(
    "poll post",
    await ward.editor.request("POST", "/api/posts", {
      kind: "poll",
      title: "Khảo sát giờ đón trẻ",
      body: "Phụ huynh chọn khung giờ đón trẻ thuận tiện.",
      poll: {
        question: "Khung giờ nào thuận tiện?",
        options: [
          { id: "a", label: "16:30" },
          { id: "b", label: "17:00" },
          { id: "c", label: "17:30" },
        ],
      },
    }),
  );
  await expectOk("submit poll", await ward.editor.request("POST", `/api/posts/${poll.id}/submit`));
  await expectOk(
    "approve poll",
    await ward.approver.request("POST", `/api/posts/${poll.id}/approve`, { version: 1 }),
  );
  for (const title of ["Bản nháp tin tổ dân phố", "Bản nháp gương người tốt"])
    await expectOk(
      "draft",
      await editor.request("POST", "/api/posts", { kind: "news", title, body: `${title}.` }),
    );
  for (const title of ["Tin chờ duyệt", "Tin sẽ bị trả lại"]) {
    const post = await expectOk(
      "post",
      await editor.request("POST", "/api/posts", { kind: "announcement", title, body: `${title}.` }),
    );
    await expectOk("submit", await editor.request("POST", `/api/posts/${post.id}/submit`));
    if (title.includes("trả lại"))
      await expectOk(
        "reject",
        await approver.request("POST", `/api/posts/${post.id}/reject`, { reason: "Thiếu ngày" }),
      );
  }

  // Broadcasts: two sent now (fan-out, deliveries, relay tasks for the head), one later, one recurring.
  const wholeWard = { include: [{ wholeWard: true }] };
  const sentIds: string[] = [];
  for (const postId of [poll.id, news])
    sentIds.push(
      (
        await expectOk(
          "broadcast",
          await ward.editor.request("POST", "/api/broadcasts", { postId, audience: wholeWard }),
        )
      ).id as string,
    );
  await expectOk(
    "scheduled broadcast",
    await ward.editor.request("POST", "/api/broadcasts", {
      postId: later,
      audience: { include: [{ residentialGroupIds: [g1] }] },
      scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    }),
  );
  await expectOk(
    "recurring schedule",
    await ward.editor.request("POST", "/api/broadcast-schedules", {
      postId: urgent,
      audience: wholeWard,
      recurrence: { kind: "weekly", weekdays: [1, 4], time: "07:30" },
    }),
  );
  for (const id of sentIds) await waitForBroadcastDone(stack, id);
  return { poll };
}

/** What residents of the head's group send back; the photo they uploaded is the one the fuzzer sends. */
export async function seedResidentInput({
  stack,
  db,
  ward,
  identities,
  poll,
  g0,
}: {
  stack: Stack;
  db: Db;
  ward: SeededWard;
  identities: FuzzWorld["identities"];
  poll: Record<string, unknown>;
  g0: string;
}): Promise<Buffer> {
  // What residents send back: a report with a photo, a nomination, a question, an opinion report, an OA message.
  const resident = new ApiClient(stack.url);
  resident.token = identities.resident.token;
  const head = new ApiClient(stack.url);
  head.token = identities.head.token;
  const photo = await sharp({ create: { width: 4, height: 3, channels: 3, background: "#c0392b" } })
    .png()
    .toBuffer();
  const upload = await fetch(`${stack.url}/api/uploads`, {
    method: "POST",
    headers: { authorization: `Bearer ${resident.token}`, "content-type": "image/png" },
    body: photo,
  });
  const uploaded = (await upload.json()) as { id: string };
  if (upload.status !== 201)
    throw new Error(`seeding: upload answered ${upload.status} ${JSON.stringify(uploaded)}`);
  const uploadId = uploaded.id;
  await expectOk(
    "report",
    await resident.request("POST", "/api/reports", {
      text: "Đèn đường ngõ 12 hỏng",
      uploadIds: [uploadId],
    }),
  );
  await expectOk(
    "nomination",
    await resident.request("POST", "/api/nominations", {
      who: "Cô Lan",
      where: "Tổ 1",
      why: "Dạy học miễn phí",
    }),
  );
  await expectOk(
    "question",
    await resident.request("POST", `/api/feed/${poll.id}/questions`, {
      kind: "question",
      text: "Có xe đưa đón không?",
    }),
  );
  await expectOk(
    "opinion report",
    await head.request("POST", "/api/opinion-reports", {
      mood: "positive",
      topics: ["học phí"],
      summary: "Bà con đồng tình với kế hoạch.",
    }),
  );
  await stack.sim.sendUserText(ward.residents[0]!.zaloOaUserId, "Xin chào phường, ngõ tôi bị ngập.");
  // Someone who asked to join the head's group and waits for the head.
  const newcomer = await residentClient(stack, { inStore: false });
  await expectOk(
    "onboarding",
    await newcomer.client.request("POST", "/api/me/onboarding", { residentialGroupId: g0, consent: true }),
  );
  for (let k = 0; k < 6; k++)
    await buildResident(db, WARD, { residentialGroupId: g0, membershipStatus: "pending" });
  return photo;
}
