import type { BroadcastListItem, ChannelPlan, Post } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ApiCall } from "../../../testing/fake-api";
import { renderApp, signedInStaff } from "../../../testing/render-app";
import { staffPost } from "../../../testing/staff-fixtures";

const approved = staffPost({ status: "approved", approvedVersion: 1, version: 1 });
const groups = {
  items: [{ id: "g-3", code: "TDP03", name: "Tổ dân phố số 3", area: null, members: 52 }],
};

type PlannedChannel = ChannelPlan["channels"][number];
const channel = (overrides: Partial<PlannedChannel> & Pick<PlannedChannel, "channel">): PlannedChannel => ({
  residents: 0,
  costVnd: 0,
  quotaLeft: null,
  enabled: true,
  stopped: false,
  paid: false,
  ...overrides,
});

function plan(overrides: Partial<ChannelPlan> = {}): ChannelPlan {
  return {
    recipients: 1234,
    byChannel: { oa: 800, zbs_phone: 100, relay: 200, feed: 122 },
    unreachable: [
      { reason: "not_follower", count: 12 },
      { reason: "budget", count: 0 },
    ],
    notPushed: [{ reason: "outside_interaction_window", count: 300 }],
    channels: [
      channel({ channel: "oa", residents: 800 }),
      // Nobody on it, configured and running: left out.
      channel({ channel: "article", residents: 0, quotaLeft: 3 }),
      channel({ channel: "notification", enabled: false }),
      channel({ channel: "template", paid: true, stopped: true, quotaLeft: 0 }),
      channel({ channel: "zbs_phone", residents: 100, costVnd: 30_000, paid: true, quotaLeft: 4900 }),
      channel({ channel: "relay", residents: 200 }),
      channel({ channel: "feed", residents: 122 }),
    ],
    costVnd: 30_000,
    escalation: null,
    budgetVnd: null,
    excludePaidChannels: false,
    ...overrides,
  };
}

/** An editor opens "Lên lịch gửi" for an approved post; the plan answers as `answer` says. */
async function openComposer(
  post: Post = approved,
  answer: (call: ApiCall) => ChannelPlan = () => plan(),
  earlier: BroadcastListItem[] = [],
) {
  const api = signedInStaff(undefined, {
    [`GET /api/posts/${post.id}`]: { body: post },
    "GET /api/broadcasts": { body: { items: earlier } },
    "GET /api/residential-groups": { body: groups },
    "GET /api/schools": { body: { items: [] } },
    "POST /api/audiences/plan": (call) => ({ body: answer(call) }),
    "POST /api/broadcasts": {
      status: 201,
      body: { id: "b-1", postId: post.id, status: "scheduled", costVnd: 0, budgetVnd: null },
    },
  });
  const app = renderApp(`/staff/posts/${post.id}/broadcast`);
  await screen.findByRole("heading", { name: `Lên lịch gửi: ${post.title}`, level: 1 });
  await app.user.click(screen.getByRole("radio", { name: "Cả phường" }));
  const panel = screen.getByRole("region", { name: "Kế hoạch kênh gửi" });
  const settled = async () => {
    await waitFor(() => expect(within(panel).getByRole("status").getAttribute("aria-busy")).toBe("false"));
    return within(panel).getByRole("status");
  };
  const planCalls = () => api.callsTo("POST /api/audiences/plan");
  return { ...app, api, panel, settled, planCalls };
}

