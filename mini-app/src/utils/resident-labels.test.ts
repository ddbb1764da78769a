import { civicRoles } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { civicRoleLabel, membershipLabel } from "./resident-labels";

describe("resident labels", () => {
  it("names every civic role in Vietnamese", () => {
    for (const role of civicRoles) expect(civicRoleLabel(role)).not.toBe(role);
    expect(civicRoleLabel("parent")).toBe("Phụ huynh học sinh");
    expect(civicRoleLabel("group_head")).toBe("Tổ trưởng tổ dân phố");
    // A role from a newer server is shown as it came.
    expect(civicRoleLabel("veteran")).toBe("veteran");
  });

  it("says where the resident's membership stands", () => {
    expect(membershipLabel("pending")).toBe("Chờ tổ trưởng xác nhận");
    expect(membershipLabel("confirmed")).toBe("Đã xác nhận");
    expect(membershipLabel(null)).toBe("Chưa tham gia tổ");
  });
});
