import { describe, expect, it } from "vitest";
import { ApiError } from "../services/api";
import { ZaloError } from "../services/zalo/sdk";
import { messageOf } from "./error-message";

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
