import type { PostReview } from "@loa-phuong/shared";
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
const review: PostReview = {
  post: submitted,
  campaign: null,
  submitted: {
    version: 2,
    title: submitted.title,
    summary: null,
    body: submitted.body,
    imageUrl: null,
    poll: null,
    isUrgent: false,
    contentHash: "h2",
  },
  lastApproved: {
    version: 1,
    title: submitted.title,
    summary: null,
    body: "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
    imageUrl: null,
    poll: null,
    isUrgent: false,
    contentHash: "h1",
  },
};

const poll = {
  question: "Họp tổ vào giờ nào?",
  multiple: false,
  options: [
    { id: "a", label: "19 giờ" },
    { id: "b", label: "19 giờ 30" },
  ],
};

function approverServer(routes = {}, answer: PostReview = review) {
  return signedInStaff(approver, {
    "GET /api/posts/p-9/review": { body: answer },
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

  it("says nothing of a field empty in both versions, and “không đổi” of the kind and urgency", async () => {
    approverServer();
    renderApp("/staff/review/p-9");
    await screen.findByRole("region", { name: "Nội dung" });
    expect(screen.queryByRole("region", { name: /Tóm tắt/ })).toBeNull();
    expect(screen.queryByRole("region", { name: /Khảo sát/ })).toBeNull();
    expect(screen.queryByRole("region", { name: /Ảnh minh hoạ/ })).toBeNull();
    expect(screen.getByRole("region", { name: "Loại bài (không đổi)" }).textContent).toContain("Thông báo");
    expect(screen.getByRole("region", { name: "Mức khẩn (không đổi)" }).textContent).toContain("Không khẩn");
  });

  it("shows a brand-new poll whole, as added: question, choice, options, urgency, kind", async () => {
    const post = staffPost({ status: "submitted", kind: "poll", isUrgent: true, poll, summary: null });
    const content = { ...review.submitted!, version: 1, poll, isUrgent: true, body: post.body };
    approverServer({}, { post, campaign: null, submitted: content, lastApproved: null });
    renderApp("/staff/review/p-9");
    const region = await screen.findByRole("region", { name: "Khảo sát" });
    const added = [...region.querySelectorAll("ins")].map((part) => part.textContent);
    expect(added).toEqual([
      "[thêm: Họp tổ vào giờ nào?]",
      "[thêm: Chỉ chọn một phương án]",
      "[thêm: 19 giờ]",
      "[thêm: 19 giờ 30]",
    ]);
    expect(region.querySelectorAll("del")).toHaveLength(0);
    const urgency = screen.getByRole("region", { name: "Mức khẩn" });
    expect(urgency.querySelector("ins")?.textContent).toMatch(/^\[thêm: Khẩn: gửi cả trong giờ yên lặng/);
    expect(screen.getByRole("region", { name: "Loại bài" }).querySelector("ins")?.textContent).toBe(
      "[thêm: Khảo sát]",
    );
    // The empty summary of a new post is not "(không đổi)": it is not there at all.
    expect(screen.queryByRole("region", { name: /Tóm tắt/ })).toBeNull();
    expect(screen.queryByText(/không đổi/)).toBeNull();
  });

  it("shows a poll changed since its approval: a relabelled, a new and a dropped option", async () => {
    const before = { ...poll, options: [...poll.options, { id: "c", label: "20 giờ" }] };
    const after = {
      ...poll,
      multiple: true,
      options: [
        { id: "a", label: "19 giờ" },
        { id: "b", label: "19 giờ 45" },
        { id: "d", label: "Sáng Chủ nhật" },
      ],
    };
    const post = staffPost({
      status: "submitted",
      kind: "poll",
      version: 2,
      approvedVersion: 1,
      poll: after,
    });
    approverServer(
      {},
      {
        post,
        campaign: null,
        submitted: { ...review.submitted!, poll: after },
        lastApproved: { ...review.lastApproved!, body: post.body, poll: before },
      },
    );
    renderApp("/staff/review/p-9");
    const region = await screen.findByRole("region", { name: "Khảo sát" });
    const options = within(within(region).getByRole("list", { name: "Các phương án" })).getAllByRole(
      "listitem",
    );
    expect(options.map((option) => option.textContent)).toEqual([
      "19 giờ",
      "19 giờ [bỏ: 30][thêm: 45]",
      "[thêm: Sáng Chủ nhật]",
      "[bỏ: 20 giờ]",
    ]);
    expect(within(region).getByText("Cách chọn").nextElementSibling?.textContent).toBe(
      "[bỏ: Chỉ chọn một phương án][thêm: Được chọn nhiều phương án]",
    );
  });

  it("marks an urgency the old approval did not record, rather than calling it unchanged", async () => {
    approverServer({}, { ...review, lastApproved: { ...review.lastApproved!, isUrgent: null } });
    renderApp("/staff/review/p-9");
    expect(
      (await screen.findByRole("region", { name: "Mức khẩn (phiên bản đã duyệt không ghi mức khẩn)" }))
        .textContent,
    ).toContain("Không khẩn");
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
