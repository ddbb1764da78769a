import { randomBytes } from "node:crypto";
import type { Signal } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const HEAD = "Tổ trưởng TDP số 1";
const GROUP = "Tổ dân phố số 1";
const RESIDENT = "Người dân 002 – TDP số 1";
const run = randomBytes(3).toString("hex");
const CLAIM =
  "Từ tháng sau mỗi hộ gia đình phải nộp 200.000 đồng phí giữ xe cho tổ dân phố, hộ nào không nộp sẽ bị phạt.";
const REPEAT = "tu thang sau moi ho phai nop 200k phi giu xe cho to dan pho, ai ko nop bi phat a?";
const CLARIFICATION = `Phường không thu phí giữ xe của các hộ (đợt ${run})`;
const SUMMARY = "Tổ dân phố không được thu khoản phí giữ xe nào; hộ nào được yêu cầu nộp hãy báo phường.";
const NOTICE = `Lịch họp tổ dân phố cuối tháng đợt ${run}`;

describe("a repeated rumour is answered, in a real browser", () => {
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });

  it("the resident gets the clarification, the head relays its card and checks messages", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    const editor = await new ApiClient(origin).loginStaff("bientap", PASSWORD);
    const approver = await new ApiClient(origin).loginStaff("lanhdao", PASSWORD);
    const approved = async (post: { kind: string; title: string; summary: string; body: string }) => {
      const created = await editor.request<{ id: string }>("POST", "/api/posts", {
        ...post,
        isUrgent: false,
      });
      expect(created.status).toBe(201);
      await editor.request("POST", `/api/posts/${created.body.id}/submit`);
      expect(
        (await approver.request("POST", `/api/posts/${created.body.id}/approve`, { version: 1 })).status,
      ).toBe(200);
      return created.body.id;
    };

    // The rumour desk knows the claim and its approved clarification.
    const clarificationId = await approved({
      kind: "clarification",
      title: CLARIFICATION,
      summary: SUMMARY,
      body: `${SUMMARY} Phường không thu phí giữ xe của các hộ gia đình.`,
    });
    const claim = await editor.request("POST", "/api/rumours", {
      claim: CLAIM,
      topic: "phí giữ xe",
      clarificationPostId: clarificationId,
    });
    expect(claim.status).toBe(201);

    // A notice to the group gives the resident a post to ask under.
    const noticeId = await approved({
      kind: "announcement",
      title: NOTICE,
      summary: "Họp tổ tối thứ Bảy tại nhà văn hóa.",
      body: "Mời bà con dự họp tổ dân phố lúc 19 giờ thứ Bảy tại nhà văn hóa khu phố.",
    });
    const groups = await editor.request<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/residential-groups",
    );
    const groupId = groups.body.items.find((g) => g.name === GROUP)!.id;
    const broadcast = await editor.request<{ id: string }>("POST", "/api/broadcasts", {
      postId: noticeId,
      audience: { include: [{ residentialGroupIds: [groupId] }], exclude: [] },
    });
    expect(broadcast.status).toBe(201);
    await waitFor(
      async () =>
        (
          await editor.request<{ items: { residentialGroup: { name: string }; taskId: string | null }[] }>(
            "GET",
            `/api/broadcasts/${broadcast.body.id}/relay`,
          )
        ).body.items?.some((row) => row.residentialGroup.name === GROUP && row.taskId !== null),
      { timeoutMs: 30_000, intervalMs: 250, what: "the notice sent to the group" },
    );

    const pageErrors: string[] = [];
    // The resident repeats the claim under the notice, without diacritics.
    const residentContext = await running.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "vi-VN",
    });
    const resident = await residentContext.newPage();
    resident.on("pageerror", (error) => pageErrors.push(error.message));
    await running.system.findPersona(RESIDENT);
    await resident.goto(`${base}/post/${noticeId}`);
    await resident.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await resident.getByRole("button", { name: RESIDENT, exact: true }).click();
    await resident.getByRole("heading", { name: NOTICE, level: 1, exact: true }).waitFor({ timeout: 15_000 });
    await resident.getByLabel("Câu hỏi hoặc góp ý của bạn").fill(REPEAT);
    await resident.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await resident.getByRole("status").filter({ hasText: "Đã gửi câu hỏi." }).waitFor({ timeout: 10_000 });

    // Matched and answered without staff: by OA message when Zalo allows, and always in "Hỏi đáp".
    const answered = await waitFor(
      async () =>
        (
          await editor.request<{ items: Signal[] }>("GET", "/api/signals?kind=question&limit=50")
        ).body.items.find(
          // Sent by OA message (or, when Zalo cannot reach them, shown in the app): what "Hỏi đáp" lists.
          (s) =>
            s.text === REPEAT &&
            s.replies.some((r) => ["sent", "delivered", "seen", "shown"].includes(r.status)),
        ),
      { timeoutMs: 30_000, intervalMs: 250, what: "the clarification to the resident" },
    );
    expect(answered.rumour?.clarified).toBe(true);
    expect(answered.replies[0]).toMatchObject({
      by: "Tự động",
      text: expect.stringContaining(CLARIFICATION),
    });
    await resident.goto(`${base}/?tab=questions`);
    const questions = resident.getByText(`Đính chính: ${CLARIFICATION}`, { exact: false });
    await questions.first().waitFor({ timeout: 15_000 });
    await residentContext.close();

    // The head gets the clarification card for the group, shares it and confirms.
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await running.system.findPersona(HEAD);
    await page.goto(`${base}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: HEAD, exact: true }).click();
    await page.getByRole("heading", { name: `Xin chào, ${HEAD}`, level: 1 }).waitFor({ timeout: 15_000 });
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Tổ của tôi" })
      .click();
    await page.getByRole("heading", { name: GROUP, level: 1, exact: true }).waitFor({ timeout: 30_000 });
    const card = page.getByRole("article", { name: CLARIFICATION });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain("Đính chính tin đồn · phí giữ xe");
    await card.getByRole("button", { name: "Chia sẻ vào nhóm" }).click();
    const link = await card.getByLabel("Liên kết chia sẻ").inputValue();
    expect(link).toMatch(new RegExp(`^${base}/post/${clarificationId}\\?relay=r-`));
    await card.getByRole("button", { name: "Đã chuyển tiếp" }).click();
    await card
      .getByRole("status")
      .filter({ hasText: "Cảm ơn tổ trưởng đã chuyển tiếp." })
      .waitFor({ timeout: 10_000 });

    // "Kiểm tra tin này": a known claim gets the clarification; an unknown message goes to staff.
    await page.getByRole("link", { name: "Kiểm tra tin này" }).click();
    await page
      .getByRole("heading", { name: "Kiểm tra tin này", level: 1, exact: true })
      .waitFor({ timeout: 15_000 });
    await page.getByLabel("Tin cần kiểm tra").fill(`Chuyển tiếp từ nhóm khác: ${CLAIM}`);
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await page
      .getByRole("heading", { name: CLARIFICATION, level: 2, exact: true })
      .waitFor({ timeout: 15_000 });
    await page.getByText(SUMMARY).first().waitFor();
    expect(await page.getByRole("link", { name: "Xem bài đính chính" }).count()).toBe(1);

    const unknown = `Chiều nay mất điện toàn phường từ 14 giờ đến 17 giờ để sửa đường dây (${run}).`;
    await page.getByLabel("Tin cần kiểm tra").fill(unknown);
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await page
      .getByRole("heading", { name: "Chưa có thông tin, đã chuyển cán bộ phường", exact: true })
      .waitFor({ timeout: 15_000 });
    const inbox = await editor.request<{ items: Signal[] }>(
      "GET",
      "/api/signals?kind=message_check&limit=20",
    );
    expect(inbox.body.items.find((s) => s.text === unknown)).toMatchObject({ status: "open", rumour: null });

    expect(pageErrors).toEqual([]);
  });
});
