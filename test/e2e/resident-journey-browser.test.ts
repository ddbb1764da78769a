import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { PNG_1PX } from "./support/residents.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
// A Zalo user the demo registers with the simulator but not with the ward: signing in starts onboarding.
const NEWCOMER = "Người dùng mới 01";
const GROUP = "Tổ dân phố số 3";
const HEAD = "Tổ trưởng TDP số 3";
const run = randomBytes(3).toString("hex");
const POLL_TITLE = `Khảo sát giờ họp phụ huynh học kỳ II đợt ${run}`;
const QUESTION = `Buổi họp có ghi hình cho phụ huynh vắng mặt không ạ? (${run})`;
const REPORT = `Đèn đường đầu ngõ 12 bị hỏng ba hôm nay, buổi tối rất tối (${run})`;
/** A 1×1 PNG, as a phone's camera would hand over a (much larger) photo. */

describe("a new resident's journey through the Mini App, in a real browser", () => {
  // Quiet hours off: the poll goes out whatever the hour of the run.
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });

  it("onboards, reads, reacts, answers a poll, asks a question and sends a report with a photo", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const sim = `http://127.0.0.1:${running.system.simPort}`;

    const findPersona = (name: string) => running.system.findPersona(name);
    /** A simulated Zalo user signed in to the API, as the Mini App would. */
    async function residentApi(name: string): Promise<ApiClient> {
      const persona = await findPersona(name);
      const { accessToken } = (await (
        await fetch(`${sim}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" })
      ).json()) as { accessToken: string };
      const client = new ApiClient(origin);
      const signIn = await client.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken });
      expect(signIn.status).toBe(200);
      client.token = signIn.body.token;
      return client;
    }

    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    // Sign in as a newcomer: onboarding comes first.
    await findPersona(NEWCOMER);
    await page.goto(`${origin}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: NEWCOMER, exact: true }).click();
    await page
      .getByRole("heading", { name: `Chào mừng ${NEWCOMER} đến với Loa Phường`, level: 1 })
      .waitFor({ timeout: 15_000 });
    // Searching without diacritics finds the group; the choice is required.
    await page.getByLabel("Tìm tổ dân phố").fill("to dan pho so 3");
    await page.getByRole("radio", { name: GROUP, exact: true }).check();
    expect(await page.getByRole("radio").count()).toBeLessThan(5);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    // Consent is required, and said so in words.
    await page.getByRole("heading", { name: "Phường lưu gì và để làm gì" }).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Hoàn tất đăng ký" }).click();
    await page.getByRole("alert").filter({ hasText: "Hãy đánh dấu đồng ý" }).waitFor({ timeout: 5_000 });
    await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await page.getByRole("button", { name: "Hoàn tất đăng ký" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Bạn thuộc ${GROUP} — Chờ tổ trưởng xác nhận.` })
      .waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Vào trang chủ" }).click();
    await page.getByRole("heading", { name: `Xin chào, ${NEWCOMER}`, level: 1 }).waitFor({ timeout: 10_000 });
    await page.getByText("Chờ tổ trưởng xác nhận").first().waitFor({ timeout: 5_000 });

    // Posts to a group reach its confirmed members: the head confirms the newcomer (through the API here).
    const newcomer = await residentApi(NEWCOMER);
    const head = await residentApi(HEAD);
    const pending = await head.request<{ items: { id: string; fullName: string }[] }>(
      "GET",
      "/api/head/members?status=pending",
    );
    const member = pending.body.items.find((m) => m.fullName === NEWCOMER);
    expect(member).toBeDefined();
    expect(
      (await head.request("POST", `/api/head/members/${member!.id}`, { decision: "confirm" })).status,
    ).toBe(200);

    // Staff write an urgent poll to the group; a leader approves; it is broadcast now.
    const editor = await new ApiClient(origin).loginStaff("bientap", PASSWORD);
    const approver = await new ApiClient(origin).loginStaff("lanhdao", PASSWORD);
    const groups = await newcomer.request<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/residential-groups",
    );
    const groupId = groups.body.items.find((g) => g.name === GROUP)!.id;
    const created = await editor.request<{ id: string }>("POST", "/api/posts", {
      kind: "poll",
      title: POLL_TITLE,
      body: "Ban đại diện cha mẹ học sinh muốn biết giờ họp thuận tiện cho đa số phụ huynh.",
      isUrgent: true,
      poll: {
        question: "Giờ họp nào thuận tiện cho anh chị?",
        multiple: false,
        options: [
          { id: "a", label: "Sáng thứ Bảy" },
          { id: "b", label: "Tối thứ Sáu" },
        ],
      },
    });
    expect(created.status).toBe(201);
    const postId = created.body.id;
    expect((await editor.request("POST", `/api/posts/${postId}/submit`)).status).toBe(200);
    expect((await approver.request("POST", `/api/posts/${postId}/approve`, { version: 1 })).status).toBe(200);
    const broadcast = await editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [groupId] }], exclude: [] },
    });
    expect(broadcast.status).toBe(201);
    await waitFor(
      async () =>
        (await newcomer.request<{ items: { id: string }[] }>("GET", "/api/feed?limit=50")).body.items.some(
          (item) => item.id === postId,
        ),
      { timeoutMs: 30_000, intervalMs: 250, what: "the poll in the newcomer's feed" },
    );

    // The feed shows it unread; the post page reacts, answers the poll and takes a question.
    await page.reload();
    const card = page.getByRole("link", { name: new RegExp(POLL_TITLE) });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain("Chưa đọc");
    const markedRead = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/feed/${postId}/read` && r.status() === 204,
      { timeout: 15_000 },
    );
    await card.click();
    await page.getByRole("heading", { name: POLL_TITLE, level: 1 }).waitFor({ timeout: 15_000 });
    await markedRead;

    const useful = page.getByRole("button", { name: /Hữu ích/ });
    await useful.waitFor({ timeout: 10_000 });
    expect(await useful.getAttribute("aria-pressed")).toBe("false");
    await useful.click();
    await waitFor(async () => (await useful.getAttribute("aria-pressed")) === "true", {
      what: "the reaction to be pressed",
    });
    expect(await useful.textContent()).toMatch(/Hữu ích\s*1$/);

    // No results before answering; a bar and a percentage after.
    expect(await page.getByRole("region", { name: "Kết quả khảo sát" }).count()).toBe(0);
    await page.getByRole("radio", { name: "Sáng thứ Bảy" }).check();
    await page.getByRole("button", { name: "Gửi bình chọn" }).click();
    const results = page.getByRole("region", { name: "Kết quả khảo sát" });
    await results.waitFor({ timeout: 10_000 });
    expect(await results.textContent()).toMatch(/Sáng thứ Bảy \(bạn chọn\)100%/);
    expect(await results.textContent()).toContain("1 người đã trả lời.");

    await page.getByLabel("Câu hỏi hoặc góp ý của bạn").fill(QUESTION);
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await page.getByRole("status").filter({ hasText: "Đã gửi câu hỏi." }).waitFor({ timeout: 10_000 });
    const mine = page.getByRole("region", { name: "Câu hỏi và góp ý của bạn" });
    await mine.getByText(QUESTION).waitFor({ timeout: 10_000 });

    // "Phản ánh" from the bottom navigation, with a photo.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Phản ánh" })
      .click();
    await page.getByRole("heading", { name: "Phản ánh với phường", level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByLabel("Nội dung phản ánh").fill(REPORT);
    const uploaded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/uploads" && r.status() === 201,
      { timeout: 10_000 },
    );
    await page
      .getByLabel("Thêm ảnh")
      .setInputFiles({ name: "den-duong.png", mimeType: "image/png", buffer: PNG_1PX });
    await uploaded;
    await page.getByRole("img", { name: "Ảnh 1 đã chọn" }).waitFor({ timeout: 5_000 });
    await page.getByText("Đã tải lên").waitFor({ timeout: 5_000 });
    await page.getByLabel("Mô tả vị trí (không bắt buộc)").fill("Đầu ngõ 12");
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.getByRole("status").filter({ hasText: "Đã gửi phản ánh." }).waitFor({ timeout: 10_000 });

    // Staff find the report with its photo in the inbox.
    const reports = await editor.request<{
      items: { text: string | null; photos: string[]; resident: { name: string } | null }[];
    }>("GET", "/api/signals?kind=report");
    expect(reports.status).toBe(200);
    const report = reports.body.items.find((item) => item.text?.startsWith(REPORT));
    expect(report).toBeDefined();
    expect(report!.text).toContain("Vị trí: Đầu ngõ 12");
    expect(report!.resident?.name).toBe(NEWCOMER);
    expect(report!.photos).toHaveLength(1);
    const photo = await fetch(new URL(report!.photos[0]!, origin), {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toContain("image/png");
    // The photo as the server encoded it again: the same picture, none of the sent bytes' extras.
    const stored = await sharp(Buffer.from(await photo.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(stored.info).toMatchObject({ width: 1, height: 1 });
    expect([...stored.data.subarray(0, 3)]).toEqual([255, 0, 0]);

    expect(pageErrors).toEqual([]);
  });
});
