import { randomBytes } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

/**
 * A new staff member's first hour, on a desktop screen: the leader reads every field of a poll before
 * approving it; the editor sends a post again and is told what already went, and when; the progress
 * of a broadcast reads the way Zalo's receipts work; the dashboard's buttons look alike.
 */

const PASSWORD = "loaphuong-demo";
const desktop = { viewport: { width: 1280, height: 800 }, locale: "vi-VN" } as const;
/** dd/mm/yyyy and the 24-hour clock, as every staff screen writes a moment. */
const WARD_TIME = /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/;

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor({ timeout: 10_000 });
}

/** The text of each added (ins) and removed (del) part of a region, as a screen reader reads them. */
const marks = (region: Locator, tag: "ins" | "del") => region.locator(tag).allTextContents();

/** What one count of the progress card reads, as a number. */
async function countOf(progress: Locator, label: string): Promise<number> {
  const cell = progress
    .locator(".count-cell")
    .filter({ has: progress.page().getByText(label, { exact: true }) });
  return Number((await cell.locator("dd").textContent())?.replace(/\./g, ""));
}

describe("a new staff member's first hour, in a desktop browser", () => {
  const running = useSystemAndBrowser();
  const origin = () => `http://localhost:${running.system.port}`;
  const base = () => `${origin()}/zapps/${running.system.miniAppId}`;

  it("shows the leader a poll's question, options, urgency, kind, picture, then what changed", async () => {
    const page = await running.browser.newPage(desktop);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const title = `Khảo sát giờ họp tổ dân phố ${randomBytes(3).toString("hex")}`;
    const imageUrl = `${origin()}/anh-hop-to-dan-pho.png`;
    const poll = {
      question: "Họp tổ vào giờ nào?",
      multiple: false,
      options: [
        { id: "a", label: "19 giờ" },
        { id: "b", label: "19 giờ 30" },
        { id: "c", label: "20 giờ" },
      ],
    };
    const editor = await new ApiClient(origin()).loginStaff("bientap", PASSWORD);
    const created = await editor.request("POST", "/api/posts", {
      kind: "poll",
      title,
      body: "Bà con chọn giờ họp tổ thuận tiện nhất.",
      imageUrl,
      isUrgent: true,
      poll,
    });
    expect(created.status).toBe(201);
    const postId = created.body.id as string;
    expect((await editor.request("POST", `/api/posts/${postId}/submit`)).status).toBe(200);

    // The leader opens it from the queue: a new post, every field it carries shown as added.
    await page.goto(`${base()}/staff`);
    await signIn(page, "lanhdao");
    const openFromQueue = async () => {
      await page.getByRole("link", { name: /Hàng chờ duyệt/ }).click();
      await page
        .getByRole("list", { name: "Bài chờ duyệt" })
        .getByRole("link", { name: new RegExp(title) })
        .click();
      await page.getByRole("heading", { name: title, level: 1 }).waitFor({ timeout: 10_000 });
    };
    await openFromQueue();
    await page.getByText("Bài mới, chưa có phiên bản nào được duyệt").waitFor({ timeout: 5_000 });
    const pollRegion = page.getByRole("region", { name: "Khảo sát" });
    expect(await marks(pollRegion, "ins")).toEqual([
      "[thêm: Họp tổ vào giờ nào?]",
      "[thêm: Chỉ chọn một phương án]",
      "[thêm: 19 giờ]",
      "[thêm: 19 giờ 30]",
      "[thêm: 20 giờ]",
    ]);
    expect(await marks(page.getByRole("region", { name: "Loại bài" }), "ins")).toEqual(["[thêm: Khảo sát]"]);
    expect((await marks(page.getByRole("region", { name: "Mức khẩn" }), "ins"))[0]).toMatch(
      /^\[thêm: Khẩn: gửi cả trong giờ yên lặng/,
    );
    const picture = page.getByRole("region", { name: "Ảnh minh hoạ" });
    expect(await picture.getByRole("img", { name: "Ảnh sẽ gửi" }).getAttribute("src")).toBe(imageUrl);
    // No summary was written: the approver is told nothing of it, not that it is "(không đổi)".
    expect(await page.getByRole("region", { name: /Tóm tắt/ }).count()).toBe(0);
    expect(await page.getByText("(không đổi)").count()).toBe(0);
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã duyệt bài “${title}”.` })
      .waitFor({ timeout: 10_000 });

    // The editor relabels an option, drops one, adds one, allows several answers and drops the urgency.
    const edited = await editor.request("PATCH", `/api/posts/${postId}`, {
      isUrgent: false,
      poll: {
        ...poll,
        multiple: true,
        options: [
          { id: "a", label: "19 giờ" },
          { id: "b", label: "19 giờ 45" },
          { id: "d", label: "Sáng Chủ nhật" },
        ],
      },
    });
    expect(edited.body).toMatchObject({ status: "submitted", version: 2 });

    // Back in the queue, the leader sees exactly that against what they approved.
    await page.goto(`${base()}/staff`);
    await openFromQueue();
    await page.getByText("So sánh với phiên bản đã duyệt gần nhất (phiên bản 1)").waitFor({ timeout: 5_000 });
    const options = page
      .getByRole("region", { name: "Khảo sát" })
      .getByRole("list", { name: "Các phương án" })
      .getByRole("listitem");
    expect(await options.allTextContents()).toEqual([
      "19 giờ",
      "19 giờ [bỏ: 30][thêm: 45]",
      "[thêm: Sáng Chủ nhật]",
      "[bỏ: 20 giờ]",
    ]);
    const changedPoll = page.getByRole("region", { name: "Khảo sát" });
    expect(await marks(changedPoll, "ins")).toContain("[thêm: Được chọn nhiều phương án]");
    const urgency = page.getByRole("region", { name: "Mức khẩn" });
    expect(await marks(urgency, "ins")).toEqual(["[thêm: Không khẩn]"]);
    expect((await marks(urgency, "del"))[0]).toMatch(/^\[bỏ: Khẩn:/);
    for (const unchanged of ["Tiêu đề", "Nội dung", "Loại bài", "Ảnh minh hoạ"])
      await page.getByRole("region", { name: `${unchanged} (không đổi)` }).waitFor({ timeout: 5_000 });
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã duyệt bài “${title}”.` })
      .waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });

  it("tells what went out and when, refuses only a double tap, and counts receipts right", async () => {
    const page = await running.browser.newPage(desktop);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const title = `Tạm ngừng cấp nước tổ dân phố số 20 ${randomBytes(3).toString("hex")}`;
    const editor = await new ApiClient(origin()).loginStaff("bientap", PASSWORD);
    const leader = await new ApiClient(origin()).loginStaff("lanhdao", PASSWORD);
    // Urgent, so quiet hours do not hold it whatever the hour of the run.
    const created = await editor.request("POST", "/api/posts", {
      kind: "announcement",
      title,
      body: "Tạm ngừng cấp nước từ 8 giờ đến 11 giờ để sửa đường ống.",
      isUrgent: true,
    });
    const postId = created.body.id as string;
    await editor.request("POST", `/api/posts/${postId}/submit`);
    expect((await leader.request("POST", `/api/posts/${postId}/approve`, { version: 1 })).status).toBe(200);
    const groups = (await editor.request("GET", "/api/residential-groups")).body.items as {
      id: string;
      name: string;
    }[];
    const group20 = groups.find((group) => group.name === "Tổ dân phố số 20")!;
    // Earlier, a colleague scheduled it for Tổ dân phố số 20 in five minutes.
    const laterAt = new Date(Date.now() + 5 * 60_000);
    const scheduled = await editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [group20.id] }] },
      scheduledAt: laterAt.toISOString(),
    });
    expect(scheduled.status).toBe(201);

    // The editor opens "Lên lịch gửi" from the post: the form says it is already scheduled, and to whom.
    await page.goto(`${base()}/staff`);
    await signIn(page, "bientap");
    await page
      .getByRole("region", { name: "Bài viết" })
      .getByRole("link", { name: new RegExp(title) })
      .click();
    await page.getByRole("button", { name: "Lên lịch gửi" }).click();
    const formUrl = `${base()}/staff/posts/${postId}/broadcast`;
    await page.waitForURL(formUrl, { timeout: 10_000 });
    const earlier = page.getByRole("region", { name: "Bài này đang có đợt gửi chưa xong" });
    const scheduledItem = earlier.getByRole("listitem");
    const laterText = (await scheduledItem.textContent()) ?? "";
    expect(laterText).toMatch(
      new RegExp(`^Đã lên lịch Tới Tổ dân phố số 20, hẹn gửi lúc ${WARD_TIME.source}\\. Xem đợt gửi$`),
    );
    const laterTime = WARD_TIME.exec(laterText)![0];

    // Choosing the same people says they will get it twice; "Gửi ngay" anyway is their call.
    const picker = page.getByRole("group", { name: "Tổ dân phố nhận tin" });
    await picker.getByLabel("Tìm tổ dân phố").fill("số 20");
    await picker.getByRole("checkbox", { name: /^Tổ dân phố số 20 ·/ }).check();
    const warning = page.getByRole("note", { name: "Đã gửi cho những người nhận này" });
    await warning
      .getByText(`Bài này đang có đợt gửi cho đúng những người nhận này (hẹn gửi lúc ${laterTime}).`)
      .waitFor({ timeout: 5_000 });
    await page.locator('[role="status"][aria-busy="false"]').filter({ hasText: "Người nhận:" }).waitFor();
    await page.getByRole("button", { name: "Xác nhận gửi" }).click();
    // Minutes apart from the scheduled one: a deliberate second send, not a double tap.
    await page.waitForURL(/\/staff\/broadcasts\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    const broadcastUrl = page.url();
    const broadcastId = broadcastUrl.split("/").pop()!;

    // A tap again moments later, as if the first had not gone through: refused, saying when it goes.
    await page.goto(formUrl);
    await picker.getByLabel("Tìm tổ dân phố").fill("số 20");
    await picker.getByRole("checkbox", { name: /^Tổ dân phố số 20 ·/ }).check();
    await page.locator('[role="status"][aria-busy="false"]').filter({ hasText: "Người nhận:" }).waitFor();
    await page.getByRole("button", { name: "Xác nhận gửi" }).click();
    const refusal = page.getByText(/^Đợt gửi giống hệt/);
    await refusal.waitFor({ timeout: 10_000 });
    const refusalText = (await refusal.textContent()) ?? "";
    const refusalShape = new RegExp(
      `^Đợt gửi giống hệt \\(cùng bài, cùng người nhận\\) vừa được tạo lúc ${WARD_TIME.source}, ` +
        `(?:sẽ gửi lúc|bắt đầu gửi lúc|đang gửi từ|đã gửi lúc) (${WARD_TIME.source}); ` +
        "không tạo thêm để người dân không nhận tin hai lần\\. " +
        "Nếu thật sự muốn gửi thêm một lần cho đúng những người này, hãy hẹn giờ cách đợt đó hơn 1 phút\\.$",
    );
    expect(refusalText).toMatch(refusalShape);
    const refusedTime = refusalShape.exec(refusalText)![1];
    expect(refusedTime).not.toBe(laterTime);
    const made = (await editor.request("GET", `/api/broadcasts?postId=${postId}`)).body.items;
    expect(made).toHaveLength(2);

    // The broadcast page follows the "Gửi ngay" to the end.
    await page.goto(broadcastUrl);
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 45_000 });
    // The time the refusal named is this broadcast's: when it was due, or when it started.
    const facts = await page.locator(".fact-list dd").allTextContents();
    expect(facts.slice(0, 2)).toContain(refusedTime);
    // Zalo's receipts come after the sends: every OA message received, and some seen.
    await waitFor(
      async () => {
        const progress = (await editor.request("GET", `/api/broadcasts/${broadcastId}/progress`)).body;
        const oa = progress.channels.find((row: { channel: string }) => row.channel === "oa");
        const zbs = progress.channels.find((row: { channel: string }) => row.channel === "template");
        return (
          progress.broadcast.status === "sent" &&
          !oa?.counts.sent &&
          !zbs?.counts.sent &&
          (oa?.counts.seen ?? 0) > 0
        );
      },
      { timeoutMs: 20_000, what: "the receipts of the messages in the OA's chat" },
    );
    await page.reload();
    const progress = page.getByRole("region", { name: "Tiến độ" });
    await progress.getByRole("progressbar").waitFor({ timeout: 10_000 });
    const [sent, received, seen, failed] = [
      await countOf(progress, "Đã gửi"),
      await countOf(progress, "Đã nhận"),
      await countOf(progress, "Đã xem"),
      await countOf(progress, "Lỗi"),
    ];
    // A seen message was received, and sent: each count includes the next.
    expect(seen).toBeGreaterThan(0);
    expect(received).toBeGreaterThanOrEqual(seen);
    expect(sent).toBeGreaterThanOrEqual(received);
    // By channel: messages in the OA's chat (tin tư vấn, ZBS theo Zalo) were all received; the other
    // channels have no receipts, and say so with a dash rather than a 0 that reads as "nobody got it".
    const channels = page.getByRole("table", { name: "Tiến độ gửi theo kênh" });
    let receivedInChat = 0;
    for (const row of await channels.locator("tbody tr").all()) {
      const channel = await row.getByRole("rowheader").textContent();
      // Người nhận, Đã gửi, Đã nhận, Đã xem, Chuyển kênh, Lỗi.
      const cells = await row.getByRole("cell").allTextContents();
      if (channel === "Tin tư vấn OA" || channel === "Tin ZBS theo Zalo") {
        const [total, , got, , fallback, failures] = cells.map(Number);
        expect(got, channel).toBe(total! - fallback! - failures!);
        receivedInChat += got!;
      } else expect(cells.slice(2, 4), channel ?? "").toEqual(["—không có báo nhận", "—không có báo nhận"]);
    }
    expect(received).toBe(receivedInChat);
    await progress
      .getByText(
        "Tin đã xem cũng tính là đã nhận. Zalo chỉ báo “đã nhận”, “đã xem” cho tin gửi trong khung chat OA",
      )
      .waitFor({ timeout: 5_000 });
    // "Lỗi 0" is not in red; red is for failures there are.
    const failedColor = await progress
      .locator(".count-cell")
      .filter({ has: page.getByText("Lỗi", { exact: true }) })
      .locator("dd")
      .evaluate((dd) => getComputedStyle(dd).color);
    expect(failedColor === "rgb(176, 0, 32)").toBe(failed > 0);

    // Back on the form: what went, and what is still due, each with its page; the due one is cancelled.
    await page.goto(formUrl);
    const list = page.getByRole("list", { name: "Các đợt gửi của bài này" }).getByRole("listitem");
    await list.first().waitFor({ timeout: 10_000 });
    expect(await list.allTextContents()).toEqual([
      laterText,
      expect.stringMatching(new RegExp(`^Đã gửi xong Tới Tổ dân phố số 20, gửi lúc ${WARD_TIME.source}`)),
    ]);
    await list.first().getByRole("link", { name: "Xem đợt gửi" }).click();
    await page.waitForURL(`${base()}/staff/broadcasts/${scheduled.body.id}`, { timeout: 10_000 });
    await page.getByRole("button", { name: "Hủy đợt gửi" }).click();
    await page.getByRole("button", { name: "Xác nhận hủy" }).click();
    await page.locator(".status-pill", { hasText: "Đã hủy" }).waitFor({ timeout: 10_000 });
    await page.goto(formUrl);
    const done = page.getByRole("region", { name: "Bài này đã được gửi" });
    await done
      .getByText("Bạn vẫn có thể gửi lại, ví dụ cho những người nhận khác; ai đã nhận sẽ nhận thêm một lần.")
      .waitFor({ timeout: 10_000 });
    expect(await done.getByRole("listitem").count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("gives the dashboard's ways in one look, whoever signs in", async () => {
    const buttonsOf: Record<string, { role: "button" | "link"; name: string | RegExp }[]> = {
      bientap: [
        { role: "button", name: "Soạn bài mới" },
        { role: "link", name: "Hộp thư phản hồi" },
        { role: "link", name: "Tin đồn" },
        { role: "button", name: "Đăng xuất" },
      ],
      lanhdao: [
        { role: "link", name: /^Hàng chờ duyệt/ },
        { role: "link", name: "Hộp thư phản hồi" },
        { role: "link", name: "Tin đồn" },
        { role: "button", name: "Đăng xuất" },
      ],
      quantri: [
        { role: "link", name: "Hộp thư phản hồi" },
        { role: "link", name: "Tin đồn" },
        { role: "link", name: "Kết nối Zalo OA" },
        { role: "button", name: "Đăng xuất" },
      ],
    };
    for (const [username, buttons] of Object.entries(buttonsOf)) {
      const page = await running.browser.newPage(desktop);
      await page.goto(`${base()}/staff`);
      await signIn(page, username);
      const greeting = page.locator("section", { has: page.getByRole("button", { name: "Đăng xuất" }) });
      const looks = await Promise.all(
        buttons.map(({ role, name }) =>
          greeting.getByRole(role, { name }).evaluate((element) => {
            const style = getComputedStyle(element);
            return [
              Math.round(element.getBoundingClientRect().height),
              style.fontSize,
              style.fontWeight,
              style.borderRadius,
              style.backgroundColor,
              style.color,
            ].join(" ");
          }),
        ),
      );
      expect(new Set(looks), `${username}: ${looks.join(" | ")}`).toHaveProperty("size", 1);
      await page.close();
    }
  });
});
