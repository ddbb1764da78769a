import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { slipsOnScreen } from "./support/layout.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const RESIDENT = "Người dân 002 – TDP số 1";
const HEAD = "Tổ trưởng TDP số 1";
// Zalo users the demo registers with the simulator but not with the ward: signing in starts onboarding.
const ONBOARDING_NEWCOMER = "Người dùng mới 03";
const PHONE_NEWCOMER = "Người dùng mới 04";
const LAYOUT_NEWCOMER = "Người dùng mới 05";
const GROUP = "Tổ dân phố số 3";
const run = randomBytes(3).toString("hex");
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };

/** Exactly `length` characters of a resident's words, ending in a full stop (nothing to trim). */
function writing(length: number): string {
  let text = "";
  while (text.length < length) text += "Xin hỏi lịch họp phụ huynh cụ thể là ngày nào ạ? ";
  return `${text.slice(0, length - 1)}.`;
}

describe("a resident's and a head's first hour in the Mini App, in a real browser", () => {
  // Quiet hours off: the demo's posts reach residents whatever the hour of the run.
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });
  const origin = () => `http://localhost:${running.system.port}`;
  const base = () => `${origin()}/zapps/${running.system.miniAppId}`;

  /** A simulated Zalo user signed in to the API, as the Mini App would. */
  async function residentApi(name: string): Promise<ApiClient> {
    const persona = await running.system.findPersona(name);
    const sim = `http://127.0.0.1:${running.system.simPort}`;
    const { accessToken } = (await (
      await fetch(`${sim}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" })
    ).json()) as { accessToken: string };
    const client = new ApiClient(origin());
    const signIn = await client.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken });
    expect(signIn.status).toBe(200);
    client.token = signIn.body.token;
    return client;
  }

  /** The first post in the resident's feed, once the demo's broadcasts have reached them. */
  async function firstPostOf(api: ApiClient): Promise<string> {
    return waitFor(
      async () =>
        (await api.request<{ items: { id: string }[] }>("GET", "/api/feed?limit=50")).body.items?.[0]?.id,
      { timeoutMs: 30_000, intervalMs: 250, what: "a post in the feed" },
    );
  }

  /** Opens the Mini App and picks `name` in the demo's persona picker, as Zalo's sign-in would. */
  async function signIn(page: Page, name: string): Promise<void> {
    await running.system.findPersona(name);
    await page.goto(`${origin()}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Tìm người dân theo tên").fill(name);
    await page.getByRole("button", { name, exact: true }).click();
  }

  /** A phone of its own (storage included) with the Mini App open as `name`; page errors are collected. */
  async function openAs(name: string, viewport = PHONE) {
    const context = await running.browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, name);
    return { context, page, errors };
  }

  const greeting = (page: Page, name: string) =>
    page.getByRole("heading", { name: `Xin chào, ${name}`, level: 1 }).waitFor({ timeout: 20_000 });
  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name }).click();
  const status = (page: Page, text: string) =>
    page.getByRole("status").filter({ hasText: text }).waitFor({ timeout: 10_000 });

  it("names what a resident sent by what it is, in the same words in the app and in the inbox", async () => {
    const comment = `Nên họp vào tối thứ Sáu để bố mẹ đi làm về kịp (${run})`;
    const nominee = `Cô Nguyễn Thị Lan, giáo viên lớp 3A (${run})`;
    const report = `Rác tồn đọng ở đầu ngõ 7 đã ba ngày (${run})`;
    const { context, page, errors } = await openAs(RESIDENT);
    await greeting(page, RESIDENT);
    await firstPostOf(await residentApi(RESIDENT));
    await page.reload();

    // A góp ý on a post.
    await page.locator('a[href*="/post/"]').first().click();
    await page.getByRole("heading", { name: "Hỏi hoặc góp ý với phường" }).waitFor({ timeout: 15_000 });
    await page.getByRole("radio", { name: "Góp ý" }).check();
    await page.getByLabel("Câu hỏi hoặc góp ý của bạn").fill(comment);
    await page.getByRole("button", { name: "Gửi góp ý" }).click();
    await status(page, "Đã gửi góp ý.");
    const onPost = page.getByRole("region", { name: "Câu hỏi và góp ý của bạn" });
    const kindOn = async (card: ReturnType<Page["getByRole"]>) =>
      ((await card.getByText(" · ", { exact: false }).first().textContent()) ?? "").split(" · ")[0];
    expect(await kindOn(onPost.getByRole("article").filter({ hasText: comment }))).toBe("Góp ý");

    // A nomination, from "Cá nhân".
    await page.getByRole("button", { name: "Quay lại" }).click();
    await nav(page, "Cá nhân");
    await page.getByRole("link", { name: /Đề cử điển hình/ }).click();
    await page.getByLabel("Người hoặc tập thể được đề cử").fill(nominee);
    await page.getByLabel("Nơi công tác hoặc sinh sống").fill("Trường Tiểu học Hồng Bàng");
    await page.getByLabel("Lý do đề cử").fill("Cô kèm miễn phí các em học yếu suốt năm học.");
    await page.getByRole("button", { name: "Gửi đề cử" }).click();
    await status(page, "Đã gửi đề cử.");

    // A report, from the bottom navigation.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await nav(page, "Phản ánh");
    await page.getByLabel("Nội dung phản ánh").fill(report);
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await status(page, "Đã gửi phản ánh.");

    // "Hỏi đáp" names each one by what it is.
    await nav(page, "Trang chủ");
    await page.getByRole("button", { name: "Hỏi đáp" }).click();
    await page
      .getByRole("heading", { name: "Câu hỏi, góp ý, phản ánh và đề cử của bạn", level: 2 })
      .waitFor({ timeout: 10_000 });
    const card = (text: string) => page.getByRole("article").filter({ hasText: text });
    await card(report).waitFor({ timeout: 10_000 });
    expect(await kindOn(card(comment))).toBe("Góp ý");
    expect(await kindOn(card(nominee))).toBe("Đề cử điển hình");
    expect(await kindOn(card(report))).toBe("Phản ánh");
    expect(errors).toEqual([]);
    await context.close();

    // Staff read the same words in their inbox.
    const staff = await running.browser.newPage({ viewport: { width: 1024, height: 800 }, locale: "vi-VN" });
    await staff.goto(`${base()}/staff`);
    await staff.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
    await staff.getByLabel("Tên đăng nhập").fill("bientap");
    await staff.getByLabel("Mật khẩu").fill(PASSWORD);
    await staff.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await staff.getByRole("button", { name: "Soạn bài mới" }).waitFor({ timeout: 15_000 });
    await staff.goto(`${base()}/staff/signals`);
    await staff.getByRole("heading", { name: "Hộp thư phản hồi", level: 1 }).waitFor({ timeout: 15_000 });
    const inboxHeading = async (text: string) => {
      const signal = staff.getByRole("article").filter({ hasText: text });
      await signal.waitFor({ timeout: 15_000 });
      return signal.getByRole("heading").first().textContent();
    };
    expect(await inboxHeading(comment)).toBe(`Góp ý ${RESIDENT}`);
    expect(await inboxHeading(nominee)).toBe(`Đề cử điển hình ${RESIDENT}`);
    expect(await inboxHeading(report)).toBe(`Phản ánh ${RESIDENT}`);
    const kinds = await staff.getByLabel("Loại").locator("option").allTextContents();
    expect(kinds).toContain("Góp ý");
    expect(kinds).not.toContain("Bình luận");
    await staff.close();
  });

  it("shows each text's limit as it nears, never cuts a long text, and the server refuses one", async () => {
    const api = await residentApi(RESIDENT);
    const postId = await firstPostOf(api);
    const { context, page, errors } = await openAs(RESIDENT);
    await greeting(page, RESIDENT);
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname.endsWith("/questions")) asked.push(r.url());
    });

    // A question pasted from elsewhere, 5,000 characters: all of it stays, and the resident is told.
    await page.goto(`${base()}/post/${postId}`);
    const question = page.getByLabel("Câu hỏi hoặc góp ý của bạn");
    await question.waitFor({ timeout: 15_000 });
    await question.fill(writing(1500));
    expect(await page.getByText(/\/2\.000 ký tự/).count()).toBe(0);
    await question.fill(writing(1700));
    await page.getByText("1.700/2.000 ký tự", { exact: true }).waitFor({ timeout: 5_000 });
    await question.fill(writing(5000));
    await page.getByText("5.000/2.000 ký tự (thừa 3.000)", { exact: true }).waitFor({ timeout: 5_000 });
    await page
      .getByRole("alert")
      .filter({ hasText: "Dài quá giới hạn 2.000 ký tự. Hãy rút gọn trước khi gửi." })
      .waitFor({ timeout: 5_000 });
    expect(await question.inputValue()).toBe(writing(5000));
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." })
      .waitFor({ timeout: 5_000 });
    expect(asked).toEqual([]);
    expect(await question.inputValue()).toBe(writing(5000));

    // Every other field a resident writes in counts toward its own limit.
    const counts = async (path: string, fields: [label: string, length: number, shown: string][]) => {
      await page.goto(`${base()}/${path}`);
      for (const [label, length, shown] of fields) {
        const field = page.getByLabel(label, { exact: true });
        await field.waitFor({ timeout: 15_000 });
        await field.fill(writing(length));
        await page.getByText(shown, { exact: true }).waitFor({ timeout: 5_000 });
      }
    };
    await counts("report", [
      ["Nội dung phản ánh", 1990, "1.990/2.000 ký tự"],
      ["Mô tả vị trí (không bắt buộc)", 190, "190/200 ký tự"],
    ]);
    await counts("nominate", [
      ["Người hoặc tập thể được đề cử", 180, "180/200 ký tự"],
      ["Nơi công tác hoặc sinh sống", 290, "290/300 ký tự"],
      ["Lý do đề cử", 1800, "1.800/2.000 ký tự"],
    ]);
    expect(errors).toEqual([]);
    await context.close();

    const head = await openAs(HEAD);
    await greeting(head.page, HEAD);
    await head.page.goto(`${base()}/opinion-report`);
    await head.page.getByRole("button", { name: "Khác" }).click();
    await head.page.getByLabel("Chủ đề khác").fill(writing(70));
    await head.page.getByText("70/80 ký tự", { exact: true }).waitFor({ timeout: 5_000 });
    await head.page.getByLabel("Tóm tắt tình hình").fill(writing(2990));
    await head.page.getByText("2.990/3.000 ký tự", { exact: true }).waitFor({ timeout: 5_000 });
    expect(head.errors).toEqual([]);
    await head.context.close();

    // The server refuses what is too long, with a 400 naming the limit; it never keeps a part of it.
    const tooLong = (limit: number) => writing(limit + 1);
    const refusals = [
      await api.request("POST", `/api/feed/${postId}/questions`, { kind: "question", text: writing(5000) }),
      await api.request("POST", "/api/reports", { text: tooLong(2000), place: tooLong(200) }),
      await api.request("POST", "/api/nominations", { who: tooLong(200), where: "Tổ 1", why: "Tốt" }),
      await (await residentApi(HEAD)).request("POST", "/api/opinion-reports", {
        mood: "mixed",
        topics: ["Giáo dục"],
        summary: tooLong(3000),
      }),
    ];
    expect(refusals.map((r) => [r.status, r.body.error, r.body.fields])).toEqual([
      [
        400,
        "validation_failed",
        [{ field: "body.text", message: "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." }],
      ],
      [
        400,
        "validation_failed",
        [
          { field: "body.text", message: "Nội dung phản ánh tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
          { field: "body.place", message: "Mô tả vị trí tối đa 200 ký tự. Hãy rút gọn rồi gửi lại." },
        ],
      ],
      [
        400,
        "validation_failed",
        [
          {
            field: "body.who",
            message: "Người hoặc tập thể được đề cử tối đa 200 ký tự. Hãy rút gọn rồi gửi lại.",
          },
        ],
      ],
      [
        400,
        "validation_failed",
        [
          {
            field: "body.summary",
            message: "Tóm tắt tình hình tối đa 3.000 ký tự. Hãy rút gọn rồi gửi lại.",
          },
        ],
      ],
    ]);
    // At the limit, the text is kept whole.
    const atLimit = writing(2000);
    expect(
      (await api.request("POST", `/api/feed/${postId}/questions`, { kind: "question", text: atLimit }))
        .status,
    ).toBe(201);
    const mine = await api.request<{ items: { text: string }[] }>("GET", "/api/me/questions");
    expect(
      mine.body.items.filter((item) => item.text.startsWith("Xin hỏi lịch họp")).map((i) => i.text),
    ).toEqual([atLimit]);
  });

  it("keeps drafts through a reload, and the onboarding step through Back and a reopening", async () => {
    const postId = await firstPostOf(await residentApi(RESIDENT));
    const { context, page, errors } = await openAs(RESIDENT);
    await greeting(page, RESIDENT);
    const saved = () =>
      page
        .getByText("Đã lưu bản nháp trên máy này. Bản nháp được xóa khi bạn gửi.")
        .waitFor({ timeout: 5_000 });
    const restored = () =>
      page.getByText(/^Đã mở lại bản nháp bạn viết lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./);

    // A report half written, the page reloaded: nothing is lost; sent, the form is empty again.
    const report = `Cột điện nghiêng trước nhà số 15 (${run})`;
    await page.goto(`${base()}/report`);
    await page.getByLabel("Nội dung phản ánh").fill(report);
    await page.getByLabel("Mô tả vị trí (không bắt buộc)").fill("Trước nhà số 15");
    await saved();
    await page.reload();
    await restored().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Nội dung phản ánh").inputValue()).toBe(report);
    expect(await page.getByLabel("Mô tả vị trí (không bắt buộc)").inputValue()).toBe("Trước nhà số 15");
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await status(page, "Đã gửi phản ánh.");
    await page.reload();
    await page.getByLabel("Nội dung phản ánh").waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Nội dung phản ánh").inputValue()).toBe("");
    expect(await page.getByText(/bản nháp/).count()).toBe(0);

    // A question on a post, and a nomination: the same.
    await page.goto(`${base()}/post/${postId}`);
    await page.getByRole("radio", { name: "Góp ý" }).check();
    await page.getByLabel("Câu hỏi hoặc góp ý của bạn").fill("Nên có thêm buổi họp buổi tối");
    await saved();
    await page.reload();
    await restored().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Câu hỏi hoặc góp ý của bạn").inputValue()).toBe(
      "Nên có thêm buổi họp buổi tối",
    );
    expect(await page.getByRole("radio", { name: "Góp ý" }).isChecked()).toBe(true);
    await page.goto(`${base()}/nominate`);
    await page.getByLabel("Lý do đề cử").fill("Bác tổ trưởng dọn vệ sinh ngõ mỗi sáng");
    await saved();
    await page.reload();
    await restored().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Lý do đề cử").inputValue()).toBe("Bác tổ trưởng dọn vệ sinh ngõ mỗi sáng");
    expect(errors).toEqual([]);
    await context.close();

    // The head's opinion report.
    const head = await openAs(HEAD);
    await greeting(head.page, HEAD);
    await head.page.goto(`${base()}/opinion-report`);
    await head.page.getByRole("radio", { name: "Trái chiều" }).check();
    await head.page.getByRole("button", { name: "Môi trường" }).click();
    await head.page.getByLabel("Tóm tắt tình hình").fill("Bà con bàn nhiều về giờ thu gom rác");
    await head.page
      .getByText("Đã lưu bản nháp trên máy này. Bản nháp được xóa khi bạn gửi.")
      .waitFor({ timeout: 5_000 });
    await head.page.reload();
    await head.page.getByText(/^Đã mở lại bản nháp/).waitFor({ timeout: 15_000 });
    expect(await head.page.getByRole("radio", { name: "Trái chiều" }).isChecked()).toBe(true);
    expect(await head.page.getByRole("button", { name: "Môi trường" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await head.page.getByLabel("Tóm tắt tình hình").inputValue()).toBe(
      "Bà con bàn nhiều về giờ thu gom rác",
    );
    await head.context.close();

    // Onboarding: Back on step 2 goes to step 1, the group still chosen.
    const newcomer = await openAs(ONBOARDING_NEWCOMER);
    let onboarding = newcomer.page;
    await onboarding
      .getByRole("heading", { name: `Chào mừng ${ONBOARDING_NEWCOMER} đến với Loa Phường`, level: 1 })
      .waitFor({ timeout: 20_000 });
    await onboarding.getByLabel("Tìm tổ dân phố").fill("to dan pho so 3");
    await onboarding.getByRole("radio", { name: GROUP, exact: true }).check();
    await onboarding.getByRole("button", { name: "Tiếp tục" }).click();
    await onboarding.getByText("Bước 2/3").waitFor({ timeout: 10_000 });
    await onboarding.getByRole("checkbox", { name: "Đảng viên" }).check();
    await onboarding.goBack();
    await onboarding.getByText("Bước 1/3").waitFor({ timeout: 10_000 });
    expect(await onboarding.getByRole("radio", { name: GROUP, exact: true }).isChecked()).toBe(true);
    await onboarding.getByRole("button", { name: "Tiếp tục" }).click();
    await onboarding.getByText("Bước 2/3").waitFor({ timeout: 10_000 });
    expect(await onboarding.getByRole("checkbox", { name: "Đảng viên" }).isChecked()).toBe(true);

    // Zalo closes the app and the resident opens it again: step 2, the choices as they were.
    await onboarding.waitForFunction(() =>
      Object.keys(localStorage).some((key) => localStorage.getItem(key)?.includes('"isPartyMember":true')),
    );
    await onboarding.close();
    onboarding = await newcomer.context.newPage();
    await signIn(onboarding, ONBOARDING_NEWCOMER);
    await onboarding.getByText("Bước 2/3").waitFor({ timeout: 20_000 });
    await waitFor(() => onboarding.getByRole("checkbox", { name: "Đảng viên" }).isChecked(), {
      what: "the role ticked before",
    });
    await onboarding.goBack();
    await onboarding.getByText("Bước 1/3").waitFor({ timeout: 10_000 });
    expect(await onboarding.getByRole("radio", { name: GROUP, exact: true }).isChecked()).toBe(true);
    await onboarding.getByRole("button", { name: "Tiếp tục" }).click();
    await onboarding.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await onboarding.getByRole("button", { name: "Hoàn tất đăng ký" }).click();
    await status(onboarding, `Bạn thuộc ${GROUP} — Chờ tổ trưởng xác nhận.`);
    expect(newcomer.errors).toEqual([]);
    await newcomer.context.close();
  });

  it("shows the resident's phone number as Vietnamese readers write it", async () => {
    const api = await residentApi(PHONE_NEWCOMER);
    const groups = await api.request<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/residential-groups",
    );
    const residentialGroupId = groups.body.items.find((g) => g.name === GROUP)!.id;
    expect(
      (await api.request("POST", "/api/me/onboarding", { residentialGroupId, civicRoles: [], consent: true }))
        .status,
    ).toBe(200);
    const { context, page, errors } = await openAs(PHONE_NEWCOMER);
    await greeting(page, PHONE_NEWCOMER);
    await nav(page, "Cá nhân");
    const share = page.getByRole("region", { name: "Chia sẻ số điện thoại" });
    await share.getByRole("checkbox").check();
    await share.getByRole("button", { name: "Chia sẻ số điện thoại" }).click();
    await page.getByText("Bạn đã chia sẻ số điện thoại với phường.").waitFor({ timeout: 10_000 });
    await page.getByRole("link", { name: /Dữ liệu của tôi/ }).click();
    const phone = page.locator("dt", { hasText: "Số điện thoại" }).locator("xpath=following-sibling::dd[1]");
    await phone.waitFor({ timeout: 15_000 });
    expect(await phone.textContent()).toBe("0910 000 004");
    expect(await page.getByText("84910000004").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits every resident and head screen on a 320 px phone with large text", async () => {
    const slips: Record<string, string[]> = {};
    const check = async (page: Page, screen: string) => {
      slips[screen] = await slipsOnScreen(page);
    };
    const postId = await firstPostOf(await residentApi(HEAD));
    const { context, page, errors } = await openAs(HEAD, SMALL_PHONE);
    await greeting(page, HEAD);
    await page.goto(`${base()}/profile`);
    const largeText = page.getByRole("switch", { name: "Chữ lớn" });
    await largeText.check();
    await page.waitForFunction(() => document.documentElement.classList.contains("large-text"));
    await waitFor(async () => !(await largeText.isDisabled()), { what: "large text to be saved" });
    await check(page, "profile");

    const visit = async (path: string, screen: string, ready: (page: Page) => Promise<unknown>) => {
      await page.goto(`${base()}/${path}`);
      await ready(page);
      await check(page, screen);
    };
    await visit("", "feed", (p) => p.locator('a[href*="/post/"]').first().waitFor({ timeout: 20_000 }));
    await visit("?tab=questions", "Hỏi đáp", (p) =>
      p
        .getByText(/Bạn chưa gửi|·/)
        .first()
        .waitFor(),
    );
    await visit(`post/${postId}`, "post", (p) =>
      p.getByRole("heading", { name: "Hỏi hoặc góp ý với phường" }).waitFor({ timeout: 15_000 }),
    );
    await visit("report", "report", (p) => p.getByText("Thêm ảnh").waitFor());
    await visit("nominate", "nominate", (p) => p.getByLabel("Lý do đề cử").waitFor());
    await visit("profile/data", "my data", (p) =>
      p.getByRole("heading", { name: "Hoạt động của bạn" }).waitFor(),
    );
    await visit("head", "head", async (p) => {
      await p.getByRole("button", { name: "Chia sẻ vào nhóm" }).first().click({ timeout: 15_000 });
      await p.getByLabel("Liên kết chia sẻ").first().waitFor();
    });
    await visit("opinion-report", "head opinion", async (p) => {
      await p.getByRole("button", { name: "Khác" }).click();
      await p.getByLabel("Chủ đề khác").fill(writing(75));
      await p.getByLabel("Tóm tắt tình hình").fill(writing(3100));
      await p.getByText("3.100/3.000 ký tự (thừa 100)").waitFor();
    });
    expect(errors).toEqual([]);
    await context.close();

    // A newcomer with large text: the three steps of onboarding, then their data with a phone number.
    await residentApi(LAYOUT_NEWCOMER).then(async (api) =>
      expect((await api.request("PUT", "/api/me/preferences", { largeText: true })).status).toBe(200),
    );
    const newcomer = await openAs(LAYOUT_NEWCOMER, SMALL_PHONE);
    const onboarding = newcomer.page;
    await onboarding.getByRole("radio", { name: GROUP, exact: true }).waitFor({ timeout: 20_000 });
    await check(onboarding, "onboarding 1");
    await onboarding.getByRole("radio", { name: GROUP, exact: true }).check();
    await onboarding.getByRole("button", { name: "Tiếp tục" }).click();
    await onboarding.getByRole("checkbox", { name: "Phụ huynh học sinh" }).check();
    await onboarding.getByRole("checkbox", { name: "Giáo viên" }).check();
    await onboarding.getByLabel("Trường đang công tác").waitFor();
    await check(onboarding, "onboarding 2");
    await onboarding.getByRole("checkbox", { name: "Phụ huynh học sinh" }).uncheck();
    await onboarding.getByRole("checkbox", { name: "Giáo viên" }).uncheck();
    await onboarding.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
    await onboarding.getByRole("button", { name: "Hoàn tất đăng ký" }).click();
    await status(onboarding, "Đăng ký xong!");
    await check(onboarding, "onboarding 3");
    const share = onboarding.getByRole("region", { name: "Chia sẻ số điện thoại" });
    await share.getByRole("checkbox").check();
    await share.getByRole("button", { name: "Chia sẻ số điện thoại" }).click();
    await onboarding.getByText("Bạn đã chia sẻ số điện thoại với phường.").waitFor({ timeout: 10_000 });
    await onboarding.getByRole("button", { name: "Vào trang chủ" }).click();
    await greeting(onboarding, LAYOUT_NEWCOMER);
    await onboarding.goto(`${base()}/profile/data`);
    await onboarding.getByText("0910 000 005").waitFor({ timeout: 15_000 });
    await check(onboarding, "newcomer's data");
    expect(newcomer.errors).toEqual([]);
    await newcomer.context.close();

    expect(slips).toEqual({
      profile: [],
      feed: [],
      "Hỏi đáp": [],
      post: [],
      report: [],
      nominate: [],
      "my data": [],
      head: [],
      "head opinion": [],
      "onboarding 1": [],
      "onboarding 2": [],
      "onboarding 3": [],
      "newcomer's data": [],
    });
  });
});
