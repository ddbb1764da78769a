import type { ResidentProfile } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, type Route } from "../../testing/fake-api";
import { fakeZmpSdk, leaveZalo, openInsideZalo } from "../../testing/fake-zmp-sdk";
import { renderApp, residentProfile, signedInResident } from "../../testing/render-app";

// Inside Zalo the SDK needs Zalo's native bridge: the app gets this stand-in instead.
const zalo = fakeZmpSdk();
vi.mock("../../services/zalo/sdk-parts", async () =>
  (await import("../../testing/fake-zmp-sdk")).fakeSdkParts(() => zalo),
);

beforeEach(() => {
  zalo.getAccessToken.mockReset().mockResolvedValue("zalo-at-1");
  zalo.interactOA.mockReset().mockResolvedValue(undefined);
  zalo.requestSendNotification.mockReset().mockResolvedValue(undefined);
});
afterEach(leaveZalo);

/** The resident opens "Cá nhân" inside Zalo: Zalo signs them in, the ward server answers with `resident`. */
function openProfileInZalo(resident: ResidentProfile, routes: Record<string, Route> = {}) {
  openInsideZalo();
  const api = fakeApi({
    "POST /api/auth/zalo": {
      body: { token: "session-token", expiresAt: "2099-01-01T00:00:00.000Z", resident },
    },
    ...routes,
  });
  return { api, ...renderApp("/profile") };
}

const card = (name: string) => screen.findByRole("region", { name });
const oaCard = () => card("Cho phép phường nhắn tin cho tôi");

describe("“Cho phép phường nhắn tin cho tôi”", () => {
  it("inside Zalo asks Zalo with the ward's OA, then the ward server, and shows until when", async () => {
    const resident = residentProfile();
    const order: string[] = [];
    zalo.interactOA.mockImplementation(async () => void order.push("zalo"));
    const { api, user } = openProfileInZalo(resident, {
      "POST /api/me/oa-interaction": () => {
        order.push("server");
        return { body: { ...resident, oaMessagingUntil: "2026-06-08T17:30:00.000Z" } };
      },
    });
    const region = await oaCard();
    expect(region.textContent).toContain(
      "Zalo chỉ cho phường nhắn tin cho bạn trong 7 ngày sau lần cuối bạn tương tác với OA của phường.",
    );
    await user.click(within(region).getByRole("button", { name: "Cho phép phường nhắn tin" }));

    // 17:30 UTC on 8 June is already 9 June in the ward (UTC+7).
    expect(
      await within(region).findByText("Phường có thể nhắn tin cho bạn qua Zalo OA đến 09/06/2026."),
    ).toBeTruthy();
    expect(zalo.interactOA).toHaveBeenCalledWith({ oaId: "oa-ward" });
    expect(order).toEqual(["zalo", "server"]);
    const [call] = api.callsTo("POST /api/me/oa-interaction");
    expect(call?.headers.authorization).toBe("Bearer session-token");
    expect(call?.body).toBeUndefined();
    expect(within(region).queryByRole("button")).toBeNull();
  });

  it("says plainly when the resident refused in Zalo's prompt (-201), and tells the server nothing", async () => {
    zalo.interactOA.mockRejectedValue({ code: -201, message: "User denied", api: "interactOA" });
    const { api, user } = openProfileInZalo(residentProfile());
    const region = await oaCard();
    await user.click(within(region).getByRole("button", { name: "Cho phép phường nhắn tin" }));
    expect((await within(region).findByRole("alert")).textContent).toBe(
      "Bạn đã từ chối trên Zalo, nên phường chưa nhắn tin cho bạn được. Bạn có thể cho phép lại sau.",
    );
    expect(api.callsTo("POST /api/me/oa-interaction")).toHaveLength(0);
    expect(within(region).getByRole("button", { name: "Cho phép phường nhắn tin" })).toBeTruthy();
  });

  it("in the demo, interacts through the simulator for the persona", async () => {
    const resident = residentProfile();
    const api = signedInResident(resident, {
      "POST /__sim/users/app-1/interact-oa": { status: 204 },
      "POST /api/me/oa-interaction": { body: { ...resident, oaMessagingUntil: "2026-06-08T03:00:00.000Z" } },
    });
    const { user } = renderApp("/profile");
    const region = await oaCard();
    await user.click(within(region).getByRole("button", { name: "Cho phép phường nhắn tin" }));
    await within(region).findByText("Phường có thể nhắn tin cho bạn qua Zalo OA đến 08/06/2026.");
    expect(api.calls.map((call) => `${call.origin} ${call.method} ${call.path}`)).toEqual(
      expect.arrayContaining([
        "http://sim.test POST /__sim/users/app-1/interact-oa",
        "http://ward.test POST /api/me/oa-interaction",
      ]),
    );
    expect(zalo.interactOA).not.toHaveBeenCalled();
  });

  it("is not offered while the OA may already message the resident", async () => {
    signedInResident(residentProfile({ oaMessagingUntil: "2026-06-08T03:00:00.000Z" }));
    renderApp("/profile");
    await card("Nhận thông báo");
    expect(screen.queryByRole("region", { name: "Cho phép phường nhắn tin cho tôi" })).toBeNull();
  });
});

