import { randomBytes } from "node:crypto";
import type { Signal } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const run = randomBytes(3).toString("hex");

// A repeated rumour, in group 1.
const HEAD = "Tổ trưởng TDP số 1";
const GROUP = "Tổ dân phố số 1";
const RESIDENT = "Người dân 002 – TDP số 1";
const CLAIM =
  "Từ tháng sau mỗi hộ gia đình phải nộp 200.000 đồng phí giữ xe cho tổ dân phố, hộ nào không nộp sẽ bị phạt.";
const REPEAT = "tu thang sau moi ho phai nop 200k phi giu xe cho to dan pho, ai ko nop bi phat a?";
const CLARIFICATION = `Phường không thu phí giữ xe của các hộ (đợt ${run})`;
const SUMMARY = "Tổ dân phố không được thu khoản phí giữ xe nào; hộ nào được yêu cầu nộp hãy báo phường.";
const NOTICE = `Lịch họp tổ dân phố cuối tháng đợt ${run}`;

// Moderation and collaborators, in group 3. The demo's urgent clarification reaches every group at start-up.
const POST_TITLE = "Đính chính: không có khoản thu bắt buộc mới đầu học kỳ II";
const QUARTER = "TDP số 3";
const TOXIC = `Mấy thằng cán bộ phường ngu như chó, bao giờ mới trả lời hả? (${run})`;
const CLEAN = `Cho hỏi quỹ lớp có được thu đầu học kỳ II không ạ? (${run})`;
const ANSWER = `Quỹ lớp là tự nguyện, không bắt buộc; phụ huynh hỏi giáo viên chủ nhiệm (${run}).`;
const HEARD = `Phụ huynh hỏi nhau có phải nộp thêm tiền học kỳ II không (${run})`;

interface Persona {
  name: string;
  idByApp: string;
}

/**
 * Issue 11's journeys in a real browser, on one running system: a repeated rumour answered to the resident
 * and through the head; what residents may see of each other; a staff correction counted; a collaborator.
 */
