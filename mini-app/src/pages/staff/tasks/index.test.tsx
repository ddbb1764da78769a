import type { CampaignTask, TaskBoard } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const unit = { id: "u-1", name: "Trường THCS Hồng Bàng", kind: "school" as const };
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
  unit,
  reports: [],
  ...overrides,
});
const board = (tasks: CampaignTask[]): TaskBoard => ({
  units: [{ ...unit, members: [{ id: "r-1", name: "Giáo viên phụ trách" }], open: 1, late: 1, done: 0 }],
  tasks,
});
const campaigns = {
  items: [{ id: "c-1", title: "Kế hoạch 354/KH-UBND", startsOn: "2026-03-01", endsOn: "2026-12-31" }],
};

describe("the staff task board (Nhiệm vụ các đơn vị)", () => {
  it("lists late tasks first and urges a unit in one tap", async () => {
    const late = task({ id: "t-2", title: "Gửi báo cáo tháng", isLate: true });
    const api = signedInStaff(staffProfile({ roles: ["approver"] }), {
      "GET /api/campaigns": { body: campaigns },
      "GET /api/campaigns/c-1/tasks": { body: board([task(), late]) },
      "POST /api/tasks/t-2/urge": { body: { ...late, urgedAt: "2026-12-21T01:00:00.000Z" } },
    });
    const { user } = renderApp("/staff/tasks");
    const list = await screen.findByRole("list", { name: "Nhiệm vụ" });
    const rows = within(list).getAllByRole("article");
    expect(rows.map((r) => r.getAttribute("aria-label"))).toEqual([
      "Gửi báo cáo tháng",
      "Tổ chức chuyên đề kỹ năng sống",
    ]);
    expect(rows[0]!.textContent).toContain("Quá hạn");
    expect(screen.getByRole("list", { name: "Đơn vị thực hiện" }).textContent).toContain(
      "Trường THCS Hồng Bàng (Trường học): 0 xong · 1 đang làm · 1 quá hạn",
    );
    await user.click(within(rows[0]!).getByRole("button", { name: "Đôn đốc" }));
    await waitFor(() => expect(api.callsTo("POST /api/tasks/t-2/urge")).toHaveLength(1));
    await screen.findByText("Đã đôn đốc Trường THCS Hồng Bàng.");
    // The report upward, to download for the month.
    expect(screen.getByRole("link", { name: "Báo cáo tháng" }).getAttribute("href")).toContain(
      "/api/campaigns/c-1/report?kind=monthly&format=docx",
    );
    // Approvers follow and urge; giving tasks is the editors'.
    expect(screen.queryByRole("form", { name: "Giao nhiệm vụ" })).toBeNull();
  });

  it("lets an editor give a unit a task with a deadline typed as dd/mm/yyyy", async () => {
    const api = signedInStaff(staffProfile({ roles: ["editor"] }), {
      "GET /api/campaigns": { body: campaigns },
      "GET /api/campaigns/c-1/tasks": { body: board([]) },
      "GET /api/residential-groups": { body: { items: [] } },
      "POST /api/tasks": { status: 201, body: task() },
    });
    const { user } = renderApp("/staff/tasks");
    const form = await screen.findByRole("form", { name: "Giao nhiệm vụ" });
    await user.type(within(form).getByLabelText("Nhiệm vụ"), "Tổ chức chuyên đề kỹ năng sống");
    await user.type(within(form).getByLabelText("Hạn hoàn thành"), "20/12/2026");
    await user.click(within(form).getByRole("button", { name: "Giao nhiệm vụ" }));
    await waitFor(() => expect(api.callsTo("POST /api/tasks")).toHaveLength(1));
    expect(api.callsTo("POST /api/tasks")[0]?.body).toEqual({
      unitId: "u-1",
      title: "Tổ chức chuyên đề kỹ năng sống",
      due: "2026-12-20",
    });
  });
});
