import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, type Reply } from "../../testing/fake-api";
import { renderApp, signedInResident } from "../../testing/render-app";

const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const photo = (name: string) => new File([jpegBytes], name, { type: "image/jpeg" });

/** The "Phản ánh" screen, opened from the bottom navigation by a signed-in resident. */
async function openReportScreen() {
  const app = renderApp("/report");
  await screen.findByRole("heading", { name: "Phản ánh với phường", level: 1 });
  return {
    ...app,
    text: screen.getByLabelText("Nội dung phản ánh"),
    place: screen.getByLabelText("Mô tả vị trí (không bắt buộc)"),
    send: () => screen.getByRole<HTMLButtonElement>("button", { name: /Gửi phản ánh|Đang tải ảnh lên/ }),
  };
}

describe("the report form (Phản ánh)", () => {
  it("asks for a description before sending anything", async () => {
    const api = signedInResident();
    const { user, send } = await openReportScreen();
    await user.click(send());
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy mô tả sự việc bạn muốn phản ánh.");
    expect(api.callsTo("POST /api/reports")).toHaveLength(0);
  });

  it("sends the text with the place in words, busy while sending, then thanks the resident", async () => {
    const answer = deferred<Reply>();
    const api = signedInResident(undefined, { "POST /api/reports": () => answer.promise });
    const { user, text, place, send } = await openReportScreen();
    await user.type(text, "  Đèn đường ngõ 12 bị hỏng  ");
    await user.type(place, "Đầu ngõ 12, gần nhà văn hóa tổ 3");
    await user.click(send());

    await waitFor(() => expect(api.callsTo("POST /api/reports")).toHaveLength(1));
    expect(send().disabled).toBe(true);
    const [call] = api.callsTo("POST /api/reports");
    expect(call?.headers.authorization).toBe("Bearer session-token");
    // Without the phone's position the place goes in words; the server puts it with the text.
    expect(call?.body).toEqual({
      text: "Đèn đường ngõ 12 bị hỏng",
      uploadIds: [],
      place: "Đầu ngõ 12, gần nhà văn hóa tổ 3",
    });

    answer.resolve({ status: 201, body: { id: 91 } });
    expect((await screen.findByRole("status")).textContent).toBe(
      "Đã gửi phản ánh. Cảm ơn bạn! Cán bộ phường sẽ xem xét và phản hồi.",
    );
    await user.click(screen.getByRole("button", { name: "Gửi phản ánh khác" }));
    expect((screen.getByLabelText("Nội dung phản ánh") as HTMLTextAreaElement).value).toBe("");
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    signedInResident(undefined, {
      "POST /api/reports": {
        status: 429,
        body: { error: "too_many_requests", message: "Bạn thao tác quá nhanh, vui lòng thử lại sau." },
      },
    });
    const { user, text, send } = await openReportScreen();
    await user.type(text, "Rác chưa được thu gom");
    await user.click(send());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Bạn thao tác quá nhanh, vui lòng thử lại sau.",
    );
    expect((text as HTMLTextAreaElement).value).toBe("Rác chưa được thu gom");
    expect(send().disabled).toBe(false);
  });

  it("uploads a photo as soon as it is picked, and sends its id with the report", async () => {
    const upload = deferred<Reply>();
    const api = signedInResident(undefined, {
      "POST /api/uploads": () => upload.promise,
      "POST /api/reports": { status: 201, body: { id: 92 } },
    });
    const { user, text, send } = await openReportScreen();
    await user.upload(screen.getByLabelText("Thêm ảnh"), photo("ngo-12.jpg"));

    expect(await screen.findByRole("img", { name: "Ảnh 1 đã chọn" })).toBeTruthy();
    expect(screen.getByText("Đang tải lên…")).toBeTruthy();
    expect(send().textContent).toBe("Đang tải ảnh lên…");
    expect(send().disabled).toBe(true);
    const [sent] = api.callsTo("POST /api/uploads");
    expect(sent?.body).toBeInstanceOf(Blob);
    expect(sent?.headers["content-type"]).toBe("image/jpeg");

    upload.resolve({ status: 201, body: { id: "up-1" } });
    expect(await screen.findByText("Đã tải lên")).toBeTruthy();
    await user.type(text, "Cống bị tắc");
    await user.click(send());
    await screen.findByRole("status");
    expect(api.callsTo("POST /api/reports")[0]?.body).toEqual({ text: "Cống bị tắc", uploadIds: ["up-1"] });
  });

  it("explains a refused file and does not upload it", async () => {
    const api = signedInResident();
    const { user } = await openReportScreen();
    const heic = new File([new TextEncoder().encode("\0\0\0\x18ftypheic")], "IMG_0001.HEIC", {
      type: "image/heic",
    });
    await user.upload(screen.getByLabelText("Thêm ảnh"), heic);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Ảnh “IMG_0001.HEIC” không phải ảnh JPG, PNG hoặc WEBP.",
    );
    expect(api.callsTo("POST /api/uploads")).toHaveLength(0);
  });

  it("does not send while a photo failed to upload, until it is removed", async () => {
    const api = signedInResident(undefined, {
      "POST /api/uploads": { status: 415, body: { error: "unsupported_media" } },
      "POST /api/reports": { status: 201, body: { id: 93 } },
    });
    const { user, text, send } = await openReportScreen();
    await user.upload(screen.getByLabelText("Thêm ảnh"), photo("anh.jpg"));
    const failed = await screen.findByText("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
    expect(failed.getAttribute("role")).toBe("alert");

    await user.type(text, "Cây đổ chắn đường");
    await user.click(send());
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toContain(
      "Có ảnh chưa tải lên được. Hãy xóa ảnh đó hoặc chọn lại.",
    );
    expect(api.callsTo("POST /api/reports")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Xóa ảnh 1" }));
    await user.click(send());
    await screen.findByRole("status");
    expect(api.callsTo("POST /api/reports")[0]?.body).toEqual({ text: "Cây đổ chắn đường", uploadIds: [] });
  });

  it("takes at most three photos", async () => {
    signedInResident(undefined, { "POST /api/uploads": { status: 201, body: { id: "up" } } });
    const { user } = await openReportScreen();
    await user.upload(
      screen.getByLabelText("Thêm ảnh"),
      [1, 2, 3, 4].map((n) => photo(`${n}.jpg`)),
    );
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Chỉ gửi được tối đa 3 ảnh cho một phản ánh.",
    );
    const list = await screen.findByRole("list");
    await waitFor(() => expect(within(list).getAllByRole("img")).toHaveLength(3));
    expect(screen.queryByLabelText("Thêm ảnh")).toBeNull();
  });

  it("keeps what was typed on the phone when the app is closed, and forgets it once sent", async () => {
    const api = signedInResident(undefined, { "POST /api/reports": { status: 201, body: { id: 94 } } });
    const first = await openReportScreen();
    await first.user.type(first.text, "Nắp cống ngõ 7 bị vỡ");
    await first.user.type(first.place, "Ngõ 7");
    expect(
      await screen.findByText("Đã lưu bản nháp trên máy này. Bản nháp được xóa khi bạn gửi."),
    ).toBeTruthy();
    cleanup(); // the app is closed

    const again = await openReportScreen();
    await waitFor(() => expect((again.text as HTMLTextAreaElement).value).toBe("Nắp cống ngõ 7 bị vỡ"));
    expect((again.place as HTMLInputElement).value).toBe("Ngõ 7");
    expect(
      screen.getByText(/^Đã mở lại bản nháp bạn viết lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./),
    ).toBeTruthy();
    await again.user.click(again.send());
    await screen.findByRole("status");
    expect(api.callsTo("POST /api/reports")[0]?.body).toEqual({
      text: "Nắp cống ngõ 7 bị vỡ",
      uploadIds: [],
      place: "Ngõ 7",
    });
    // Sent: the phone keeps nothing of it, and the form opens empty next time.
    await waitFor(() => expect(window.localStorage.getItem("loa-phuong.drafts.res-1")).toBeNull());
    cleanup();
    const afterSending = await openReportScreen();
    expect((afterSending.text as HTMLTextAreaElement).value).toBe("");
    expect(screen.queryByText(/bản nháp/)).toBeNull();
  });

  it("shows the limit as it nears, keeps a longer text whole and does not send it", async () => {
    const api = signedInResident();
    const { user, text, send } = await openReportScreen();
    const textarea = text as HTMLTextAreaElement;
    fireEvent.change(textarea, { target: { value: "x".repeat(1500) } });
    expect(screen.queryByText(/ký tự/)).toBeNull();
    fireEvent.change(textarea, { target: { value: "Rác ".repeat(425) } });
    expect(screen.getByText("1.699/2.000 ký tự")).toBeTruthy();
    expect(textarea.getAttribute("aria-describedby")).toBe("report-text-limit");

    // Pasted from elsewhere, 5,000 characters: all of them stay, and the resident is told what to do.
    const pasted = `${"Đường ngập nước sau mưa, ".repeat(199)}hết.`;
    fireEvent.change(textarea, { target: { value: pasted } });
    expect(textarea.value).toBe(pasted);
    expect(screen.getByText("4.979/2.000 ký tự (thừa 2.979)")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe(
      "Dài quá giới hạn 2.000 ký tự. Hãy rút gọn trước khi gửi.",
    );
    expect(textarea.getAttribute("aria-invalid")).toBe("true");
    await user.click(send());
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toContain(
      "Nội dung phản ánh tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại.",
    );
    expect(api.callsTo("POST /api/reports")).toHaveLength(0);
    expect(textarea.value).toBe(pasted);
  });

  it("says what the server refused in the words of its check", async () => {
    signedInResident(undefined, {
      "POST /api/reports": {
        status: 400,
        body: {
          error: "validation_failed",
          message: "Dữ liệu không hợp lệ: body.text.",
          fields: [
            { field: "body.text", message: "Nội dung phản ánh tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
          ],
        },
      },
    });
    const { user, text, send } = await openReportScreen();
    await user.type(text, "Rác chưa được thu gom");
    await user.click(send());
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Nội dung phản ánh tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại.",
    );
  });
});
