import { describe, expect, it } from "vitest";
import { ApiError } from "../services/api";
import { ZaloError } from "../services/zalo/sdk";
import { explainRefusal, messageOf } from "./error-message";

describe("messageOf", () => {
  it("shows the error's own Vietnamese message", () => {
    expect(messageOf(new ApiError("Bạn đã trả lời khảo sát này.", 409, "already_answered"))).toBe(
      "Bạn đã trả lời khảo sát này.",
    );
    expect(messageOf(new ZaloError(-201, "Bạn đã từ chối yêu cầu."))).toBe("Bạn đã từ chối yêu cầu.");
  });

  it("falls back to a readable sentence for what is not an Error", () => {
    // zmp-sdk rejects with plain objects; a string or nothing at all may be thrown too.
    const sdkRejection = { code: -2000, message: "Unknown error", api: "getAccessToken" };
    expect(messageOf(sdkRejection)).toBe("Đã có lỗi xảy ra, vui lòng thử lại.");
    expect(messageOf("boom")).toBe("Đã có lỗi xảy ra, vui lòng thử lại.");
    expect(messageOf(undefined, "Không gửi được phản ánh, vui lòng thử lại.")).toBe(
      "Không gửi được phản ánh, vui lòng thử lại.",
    );
  });
});

describe("explainRefusal", () => {
  it("says what the server's check said about the text, rather than which fields failed", () => {
    const refused = new ApiError("Dữ liệu không hợp lệ: body.text.", 400, "validation_failed", [
      { field: "body.text", message: "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
    ]);
    expect(messageOf(explainRefusal(refused))).toBe(
      "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại.",
    );
    const busy = new ApiError("Bạn thao tác quá nhanh, vui lòng thử lại sau.", 429, "too_many_requests");
    expect(explainRefusal(busy)).toBe(busy);
  });
});
