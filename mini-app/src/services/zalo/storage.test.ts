import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeZmpSdk, leaveZalo, openInsideZalo } from "../../testing/fake-zmp-sdk";
import { readStored, readStoredNow, removeStored, writeStored, writeStoredNow } from "./storage";

// Inside Zalo the storage is the SDK's nativeStorage, which needs Zalo's bridge: a stand-in.
const zalo = fakeZmpSdk();
vi.mock("./sdk-parts", async () => (await import("../../testing/fake-zmp-sdk")).fakeSdkParts(() => zalo));

afterEach(leaveZalo);

describe("storage in a browser", () => {
  it("keeps values in localStorage as JSON", async () => {
    await writeStored("loa-phuong.cache.res-1.posts", ["p-1", "p-2"]);
    expect(window.localStorage.getItem("loa-phuong.cache.res-1.posts")).toBe('["p-1","p-2"]');
    await expect(readStored("loa-phuong.cache.res-1.posts")).resolves.toEqual(["p-1", "p-2"]);
    await removeStored("loa-phuong.cache.res-1.posts");
    await expect(readStored("loa-phuong.cache.res-1.posts")).resolves.toBeNull();
    // A garbled value (an older build, a write cut short) is absent too.
    window.localStorage.setItem("cut-short", '{"data": [');
    await expect(readStored("cut-short")).resolves.toBeNull();
  });

  it("drops a write when the storage is full, without failing the screen", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await expect(writeStored("loa-phuong.cache.res-1.feed.all", { data: [] })).resolves.toBeUndefined();
    await expect(readStored("loa-phuong.cache.res-1.feed.all")).resolves.toBeNull();
    expect(() => writeStoredNow("loa-phuong.large-text", "1")).not.toThrow();
  });

  it("reads and writes at once for the first paint; null removes", () => {
    writeStoredNow("loa-phuong.large-text", "1");
    expect(readStoredNow("loa-phuong.large-text")).toBe("1");
    writeStoredNow("loa-phuong.large-text", null);
    expect(readStoredNow("loa-phuong.large-text")).toBeNull();
  });
});

describe("storage inside Zalo", () => {
  it("uses Zalo's nativeStorage, not localStorage", async () => {
    openInsideZalo();
    zalo.nativeStorage.getItem.mockReturnValueOnce('{"savedAt":"2026-06-01T01:00:00.000Z"}');
    await writeStored("k", { a: 1 });
    expect(zalo.nativeStorage.setItem).toHaveBeenCalledWith("k", '{"a":1}');
    await expect(readStored("k")).resolves.toEqual({ savedAt: "2026-06-01T01:00:00.000Z" });
    expect(window.localStorage.length).toBe(0);
    // Nothing to read at once there: the first paint waits for sign-in.
    window.localStorage.setItem("loa-phuong.large-text", "1");
    expect(readStoredNow("loa-phuong.large-text")).toBeNull();
  });

  it("reads nothing and drops writes when this Zalo has no nativeStorage", async () => {
    openInsideZalo();
    const unsupported = { code: -1404, message: "This API is not supported in this version of Zalo" };
    zalo.nativeStorage.getItem.mockImplementationOnce(() => {
      throw unsupported;
    });
    zalo.nativeStorage.setItem.mockImplementationOnce(() => {
      throw unsupported;
    });
    await expect(readStored("k")).resolves.toBeNull();
    await expect(writeStored("k", 1)).resolves.toBeUndefined();
  });
});
