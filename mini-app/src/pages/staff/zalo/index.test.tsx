import type { ChannelStatusList, OaConnection, WebhookHealth } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, type Reply, type Route } from "../../../testing/fake-api";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const admin = staffProfile({ id: "staff-9", username: "quantri", displayName: "Quản trị", roles: ["admin"] });
const connection: OaConnection = {
  oaId: "oa-phuong",
  connected: true,
  accessExpiresAt: "2026-12-01T02:00:00.000Z",
  refreshExpiresAt: "2027-03-01T01:00:00.000Z",
  connectedAt: "2026-12-01T01:00:00.000Z",
  updatedAt: "2026-12-01T01:00:00.000Z",
};
const health: WebhookHealth = {
  lastEventAt: null,
  eventsLastHour: 0,
  signatureFailuresLastHour: 0,
  setAside: 0,
};

type ChannelStatus = ChannelStatusList["items"][number];
const stop = { code: -211, message: "Hết hạn mức gửi tin trong ngày", stoppedAt: "2026-12-01T01:05:00.000Z" };
const channel = (overrides: Partial<ChannelStatus> & Pick<ChannelStatus, "channel">): ChannelStatus => ({
  enabled: true,
  priceVnd: 0,
  quotaLeft: null,
  stop: null,
  ...overrides,
});
// In the server's order but shuffled: the screen sorts them.
const channels: ChannelStatusList = {
  items: [
    channel({ channel: "template", priceVnd: 200, quotaLeft: 0, stop }),
    channel({ channel: "oa", priceVnd: 110 }),
    channel({ channel: "article", enabled: false }),
    channel({ channel: "notification", priceVnd: 0, quotaLeft: 1500 }),
    channel({ channel: "zbs_phone", enabled: false, priceVnd: 300, quotaLeft: 0 }),
  ],
};
const reopened: ChannelStatusList = {
  items: channels.items.map((item) => (item.channel === "template" ? { ...item, stop: null } : item)),
};

function signedInAdmin(routes: Record<string, Route> = {}) {
  return signedInStaff(admin, {
    "GET /api/admin/zalo/connection": { body: connection },
    "GET /api/admin/zalo/webhook": { body: health },
    "GET /api/admin/zalo/channels": { body: channels },
    ...routes,
  });
}

/** The "Kênh gửi tin" list once loaded, and one channel's row in it by its name. */
async function openChannels() {
  const rendered = renderApp("/staff/zalo");
  const list = await screen.findByRole("list", { name: "Kênh gửi tin" });
  const row = (name: string) => {
    const item = within(list)
      .getAllByRole("listitem")
      .find((li) => within(li).queryByText(name) !== null);
    if (!item) throw new Error(`no row for ${name}`);
    return item;
  };
  return { ...rendered, list, row };
}

