import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, type Reply } from "../../../testing/fake-api";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";
import { staffPost as post } from "../../../testing/staff-fixtures";

/** "Soạn bài mới" as an editor opens it. */
async function openComposer() {
  const app = renderApp("/staff/posts/new");
  await screen.findByRole("heading", { name: "Soạn bài mới", level: 1 });
  return {
    ...app,
    title: screen.getByLabelText("Tiêu đề", { exact: true }),
    body: screen.getByLabelText("Nội dung", { exact: true }),
    submit: () => screen.getByRole<HTMLButtonElement>("button", { name: "Gửi duyệt" }),
  };
}

describe("the post composer (Soạn bài mới)", () => {
  it("marks the missing title and body in Vietnamese and sends nothing", async () => {
    const api = signedInStaff();
    const { user, submit } = await openComposer();
    await user.click(submit());
    expect((await screen.findByRole("alert")).textContent).toBe("Vui lòng sửa các mục được đánh dấu.");
    expect(screen.getByRole("textbox", { name: "Tiêu đề", description: "Cần có tiêu đề." })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Nội dung", description: "Cần có nội dung." })).toBeTruthy();
    expect(api.callsTo("POST /api/posts")).toHaveLength(0);
  });

  it("checks a poll's options before the round trip", async () => {
    const api = signedInStaff();
    const { user, title, body, submit } = await openComposer();
    await user.selectOptions(screen.getByLabelText("Loại bài"), "poll");
    await user.type(title, "Họp tổ vào giờ nào?");
    await user.type(body, "Bà con chọn giờ họp tổ thuận tiện nhất.");
    await user.click(submit());
    expect(await screen.findByText("Cần có câu hỏi khảo sát.")).toBeTruthy();
    await user.type(screen.getByLabelText("Câu hỏi"), "Giờ nào?");
    await user.type(screen.getByLabelText("Phương án 1"), "19 giờ");
    await user.type(screen.getByLabelText("Phương án 2"), "19 giờ");
    await user.click(submit());
    expect(await screen.findByText("Hai phương án không được trùng nhau.")).toBeTruthy();
    expect(api.callsTo("POST /api/posts")).toHaveLength(0);
  });

  it("creates the post, submits it, busy meanwhile, then opens it with the notice", async () => {
    const created = deferred<Reply>();
    const api = signedInStaff(staffProfile(), {
      "POST /api/posts": () => created.promise,
      "POST /api/posts/p-9/submit": { body: post({ status: "submitted" }) },
      "GET /api/posts/p-9": { body: post({ status: "submitted" }) },
    });
    const { user, title, body, submit } = await openComposer();
    await user.type(title, "  Lịch tiêm chủng tháng 6 ");
    await user.type(body, "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.");
    await user.click(screen.getByLabelText("Khẩn (bỏ qua giờ yên lặng và giới hạn trong ngày)"));
    await user.click(submit());

    await waitFor(() => expect(api.callsTo("POST /api/posts")).toHaveLength(1));
    expect(submit().disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Lưu nháp" }).disabled).toBe(true);
    expect(api.callsTo("POST /api/posts")[0]?.body).toEqual({
      kind: "announcement",
      isUrgent: true,
      title: "Lịch tiêm chủng tháng 6",
      summary: "",
      body: "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
    });

    created.resolve({ status: 201, body: post() });
    expect(
      (await screen.findByRole("heading", { level: 1, name: "Lịch tiêm chủng tháng 6" })).textContent,
    ).toBe("Lịch tiêm chủng tháng 6");
    expect(await screen.findByText("Đã gửi bài cho lãnh đạo duyệt.")).toBeTruthy();
    expect(api.callsTo("POST /api/posts/p-9/submit")).toHaveLength(1);
    expect(window.location.pathname).toBe("/staff/posts/p-9");
  });

  it("puts the server's field errors next to their fields", async () => {
    signedInStaff(staffProfile(), {
      "POST /api/posts": {
        status: 400,
        body: {
          error: "validation_failed",
          message: "Dữ liệu gửi lên không hợp lệ.",
          fields: [{ field: "body.imageUrl", message: "Ảnh phải là địa chỉ https." }],
        },
      },
    });
    const { user, title, body, submit } = await openComposer();
    await user.type(title, "Tin mới");
    await user.type(body, "Nội dung tin mới.");
    await user.type(
      screen.getByLabelText("Ảnh minh hoạ (địa chỉ URL, không bắt buộc)"),
      "http://anh.vn/a.jpg",
    );
    await user.click(submit());
    expect(
      await screen.findByRole("textbox", {
        name: "Ảnh minh hoạ (địa chỉ URL, không bắt buộc)",
        description: "Ảnh phải là địa chỉ https.",
      }),
    ).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("Vui lòng sửa các mục được đánh dấu.");
    expect(submit().disabled).toBe(false);
  });

  it("keeps unsaved typing on the device and offers it back when the composer opens again", async () => {
    signedInStaff();
    const first = await openComposer();
    await first.user.type(first.title, "Thông báo cắt điện");
    await waitFor(() =>
      expect(window.localStorage.getItem("loa-phuong.staff-draft.staff-1.new")).not.toBeNull(),
    );
    first.unmount();

    const again = await openComposer();
    expect(await screen.findByText(/Đã khôi phục nội dung bạn gõ lúc/)).toBeTruthy();
    expect((again.title as HTMLInputElement).value).toBe("Thông báo cắt điện");
  });
});
