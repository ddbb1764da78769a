import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prefetchFirstScreen } from "../services/first-screen";
import { cacheFeed, rememberResident } from "../services/offline-cache";
import { deferred, fakeApi, offline, type Reply } from "../testing/fake-api";
import { fakeZmpSdk, leaveZalo, openInsideZalo } from "../testing/fake-zmp-sdk";
import { feedItem, renderApp, residentProfile, signedInResident } from "../testing/render-app";

// Inside Zalo the SDK needs Zalo's native bridge: the app gets this stand-in, its storage in a Map.
const zalo = fakeZmpSdk();
vi.mock("../services/zalo/sdk-parts", async () =>
  (await import("../testing/fake-zmp-sdk")).fakeSdkParts(() => zalo),
);
const phoneStorage = new Map<string, string>();

beforeEach(() => {
  phoneStorage.clear();
  zalo.getAccessToken.mockReset().mockResolvedValue("zalo-at-1");
  zalo.nativeStorage.getItem.mockImplementation((key) => phoneStorage.get(key) ?? null);
  zalo.nativeStorage.setItem.mockImplementation((key, value) => void phoneStorage.set(key, value));
  zalo.nativeStorage.removeItem.mockImplementation((key) => void phoneStorage.delete(key));
});
afterEach(leaveZalo);

const resident = residentProfile();
const kept = feedItem({ id: "p-old", title: "Lịch tiêm chủng tháng 6" });
const fresh = feedItem({ id: "p-new", title: "Họp tổ dân phố tối thứ Sáu" });
const session = { token: "session-token", expiresAt: "2099-01-01T00:00:00.000Z", resident };

/** What this phone kept from an earlier open: who was signed in, and their feed. */
async function keptFromEarlierOpen(personaId: string | null) {
  await rememberResident(resident, personaId);
  await cacheFeed(resident.id, "all", [kept]);
}

describe("the first screen", () => {
  it("inside Zalo, a first open signs in and shows the feed with one request", async () => {
    openInsideZalo();
    const api = fakeApi({ "POST /api/auth/zalo": { body: { ...session, feed: { items: [fresh] } } } });
    renderApp("/");
    expect(await screen.findByRole("link", { name: /Họp tổ dân phố tối thứ Sáu/ })).toBeTruthy();
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["POST /api/auth/zalo"]);
    expect(api.calls[0]?.body).toEqual({ accessToken: "zalo-at-1", feed: { limit: 20 } });
    // The next open will show this resident at once.
    await waitFor(() => expect(phoneStorage.get("loa-phuong.cache.last-resident")).toContain('"res-1"'));
  });

  it("takes what the entry module started; answers already in show in the very first render", async () => {
    const api = signedInResident(resident, { "GET /api/feed": { body: { items: [fresh] } } });
    prefetchFirstScreen(); // boot.ts, before React
    await waitFor(() => expect(api.calls).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 0));

    renderApp("/");
    // No "Đang đăng nhập…", no "Đang tải thông báo…": the first render is the resident's feed.
    expect(screen.getByRole("link", { name: /Họp tổ dân phố tối thứ Sáu/ })).toBeTruthy();
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET /api/me",
      "GET /api/feed?limit=20",
    ]);
  });

  it("on a later open shows the feed this phone kept at once, then the server's", async () => {
    await keptFromEarlierOpen("app-1");
    const me = deferred<Reply>();
    const feed = deferred<Reply>();
    signedInResident(resident, { "GET /api/me": () => me.promise, "GET /api/feed": () => feed.promise });
    renderApp("/");

    // Before the server has answered anything.
    expect(await screen.findByRole("link", { name: /Lịch tiêm chủng tháng 6/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: `Xin chào, ${resident.fullName}` })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Đang cập nhật thông báo…");

    me.resolve({ body: resident });
    feed.resolve({ body: { items: [fresh, kept] } });
    expect(await screen.findByRole("link", { name: /Họp tổ dân phố tối thứ Sáu/ })).toBeTruthy();
    expect(screen.queryByText("Đang cập nhật thông báo…")).toBeNull();
  });

  it("does not show another persona's kept feed", async () => {
    await keptFromEarlierOpen("app-2");
    const me = deferred<Reply>();
    signedInResident(resident, { "GET /api/me": () => me.promise });
    renderApp("/");
    expect(await screen.findByText("Đang đăng nhập…")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /Lịch tiêm chủng tháng 6/ })).toBeNull();
    me.resolve({ body: resident });
    expect(await screen.findByRole("heading", { name: `Xin chào, ${resident.fullName}` })).toBeTruthy();
  });

  it("inside Zalo without a network, keeps the kept feed; “Thử lại” signs in again", async () => {
    openInsideZalo();
    await keptFromEarlierOpen(null);
    let network: Reply | typeof offline = offline;
    const api = fakeApi({
      "POST /api/auth/zalo": () => (typeof network === "function" ? network() : network),
      "GET /api/feed": { body: { items: [fresh] } },
    });
    const { user } = renderApp("/");
    expect(await screen.findByText("Đang ngoại tuyến — hiển thị nội dung đã lưu")).toBeTruthy();
    expect(screen.getByRole("link", { name: /Lịch tiêm chủng tháng 6/ })).toBeTruthy();

    network = { body: { ...session, feed: { items: [] } } };
    await user.click(screen.getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("link", { name: /Họp tổ dân phố tối thứ Sáu/ })).toBeTruthy();
    expect(screen.queryByText("Đang ngoại tuyến — hiển thị nội dung đã lưu")).toBeNull();
    expect(api.callsTo("POST /api/auth/zalo")).toHaveLength(2);
  });

  it("in the demo, choosing a persona signs in with the first page in the same answer", async () => {
    const persona = { idByApp: "app-7", idByOa: "oa-7", name: resident.fullName, tags: ["Tổ dân phố số 3"] };
    const api = fakeApi({
      "GET /__sim/personas": { body: { personas: [persona] } },
      "POST /__sim/users/app-7/access-token": { body: { accessToken: "sim-at-7" } },
      "POST /api/auth/zalo": { body: { ...session, feed: { items: [fresh] } } },
    });
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: resident.fullName }));
    expect(await screen.findByRole("link", { name: /Họp tổ dân phố tối thứ Sáu/ })).toBeTruthy();
    expect(api.callsTo("POST /api/auth/zalo")[0]?.body).toEqual({
      accessToken: "sim-at-7",
      feed: { limit: 20 },
    });
    expect(api.callsTo("GET /api/feed")).toHaveLength(0);
  });
});