describe("Push channels on Kết nối Zalo OA (Kênh gửi tin)", () => {
  it("lists each channel: in use, not configured (and what is missing), stopped by Zalo", async () => {
    signedInAdmin();
    const { list, row } = await openChannels();
    expect(screen.getByRole("heading", { level: 2, name: "Kênh gửi tin" })).toBeTruthy();
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.querySelector(".staff-row-title")?.textContent),
    ).toEqual([
      "Tin tư vấn OA",
      "Bài viết OA (gửi mọi người quan tâm)",
      "Thông báo Mini App",
      "Tin ZBS theo Zalo",
      "Tin ZBS theo số điện thoại",
    ]);

    const oa = row("Tin tư vấn OA");
    expect(within(oa).getByText("Đang dùng")).toBeTruthy();
    expect(within(oa).getByText("Giá mỗi tin: miễn phí trong 48 giờ, sau đó 110 đ/tin")).toBeTruthy();
    expect(within(oa).getByText("Hạn mức còn hôm nay: không giới hạn")).toBeTruthy();
    expect(within(oa).queryByRole("button")).toBeNull();

    const article = row("Bài viết OA (gửi mọi người quan tâm)");
    expect(within(article).getByText("Chưa cấu hình")).toBeTruthy();
    expect(within(article).getByText("cần bật CHANNEL_ARTICLE_ENABLED")).toBeTruthy();
    expect(within(article).getByText("Giá mỗi tin: miễn phí")).toBeTruthy();

    const notification = row("Thông báo Mini App");
    expect(within(notification).getByText("Đang dùng")).toBeTruthy();
    expect(within(notification).getByText("Hạn mức còn hôm nay: 1.500 tin")).toBeTruthy();

    const phone = row("Tin ZBS theo số điện thoại");
    expect(within(phone).getByText("Chưa cấu hình")).toBeTruthy();
    expect(within(phone).getByText("cần đặt ZALO_ZBS_PHONE_TEMPLATE_ID")).toBeTruthy();
    expect(within(phone).getByText("Giá mỗi tin: 300 đ/tin")).toBeTruthy();

    const template = row("Tin ZBS theo Zalo");
    expect(within(template).getByText("Đã dừng")).toBeTruthy();
    expect(within(template).getByText("Hạn mức còn hôm nay: 0 tin")).toBeTruthy();
    // The stop in ward time, dd/mm/yyyy HH:mm, with Zalo's code and message.
    expect(template.querySelector(".channel-stop")?.textContent).toBe(
      "Zalo đã dừng kênh này từ 01/12/2026 08:05 (mã -211: Hết hạn mức gửi tin trong ngày)",
    );
    expect(within(template).getByRole("button", { name: "Mở lại kênh Tin ZBS theo Zalo" })).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Mở lại kênh/ })).toHaveLength(1);
  });

  it("reopens a stopped channel, then shows the channels as the server now has them", async () => {
    const answer = deferred<Reply>();
    const server = signedInAdmin({ "POST /api/admin/zalo/channels/template/resume": () => answer.promise });
    const { user, row } = await openChannels();
    const resume = () =>
      within(row("Tin ZBS theo Zalo")).getByRole<HTMLButtonElement>("button", {
        name: "Mở lại kênh Tin ZBS theo Zalo",
      });
    await user.click(resume());
    expect(server.callsTo("POST /api/admin/zalo/channels/template/resume")).toHaveLength(1);
    await waitFor(() => expect(resume().disabled).toBe(true));

    answer.resolve({ body: reopened });
    const template = row("Tin ZBS theo Zalo");
    expect((await within(template).findByRole("status")).textContent).toBe(
      "Đã mở lại kênh. Bấm “Tiếp tục” ở các đợt gửi đang tạm dừng.",
    );
    expect(within(template).getByText("Đang dùng")).toBeTruthy();
    expect(template.querySelector(".channel-stop")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Mở lại kênh/ })).toBeNull();
    // The answer is the new list: nothing is fetched again.
    expect(server.callsTo("GET /api/admin/zalo/channels")).toHaveLength(1);
  });

  it("shows why a channel could not be reopened, and lets the admin try again", async () => {
    signedInAdmin({
      "POST /api/admin/zalo/channels/template/resume": {
        status: 409,
        body: { error: "conflict", message: "Zalo vẫn báo hết hạn mức, vui lòng thử lại sau." },
      },
    });
    const { user, row } = await openChannels();
    const template = row("Tin ZBS theo Zalo");
    await user.click(within(template).getByRole("button", { name: "Mở lại kênh Tin ZBS theo Zalo" }));
    expect((await within(template).findByRole("alert")).textContent).toBe(
      "Zalo vẫn báo hết hạn mức, vui lòng thử lại sau.",
    );
    expect(within(template).queryByRole("status")).toBeNull();
    expect(template.querySelector(".channel-stop")).not.toBeNull();
    expect(
      within(template).getByRole<HTMLButtonElement>("button", { name: "Mở lại kênh Tin ZBS theo Zalo" })
        .disabled,
    ).toBe(false);
  });

  it("offers “Thử lại” when the channels cannot be loaded", async () => {
    const server = signedInAdmin({
      "GET /api/admin/zalo/channels": { status: 500, body: { error: "internal", message: "Máy chủ lỗi." } },
    });
    const { user } = renderApp("/staff/zalo");
    const section = (await screen.findByRole("heading", { name: "Kênh gửi tin" })).closest("section");
    if (!section) throw new Error("no section");
    expect(await within(section).findByText("Máy chủ lỗi.")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Thử lại" }));
    await waitFor(() => expect(server.callsTo("GET /api/admin/zalo/channels")).toHaveLength(2));
  });

  it("asks nothing about channels for a staff member who is not an admin", async () => {
    const server = signedInStaff(staffProfile({ roles: ["editor"] }), {});
    renderApp("/staff/zalo");
    expect(await screen.findByText("Chỉ quản trị viên xem được mục này.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Kênh gửi tin" })).toBeNull();
    expect(server.callsTo("GET /api/admin/zalo/channels")).toHaveLength(0);
  });
});
