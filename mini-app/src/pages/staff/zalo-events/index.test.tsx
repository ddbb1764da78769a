import type { SetAsideEvent } from "@loa-phuong/shared";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const admin = staffProfile({ id: "staff-9", username: "quantri", displayName: "Quản trị", roles: ["admin"] });
const event: SetAsideEvent = {
  id: 41,
  eventName: "user_send_text",
  receivedAt: "2026-12-01T01:00:00.000Z",
  setAsideAt: "2026-12-01T01:00:09.000Z",
  failures: 3,
  reason: "error: value too long for type character varying(10)",
};

describe("Zalo events set aside (Sự kiện Zalo để riêng)", () => {
  it("shows each event's reason and puts one back in line with “Thử lại”", async () => {
    const server = signedInStaff(admin, {
      "GET /api/admin/webhook-events": { body: { items: [event] } },
      "POST /api/admin/webhook-events/41/retry": { body: { items: [] } },
    });
    const { user } = renderApp("/staff/zalo-events");
    expect(await screen.findByText("Sự kiện #41: user_send_text")).toBeTruthy();
    expect(screen.getByText(/value too long/)).toBeTruthy();
    // Both times in ward time, dd/mm/yyyy.
    expect(screen.getAllByText(/08:00.*01\/12\/2026|01\/12\/2026.*08:00/)).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Thử lại sự kiện #41" }));
    await waitFor(() => expect(server.callsTo("POST /api/admin/webhook-events/41/retry")).toHaveLength(1));
  });

  it("tells a staff member who is not an admin that the page is for admins, and asks nothing", async () => {
    const server = signedInStaff(staffProfile({ roles: ["editor"] }), {});
    renderApp("/staff/zalo-events");
    expect(await screen.findByText("Chỉ quản trị viên xem được mục này.")).toBeTruthy();
    expect(server.callsTo("GET /api/admin/webhook-events")).toHaveLength(0);
  });
});
