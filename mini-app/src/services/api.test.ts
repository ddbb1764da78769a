import { describe, expect, it } from "vitest";
import { fakeApi, offline } from "../testing/fake-api";
import { ApiError, request } from "./api";

/** The ApiError a request ends with. */
async function failureOf(path: string): Promise<ApiError> {
  const error = await request(path).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("request", () => {
  it("calls the ward server with the session as a bearer and JSON in and out", async () => {
    const api = fakeApi({ "POST /api/reports": { status: 201, body: { id: 7 } } });
    await expect(
      request("/api/reports", { token: "t-1", method: "POST", body: { text: "Đèn đường hỏng" } }),
    ).resolves.toEqual({ id: 7 });
    const [call] = api.calls;
    expect(call?.url).toBe("/api/reports");
    expect(call?.headers.authorization).toBe("Bearer t-1");
    expect(call?.headers["content-type"]).toBe("application/json");
    expect(call?.body).toEqual({ text: "Đèn đường hỏng" });
  });

  it("shows the server's own message, else the shared table's for its code", async () => {
    fakeApi({
      "GET /api/me": { status: 409, body: { error: "onboarding_required", message: "Chọn tổ trước đã." } },
    });
    const error = await failureOf("/api/me");
    expect(error).toMatchObject({ message: "Chọn tổ trước đã.", status: 409, code: "onboarding_required" });
    // A known code sent without a message reads as the shared table says.
    fakeApi({ "GET /api/me": { status: 429, body: { error: "too_many_requests" } } });
    expect((await failureOf("/api/me")).message).toBe("Bạn thao tác quá nhanh, vui lòng thử lại sau.");
  });

  it("turns an unknown error code into a readable sentence with the status", async () => {
    fakeApi({ "GET /api/me": { status: 418, body: { error: "teapot_overheated" } } });
    const error = await failureOf("/api/me");
    expect(error.message).toBe("Máy chủ trả lỗi 418, vui lòng thử lại.");
    expect(error.code).toBeNull();
  });

  it("says the server could not be reached when the network fails", async () => {
    fakeApi({ "GET /api/me": offline });
    const error = await failureOf("/api/me");
    expect(error.status).toBe(0);
    expect(error.message).toBe("Không kết nối được máy chủ của phường, vui lòng kiểm tra mạng và thử lại.");
  });
});
