import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSdkParts, fakeZmpSdk, leaveZalo, openInsideZalo } from "../../testing/fake-zmp-sdk";

// zmp-sdk needs Zalo's native bridge: "inside Zalo" the app gets this stand-in, each part recorded
// as it is loaded.
let zalo = fakeZmpSdk();
let loaded: string[] = [];

/** A fresh sdk.ts each time (it keeps the loaded parts for the whole launch), over the stand-in. */
async function loadWrapper() {
  vi.resetModules();
  vi.doMock("./sdk-parts", () => fakeSdkParts(() => zalo, loaded));
  return import("./sdk");
}

beforeEach(() => {
  zalo = fakeZmpSdk();
  loaded = [];
});
afterEach(leaveZalo);

const openInZalo = { name: "ZaloError", code: 0, message: "Vui lòng mở Loa Phường trong ứng dụng Zalo." };

describe("zmp-sdk outside Zalo", () => {
  it("asks to open the app in Zalo, without ever loading the SDK", async () => {
    const sdk = await loadWrapper();
    await expect(sdk.getZaloAccessToken()).rejects.toMatchObject(openInZalo);
    await expect(sdk.followOA("oa-ward")).rejects.toMatchObject(openInZalo);
    await expect(sdk.interactOA("oa-ward")).rejects.toMatchObject(openInZalo);
    await expect(sdk.getPhoneNumberToken()).rejects.toMatchObject(openInZalo);
    await expect(sdk.requestNotificationPermission()).rejects.toMatchObject(openInZalo);
    await expect(sdk.chooseZaloImages(3)).rejects.toMatchObject(openInZalo);
    await expect(sdk.zaloNativeStorage()).rejects.toMatchObject(openInZalo);
    expect(loaded).toEqual([]);
  });
});

describe("zmp-sdk inside Zalo", () => {
  beforeEach(openInsideZalo);

  it("turns the SDK's plain-object rejections into Vietnamese messages", async () => {
    const sdk = await loadWrapper();
    await expect(sdk.followOA("oa-ward")).rejects.toMatchObject({
      name: "ZaloError",
      code: -2000,
      message: "Không quan tâm được Official Account, vui lòng thử lại.",
    });
    await expect(sdk.getPhoneNumberToken()).rejects.toMatchObject({
      code: -2000,
      message: "Không lấy được số điện thoại từ Zalo, vui lòng thử lại.",
    });
    expect(loaded).toEqual(["whole"]);
  });

  it("says when the resident refused, cancelled, or runs an old Zalo", async () => {
    zalo.requestSendNotification.mockRejectedValueOnce({ code: -201, message: "User denied", api: "x" });
    zalo.chooseImage.mockRejectedValueOnce({ code: -2003, message: "User cancelled", api: "x" });
    zalo.openShareSheet.mockRejectedValueOnce({ code: -1404, message: "Not supported", api: "x" });
    const sdk = await loadWrapper();
    await expect(sdk.requestNotificationPermission()).rejects.toThrow("Bạn đã từ chối yêu cầu.");
    await expect(sdk.chooseZaloImages(2)).rejects.toThrow("Bạn đã huỷ thao tác.");
    await expect(
      sdk.openShareSheet({ title: "Tin", description: "", thumbnail: "", path: "/post/1" }),
    ).rejects.toThrow("Phiên bản Zalo của bạn chưa hỗ trợ tính năng này, vui lòng cập nhật Zalo.");
  });

  it("asks Zalo to let the ward's OA message the resident, and says so plainly when refused", async () => {
    zalo.interactOA
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce({ code: -201, message: "User denied", api: "interactOA" })
      .mockRejectedValueOnce({ code: -1404, message: "Not supported", api: "interactOA" });
    const sdk = await loadWrapper();
    await expect(sdk.interactOA("oa-ward")).resolves.toBeUndefined();
    expect(zalo.interactOA).toHaveBeenCalledWith({ oaId: "oa-ward" });
    await expect(sdk.interactOA("oa-ward")).rejects.toMatchObject({
      code: -201,
      message:
        "Bạn đã từ chối trên Zalo, nên phường chưa nhắn tin cho bạn được. Bạn có thể cho phép lại sau.",
    });
    await expect(sdk.interactOA("oa-ward")).rejects.toThrow(
      "Phiên bản Zalo của bạn chưa hỗ trợ tính năng này, vui lòng cập nhật Zalo.",
    );
  });

  it("hands over Zalo's access token, and refuses an empty one", async () => {
    zalo.getAccessToken.mockResolvedValueOnce("zalo-at-1").mockResolvedValueOnce("");
    const sdk = await loadWrapper();
    await expect(sdk.getZaloAccessToken()).resolves.toBe("zalo-at-1");
    await expect(sdk.getZaloAccessToken()).rejects.toMatchObject({
      code: -1401,
      message: "Zalo chưa cấp phiên đăng nhập, vui lòng mở lại ứng dụng.",
    });
    // The first screen waits for the token's part of the SDK only, not for the whole of it.
    expect(loaded).toEqual(["token"]);
  });

  it("gives the device storage after the token's part, still without the whole SDK", async () => {
    zalo.nativeStorage.getItem.mockReturnValue("kept");
    const sdk = await loadWrapper();
    expect((await sdk.zaloNativeStorage()).getItem("k")).toBe("kept");
    await sdk.zaloNativeStorage();
    expect(loaded).toEqual(["token", "storage"]);
  });

  it("follows links that arrive while the app is open, until unsubscribed", async () => {
    const sdk = await loadWrapper();
    const opened: string[] = [];
    const off = await sdk.onZaloOpenApp((path) => opened.push(path));
    zalo.events.emit("h5.event.open.mp", { path: "/post/42?relay=r-1" });
    zalo.events.emit("h5.event.open.mp", { path: "" });
    off();
    zalo.events.emit("h5.event.open.mp", { path: "/post/43" });
    expect(opened).toEqual(["/post/42?relay=r-1"]);
  });
});
