import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { useSystemAndBrowser } from "./support/browser.js";
import { slipsOnScreen } from "./support/layout.js";
import { waitFor } from "./support/wait-for.js";

// Demo residents of Tổ dân phố số 1 (confirmed members), and the head of Tổ dân phố số 2.
const MOVER = "Người dân 003 – TDP số 1";
const SMALL_SCREEN_RESIDENT = "Người dân 004 – TDP số 1";
const HEAD = "Tổ trưởng TDP số 2";
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };

interface Me {
  residentialGroup: { name: string } | null;
  membershipStatus: string | null;
  civicRoles: { role: string; schoolId: string | null }[];
  isGroupHead: boolean;
}

describe("a resident changes their residential group and roles from “Cá nhân”, in a real browser", () => {
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });
  const origin = () => `http://localhost:${running.system.port}`;

  /** What the ward server holds about `name`, read as the Mini App reads it. */
  async function serverSays(name: string): Promise<Me> {
    const persona = await running.system.findPersona(name);
    const sim = `http://127.0.0.1:${running.system.simPort}`;
    const { accessToken } = (await (
      await fetch(`${sim}/__sim/users/${persona.idByApp}/access-token`, { method: "POST" })
    ).json()) as { accessToken: string };
    const client = new ApiClient(origin());
    const signIn = await client.request<{ token: string }>("POST", "/api/auth/zalo", { accessToken });
    expect(signIn.status).toBe(200);
    client.token = signIn.body.token;
    return (await client.request<Me>("GET", "/api/me")).body;
  }

  /** A phone of its own with the Mini App open as `name` (the demo's persona picker), at "Cá nhân". */
  async function openProfileAs(name: string, viewport = PHONE) {
    await running.system.findPersona(name);
    const context = await running.browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin()}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Tìm người dân theo tên").fill(name);
    await page.getByRole("button", { name, exact: true }).click();
    await page.getByRole("heading", { name: `Xin chào, ${name}`, level: 1 }).waitFor({ timeout: 20_000 });
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cá nhân" })
      .click();
    await page.getByRole("heading", { name, level: 1, exact: true }).waitFor({ timeout: 15_000 });
    return { context, page, errors };
  }

  const membership = (page: Page) => page.getByRole("region", { name: "Tổ dân phố và vai trò" });
  const fact = (page: Page, label: string) =>
    membership(page)
      .locator("dt", { hasText: label })
      .locator("xpath=following-sibling::dd[1]")
      .textContent();
  const heading = (page: Page, name: string) =>
    page.getByRole("heading", { name, level: 1, exact: true }).waitFor({ timeout: 10_000 });
  const group = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

  it("moves to another group and changes roles, Hủy and a reload on the way", async () => {
    const before = await serverSays(MOVER);
    expect(before.residentialGroup?.name).toBe("Tổ dân phố số 1");
    const { context, page, errors } = await openProfileAs(MOVER);
    expect(await fact(page, "Tổ dân phố")).toBe("Tổ dân phố số 1Đã xác nhận");

    // Changed their mind: "Hủy" leaves everything as it was, and the next try starts from their group.
    await page.getByRole("button", { name: "Đổi tổ dân phố" }).click();
    await heading(page, "Đổi tổ dân phố");
    await waitFor(() => group(page, "Tổ dân phố số 1").isChecked(), { what: "the current group chosen" });
    await group(page, "Tổ dân phố số 2").check();
    await page.getByRole("button", { name: "Hủy" }).click();
    await heading(page, MOVER);
    expect(await fact(page, "Tổ dân phố")).toBe("Tổ dân phố số 1Đã xác nhận");
    await page.getByRole("button", { name: "Đổi tổ dân phố" }).click();
    await heading(page, "Đổi tổ dân phố");
    await waitFor(() => group(page, "Tổ dân phố số 1").isChecked(), { what: "the current group again" });

    // The group they moved to, found without diacritics; Zalo reloads the page: the choice is still there.
    await page.getByLabel("Tìm tổ dân phố").fill("to dan pho so 3");
    await group(page, "Tổ dân phố số 3").check();
    await page.getByText("Đã lưu bản nháp trên máy này.", { exact: false }).waitFor({ timeout: 5_000 });
    await page.reload();
    await heading(page, "Đổi tổ dân phố");
    await page.getByText(/^Đã mở lại bản nháp bạn viết lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./).waitFor();
    await waitFor(() => group(page, "Tổ dân phố số 3").isChecked(), { what: "the group chosen before" });
    await page.getByRole("button", { name: "Lưu tổ dân phố" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã đổi tổ dân phố. Bạn thuộc Tổ dân phố số 3 — chờ tổ trưởng xác nhận." })
      .waitFor({ timeout: 10_000 });
    await heading(page, MOVER);
    expect(await fact(page, "Tổ dân phố")).toBe("Tổ dân phố số 3Chờ tổ trưởng xác nhận");
    const moved = await serverSays(MOVER);
    expect([moved.residentialGroup?.name, moved.membershipStatus]).toEqual(["Tổ dân phố số 3", "pending"]);
    expect(moved.civicRoles).toEqual(before.civicRoles);

    // Roles: what they hold is ticked; they become a party member (or stop being one) and a parent.
    await page.getByRole("button", { name: "Đổi vai trò" }).click();
    await heading(page, "Đổi vai trò");
    const box = (name: string) => page.getByRole("checkbox", { name, exact: true });
    const holds = (role: string) => before.civicRoles.some((r) => r.role === role);
    await waitFor(async () => (await box("Đảng viên").isChecked()) === holds("party_member"), {
      what: "the party member box as the ward holds it",
    });
    expect(await box("Phụ huynh học sinh").isChecked()).toBe(holds("parent"));
    expect(await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).count()).toBe(0);
    await box("Đảng viên").setChecked(!holds("party_member"));
    await box("Phụ huynh học sinh").check();
    await page.getByLabel("Trường con đang học").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Lưu vai trò" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã lưu vai trò của bạn." })
      .waitFor({ timeout: 10_000 });
    // The school's name follows once the card has the ward's schools.
    const roles = await waitFor(
      async () => {
        const text = (await fact(page, "Vai trò")) ?? "";
        return text.includes("Phụ huynh học sinh – Trường") ? text : null;
      },
      { what: "the parent's school on the card" },
    );
    expect(roles.includes("Đảng viên")).toBe(!holds("party_member"));

    const after = await serverSays(MOVER);
    expect([after.residentialGroup?.name, after.membershipStatus]).toEqual(["Tổ dân phố số 3", "pending"]);
    const expected = new Set([...before.civicRoles.map((r) => r.role), "parent"]);
    if (holds("party_member")) expected.delete("party_member");
    else expected.add("party_member");
    expect(after.civicRoles.map((r) => r.role).sort()).toEqual([...expected].sort());
    expect(errors).toEqual([]);
    await context.close();
  });

  it("tells a head the ward moves heads, and keeps the head’s role when they change the others", async () => {
    const { context, page, errors } = await openProfileAs(HEAD);
    await membership(page).getByText("Tổ trưởng chuyển sang tổ khác do cán bộ phường thực hiện.").waitFor();
    expect(await page.getByRole("button", { name: "Đổi tổ dân phố" }).count()).toBe(0);
    await page.getByRole("button", { name: "Đổi vai trò" }).click();
    await page.getByText(/^Vai trò Tổ trưởng tổ dân phố do phường giao, nên được giữ nguyên\./).waitFor();
    const partyMember = page.getByRole("checkbox", { name: "Đảng viên", exact: true });
    await waitFor(() => partyMember.isChecked(), { what: "the head's party membership ticked" });
    await partyMember.uncheck();
    await page.getByRole("button", { name: "Lưu vai trò" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã lưu vai trò của bạn." })
      .waitFor({ timeout: 10_000 });
    expect(await fact(page, "Vai trò")).toBe("Tổ trưởng tổ dân phố");
    const head = await serverSays(HEAD);
    expect([head.isGroupHead, head.civicRoles.map((r) => r.role)]).toEqual([true, ["group_head"]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits on a 320 px phone with large text: the profile, both changes and the saved notice", async () => {
    const { context, page, errors } = await openProfileAs(SMALL_SCREEN_RESIDENT, SMALL_PHONE);
    const largeText = page.getByRole("switch", { name: "Chữ lớn" });
    await largeText.check();
    await page.waitForFunction(() => document.documentElement.classList.contains("large-text"));
    await waitFor(async () => !(await largeText.isDisabled()), { what: "large text to be saved" });
    const slips: Record<string, string[]> = { profile: await slipsOnScreen(page) };

    await page.getByRole("button", { name: "Đổi tổ dân phố" }).click();
    await group(page, "Tổ dân phố số 13").waitFor({ timeout: 10_000 });
    slips["Đổi tổ dân phố"] = await slipsOnScreen(page);
    await page.getByRole("button", { name: "Hủy" }).click();

    await page.getByRole("button", { name: "Đổi vai trò" }).click();
    await page.getByRole("checkbox", { name: "Phụ huynh học sinh", exact: true }).check();
    await page.getByRole("checkbox", { name: "Giáo viên", exact: true }).check();
    await page.getByLabel("Trường con đang học").selectOption({ index: 1 });
    await page.getByLabel("Trường đang công tác").selectOption({ index: 2 });
    slips["Đổi vai trò"] = await slipsOnScreen(page);
    await page.getByRole("button", { name: "Lưu vai trò" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Đã lưu vai trò của bạn." })
      .waitFor({ timeout: 10_000 });
    slips.saved = await slipsOnScreen(page);

    expect(slips).toEqual({ profile: [], "Đổi tổ dân phố": [], "Đổi vai trò": [], saved: [] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
