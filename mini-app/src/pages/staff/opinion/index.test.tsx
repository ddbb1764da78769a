import type { OpinionDashboard } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const zero = { negative: 0, neutral: 0, positive: 0 };
const dates = ["18/10/2025", "19/10/2025", "20/10/2025"];

const dashboard = (overrides: Partial<OpinionDashboard> = {}): OpinionDashboard => ({
  dates,
  from: "2025-10-17T17:00:00.000Z",
  to: "2025-10-20T05:00:00.000Z",
  totals: { messages: 40, labelled: 40, toxic: 2, toxicShare: 0.05 },
  byTheme: [
    {
      key: "t-1",
      label: "Ngập úng",
      total: 30,
      sentiment: { negative: 25, neutral: 4, positive: 1 },
      byDay: [zero, { negative: 2, neutral: 1, positive: 0 }, { negative: 23, neutral: 3, positive: 1 }],
    },
    {
      key: "unthemed",
      label: "Chưa phân loại",
      total: 10,
      sentiment: { negative: 1, neutral: 8, positive: 1 },
      byDay: [zero, zero, { negative: 1, neutral: 8, positive: 1 }],
    },
  ],
  byGroup: [
    {
      key: "g-7",
      label: "Tổ dân phố 7",
      total: 34,
      sentiment: { negative: 24, neutral: 9, positive: 1 },
      byDay: [zero, zero, { negative: 24, neutral: 9, positive: 1 }],
    },
    {
      key: "small",
      label: "Các tổ dưới 5 người",
      total: 6,
      sentiment: { negative: 2, neutral: 3, positive: 1 },
      byDay: [zero, zero, { negative: 2, neutral: 3, positive: 1 }],
    },
  ],
  topClusters: [
    {
      count: 23,
      text: "Đường Lê Lợi trước chợ ngập nặng quá",
      isToxic: false,
      groups: ["Tổ dân phố 7"],
      firstAt: "2025-10-20T01:00:00.000Z",
      lastAt: "2025-10-20T04:30:00.000Z",
    },
    {
      count: 2,
      text: "Bọn ăn hại",
      isToxic: true,
      groups: ["Các tổ dưới 5 người"],
      firstAt: "2025-10-19T01:00:00.000Z",
      lastAt: "2025-10-19T02:00:00.000Z",
    },
  ],
  rumours: [
    {
      claimId: "c-1",
      claim: "Phường thu phí chống ngập 200.000 đồng mỗi hộ",
      total: 6,
      byGroup: [
        { label: "Tổ dân phố 7", messages: 5 },
        { label: "Các tổ dưới 5 người", messages: 1 },
      ],
    },
  ],
  questionsWaiting: { count: 3, oldestAt: "2025-10-18T02:00:00.000Z" },
  spikes: [
    {
      id: "a-1",
      message:
        "Chủ đề “Ngập úng” ở Tổ dân phố 7: 23 tin trong 24 giờ qua, " +
        "trong khi 14 ngày trước trung bình 0,1 tin/ngày (2 tin).",
      createdAt: "2025-10-20T04:35:00.000Z",
      theme: "Ngập úng",
      group: "Tổ dân phố 7",
      recent: 23,
      dailyMean: 0.14,
    },
  ],
  ...overrides,
});

