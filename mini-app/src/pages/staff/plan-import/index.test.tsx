import type { PlanExtraction } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const text =
  "Số: 21 - KH/ĐU\nĐề nghị Phòng Văn hóa - Xã hội: xây dựng tin bài.\nCác trường THCS trên địa bàn";
const read: PlanExtraction = {
  plan: {
    type: "Kế hoạch",
    number: "21-KH/ĐU",
    date: "2026-03-09",
    issuer: "Đảng ủy phường Hồng Bàng",
    title: "Ngày sách",
  },
  directives: [
    { type: "Chỉ thị", number: "46-CT/TW", date: "2025-05-16", issuer: "Bộ Chính trị", role: "basis" },
  ],
  themes: ["Văn hóa đọc"],
  channels: ["zalo"],
  units: [
    { name: "Phòng Văn hóa - Xã hội", tasks: ["Xây dựng tin bài"], deadlines: ["2026-06-15"] },
    { name: "Các trường THCS trên địa bàn", tasks: [], deadlines: [] },
  ],
  phases: [{ name: "Thời gian thực hiện", from: "2026-04-01", to: "2026-06-30" }],
  reporting: [],
  spans: { "plan.number": { start: 4, end: 14 } },
  text,
};

describe("plan import (Nhập kế hoạch)", () => {
  it("shows what was read beside the plan's text, and confirms the corrected plan into a campaign", async () => {
    const api = signedInStaff(staffProfile({ roles: ["editor"] }), {
      "POST /api/plans/extract": { body: read },
      "POST /api/campaigns": { status: 201, body: { id: "c-9" } },
      "GET /api/campaigns": { body: { items: [] } },
    });
    const { user } = renderApp("/staff/plans/import");
    const input = await screen.findByLabelText("Tệp kế hoạch");
    await user.upload(input, new File(["…"], "ke-hoach-21.docx"));
    await screen.findByText(/số 21-KH\/ĐU · 09\/03\/2026 · Đảng ủy phường Hồng Bàng/);
    expect(api.callsTo("POST /api/plans/extract")[0]?.url).toBe(
      "/api/plans/extract?fileName=ke-hoach-21.docx",
    );
    // The number is marked where it was read in the plan's text.
    expect(screen.getByText("21 - KH/ĐU").tagName).toBe("MARK");
    // The second unit is a school: staff rename it, and confirm.
    const units = screen.getByRole("list", { name: "Đơn vị và nhiệm vụ" });
    const school = within(units).getAllByRole("group")[1]!;
    expect((within(school).getByLabelText("Loại đơn vị") as HTMLSelectElement).value).toBe("school");
    await user.clear(within(school).getByLabelText("Tên đơn vị"));
    await user.type(within(school).getByLabelText("Tên đơn vị"), "Trường THCS Hồng Bàng");
    await user.click(screen.getByRole("button", { name: "Xác nhận thành chiến dịch" }));
    await waitFor(() => expect(api.callsTo("POST /api/campaigns")).toHaveLength(1));
    expect(api.callsTo("POST /api/campaigns")[0]?.body).toEqual({
      title: "Ngày sách",
      directives: [{ number: "46-CT/TW", date: "2025-05-16", issuer: "Bộ Chính trị" }],
      themes: ["Văn hóa đọc"],
      startsOn: "2026-04-01",
      endsOn: "2026-06-30",
      units: [
        {
          name: "Phòng Văn hóa - Xã hội",
          kind: "office",
          tasks: [{ title: "Xây dựng tin bài", due: "2026-06-15" }],
        },
        { name: "Trường THCS Hồng Bàng", kind: "school", tasks: [] },
      ],
    });
    await screen.findByRole("heading", { name: "Nhiệm vụ các đơn vị", level: 1 });
  });
});

describe("a unit's kind, guessed from its name", () => {
  it("tells schools, groups, the Front and mass organisations from offices", async () => {
    const { unitKindOf } = await import("./draft");
    expect(unitKindOf("Phòng Văn hóa - Xã hội")).toBe("office");
    expect(unitKindOf("Các trường THCS trên địa bàn")).toBe("school");
    expect(unitKindOf("Tổ dân phố số 3")).toBe("residential_group");
    expect(unitKindOf("Hội Liên hiệp Phụ nữ phường")).toBe("organisation");
    expect(unitKindOf("Ủy ban Mặt trận Tổ quốc Việt Nam phường")).toBe("organisation");
    expect(unitKindOf("Công an phường")).toBe("office");
  });
});