const rowsOf = (panel: HTMLElement) =>
  within(within(panel).getByRole("table", { name: "Số người nhận, chi phí và hạn mức theo kênh" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));

describe("the channel plan of a broadcast (Kế hoạch kênh gửi)", () => {
  it("shows each channel's residents, cost and quota, the total cost, and who nothing reaches", async () => {
    const { panel, settled, planCalls } = await openComposer();
    const status = await settled();
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toContain("Người nhận: 1.234");
    expect(rowsOf(panel)).toEqual([
      ["Tin tư vấn OA", "800", "miễn phí", "không giới hạn", "hoạt động"],
      ["Thông báo Mini App", "0", "miễn phí", "không giới hạn", "chưa cấu hình"],
      ["Tin ZBS theo Zalo", "0", "0 đ", "0", "đã dừng"],
      ["Tin ZBS theo số điện thoại", "100", "30.000 đ", "4.900", "hoạt động"],
      ["Tổ trưởng chuyển tiếp", "200", "miễn phí", "không giới hạn", "hoạt động"],
      ["Chỉ trong Mini App", "122", "miễn phí", "không giới hạn", "hoạt động"],
    ]);
    expect(within(panel).getByText(/^Chi phí ước tính:/).textContent).toBe("Chi phí ước tính: 30.000 đ");
    const unreachable = within(panel).getByRole("list", { name: "Không kênh nào tới được: 12 người" });
    expect(
      within(unreachable)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["chưa quan tâm OA: 12"]);
    const notPushed = within(panel).getByRole("list", { name: /^Không nhận tin trên Zalo/ });
    expect(notPushed.textContent).toBe("quá 7 ngày không tương tác với OA: 300");
    // A non-urgent post: nobody is escalated by phone.
    expect(status.textContent).not.toContain("Sau ");
    expect(planCalls()[0]?.body).toEqual({
      audience: { include: [{ wholeWard: true }], exclude: [] },
      isUrgent: false,
      budgetVnd: null,
      excludePaidChannels: false,
    });
  });

  it("tells an urgent post's escalation by phone", async () => {
    const urgent = staffPost({ status: "approved", approvedVersion: 1, version: 1, isUrgent: true });
    const { settled, planCalls } = await openComposer(urgent, () =>
      plan({ escalation: { afterMinutes: 30, residents: 1500, maxCostVnd: 450_000 } }),
    );
    expect((await settled()).textContent).toContain(
      "Sau 30 phút, ai chưa xem sẽ nhận tin ZBS qua số điện thoại: tối đa 1.500 người, tối đa 450.000 đ",
    );
    expect(planCalls()[0]?.body).toMatchObject({ isUrgent: true });
  });

  it("refuses a budget that is not digits, then plans with the budget typed right", async () => {
    const { user, settled, planCalls } = await openComposer(approved, (call) =>
      plan({ budgetVnd: (call.body as { budgetVnd: number | null }).budgetVnd }),
    );
    await settled();
    const budget = screen.getByRole("textbox", { name: "Ngân sách tối đa (đ)" });
    const send = () => screen.getByRole<HTMLButtonElement>("button", { name: "Xác nhận gửi" });
    expect(send().disabled).toBe(false);

    await user.type(budget, "50.000");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Ngân sách chỉ gồm chữ số, không có dấu chấm hay chữ, ví dụ 50000. Để trống nếu không giới hạn.",
    );
    expect(budget.getAttribute("aria-invalid")).toBe("true");
    expect(send().disabled).toBe(true);
    expect(
      within(screen.getByRole("region", { name: "Kế hoạch kênh gửi" })).getByRole("status").textContent,
    ).toBe("Sửa ngân sách tối đa để xem kế hoạch kênh gửi.");

    await user.clear(budget);
    await user.type(budget, "50000");
    expect(screen.queryByRole("alert")).toBeNull();
    expect((await settled()).textContent).toContain("Chi phí ước tính: 30.000 đ (ngân sách tối đa 50.000 đ)");
    expect(planCalls().at(-1)?.body).toMatchObject({ budgetVnd: 50_000, excludePaidChannels: false });
    // Only budgets the server can take were ever planned with: none while the field was wrong.
    const planned = planCalls().map((call) => (call.body as { budgetVnd: unknown }).budgetVnd);
    expect(planned.every((value) => value === null || Number.isInteger(value))).toBe(true);
    expect(send().disabled).toBe(false);
  });

  it("plans and sends without paid channels when “Không dùng kênh trả phí” is ticked", async () => {
    const { user, api, settled, planCalls } = await openComposer(approved, (call) =>
      (call.body as { excludePaidChannels: boolean }).excludePaidChannels
        ? plan({ excludePaidChannels: true, costVnd: 0 })
        : plan(),
    );
    await settled();
    await user.type(screen.getByRole("textbox", { name: "Ngân sách tối đa (đ)" }), "20000");
    await user.click(screen.getByRole("checkbox", { name: "Không dùng kênh trả phí" }));
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Ngân sách tối đa (đ)" }).disabled).toBe(
      true,
    );
    await waitFor(() =>
      expect(planCalls().at(-1)?.body).toMatchObject({ excludePaidChannels: true, budgetVnd: null }),
    );
    expect((await settled()).textContent).toContain("Chi phí ước tính: 0 đ (không dùng kênh trả phí)");

    await user.click(screen.getByRole("button", { name: "Xác nhận gửi" }));
    await waitFor(() => expect(api.callsTo("POST /api/broadcasts")).toHaveLength(1));
    expect(api.callsTo("POST /api/broadcasts")[0]?.body).toEqual({
      postId: approved.id,
      audience: { include: [{ wholeWard: true }], exclude: [] },
      budgetVnd: null,
      excludePaidChannels: true,
    });
  });
});

