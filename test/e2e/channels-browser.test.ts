import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const run = randomBytes(3).toString("hex");
const DAY = 86_400_000;

interface SimUser {
  idByApp: string;
  idByOa: string;
  name: string;
  isFollower: boolean;
  lastInteractionAt: number;
  phone?: string;
}
interface LedgerEntry {
  userIdByOa: string;
  channel: string;
  body: unknown;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập cán bộ phường" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

describe("channels in a real browser: the plan, interactOA, escalation", () => {
  // Quiet hours off (the sends go out whatever the hour); urgent reminders after 6 seconds, not 30 minutes.
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00", ESCALATE_AFTER_MINUTES: "0.1" });
  const origin = () => `http://localhost:${running.system.port}`;
  const sim = () => `http://127.0.0.1:${running.system.simPort}`;
  const base = () => `${origin()}/zapps/${running.system.miniAppId}`;
  const staffApi = (username: string) => new ApiClient(origin()).loginStaff(username, PASSWORD);

  /** Creates and approves a post through the API, as the editor and the leader; returns its id. */
  async function approvedPost(title: string, isUrgent = false): Promise<string> {
    const editor = await staffApi("bientap");
    const approver = await staffApi("lanhdao");
    const created = await editor.request<{ id: string; version: number }>("POST", "/api/posts", {
      kind: "announcement",
      title,
      body: `${title}: nội dung chi tiết cho người dân.`,
      isUrgent,
    });
    expect(created.status).toBe(201);
    await editor.request("POST", `/api/posts/${created.body.id}/submit`);
    const approved = await approver.request("POST", `/api/posts/${created.body.id}/approve`, {
      version: created.body.version,
    });
    expect(approved.status).toBe(200);
    return created.body.id;
  }
  const ledger = async (channel?: string) =>
    (
      (await (await fetch(`${sim()}/__sim/ledger${channel ? `?channel=${channel}` : ""}`)).json()) as {
        entries: LedgerEntry[];
      }
    ).entries;
  const carries = (postId: string) => (e: LedgerEntry) => JSON.stringify(e.body).includes(`/post/${postId}`);

  it("shows the editor the channel plan with its cost, and sends with free channels only when asked", async () => {
    const title = `Lịch thu gom rác cuối tuần đợt ${run}`;
    const postId = await approvedPost(title);
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    await page.goto(`${base()}/staff`);
    await signIn(page, "bientap");
    await page.getByRole("button", { name: "Soạn bài mới" }).waitFor({ timeout: 15_000 });
    await page.goto(`${base()}/staff/posts/${postId}/broadcast`);
    await page
      .getByRole("heading", { name: `Lên lịch gửi: ${title}`, level: 1 })
      .waitFor({ timeout: 15_000 });
    await page.getByLabel("Cả phường").check();

    const plan = page.locator('[role="status"][aria-busy="false"]').filter({ hasText: "Chi phí ước tính" });
    await plan.waitFor({ timeout: 15_000 });
    const table = page.getByRole("table", { name: "Số người nhận, chi phí và hạn mức theo kênh" });
    // The demo's residents with no free channel go by ZBS (by their Zalo id or phone), at a price.
    const phoneRow = table.getByRole("row", { name: /Tin ZBS theo/ }).first();
    await phoneRow.waitFor({ timeout: 5_000 });
    const cost = async () =>
      Number(/Chi phí ước tính: ([\d.]+) đ/.exec((await plan.textContent()) ?? "")?.[1]?.replace(/\./g, ""));
    expect(await cost()).toBeGreaterThan(0);

    // Free channels only: the plan is made again, the paid rows go, and the cost is nothing.
    await page.getByLabel("Không dùng kênh trả phí").check();
    await page.getByText("(không dùng kênh trả phí)").first().waitFor({ timeout: 10_000 });
    await plan.filter({ hasText: "Chi phí ước tính: 0 đ" }).waitFor({ timeout: 10_000 });
    expect(await phoneRow.count()).toBe(0);
    await page.getByRole("button", { name: "Xác nhận gửi" }).click();
    await page.waitForURL(/\/staff\/broadcasts\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    const broadcastId = new URL(page.url()).pathname.split("/").pop()!;

    const editor = await staffApi("bientap");
    const done = await waitFor(
      async () => {
        const b = await editor.request<{ status: string; excludePaidChannels: boolean; costVnd: number }>(
          "GET",
          `/api/broadcasts/${broadcastId}`,
        );
        return b.body.status === "sent" ? b.body : undefined;
      },
      { timeoutMs: 60_000, what: "the broadcast to finish" },
    );
    expect(done.excludePaidChannels).toBe(true);
    // Zalo billed nothing for this post: no ZBS message carries it.
    const paid = [...(await ledger("zbs_phone")), ...(await ledger("zbs_uid"))].filter(carries(postId));
    expect(paid).toEqual([]);
    await page.getByText("Chi phí: 0 đ", { exact: false }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it("a resident outside the 7-day window lets the ward message them, then gets the next post by OA", async () => {
    const users = ((await (await fetch(`${sim()}/__sim/users`)).json()) as { users: SimUser[] }).users;
    const silent = users.find(
      (u) => u.isFollower && u.name.startsWith("Người dân") && u.lastInteractionAt < Date.now() - 8 * DAY,
    );
    expect(silent).toBeDefined();
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    await page.goto(`${origin()}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Tìm người dân theo tên").fill(silent!.name);
    await page.getByRole("button", { name: silent!.name, exact: true }).click();
    await page
      .getByRole("heading", { name: `Xin chào, ${silent!.name}`, level: 1 })
      .waitFor({ timeout: 15_000 });
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cá nhân" })
      .click();
    await page.getByText("Cho phép phường nhắn tin cho tôi").waitFor({ timeout: 15_000 });
    const allow = page.getByRole("button", { name: "Cho phép phường nhắn tin", exact: true });
    await allow.click();
    await page
      .getByText(/Phường có thể nhắn tin cho bạn qua Zalo OA đến \d{2}\/\d{2}\/\d{4}/)
      .waitFor({ timeout: 10_000 });
    await page.close();

    // The next post to their group reaches them as an OA message (a free CS message, not the feed).
    const editor = await staffApi("bientap");
    const groups = await editor.request<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/residential-groups",
    );
    const groupName = /TDP số (\d+)$/.exec(silent!.name)?.[1];
    const group = groups.body.items.find((g) => g.name === `Tổ dân phố số ${groupName}`);
    expect(group).toBeDefined();
    const postId = await approvedPost(`Họp tổ dân phố tháng này đợt ${run}`, true);
    const sent = await editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [group!.id] }] },
    });
    expect(sent.status).toBe(201);
    const message = await waitFor(
      async () => (await ledger("cs")).find((e) => e.userIdByOa === silent!.idByOa && carries(postId)(e)),
      { timeoutMs: 30_000, what: "the OA message to the resident" },
    );
    expect(message.channel).toBe("cs");
  });

  it("an urgent post reaches by ZBS on the phone those who have not seen it in time; staff see it", async () => {
    const title = `Cảnh báo triều cường đợt ${run}`;
    const postId = await approvedPost(title, true);
    const editor = await staffApi("bientap");
    const sent = await editor.request<{ id: string }>("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    expect(sent.status).toBe(201);
    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    await page.goto(`${base()}/staff`);
    await signIn(page, "bientap");
    await page.getByRole("button", { name: "Soạn bài mới" }).waitFor({ timeout: 15_000 });
    await page.goto(`${base()}/staff/broadcasts/${sent.body.id}`);
    // Six seconds after the start, residents who gave their phone and have not opened it get a ZBS message.
    const reminded = page.getByText(/Nhắc lại qua ZBS số điện thoại: đã gửi [1-9]/);
    await reminded.waitFor({ timeout: 60_000 });
    const phoneMessages = (await ledger("zbs_phone")).filter(carries(postId));
    expect(phoneMessages.length).toBeGreaterThan(0);
    // Once each: nobody is reminded twice.
    const people = phoneMessages.map((e) => e.userIdByOa);
    expect(new Set(people).size).toBe(people.length);
    await page.close();
  });
});
