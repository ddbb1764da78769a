import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";
import { staffPost } from "../../../testing/staff-fixtures";

const approver = staffProfile({
  id: "staff-2",
  username: "lanhdao",
  displayName: "Lãnh đạo",
  roles: ["approver"],
});
const submitted = staffPost({
  status: "submitted",
  version: 2,
  approvedVersion: 1,
  body: "Trạm y tế phường tiêm chủng vào sáng Chủ nhật.",
});
const review = {
  post: submitted,
  submitted: {
    version: 2,
    title: submitted.title,
    summary: null,
    body: submitted.body,
    imageUrl: null,
    contentHash: "h2",
  },
  lastApproved: {
    version: 1,
    title: submitted.title,
    summary: null,
    body: "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
    imageUrl: null,
    contentHash: "h1",
  },
};

function approverServer(routes = {}) {
  return signedInStaff(approver, {
    "GET /api/posts/p-9/review": { body: review },
    "GET /api/posts": { body: { items: [] } },
    ...routes,
  });
}

describe("reviewing a post (Duyệt bài)", () => {
  it("shows what changed since the approved version, and says so to screen readers", async () => {
    approverServer();
    renderApp("/staff/review/p-9");
    const body = await screen.findByRole("region", { name: "Nội dung" });
    const texts = (selector: string) => [...body.querySelectorAll(selector)].map((part) => part.textContent);
    expect(texts("del")).toEqual(["[bỏ: thứ]", "[bỏ: Bảy.]"]);
    expect(texts("ins")).toEqual(["[thêm: Chủ]", "[thêm: nhật.]"]);
    expect(body.textContent).toContain("Trạm y tế phường tiêm chủng vào sáng ");
    expect(screen.getByRole("region", { name: "Tiêu đề (không đổi)" })).toBeTruthy();
  });

  it("puts the cursor in the reason field on “Từ chối” and asks for a reason", async () => {
    const api = approverServer();
    const { user } = renderApp("/staff/review/p-9");
    await user.click(await screen.findByRole("button", { name: "Từ chối" }));
    const reason = screen.getByRole("textbox", { name: "Lý do từ chối" });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    await user.click(screen.getByRole("button", { name: "Xác nhận từ chối" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Vui lòng nêu lý do từ chối để người soạn biết cần sửa gì.",
    );
    expect(api.callsTo("POST /api/posts/p-9/reject")).toHaveLength(0);
  });

  it("sends the rejection with its reason, then goes back to the queue with the notice", async () => {
    const api = approverServer({
      "POST /api/posts/p-9/reject": { body: { ...submitted, status: "rejected" } },
    });
    const { user } = renderApp("/staff/review/p-9");
    await user.click(await screen.findByRole("button", { name: "Từ chối" }));
    await user.type(screen.getByRole("textbox", { name: "Lý do từ chối" }), " Ghi rõ giờ tiêm. ");
    await user.click(screen.getByRole("button", { name: "Xác nhận từ chối" }));
    const queue = await screen.findByRole("heading", { name: "Hàng chờ duyệt", level: 1 });
    expect(api.callsTo("POST /api/posts/p-9/reject")[0]?.body).toEqual({ reason: "Ghi rõ giờ tiêm." });
    expect(
      within(queue.closest("main") ?? document.body).getByText("Đã từ chối bài “Lịch tiêm chủng tháng 6”."),
    ).toBeTruthy();
  });
});