describe("“Nhận thông báo”", () => {
  it("says what happens, and in the demo tells the simulator both ways", async () => {
    const resident = residentProfile({ oaMessagingUntil: "2026-06-08T03:00:00.000Z" });
    const api = signedInResident(resident, {
      "POST /__sim/users/app-1/allow-notifications": { body: {} },
      "PUT /api/me/preferences": (call) => ({
        body: { ...resident, ...(call.body as Partial<ResidentProfile>) },
      }),
    });
    const { user } = renderApp("/profile");
    const region = await card("Nhận thông báo");
    expect(region.textContent).toContain(
      "Khi phường đăng thông báo quan trọng, Loa Phường sẽ gửi bạn một thông báo trên Zalo. " +
        "Chạm vào thông báo để đọc bài.",
    );
    expect(region.textContent).not.toContain("trả lời câu hỏi");

    await user.click(within(region).getByRole("button", { name: "Cho phép nhận thông báo" }));
    await within(region).findByText("Bạn sẽ nhận thông báo trên Zalo khi phường có thông báo quan trọng.");
    await user.click(within(region).getByRole("button", { name: "Tắt thông báo" }));
    await within(region).findByRole("button", { name: "Cho phép nhận thông báo" });

    const simCalls = api.callsTo("POST /__sim/users/app-1/allow-notifications");
    expect(simCalls.map((call) => [call.origin, call.body])).toEqual([
      ["http://sim.test", { allowed: true }],
      ["http://sim.test", { allowed: false }],
    ]);
    expect(api.callsTo("PUT /api/me/preferences").map((call) => call.body)).toEqual([
      { notificationsAllowed: true },
      { notificationsAllowed: false },
    ]);
    // The simulator hears of the choice before the ward server records it.
    const paths = api.calls.map((call) => call.path);
    expect(paths.indexOf("/__sim/users/app-1/allow-notifications")).toBeLessThan(
      paths.indexOf("/api/me/preferences"),
    );
  });

  it("inside Zalo asks Zalo's permission first, and never calls the simulator", async () => {
    const resident = residentProfile({ oaMessagingUntil: "2026-06-08T03:00:00.000Z" });
    const { api, user } = openProfileInZalo(resident, {
      "PUT /api/me/preferences": { body: { ...resident, notificationsAllowed: true } },
    });
    const region = await card("Nhận thông báo");
    await user.click(within(region).getByRole("button", { name: "Cho phép nhận thông báo" }));
    await within(region).findByRole("button", { name: "Tắt thông báo" });
    expect(zalo.requestSendNotification).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.callsTo("PUT /api/me/preferences")).toHaveLength(1));
    expect(api.calls.some((call) => call.origin === "http://sim.test")).toBe(false);
  });
});
