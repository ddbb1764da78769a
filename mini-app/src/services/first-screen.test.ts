import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferred, fakeApi } from "../testing/fake-api";
import { fakeZmpSdk, leaveZalo, openInsideZalo } from "../testing/fake-zmp-sdk";
import { feedItem, residentProfile } from "../testing/render-app";
import { rememberResident } from "./offline-cache";
import { saveSession } from "./saved-session";

// Inside Zalo the token comes from zmp-sdk, which needs Zalo's native bridge: a stand-in.
const zalo = fakeZmpSdk();
vi.mock("./zalo/sdk-parts", async () => (await import("../testing/fake-zmp-sdk")).fakeSdkParts(() => zalo));

/** first-screen.ts keeps what the entry started for the whole page load: a fresh one per test. */
async function loadFirstScreen() {
  vi.resetModules();
  return import("./first-screen");
}

const resident = residentProfile();
const post = feedItem();
const persona = { idByApp: "app-1", idByOa: "oa-1", name: resident.fullName, residentialGroupName: null };

beforeEach(() => {
  zalo.getAccessToken.mockReset().mockResolvedValue("zalo-at-1");
});
afterEach(leaveZalo);

describe("the first screen's requests, started by the entry before React renders", () => {
  it("inside Zalo, trade the token for the session, profile and first page in one request", async () => {
    openInsideZalo();
    const api = fakeApi({
      "POST /api/auth/zalo": {
        body: {
          token: "session-1",
          expiresAt: "2099-01-01T00:00:00.000Z",
          resident,
          feed: { items: [post] },
        },
      },
    });
    const firstScreen = await loadFirstScreen();
    firstScreen.prefetchFirstScreen();
    const launch = firstScreen.takeLaunch();
    if (launch.kind !== "signing-in") throw new Error(`not signing in: ${launch.kind}`);

    await expect(launch.signIn).resolves.toEqual({
      token: "session-1",
      expiresAt: "2099-01-01T00:00:00.000Z",
      resident,
      persona: null,
    });
    await expect(launch.feed).resolves.toEqual({ residentId: "res-1", items: [post] });
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual(["POST /api/auth/zalo"]);
    expect(api.calls[0]?.body).toEqual({ accessToken: "zalo-at-1", feed: { limit: 20 } });
  });

  it("in the demo, check the saved session and ask for the first page at the same time", async () => {
    saveSession({ token: "session-1", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), persona });
    const me = deferred<{ body: unknown }>();
    const api = fakeApi({
      "GET /api/me": () => me.promise,
      "GET /api/feed": { body: { items: [post] } },
    });
    const firstScreen = await loadFirstScreen();
    firstScreen.prefetchFirstScreen();

    // Both went out at once, before anyone asked: the entry module runs before React.
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET /api/me",
      "GET /api/feed?limit=20",
    ]);
    expect(api.calls.every((call) => call.headers.authorization === "Bearer session-1")).toBe(true);
    const launch = firstScreen.takeLaunch();
    if (launch.kind !== "signing-in") throw new Error(`not signing in: ${launch.kind}`);
    expect(launch.persona).toEqual(persona);
    me.resolve({ body: resident });
    await expect(launch.signIn).resolves.toMatchObject({ token: "session-1", resident, persona });
    expect(api.calls).toHaveLength(2);

    // The session takes the entry's launch once; a retry asks again.
    const retry = firstScreen.takeLaunch();
    expect(retry).not.toBe(launch);
    expect(api.callsTo("GET /api/me")).toHaveLength(2);
  });

  it("in the demo without a saved persona, ask nothing: the picker comes first", async () => {
    const api = fakeApi({});
    const firstScreen = await loadFirstScreen();
    firstScreen.prefetchFirstScreen();
    expect(firstScreen.takeLaunch()).toEqual({ kind: "choosing-persona" });
    expect(api.calls).toEqual([]);
  });

  it("on the staff screens, start no resident's sign-in", async () => {
    openInsideZalo();
    const api = fakeApi({});
    window.history.replaceState(null, "", "/zapps/3000000000000000003/staff/review");
    const firstScreen = await loadFirstScreen();
    firstScreen.prefetchFirstScreen();
    expect(firstScreen.peekLaunch()).toBeNull();
    expect(zalo.getAccessToken).not.toHaveBeenCalled();
    expect(api.calls).toEqual([]);
  });

  it("reads who this phone showed last, for the same persona only", async () => {
    saveSession({ token: "session-1", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), persona });
    fakeApi({ "GET /api/me": { body: resident }, "GET /api/feed": { body: { items: [] } } });
    await rememberResident(resident, "app-1");
    const firstScreen = await loadFirstScreen();
    const launch = firstScreen.takeLaunch();
    if (launch.kind !== "signing-in") throw new Error(`not signing in: ${launch.kind}`);
    await expect(launch.lastResident).resolves.toEqual(resident);

    await rememberResident(resident, "app-2");
    const other = firstScreen.takeLaunch();
    if (other.kind !== "signing-in") throw new Error(`not signing in: ${other.kind}`);
    await expect(other.lastResident).resolves.toBeNull();
  });
});

describe("the first page of the feed, handed from the sign-in to the feed", () => {
  it("is taken once, at once when it has arrived, and only by the resident it belongs to", async () => {
    const firstScreen = await loadFirstScreen();
    const page = deferred<{ residentId: string; items: (typeof post)[] | null }>();
    firstScreen.offerFirstFeed(page.promise);
    // Still on its way: the sign-in's promise, whose answer names the resident.
    expect(firstScreen.takeFirstFeed("res-1")).toEqual({ feed: page.promise });
    expect(firstScreen.takeFirstFeed("res-1")).toBeNull();

    const arrived = Promise.resolve({ residentId: "res-1", items: [post] });
    firstScreen.offerFirstFeed(arrived);
    await arrived;
    expect(firstScreen.takeFirstFeed("res-1")).toEqual({ arrived: [post] });

    firstScreen.offerFirstFeed(arrived);
    await arrived;
    // Someone else's page (another Zalo account signed in on this phone) is not shown.
    expect(firstScreen.takeFirstFeed("res-2")).toBeNull();
  });
});
