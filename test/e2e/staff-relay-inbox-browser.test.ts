import { randomBytes } from "node:crypto";
import { formatDate } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
// The demo's urgent clarification goes to every residential group at start-up, whatever the hour.
const BROADCAST_TITLE = "Đính chính: không có khoản thu bắt buộc mới đầu học kỳ II";
// A group head: a follower who wrote to the OA yesterday, so the OA may still message them.
const RESIDENT = "Tổ trưởng TDP số 3";
const run = randomBytes(3).toString("hex");
const QUESTION = `Trường có thu thêm khoản nào cho học kỳ II không ạ? (${run})`;
const ANSWER = `Không có khoản thu bắt buộc mới; phụ huynh xem thông báo của trường (${run}).`;

interface Persona {
  name: string;
  idByApp: string;
  idByOa: string;
}

describe("relay board and feedback inbox in the staff screens, in a real browser", () => {
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });

  it("shows the relay board with its CSV, and answers a resident's question through the OA", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    const sim = `http://127.0.0.1:${running.system.simPort}`;

    // A resident signs in as the Mini App does (Zalo token from the simulator) and asks on a post in their feed.
    // The demo registers its residents with the simulator while it starts.
    const persona = await waitFor(
      async () => {
        const found = (await (
          await fetch(`${sim}/__sim/personas?q=${encodeURIComponent(RESIDENT)}`)
        ).json()) as { personas: Persona[] };
        return found.personas.find((p) => p.name === RESIDENT);
      },
      { timeoutMs: 30_000, intervalMs: 250, what: `${RESIDENT} among the simulator's users` },
    );
    const resident = new ApiClient(origin);
    const zalo = (await (
      await fetch(`${sim}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" })
    ).json()) as { accessToken: string };
    const signIn = await resident.request<{ token: string }>("POST", "/api/auth/zalo", {
      accessToken: zalo.accessToken,
    });
    expect(signIn.status).toBe(200);
    resident.token = signIn.body.token;
    const post = await waitFor(
      async () => {
        const feed = await resident.request<{ items: { id: string; title: string }[] }>(
          "GET",
          "/api/feed?limit=50",
        );
        return feed.body.items.find((item) => item.title === BROADCAST_TITLE);
      },
      { timeoutMs: 60_000, intervalMs: 250, what: "the demo clarification in the resident's feed" },
    );
    // The ward day of the question (taken before asking, so a run across midnight still finds it).
    const askedOn = formatDate(new Date());
    const askedOnIso = askedOn.split("/").reverse().join("-");
    const asked = await resident.request("POST", `/api/feed/${post.id}/questions`, {
      kind: "question",
      text: QUESTION,
    });
    expect(asked.status).toBe(201);

    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    // Staff sign in; the dashboard shows the alerts section.
    await page.goto(`${base}/staff`);
    await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
    await page.getByLabel("Tên đăng nhập").fill("bientap");
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await page
      .getByRole("heading", { name: "Cán bộ biên tập – Phòng VH-XH", level: 1 })
      .waitFor({ timeout: 10_000 });
    await page.getByRole("region", { name: "Cảnh báo" }).waitFor({ timeout: 10_000 });
    // The inbox, from the dashboard: filter to questions and answer through the OA.
    await page.getByRole("link", { name: "Hộp thư phản hồi" }).click();
    await page.getByRole("heading", { name: "Hộp thư phản hồi", level: 1 }).waitFor({ timeout: 10_000 });
    const listed = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === "/api/signals" &&
        new URL(r.url()).searchParams.get("kind") === "question" &&
        r.ok(),
      {
        timeout: 10_000,
      },
    );
    await page.getByLabel("Loại").selectOption({ label: "Câu hỏi" });
    await listed;
    expect(new URL(page.url()).searchParams.get("kind")).toBe("question");
    // Dates are typed as dd/mm/yyyy (ward time) and sent as ISO dates.
    const dated = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === "/api/signals" &&
        new URL(r.url()).searchParams.get("from") === askedOnIso &&
        r.ok(),
      {
        timeout: 10_000,
      },
    );
    await page.getByText("Lọc thêm: nội dung, chủ đề, tổ dân phố, bài viết, thời gian").click();
    await page.getByLabel("Từ ngày").fill(askedOn);
    await dated;
    expect(new URL(page.url()).searchParams.get("kind")).toBe("question");
    const card = page.getByRole("article").filter({ hasText: QUESTION });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByRole("heading").textContent()).toContain(`Câu hỏi ${RESIDENT}`);
    expect(await card.textContent()).toContain(BROADCAST_TITLE);
    expect(await page.getByRole("article").filter({ hasNotText: "Câu hỏi" }).count()).toBe(0);
    // When Zalo's 7-day window closed since the list loaded, the server answers 409 cannot_reach_by_oa:
    // the box explains why and offers the Mini App and the group head instead.
    await page.route(
      "**/api/signals/*/reply",
      (route) =>
        route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify({
            error: "cannot_reach_by_oa",
            message: "Zalo không cho phép OA nhắn tin cho người dân này lúc này.",
          }),
        }),
      { times: 1 },
    );
    await card.getByRole("button", { name: "Trả lời", exact: true }).click();
    await card.getByLabel(`Câu trả lời cho ${RESIDENT}`).fill(ANSWER);
    await card.getByRole("button", { name: "Trả lời qua Zalo OA" }).click();
    const refusal = card.getByRole("alert").filter({
      hasText: "Người dân chưa quan tâm OA hoặc đã quá 7 ngày không tương tác — Zalo không cho OA nhắn tin.",
    });
    await refusal.waitFor({ timeout: 5_000 });
    expect(await refusal.textContent()).toContain("nhờ tổ trưởng Tổ dân phố số 3");
    expect(await card.getByRole("button", { name: "Trả lời qua Zalo OA" }).count()).toBe(0);
    await card
      .getByRole("button", { name: "Hiển thị câu trả lời trong Mini App" })
      .waitFor({ timeout: 5_000 });
    // Reopened, the box asks the server again; this time Zalo's window is open.
    await card.getByRole("button", { name: "Đóng trả lời" }).click();
    await card.getByRole("button", { name: "Trả lời", exact: true }).click();
    await card.getByLabel(`Câu trả lời cho ${RESIDENT}`).fill(ANSWER);
    await card.getByRole("button", { name: "Trả lời qua Zalo OA" }).click();
    await card
      .getByRole("status")
      .filter({ hasText: "Đã gửi câu trả lời qua Zalo OA." })
      .waitFor({ timeout: 10_000 });
    await card
      .getByRole("listitem")
      .filter({ hasText: ANSWER })
      .filter({ hasText: "Zalo OA" })
      .waitFor({ timeout: 5_000 });
    await card.getByText("Đã xử lý", { exact: true }).waitFor({ timeout: 5_000 });

    // While the OA sends the answer (paced behind the demo's start-up broadcasts), the relay board of
    // the broadcast, opened from its progress page.
    const broadcasts = (await (await page.request.get(`${origin}/api/broadcasts?limit=50`)).json()) as {
      items: { id: string; postTitle: string }[];
    };
    const broadcast = broadcasts.items.find((item) => item.postTitle === BROADCAST_TITLE);
    expect(broadcast).toBeDefined();
    await page.goto(`${base}/staff/broadcasts/${broadcast!.id}`);
    await page.getByRole("link", { name: "Chuyển tiếp của tổ trưởng" }).click();
    await page
      .getByRole("heading", { name: `Chuyển tiếp: ${BROADCAST_TITLE}`, level: 1 })
      .waitFor({ timeout: 10_000 });

    const table = page.getByRole("table", { name: "Chuyển tiếp theo tổ dân phố" });
    await table.getByRole("rowheader", { name: "Tổ dân phố số 3", exact: true }).waitFor({ timeout: 10_000 });
    const rows = table.locator("tbody tr");
    const board = (await (
      await page.request.get(`${origin}/api/broadcasts/${broadcast!.id}/relay`)
    ).json()) as { items: unknown[] };
    expect(board.items.length).toBeGreaterThan(1);
    expect(await rows.count()).toBe(board.items.length);
    const groupRow = rows.filter({
      has: page.getByRole("rowheader", { name: "Tổ dân phố số 3", exact: true }),
    });
    expect(await groupRow.textContent()).toContain(RESIDENT);
    expect(await groupRow.textContent()).toMatch(/Chưa chuyển|Đã mở chia sẻ|Đã chuyển tiếp/);
    // Sorting: by group name (descending on a second click), then by status.
    const groupHeader = table.locator("th", {
      has: page.getByRole("button", { name: "Tổ dân phố", exact: true }),
    });
    expect(await groupHeader.getAttribute("aria-sort")).toBe("ascending");
    await table.getByRole("button", { name: "Tổ dân phố", exact: true }).click();
    await table
      .locator('th[aria-sort="descending"]')
      .filter({ hasText: "Tổ dân phố" })
      .waitFor({ timeout: 5_000 });
    const names = await table.locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "vi", { numeric: true })));
    await table.getByRole("button", { name: "Trạng thái" }).click();
    await table
      .locator('th[aria-sort="ascending"]')
      .filter({ hasText: "Trạng thái" })
      .waitFor({ timeout: 5_000 });

    // "Xuất CSV" links the server's CSV: UTF-8 with a BOM and Vietnamese headers, one line per group.
    const csvLink = page.getByRole("link", { name: "Xuất CSV" });
    const href = await csvLink.getAttribute("href");
    expect(href).toBe(`/api/broadcasts/${broadcast!.id}/relay.csv`);
    const csv = await page.request.get(new URL(href!, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const csvText = (await csv.body()).toString("utf8");
    const [header, ...lines] = csvText
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(header).toMatch(/^Tổ dân phố,Tổ trưởng,Trạng thái/);
    expect(lines.length).toBe(await rows.count());

    // Zalo (the simulator) gets the OA message.
    await waitFor(
      async () => {
        const ledger = (await (await fetch(`${sim}/__sim/ledger?user_id=${persona.idByOa}`)).json()) as {
          entries: { text?: string }[];
        };
        return ledger.entries.some((entry) => entry.text?.includes(ANSWER));
      },
      { timeoutMs: 30_000, intervalMs: 200, what: "the OA reply in the resident's ledger" },
    );
    // Answered means handled: it leaves "Chưa xử lý" and shows under "Đã xử lý", with Zalo's receipt.
    await page.goto(`${base}/staff/signals?kind=question`);
    await page
      .getByRole("group", { name: "Trạng thái" })
      .getByRole("button", { name: "Đã xử lý", exact: true })
      .click();
    const receipted = /Zalo OA · (Đã đến máy người dân|Người dân đã xem)/;
    await waitFor(
      async () => {
        const reply = card.getByRole("listitem").filter({ hasText: ANSWER }).filter({ hasText: receipted });
        if ((await reply.count()) > 0) return true;
        await page.goto(`${base}/staff/signals?kind=question&status=handled`);
        await card.first().waitFor({ timeout: 10_000 });
        return false;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: "Zalo's receipt for the answer on the inbox card" },
    );
    // Delivered or seen, the resident sees the answer under their question.
    const engagement = await resident.request<{
      myQuestions: { text: string; replies: { text: string }[] }[];
    }>("GET", `/api/feed/${post.id}/engagement`);
    expect(engagement.status).toBe(200);
    const answered = engagement.body.myQuestions.find((q) => q.text === QUESTION);
    expect(answered?.replies.map((r) => r.text)).toEqual([ANSWER]);
    expect(pageErrors).toEqual([]);
  });
});