describe("a post already sent, or going out (Lên lịch gửi again)", () => {
  const sent = staffPost({ status: "sent", approvedVersion: 1, version: 1 });
  const earlier = (overrides: Partial<BroadcastListItem>): BroadcastListItem => ({
    id: "b-1",
    postId: sent.id,
    postTitle: sent.title,
    status: "sent",
    audience: { include: [{ wholeWard: true }], exclude: [] },
    // 14:46 ward time.
    scheduledAt: "2026-06-01T07:46:00.000Z",
    startedAt: "2026-06-01T07:46:00.000Z",
    finishedAt: "2026-06-01T07:47:00.000Z",
    recipientCount: 480,
    counts: {},
    budgetVnd: null,
    excludePaidChannels: false,
    costVnd: 0,
    ...overrides,
  });

  it("lists when it went and to whom, and warns before sending it to the same people again", async () => {
    const { api, user } = await openComposer(sent, () => plan(), [earlier({})]);
    const section = screen.getByRole("region", { name: "Bài này đã được gửi" });
    expect(within(section).getByRole("listitem").textContent).toBe(
      "Đã gửi xong Tới Cả phường, gửi lúc 14:46 01/06/2026 (480 người nhận). Xem đợt gửi",
    );
    expect(within(section).getByRole("link", { name: "Xem đợt gửi" }).getAttribute("href")).toMatch(
      /\/staff\/broadcasts\/b-1$/,
    );
    const warning = screen.getByRole("note", { name: "Đã gửi cho những người nhận này" });
    expect(warning.textContent).toBe(
      "Những người nhận này đã được gửi bài này (gửi lúc 14:46 01/06/2026). Xem đợt gửi đó" +
        "Xác nhận sẽ gửi cho họ thêm một lần nữa.",
    );
    // A re-send is the officer's call: allowed, after the warning.
    await user.click(screen.getByRole("button", { name: "Xác nhận gửi" }));
    await waitFor(() => expect(api.callsTo("POST /api/broadcasts")).toHaveLength(1));
  });

  it("says a broadcast is going out right now and links to it; other people get no warning", async () => {
    const sending = earlier({ id: "b-2", status: "sending", finishedAt: null, recipientCount: null });
    const { user } = await openComposer(sent, () => plan(), [sending, earlier({ status: "cancelled" })]);
    const section = screen.getByRole("region", { name: "Bài này đang có đợt gửi chưa xong" });
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Đang gửi Tới Cả phường, đang gửi từ 14:46 01/06/2026. Xem đợt gửi"]);
    const warning = screen.getByRole("note", { name: "Đã gửi cho những người nhận này" });
    expect(warning.textContent).toContain(
      "Bài này đang có đợt gửi cho đúng những người nhận này (đang gửi từ 14:46 01/06/2026).",
    );
    expect(warning.textContent).toContain("hãy hủy đợt chưa xong thay vì tạo thêm");
    expect(within(warning).getByRole("link", { name: "Xem đợt đang gửi" }).getAttribute("href")).toMatch(
      /\/staff\/broadcasts\/b-2$/,
    );
    await user.click(screen.getByRole("radio", { name: "Chọn tổ dân phố" }));
    const picker = screen.getByRole("group", { name: "Tổ dân phố nhận tin" });
    await user.click(within(picker).getByRole("checkbox", { name: /^Tổ dân phố số 3/ }));
    expect(screen.queryByRole("note", { name: "Đã gửi cho những người nhận này" })).toBeNull();
  });
});
