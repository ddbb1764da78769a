import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
// Unique per run, and free of regex metacharacters so it can be matched inside accessible names.
const TITLE = `Lịch tiêm chủng bổ sung cho trẻ mầm non đợt ${randomBytes(3).toString("hex")}`;
const SUMMARY = "Trạm y tế phường tiêm bổ sung cho trẻ dưới 5 tuổi vào sáng thứ Bảy.";
const BODY =
  "Phụ huynh mang sổ tiêm chủng đến Trạm y tế phường từ 7 giờ 30.\n\nMọi thắc mắc xin liên hệ tổ trưởng tổ dân phố.";
const GROUPS = ["Tổ dân phố số 19", "Tổ dân phố số 20"];
const GROUP_HEADS = ["Tổ trưởng TDP số 19", "Tổ trưởng TDP số 20"];

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

async function signOut(page: Page, dashboardUrl: string): Promise<void> {
  await page.goto(dashboardUrl);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 10_000 });
  await page.getByRole("status").filter({ hasText: "Bạn đã đăng xuất." }).waitFor({ timeout: 10_000 });
}

describe("the staff screens served by npm start, in a real browser", () => {
  const running = useSystemAndBrowser();

  it("takes a post from an editor through a leader's approval to a live broadcast that reaches residents", async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const origin = `http://localhost:${running.system.port}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;

    // The staff area has its own sign-in: no persona picker, no resident gate.
    await page.goto(`${base}/staff`);
    await signIn(page, "bientap");
    await page
      .getByRole("heading", { name: "Cán bộ biên tập – Phòng VH-XH", level: 1 })
      .waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(`/zapps/${running.system.miniAppId}/staff`);

    // Compose an urgent post (so quiet hours do not hold it, whatever the hour of the run) and submit it.
    await page.getByRole("button", { name: "Soạn bài mới" }).click();
    await page.getByRole("heading", { name: "Soạn bài mới", level: 1 }).waitFor({ timeout: 10_000 });
    await page.getByLabel("Loại bài").selectOption("announcement");
    await page.getByLabel("Tiêu đề", { exact: true }).fill(TITLE);
    await page.getByLabel("Tóm tắt (không bắt buộc)").fill(SUMMARY);
    await page.getByLabel("Nội dung", { exact: true }).fill(BODY);
    await page.getByLabel("Khẩn (bỏ qua giờ yên lặng và giới hạn trong ngày)").check();
    const preview = page.getByRole("region", { name: "Xem trước tin nhắn Zalo OA" });
    await preview.getByText(`📢 ${TITLE}`).waitFor({ timeout: 5_000 });
    await preview.getByText("Xem chi tiết").waitFor({ timeout: 5_000 });
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã gửi bài cho lãnh đạo duyệt." })
      .waitFor({ timeout: 10_000 });
    const postId = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(postId).toMatch(/^[0-9a-f-]{36}$/);

    // An editor cannot approve: no "Duyệt" button, and the server refuses with its Vietnamese message.
    await page.goto(`${base}/staff/review/${postId}`);
    await page
      .getByText("Chỉ lãnh đạo có quyền duyệt mới duyệt hoặc từ chối được bài.")
      .waitFor({ timeout: 10_000 });
    expect(await page.getByRole("button", { name: "Duyệt", exact: true }).count()).toBe(0);
    const forbidden = await page.request.post(`${origin}/api/posts/${postId}/approve`);
    expect(forbidden.status()).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toBe(
      "Bạn không có quyền thực hiện thao tác này.",
    );
    await signOut(page, `${base}/staff`);

    // The leader finds it in the queue, sees the whole text as added (nothing approved before) and approves.
    await signIn(page, "lanhdao");
    await page.getByRole("link", { name: /Hàng chờ duyệt/ }).click();
    await page.getByRole("heading", { name: "Hàng chờ duyệt", level: 1 }).waitFor({ timeout: 10_000 });
    // Scoped to the list: zmp-ui keeps the previous screen in the page while it slides out.
    await page
      .getByRole("list", { name: "Bài chờ duyệt" })
      .getByRole("link", { name: new RegExp(TITLE) })
      .click();
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor({ timeout: 10_000 });
    const bodyDiff = page.getByRole("region", { name: "Nội dung" });
    await bodyDiff.locator("ins").filter({ hasText: "Trạm y tế phường" }).first().waitFor({ timeout: 5_000 });
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã duyệt bài “${TITLE}”.` })
      .waitFor({ timeout: 10_000 });
    await signOut(page, `${base}/staff`);

    // The editor schedules it "Gửi ngay" to two residential groups, found with the search box.
    await signIn(page, "bientap");
    await page
      .getByRole("region", { name: "Bài viết" })
      .getByRole("link", { name: new RegExp(TITLE) })
      .click();
    await page.getByRole("button", { name: "Lên lịch gửi" }).click();
    await page
      .getByRole("heading", { name: `Lên lịch gửi: ${TITLE}`, level: 1 })
      .waitFor({ timeout: 10_000 });
    const groupPicker = page.getByRole("group", { name: "Tổ dân phố nhận tin" });
    for (const [index, group] of GROUPS.entries()) {
      await groupPicker.getByLabel("Tìm tổ dân phố").fill(index === 0 ? "to dan pho so 19" : "số 20");
      await groupPicker.getByRole("checkbox", { name: new RegExp(`^${group} ·`) }).check();
    }
    // A set time is typed as the ward writes it: dd/mm/yyyy and the 24-hour clock, whatever the browser's language.
    await page.getByRole("radio", { name: "Hẹn giờ" }).check();
    expect(await page.getByLabel("Ngày gửi").inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.getByLabel("Ngày gửi").fill(`15/06/${nextYear}`);
    const time = page.getByLabel("Giờ gửi (giờ Việt Nam)");
    await time.fill("7:75");
    await time.blur();
    await page.getByRole("alert").filter({ hasText: "Giờ không hợp lệ" }).waitFor({ timeout: 5_000 });
    // A wrong time is not quietly replaced by the old one: sending waits until it is right.
    expect(await page.getByRole("button", { name: "Xác nhận gửi" }).isDisabled()).toBe(true);
    // Digits alone work too (a phone's number pad may have no ":").
    await time.fill("1930");
    await page.getByText(`Gửi lúc 19:30 15/06/${nextYear}`, { exact: false }).waitFor({ timeout: 5_000 });
    await page.getByRole("radio", { name: "Gửi ngay" }).check();
    // The counts are announced once the debounced count for both groups is back (aria-busy false).
    const counts = page.locator('[role="status"][aria-busy="false"]').filter({ hasText: "Người nhận:" });
    await counts.waitFor({ timeout: 10_000 });
    const countText = (await counts.textContent()) ?? "";
    const recipients = Number(/Người nhận: ([\d.]+)/.exec(countText)?.[1]?.replace(/\./g, "") ?? "0");
    expect(recipients).toBeGreaterThan(0);
    // The channel plan: the demo's residents the OA may message get a CS message, at an estimated cost.
    expect(countText).toContain("Tin tư vấn OA");
    expect(countText).toMatch(/Chi phí ước tính: [\d.]+ đ/);
    await page.getByRole("button", { name: "Xác nhận gửi" }).click();

    // The broadcast page follows it live until every delivery is settled.
    await page.waitForURL(/\/staff\/broadcasts\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor({ timeout: 10_000 });
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 45_000 });
    await page.getByText(`${recipients}/${recipients}`).waitFor({ timeout: 5_000 });
    const table = page.getByRole("table", { name: "Tiến độ gửi theo tổ dân phố" });
    for (const group of GROUPS)
      await table.getByRole("rowheader", { name: group }).waitFor({ timeout: 5_000 });
    expect(await table.locator("tbody tr").count()).toBe(2);
    await table.getByRole("button", { name: "Tỉ lệ" }).click();
    await table.locator('th[aria-sort="descending"]').waitFor({ timeout: 5_000 });

    // Through the simulator: each group's head (a follower who wrote to the OA yesterday) got the OA message.
    const sim = `http://127.0.0.1:${running.system.simPort}`;
    for (const head of GROUP_HEADS) {
      const found = (await (await fetch(`${sim}/__sim/personas?q=${encodeURIComponent(head)}`)).json()) as {
        personas: { name: string; idByOa: string }[];
      };
      const persona = found.personas.find((p) => p.name === head);
      expect(persona, head).toBeDefined();
      const entries = await waitFor(
        async () => {
          const ledger = (await (await fetch(`${sim}/__sim/ledger?user_id=${persona!.idByOa}`)).json()) as {
            entries: { text?: string; links: string[] }[];
          };
          const matching = ledger.entries.filter((entry) => entry.text?.includes(TITLE));
          return matching.length > 0 ? matching : null;
        },
        { timeoutMs: 10_000, what: `the OA message in ${head}'s ledger` },
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]!.links.some((link) => link.includes(`/post/${postId}?ref=`))).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  });

  it("composes a poll in the composer, and shows its author why the leader rejected it", async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const origin = `http://localhost:${running.system.port}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    const title = `Khảo sát giờ họp tổ ${randomBytes(3).toString("hex")}`;

    await page.goto(`${base}/staff`);
    await signIn(page, "bientap");
    await page.getByRole("button", { name: "Soạn bài mới" }).click();
    await page.getByRole("heading", { name: "Soạn bài mới", level: 1 }).waitFor({ timeout: 10_000 });
    await page.getByLabel("Loại bài").selectOption("poll");
    await page.getByLabel("Tiêu đề", { exact: true }).fill(title);
    await page.getByLabel("Nội dung", { exact: true }).fill("Bà con chọn giờ họp tổ thuận tiện nhất.");
    // Unsaved typing survives a closed tab (or an ended session): it is kept on the device and offered back.
    await page.waitForFunction(
      (t) =>
        Object.keys(localStorage).some(
          (k) => k.startsWith("loa-phuong.staff-draft.") && localStorage.getItem(k)!.includes(t),
        ),
      title,
    );
    await page.reload();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã khôi phục nội dung bạn gõ lúc" })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel("Loại bài").inputValue()).toBe("poll");
    const poll = page.getByRole("group", { name: "Câu hỏi khảo sát" });
    // Submitting without the question is stopped with the reason at the poll.
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await poll.getByText("Cần có câu hỏi khảo sát.").waitFor({ timeout: 5_000 });
    await poll.getByLabel("Câu hỏi").fill("Họp tổ vào giờ nào?");
    await poll.getByLabel("Phương án 1").fill("19 giờ");
    await poll.getByLabel("Phương án 2").fill("19 giờ 30");
    await poll.getByRole("button", { name: "Thêm phương án" }).click();
    await poll.getByLabel("Phương án 3").fill("20 giờ");
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã gửi bài cho lãnh đạo duyệt." })
      .waitFor({ timeout: 10_000 });
    const postId = new URL(page.url()).pathname.split("/").pop() ?? "";
    // Saved: nothing is kept for the next "Soạn bài mới".
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("loa-phuong.staff-draft.")),
      ),
    ).toEqual([]);

    const leader = await new ApiClient(origin).loginStaff("lanhdao", PASSWORD);
    const review = await leader.request("GET", `/api/posts/${postId}`);
    expect(review.body.poll).toMatchObject({ question: "Họp tổ vào giờ nào?", multiple: false });
    expect(review.body.poll.options.map((o: { label: string }) => o.label)).toEqual([
      "19 giờ",
      "19 giờ 30",
      "20 giờ",
    ]);
    expect(new Set(review.body.poll.options.map((o: { id: string }) => o.id)).size).toBe(3);
    const reason = "Thêm phương án sáng Chủ nhật cho người đi làm ca.";
    expect((await leader.request("POST", `/api/posts/${postId}/reject`, { reason })).body.status).toBe(
      "rejected",
    );

    await page.goto(`${base}/staff/posts/${postId}`);
    await page.getByRole("note", { name: "Lý do bị từ chối" }).getByText(reason).waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });

  it("lets an admin connect the ward's OA through Zalo's consent screen and see it connected", async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const base = `http://localhost:${running.system.port}/zapps/${running.system.miniAppId}`;

    await page.goto(`${base}/staff`);
    await signIn(page, "quantri");
    await page.getByRole("link", { name: "Kết nối Zalo OA" }).click();
    await page.getByRole("heading", { name: "Kết nối Zalo OA", level: 1 }).waitFor({ timeout: 10_000 });
    // The demo's OA was connected with the simulator's tokens: this admin grants it again.
    await page.getByRole("button", { name: /Kết nối/ }).click();
    await page.getByRole("heading", { name: "Cấp quyền cho ứng dụng" }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe("/v4/oa/permission");
    await page.getByRole("button", { name: "Cho phép" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã kết nối Zalo OA của phường." })
      .waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(`/zapps/${running.system.miniAppId}/staff/zalo`);
    // The connection's status loads beside the channels' list: waited for, not read at once.
    await page.getByText("Đã kết nối", { exact: true }).waitFor({ timeout: 10_000 });
    const grantedAt = page
      .locator("dt", { hasText: "Cấp quyền lúc" })
      .locator("xpath=following-sibling::dd[1]");
    expect(await grantedAt.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(pageErrors).toEqual([]);
  });
});
