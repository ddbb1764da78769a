import type { CampaignTask } from "@loa-phuong/shared";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, residentProfile, signedInResident } from "../../testing/render-app";

const task = (overrides: Partial<CampaignTask> = {}): CampaignTask => ({
  id: "t-1",
  title: "Tổ chức chuyên đề kỹ năng sống",
  dueAt: "2026-12-20T16:59:59.999Z",
  status: "open",
  isLate: false,
  doneAt: null,
  remindedAt: null,
  escalatedAt: null,
  urgedAt: null,
  unit: { id: "u-1", name: "Trường THCS Hồng Bàng", kind: "school" },
  reports: [],
  ...overrides,
});

describe("a unit's tasks in the Mini App (Nhiệm vụ của đơn vị)", () => {
  it("shows each task with its deadline, and reports it done with the words written", async () => {
    const api = signedInResident(residentProfile({ reportsForUnit: true }), {
      "GET /api/me/tasks": { status: 200, body: { items: [task()] } },
      "POST /api/me/tasks/t-1/reports": { status: 200, body: task({ status: "done" }) },
    });
    const { user } = renderApp("/tasks");
    await screen.findByRole("heading", { name: "Tổ chức chuyên đề kỹ năng sống" });
    expect(screen.getByText(/Trường THCS Hồng Bàng · Hạn/).textContent).toContain("20/12/2026");
    await user.click(screen.getByRole("button", { name: "Báo cáo tiến độ" }));
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo tiến độ" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy ghi kết quả thực hiện.");
    expect(api.callsTo("POST /api/me/tasks/t-1/reports")).toHaveLength(0);
    await user.type(screen.getByLabelText("Kết quả thực hiện"), " Đã tổ chức cho 420 học sinh ");
    await user.click(screen.getByRole("checkbox", { name: "Đã hoàn thành nhiệm vụ" }));
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo tiến độ" }));
    await waitFor(() => expect(api.callsTo("POST /api/me/tasks/t-1/reports")).toHaveLength(1));
    expect(api.callsTo("POST /api/me/tasks/t-1/reports")[0]?.body).toEqual({
      text: "Đã tổ chức cho 420 học sinh",
      done: true,
      uploadIds: [],
    });
  });

  it("shows a task past its deadline as late", async () => {
    signedInResident(residentProfile({ reportsForUnit: true }), {
      "GET /api/me/tasks": { status: 200, body: { items: [task({ isLate: true })] } },
    });
    renderApp("/tasks");
    await screen.findByText("Quá hạn");
  });
});
