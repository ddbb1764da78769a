import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const PASSWORD = "loaphuong-demo";
const HEAD = "Tổ trưởng TDP số 1";
const GROUP = "Tổ dân phố số 1";
// A newcomer who claims the head's group (pending), and a confirmed member who opens the head's link.
const NEWCOMER = "Người dùng mới 02";
const NEIGHBOUR = "Người dân 002 – TDP số 1";
const run = randomBytes(3).toString("hex");
const TITLE = `Lịch tổng vệ sinh trường học trước năm học mới đợt ${run}`;

describe("a group head relays a broadcast from the Mini App, in a real browser", () => {
  // Quiet hours off: the broadcast goes out whatever the hour of the run.
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });

  it("confirms a member, shares the post into the group, confirms the relay, and counts the link's opens", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    const sim = `http://127.0.0.1:${running.system.simPort}`;

    const findPersona = (name: string) => running.system.findPersona(name);

    // A newcomer onboards into the head's group through the API, as the Mini App does: pending.
    const { accessToken } = (await (
      await fetch(`${sim}/__sim/users/${(await findPersona(NEWCOMER)).idByApp}/access-token`, {
        method: "POST",
      })
    ).json()) as {
      accessToken: string;
    };
    const newcomer = new ApiClient(origin);
    newcomer.token = (
      await newcomer.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken })
    ).body.token;
    const groups = await newcomer.request<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/residential-groups",
    );
    const groupId = groups.body.items.find((g) => g.name === GROUP)!.id;
    const onboarded = await newcomer.request<{ membershipStatus: string }>("POST", "/api/me/onboarding", {
      residentialGroupId: groupId,
      civicRoles: [],
      consent: true,
    });
    expect(onboarded.status).toBe(200);
    expect(onboarded.body.membershipStatus).toBe("pending");

    // Staff broadcast an urgent post to the group: its head gets a relay task.
    const editor = await new ApiClient(origin).loginStaff("bientap", PASSWORD);
    const approver = await new ApiClient(origin).loginStaff("lanhdao", PASSWORD);
    const created = await editor.request<{ id: string }>("POST", "/api/posts", {
      kind: "announcement",
      title: TITLE,
      summary: "Phụ huynh và bà con tổ dân phố cùng tham gia tổng vệ sinh sáng Chủ nhật.",
      body: "Tập trung lúc 7 giờ tại cổng trường. Mang theo chổi, găng tay.",
      isUrgent: true,
    });
    expect(created.status).toBe(201);
    const postId = created.body.id;
    expect((await editor.request("POST", `/api/posts/${postId}/submit`)).status).toBe(200);
    expect((await approver.request("POST", `/api/posts/${postId}/approve`, { version: 1 })).status).toBe(200);
    const broadcast = await editor.request<{ id: string }>("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ residentialGroupIds: [groupId] }], exclude: [] },
    });
    expect(broadcast.status).toBe(201);
    const broadcastId = broadcast.body.id;
    await waitFor(
      async () => {
        const board = await editor.request<{
          items: { residentialGroup: { name: string }; taskId: string | null }[];
        }>("GET", `/api/broadcasts/${broadcastId}/relay`);
        return board.body.items?.some((row) => row.residentialGroup.name === GROUP && row.taskId !== null);
      },
      { timeoutMs: 30_000, intervalMs: 250, what: "the head's relay task" },
    );

    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await findPersona(HEAD);
    await page.goto(`${base}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: HEAD, exact: true }).click();
    await page.getByRole("heading", { name: `Xin chào, ${HEAD}`, level: 1 }).waitFor({ timeout: 15_000 });
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Tổ của tôi" })
      .click();
    await page.getByRole("heading", { name: GROUP, level: 1 }).waitFor({ timeout: 15_000 });

    // The pending member: "Xác nhận".
    const members = page.getByRole("region", { name: "Thành viên chờ xác nhận" });
    const claim = members.getByRole("group", { name: NEWCOMER });
    await claim.waitFor({ timeout: 10_000 });
    await claim.getByRole("button", { name: "Xác nhận" }).click();
    await members
      .getByRole("status")
      .filter({ hasText: `Đã xác nhận ${NEWCOMER} vào tổ.` })
      .waitFor({ timeout: 10_000 });
    expect(
      (await newcomer.request<{ membershipStatus: string }>("GET", "/api/me")).body.membershipStatus,
    ).toBe("confirmed");

    // The relay task: share (outside Zalo, the link is shown), then "Đã chuyển tiếp".
    const task = page.getByRole("article", { name: TITLE });
    await task.waitFor({ timeout: 10_000 });
    expect(await task.textContent()).toContain("Chưa chuyển tiếp");
    await task.getByRole("button", { name: "Chia sẻ vào nhóm" }).click();
    const linkField = task.getByLabel("Liên kết chia sẻ");
    await linkField.waitFor({ timeout: 10_000 });
    await task.getByText("Đã mở chia sẻ").waitFor({ timeout: 10_000 });
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${base}/post/${postId}\\?relay=r-[A-Za-z0-9_-]+$`));
    expect(await task.textContent()).toContain(
      `https://zalo.me/s/${running.system.miniAppId}/post/${postId}?relay=`,
    );
    await task.getByRole("button", { name: "Đã chuyển tiếp" }).click();
    await task
      .getByRole("status")
      .filter({ hasText: "Cảm ơn tổ trưởng đã chuyển tiếp." })
      .waitFor({ timeout: 10_000 });
    expect(await task.getByRole("button", { name: "Đã chuyển tiếp" }).count()).toBe(0);
    expect(await task.locator(".status-chip").textContent()).toBe("Đã chuyển tiếp");

    // A neighbour opens the head's link in another browser: the post opens once signed in, and the open counts.
    const neighbourContext = await running.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "vi-VN",
    });
    const neighbour = await neighbourContext.newPage();
    neighbour.on("pageerror", (error) => pageErrors.push(error.message));
    await findPersona(NEIGHBOUR);
    await neighbour.goto(link);
    await neighbour.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    const counted = neighbour.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/relay-opens" && r.ok(),
      { timeout: 15_000 },
    );
    await neighbour.getByRole("button", { name: NEIGHBOUR, exact: true }).click();
    await neighbour.getByRole("heading", { name: TITLE, level: 1 }).waitFor({ timeout: 15_000 });
    expect(((await (await counted).json()) as { counted: boolean }).counted).toBe(true);
    expect(new URL(neighbour.url()).searchParams.get("relay")).toMatch(/^r-/);
    await neighbourContext.close();

    const board = await editor.request<{
      items: {
        residentialGroup: { name: string };
        status: string;
        opens: { total: number; uniqueResidents: number };
      }[];
    }>("GET", `/api/broadcasts/${broadcastId}/relay`);
    const row = board.body.items.find((item) => item.residentialGroup.name === GROUP);
    expect(row?.status).toBe("confirmed");
    expect(row?.opens.total).toBeGreaterThanOrEqual(1);
    expect(row?.opens.uniqueResidents).toBeGreaterThanOrEqual(1);

    // The head sees the open on the task too.
    await page.reload();
    const reloaded = page.getByRole("article", { name: TITLE });
    await reloaded.getByText(/1 lượt mở qua liên kết của bạn · 1 người/).waitFor({ timeout: 15_000 });

    expect(pageErrors).toEqual([]);
  });
});