describe("the opinion dashboard (Dư luận)", () => {
  it("shows the spike, feelings by theme and group with a chart, clusters, rumours and waiting questions", async () => {
    signedInStaff(staffProfile({ roles: ["editor"] }), {
      "GET /api/opinion/dashboard": { body: dashboard() },
    });
    const { user } = renderApp("/staff/opinion");
    const spikes = await screen.findByRole("list", { name: "Chủ đề tăng đột biến" });
    expect(spikes.textContent).toContain("Ngập úng · Tổ dân phố 7");
    expect(spikes.textContent).toContain("23 tin trong 24 giờ qua");

    const summary = screen.getByRole("region", { name: "Tổng quan" });
    expect(summary.textContent).toContain("40 tin có nội dung");
    expect(summary.textContent).toContain("Câu hỏi chờ trả lời: 3 (cũ nhất từ 09:00 18/10/2025)");
    expect(summary.textContent).toMatch(/Lời lẽ xúc phạm, thù ghét: 5\s?%/);

    const groups = screen.getByRole("list", { name: "Cảm xúc theo tổ dân phố" });
    expect(
      within(groups)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Tổ dân phố 7: 34 tin · 24 tiêu cực · 9 trung tính · 1 tích cực",
      "Các tổ dưới 5 người: 6 tin · 2 tiêu cực · 3 trung tính · 1 tích cực",
    ]);

    // The chart (its own chunk) draws the chosen theme's days, stacked by feeling.
    const figure = screen.getByRole("figure", { name: "Ngập úng: số tin theo ngày và cảm xúc" });
    await waitFor(() => expect(figure.querySelector("svg")).toBeTruthy());
    expect(figure.textContent).toContain("20/10");
    expect(figure.textContent).toContain("Tiêu cực");
    await user.selectOptions(screen.getByLabelText("Chủ đề theo ngày"), "unthemed");
    expect(screen.getByRole("figure", { name: "Chưa phân loại: số tin theo ngày và cảm xúc" })).toBeTruthy();

    const clusters = screen.getByRole("list", { name: "Cụm tin gần giống nhau" });
    const flood = within(clusters).getByRole("article", { name: "Cụm 23 tin" });
    expect(flood.textContent).toContain("“Đường Lê Lợi trước chợ ngập nặng quá”");
    expect(flood.textContent).toContain("Tổ dân phố 7 · từ 08:00 20/10/2025 đến 11:30 20/10/2025");
    // Offensive words stay blurred until asked for.
    const rude = within(clusters).getByRole("article", { name: "Cụm 2 tin" });
    expect(within(rude).getByText("Bọn ăn hại").classList.contains("signal-text-blurred")).toBe(true);
    await user.click(within(rude).getByRole("button", { name: "Xem nội dung" }));
    expect(within(rude).getByText("“Bọn ăn hại”").classList.contains("signal-text-blurred")).toBe(false);

    const rumours = screen.getByRole("list", { name: "Tin đồn theo tổ dân phố" });
    expect(rumours.textContent).toContain("6 tin: Tổ dân phố 7 5, Các tổ dưới 5 người 1");
  });

  it("loads another period when staff pick it, and the CSV link follows the period", async () => {
    const api = signedInStaff(staffProfile(), {
      "GET /api/opinion/dashboard": { body: dashboard({ spikes: [], topClusters: [] }) },
    });
    const { user } = renderApp("/staff/opinion");
    expect(await screen.findByText("Không có chủ đề nào tăng đột biến.")).toBeTruthy();
    expect(api.callsTo("GET /api/opinion/dashboard").map((c) => c.url)).toEqual([
      "/api/opinion/dashboard?days=14",
    ]);
    await user.selectOptions(screen.getByLabelText("Khoảng thời gian"), "30");
    await waitFor(() =>
      expect(api.callsTo("GET /api/opinion/dashboard").map((c) => c.url)).toContain(
        "/api/opinion/dashboard?days=30",
      ),
    );
    expect(screen.getByRole("link", { name: "Xuất CSV" }).getAttribute("href")).toContain(
      "/api/opinion/export.csv?days=30",
    );
  });

  it("says what went wrong and loads again on request", async () => {
    const api = signedInStaff(staffProfile(), {
      "GET /api/opinion/dashboard": {
        status: 500,
        body: { error: { code: "internal", message: "Lỗi máy chủ" } },
      },
    });
    const { user } = renderApp("/staff/opinion");
    const retry = await screen.findByRole("button", { name: "Thử lại" });
    await user.click(retry);
    await waitFor(() => expect(api.callsTo("GET /api/opinion/dashboard")).toHaveLength(2));
  });
});
