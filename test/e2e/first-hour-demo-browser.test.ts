import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const run = randomBytes(3).toString("hex");
const POLL_TITLE = "Lấy ý kiến: giờ họp phụ huynh học kỳ II";
const HEAD = "Tổ trưởng TDP số 2";

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

/** What the demo's first hour shows a newcomer, a resident, and an officer at a desk. */
describe("the demo's first hour, in a real browser", () => {
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });
  const origin = () => `http://localhost:${running.system.port}`;
  const sim = () => `http://127.0.0.1:${running.system.simPort}`;
  const base = () => `${origin()}/zapps/${running.system.miniAppId}`;

  it("lists the Zalo users new to Loa Phường first, and gives residents a poll to answer", async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const head = await running.system.findPersona(HEAD);
    // The demo broadcasts its poll as it starts: the head's feed holds it once the fan-out reached group 2
    // (on a busy machine that can take longer than the page's first load).
    const { accessToken } = (await (
      await fetch(`${sim()}/__sim/users/${head.idByApp}/access-token`, { method: "POST" })
    ).json()) as { accessToken: string };
    const resident = new ApiClient(origin());
    resident.token = (
      await resident.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken })
    ).body.token;
    await waitFor(
      async () =>
        (await resident.request<{ items: { title: string }[] }>("GET", "/api/feed?limit=50")).body.items.some(
          (item) => item.title === POLL_TITLE,
        ),
      { timeoutMs: 60_000, intervalMs: 250, what: "the demo poll in the head's feed" },
    );
    await page.goto(`${origin()}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    const first = page.locator("ul.persona-list").getByRole("button").first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.getAttribute("aria-label")).toBe("Người dùng mới 01");

    // A resident of group 2 finds the demo poll in the feed, answers it and reacts to it.
    await page.getByLabel("Tìm người dân theo tên").fill(HEAD);
    await page.getByRole("button", { name: HEAD, exact: true }).click();
    const card = page.getByRole("link", { name: new RegExp(POLL_TITLE) });
    await card.waitFor({ timeout: 20_000 });
    await card.click();
    await page.getByRole("heading", { name: POLL_TITLE, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole("radio", { name: "Tối thứ Năm (19h30)" }).check();
    await page.getByRole("button", { name: "Gửi bình chọn" }).click();
    await page.getByRole("region", { name: "Kết quả khảo sát" }).waitFor({ timeout: 10_000 });
    const thanks = page.getByRole("button", { name: /Cảm ơn/ });
    await thanks.click();
    await waitFor(async () => (await thanks.getAttribute("aria-pressed")) === "true", {
      what: "the reaction to be pressed",
    });
    await page.close();

    // The officer's inbox holds what needs a person: no item for a reaction or a poll answer.
    const desk = await running.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    await desk.goto(`${base()}/staff`);
    await signIn(desk, "bientap");
    const listing = desk.waitForResponse((r) => new URL(r.url()).pathname === "/api/signals" && r.ok(), {
      timeout: 10_000,
    });
    await desk.getByRole("link", { name: "Hộp thư phản hồi" }).click();
    const listed = await listing;
    const kinds = ((await listed.json()) as { items: { kind: string }[] }).items.map((i) => i.kind);
    expect(kinds).not.toContain("reaction");
    expect(kinds).not.toContain("poll_answer");
    expect(await desk.getByText("(Không có nội dung chữ)").count()).toBe(0);
    await desk.close();
  });

  it("answers a resident by OA quoting their message, shows Zalo's receipt, and logs no warning", async () => {
    const resident = await running.system.findPersona(HEAD);
    const question = `Cho hỏi tổ mình họp phụ huynh ở đâu ạ? (${run})`;
    const answer = `Tại nhà văn hóa tổ, 19h30 thứ Năm. (${run})`;
    await fetch(`${sim()}/__sim/users/${resident.idByOa}/send-text`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: question }),
    });

    const desk = await running.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    await desk.goto(`${base()}/staff`);
    await signIn(desk, "bientap");
    await desk.getByRole("link", { name: "Hộp thư phản hồi" }).click();
    const card = desk.getByRole("article").filter({ hasText: question });
    await waitFor(
      async () => {
        if ((await card.count()) > 0) return true;
        await desk.reload();
        await desk.getByRole("heading", { name: "Hộp thư phản hồi", level: 1 }).waitFor({ timeout: 10_000 });
        return (await card.count()) > 0;
      },
      { timeoutMs: 60_000, intervalMs: 2_000, what: "the resident's OA message in the inbox" },
    );
    await card.getByRole("button", { name: "Trả lời", exact: true }).click();
    await card.getByLabel(/Câu trả lời cho/).fill(answer);
    await card.getByRole("button", { name: "Trả lời qua Zalo OA" }).click();

    // Zalo's receipt for the answer comes back and the officer sees it among the handled items.
    await waitFor(
      async () => {
        await desk.goto(`${base()}/staff/signals?status=handled`);
        await desk.getByRole("heading", { name: "Hộp thư phản hồi", level: 1 }).waitFor({ timeout: 10_000 });
        await desk.getByRole("article").first().waitFor({ timeout: 10_000 });
        const text = (await desk.getByRole("article").filter({ hasText: answer }).textContent()) ?? "";
        return /Đã đến máy người dân|Người dân đã xem/.test(text);
      },
      { timeoutMs: 60_000, intervalMs: 2_000, what: "the answer's receipt on the inbox card" },
    );
    // The answer quoted the resident's message, as Zalo shows a reply.
    const { entries } = (await (await fetch(`${sim()}/__sim/ledger?user_id=${resident.idByOa}`)).json()) as {
      entries: { text?: string; body: { message?: { quote_message_id?: string } } }[];
    };
    const sent = entries.find((e) => e.text?.includes(answer));
    expect(sent?.body.message?.quote_message_id).toMatch(/\S/);
    // Nothing a newcomer would read as a failure: no warning, no error, no stack trace in the output.
    const output = running.system.output();
    expect(output).not.toMatch(/"level":(40|50|60)/);
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    await desk.close();
  });

  it("shows the editor-approver that they may not approve their own post", async () => {
    const desk = await running.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    await desk.goto(`${base()}/staff`);
    await signIn(desk, "bientapduyet");
    const title = `Thông báo lịch trực Tết của phường (${run})`;
    await desk.getByRole("button", { name: "Soạn bài mới" }).click();
    await desk.getByRole("heading", { name: "Soạn bài mới", level: 1 }).waitFor({ timeout: 10_000 });
    await desk.getByLabel("Loại bài").selectOption("announcement");
    await desk.getByLabel("Tiêu đề", { exact: true }).fill(title);
    await desk
      .getByLabel("Nội dung", { exact: true })
      .fill("Lịch trực Tết của UBND phường sẽ được niêm yết.");
    await desk.getByRole("button", { name: "Gửi duyệt" }).click();
    await desk
      .getByRole("status")
      .filter({ hasText: "Đã gửi bài cho lãnh đạo duyệt." })
      .waitFor({ timeout: 10_000 });
    const postId = new URL(desk.url()).pathname.split("/").pop() ?? "";
    await desk.goto(`${base()}/staff/review/${postId}`);
    await desk.getByText("Bạn là người soạn bài này. Người duyệt phải khác người soạn bài.").waitFor({
      timeout: 10_000,
    });
    await desk.close();
  });
});