describe("opinion and rumours, in a real browser", () => {
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

  it("never shows a toxic question to another resident; a collaborator appointed by staff reports", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const sim = `http://127.0.0.1:${running.system.simPort}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    await running.system.findPersona(`Tổ trưởng ${QUARTER}`);
    const found = (await (await fetch(`${sim}/__sim/personas?q=${encodeURIComponent(QUARTER)}`)).json()) as {
      personas: Persona[];
    };
    const [rude, asker, reader] = found.personas.filter((p) => p.name.startsWith("Người dân"));
    async function residentApi(persona: Persona): Promise<ApiClient> {
      const { accessToken } = (await (
        await fetch(`${sim}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" })
      ).json()) as { accessToken: string };
      const client = new ApiClient(origin);
      const signIn = await client.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken });
      expect(signIn.status).toBe(200);
      client.token = signIn.body.token;
      return client;
    }
    const [rudeApi, askerApi] = [await residentApi(rude!), await residentApi(asker!)];
    const post = await waitFor(
      async () =>
        (
          await askerApi.request<{ items: { id: string; title: string }[] }>("GET", "/api/feed?limit=50")
        ).body.items.find((item) => item.title === POST_TITLE),
      { timeoutMs: 60_000, intervalMs: 250, what: "the demo clarification in the resident's feed" },
    );
    for (const [client, text] of [
      [rudeApi, TOXIC],
      [askerApi, CLEAN],
    ] as const) {
      const asked = await client.request("POST", `/api/feed/${post.id}/questions`, {
        kind: "question",
        text,
      });
      expect(asked.status).toBe(201);
    }

    // Staff answer both questions in the inbox; the toxic words stay blurred until revealed.
    const staff = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    staff.on("pageerror", (error) => pageErrors.push(error.message));
    await staff.goto(`${base}/staff`);
    await staff.getByLabel("Tên đăng nhập").fill("bientap");
    await staff.getByLabel("Mật khẩu").fill(PASSWORD);
    await staff.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await staff.getByRole("link", { name: "Hộp thư phản hồi" }).click();
    await staff.getByRole("heading", { name: "Hộp thư phản hồi", level: 1, exact: true }).waitFor();
    // The labeller reads each question as it arrives; the inbox shows both once they carry labels.
    const editor = await new ApiClient(origin).loginStaff("bientap", PASSWORD);
    await waitFor(
      async () => {
        const inbox = await editor.request<{ items: { text: string | null; labels: unknown }[] }>(
          "GET",
          "/api/signals?kind=question&limit=200",
        );
        return inbox.body.items.filter((s) => s.text?.includes(run) && s.labels).length === 2;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: "both questions labelled" },
    );
    await staff.reload();
    await staff.getByRole("heading", { name: "Hộp thư phản hồi", level: 1, exact: true }).waitFor();
    for (const [name, text] of [
      [rude!.name, run],
      [asker!.name, CLEAN],
    ] as const) {
      const card = staff.getByRole("article").filter({ hasText: name }).filter({ hasText: text });
      await card.getByRole("button", { name: "Trả lời", exact: true }).click();
      await card.getByLabel(`Câu trả lời cho ${name}`).fill(ANSWER);
      await card.getByRole("button", { name: "Hiển thị câu trả lời trong Mini App" }).click();
      await card.getByText("Đã trả lời").waitFor();
    }
    const rudeCard = staff.getByRole("article").filter({ hasText: rude!.name }).filter({ hasText: run });
    await rudeCard.getByText(/đã được làm mờ/).waitFor();
    await rudeCard.getByText("Chưa hiện cho người dân khác").waitFor();
    const askerCard = staff.getByRole("article").filter({ hasText: CLEAN });
    await askerCard.getByText("Đang hiện trong “Bà con hỏi, phường trả lời” của bài").waitFor();

    // Staff correct what the model read in the clean question, and the opinion figures count the correction.
    const sentimentNames = { negative: "Tiêu cực", neutral: "Trung tính", positive: "Tích cực" } as const;
    type Feeling = keyof typeof sentimentNames;
    const groupRow = async (): Promise<Record<Feeling, number>> => {
      await staff.goto(`${base}/staff/opinion`);
      const row = staff
        .getByRole("list", { name: "Cảm xúc theo tổ dân phố" })
        .getByRole("listitem")
        .filter({ hasText: "Tổ dân phố số 3:" });
      const text = (await row.textContent()) ?? "";
      const count = (word: string) =>
        Number(text.match(new RegExp(`([\\d.]+) ${word}`))?.[1]?.replace(".", ""));
      return { negative: count("tiêu cực"), neutral: count("trung tính"), positive: count("tích cực") };
    };
    const before = await groupRow();
    const read = (
      await editor.request<{ items: { text: string | null; labels: { sentiment: Feeling } | null }[] }>(
        "GET",
        "/api/signals?kind=question&limit=200",
      )
    ).body.items.find((s) => s.text === CLEAN)!.labels!.sentiment;
    const wanted: Feeling = read === "positive" ? "neutral" : "positive";
    await staff.goto(`${base}/staff/signals?kind=question`);
    const corrected = staff.getByRole("article").filter({ hasText: CLEAN });
    // Answering it marked it handled: it is under "Đã xử lý".
    await staff.getByRole("button", { name: "Đã xử lý", exact: true }).click();
    await corrected.getByRole("button", { name: "Sửa nhãn" }).click();
    await corrected.getByLabel("Cảm xúc").selectOption({ label: sentimentNames[wanted] });
    await corrected.getByRole("button", { name: "Lưu nhãn" }).click();
    await corrected.getByText(`${sentimentNames[wanted]} (cán bộ đã sửa)`).waitFor();
    const after = await groupRow();
    expect(after[read]).toBe(before[read] - 1);
    expect(after[wanted]).toBe(before[wanted] + 1);

    /** A phone of its own with the Mini App open as `name` (the demo's persona picker), at home. */
    async function openAs(name: string) {
      const page = await running.browser.newPage({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(`${origin}/`);
      await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
      await page.getByLabel("Tìm người dân theo tên").fill(name);
      await page.getByRole("button", { name, exact: true }).click();
      await page.getByRole("heading", { name: `Xin chào, ${name}`, level: 1 }).waitFor({ timeout: 20_000 });
      return page;
    }

    // A third resident of the group opens the post: the answered clean question, never the toxic one.
    const phone = await openAs(reader!.name);
    await phone
      .getByRole("link", { name: new RegExp(POST_TITLE) })
      .first()
      .click();
    const shared = phone.getByRole("region", { name: "Bà con hỏi, phường trả lời" });
    await shared.getByText(CLEAN).waitFor();
    await shared.getByText(ANSWER).waitFor();
    expect(await phone.content()).not.toContain("ngu như chó");

    // Staff appoint the reader as a public-opinion collaborator…
    await staff.goto(`${base}/staff/collaborators`);
    await staff.getByRole("heading", { name: "Cộng tác viên dư luận xã hội", exact: true }).waitFor();
    await staff.getByLabel("Tổ dân phố").selectOption({ label: "Tổ dân phố số 3" });
    await staff
      .getByLabel("Tìm theo tên")
      .fill(reader!.name.slice(0, 13).normalize("NFD").replace(/\p{M}/gu, ""));
    await staff.getByRole("button", { name: `Cử ${reader!.name} làm cộng tác viên` }).click();
    await staff.getByText(`Đã cử ${reader!.name} làm cộng tác viên dư luận xã hội.`).waitFor();
    await staff.getByRole("article", { name: reader!.name }).getByText("Chưa gửi báo cáo nào.").waitFor();

    // …who, on their next visit, files an opinion report from their profile.
    const later = await openAs(reader!.name);
    await later
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cá nhân" })
      .click();
    await later.getByRole("link", { name: /Báo cáo dư luận/ }).click();
    await later.getByRole("heading", { name: "Báo cáo dư luận", level: 1, exact: true }).waitFor();
    await later.getByRole("radio", { name: "Trái chiều" }).check();
    await later.getByRole("button", { name: "Giáo dục" }).click();
    await later.getByLabel("Tóm tắt tình hình").fill("Phụ huynh bàn nhiều về các khoản thu học kỳ II.");
    await later.getByLabel(/Ý kiến ghi nhận/).fill(`${HEARD}\nCó người bảo sẽ bị phạt nếu không nộp`);
    await later.getByRole("button", { name: "Gửi báo cáo" }).click();
    await later.getByText("Đã gửi báo cáo dư luận. Cảm ơn bạn!").waitFor();

    await staff.reload();
    const row = staff.getByRole("article", { name: reader!.name });
    await row.getByText(/Báo cáo gần nhất: \d\d\/\d\d\/\d{4} · 1 báo cáo trong 30 ngày/).waitFor();
    await staff.goto(`${base}/staff/signals?kind=opinion_report`);
    const report = staff.getByRole("article").filter({ hasText: HEARD });
    await report.getByText("Tình hình chung: Trái chiều · Chủ đề: Giáo dục").waitFor();
    expect(pageErrors).toEqual([]);
  });
});
