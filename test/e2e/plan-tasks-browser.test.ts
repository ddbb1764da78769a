import { describe, expect, it } from "vitest";
import { useSystemAndBrowser } from "./support/browser.js";
import { PNG_1PX } from "./support/residents.js";
import { SAMPLE_PLAN } from "./support/sample-plan.js";

const PASSWORD = "loaphuong-demo";
const SCHOOL = "Trường THCS Hồng Bàng";

interface Persona {
  name: string;
}

describe("from a plan to a unit's task done, in a real browser", () => {
  const running = useSystemAndBrowser({ QUIET_HOURS: "00:00-00:00" });

  it("staff import a plan, correct a unit, confirm it; a teacher reports its task done with a photo", async () => {
    const origin = `http://localhost:${running.system.port}`;
    const sim = `http://127.0.0.1:${running.system.simPort}`;
    const base = `${origin}/zapps/${running.system.miniAppId}`;
    const pageErrors: string[] = [];
    const staff = await running.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    staff.on("pageerror", (error) => pageErrors.push(error.message));
    await staff.goto(`${base}/staff`);
    await staff.getByLabel("Tên đăng nhập").fill("bientap");
    await staff.getByLabel("Mật khẩu").fill(PASSWORD);
    await staff.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await staff.getByRole("link", { name: "Nhiệm vụ các đơn vị" }).click();
    await staff.getByRole("link", { name: "Nhập kế hoạch mới từ tệp" }).click();

    // The plan is read; its number is marked in its own text; staff rename the second unit and confirm.
    await staff
      .getByLabel("Tệp kế hoạch")
      .setInputFiles({ name: "ke-hoach-21.md", mimeType: "text/markdown", buffer: Buffer.from(SAMPLE_PLAN) });
    await staff.getByText(/số 21-KH\/ĐU · 09\/03\/2026 · Đảng ủy phường Hồng Bàng/).waitFor();
    await staff.locator("mark", { hasText: "21 - KH/ĐU" }).waitFor();
    const school = staff.getByRole("group", { name: "Các trường THCS trên địa bàn phường" });
    await school.getByLabel("Tên đơn vị").fill(SCHOOL);
    await staff.getByRole("button", { name: "Xác nhận thành chiến dịch" }).click();
    await staff.getByRole("heading", { name: "Nhiệm vụ các đơn vị", level: 1, exact: true }).waitFor();
    const units = staff.getByRole("list", { name: "Đơn vị thực hiện" });
    await units.getByText(SCHOOL).waitFor();

    // Give the school a task, and a teacher of group 3 who reports for it.
    const giving = staff.getByRole("form", { name: "Giao nhiệm vụ" });
    await giving.getByLabel("Đơn vị").selectOption({ label: SCHOOL });
    await giving.getByLabel("Nhiệm vụ").fill("Tổ chức ngày hội đọc sách cho học sinh");
    await giving.getByLabel("Hạn hoàn thành").fill("30/06/2026");
    await giving.getByRole("button", { name: "Giao nhiệm vụ" }).click();
    await staff.getByRole("article", { name: "Tổ chức ngày hội đọc sách cho học sinh" }).waitFor();
    const member = staff.getByRole("form", { name: "Thêm người báo cáo cho đơn vị" });
    await member.getByLabel("Đơn vị").selectOption({ label: SCHOOL });
    await member.getByLabel("Tổ dân phố của người báo cáo").selectOption({ label: "Tổ dân phố số 3" });
    const found = (await (
      await fetch(`${sim}/__sim/personas?q=${encodeURIComponent("TDP số 3")}`)
    ).json()) as {
      personas: Persona[];
    };
    const teacher = found.personas.find((p) => p.name.startsWith("Người dân"))!;
    await member.getByLabel("Người báo cáo", { exact: true }).selectOption({ label: teacher.name });
    await member.getByRole("button", { name: "Thêm người báo cáo" }).click();
    await units.getByText(new RegExp(`báo cáo: ${teacher.name}`)).waitFor();

    // The teacher, in the Mini App, reports the task done with a photo.
    const phone = await running.browser.newPage({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    phone.on("pageerror", (error) => pageErrors.push(error.message));
    await phone.goto(`${origin}/`);
    await phone.getByLabel("Tìm người dân theo tên").fill(teacher.name);
    await phone.getByRole("button", { name: teacher.name, exact: true }).click();
    await phone
      .getByRole("heading", { name: `Xin chào, ${teacher.name}`, level: 1 })
      .waitFor({ timeout: 20_000 });
    await phone
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cá nhân" })
      .click();
    await phone.getByRole("link", { name: /Nhiệm vụ của đơn vị/ }).click();
    const card = phone.getByRole("article").filter({ hasText: "Tổ chức ngày hội đọc sách cho học sinh" });
    await card.getByRole("button", { name: "Báo cáo tiến độ" }).click();
    await card.getByLabel("Kết quả thực hiện").fill("Đã tổ chức cho 420 học sinh khối 6 đến khối 9.");
    await card
      .getByLabel("Thêm ảnh")
      .setInputFiles({ name: "ngay-hoi.png", mimeType: "image/png", buffer: PNG_1PX });
    await card.getByText("Đã tải lên").waitFor();
    await card.getByRole("checkbox", { name: "Đã hoàn thành nhiệm vụ" }).check();
    await card.getByRole("button", { name: "Gửi báo cáo tiến độ" }).click();
    await card.getByText(/Đã hoàn thành/).waitFor();

    // Staff see it done, with the teacher's words and photo.
    await staff.reload();
    const done = staff.getByRole("article", { name: "Tổ chức ngày hội đọc sách cho học sinh" });
    await done.getByText("Đã xong").waitFor();
    expect(await done.textContent()).toContain(
      `${teacher.name}: Đã tổ chức cho 420 học sinh khối 6 đến khối 9. (1 ảnh)`,
    );
    expect(pageErrors).toEqual([]);
  });
});
