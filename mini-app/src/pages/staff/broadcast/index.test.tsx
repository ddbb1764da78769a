import type { BroadcastProgress } from "@loa-phuong/shared";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff } from "../../../testing/render-app";

function progress(overrides: Partial<BroadcastProgress> = {}): BroadcastProgress {
  return {
    broadcast: {
      id: "b-1",
      postId: "p-9",
      status: "sent",
      audience: { include: [{ wholeWard: true }], exclude: [] },
      scheduledAt: "2026-06-01T01:00:00.000Z",
      startedAt: "2026-06-01T01:00:00.000Z",
      finishedAt: "2026-06-01T01:05:00.000Z",
      recipientCount: 130,
      counts: { sent: 20, delivered: 30, seen: 50, fallback: 25, failed: 5 },
      budgetVnd: 50_000,
      excludePaidChannels: false,
      costVnd: 12_345,
    },
    post: { id: "p-9", title: "Cắt nước khẩn cấp", kind: "announcement" },
    total: 130,
    settledRatio: 1,
    reasons: [],
    groups: [],
    channels: [
      { channel: "feed", total: 25, counts: { fallback: 25 } },
      { channel: "oa", total: 100, counts: { sent: 15, delivered: 30, seen: 50, failed: 5 } },
      { channel: "zbs_phone", total: 5, counts: { sent: 5 } },
    ],
    escalation: { sent: 3, failed: 1, pending: 0 },
    pauseReason: null,
    ...overrides,
  };
}

describe("a broadcast's progress (Đợt gửi)", () => {
  it("shows the cost, the budget, each channel's progress and the reminders by phone", async () => {
    signedInStaff(undefined, { "GET /api/broadcasts/b-1/progress": { body: progress() } });
    renderApp("/staff/broadcasts/b-1");
    const section = await screen.findByRole("region", { name: "Theo kênh" });
    expect(within(section).getByText(/^Chi phí:/).textContent).toBe(
      "Chi phí: 12.345 đ · Ngân sách tối đa: 50.000 đ",
    );
    expect(within(section).getByText(/^Nhắc lại qua ZBS/).textContent).toBe(
      "Nhắc lại qua ZBS số điện thoại: đã gửi 3, lỗi 1",
    );
    const table = within(section).getByRole("table", { name: "Tiến độ gửi theo kênh" });
    const cells = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent);
    expect(within(table).getAllByRole("row").map(cells)).toEqual([
      ["Kênh", "Người nhận", "Đã gửi", "Đã nhận", "Đã xem", "Chuyển kênh", "Lỗi"],
      ["Tin tư vấn OA", "100", "95", "80", "50", "0", "5"],
      ["Tin ZBS theo số điện thoại", "5", "5", "—không có báo nhận", "—không có báo nhận", "0", "0"],
      ["Chỉ trong Mini App", "25", "0", "—không có báo nhận", "—không có báo nhận", "25", "0"],
    ]);
  });

  it("counts a seen message as received and sent, and says which channels report receipts", async () => {
    const plain = progress();
    signedInStaff(undefined, {
      "GET /api/broadcasts/b-1/progress": {
        body: { ...plain, broadcast: { ...plain.broadcast, counts: { seen: 1 } }, total: 1 },
      },
    });
    renderApp("/staff/broadcasts/b-1");
    const section = await screen.findByRole("region", { name: "Tiến độ" });
    const counts = [...section.querySelectorAll(".count-cell")].map((cell) => cell.textContent);
    expect(counts).toEqual([
      "Đang chờ0",
      "Đang gửi0",
      "Đã gửi1",
      "Đã nhận1",
      "Đã xem1",
      "Lỗi0",
      "Chuyển kênh0",
    ]);
    expect(within(section).getByText(/^Tin đã xem cũng tính là đã nhận/).textContent).toContain(
      "Zalo chỉ báo “đã nhận”, “đã xem” cho tin gửi trong khung chat OA",
    );
    // "Lỗi 0" is good news: not in red.
    expect(section.querySelector(".count-alarm")).toBeNull();
  });

  it("shows the failures in red when there are some", async () => {
    signedInStaff(undefined, { "GET /api/broadcasts/b-1/progress": { body: progress() } });
    renderApp("/staff/broadcasts/b-1");
    const section = await screen.findByRole("region", { name: "Tiến độ" });
    expect(section.querySelector(".count-alarm")?.textContent).toBe("Lỗi5");
    const cell = (label: string) =>
      [...section.querySelectorAll(".count-cell")].find((c) => c.querySelector("dt")?.textContent === label);
    expect(cell("Đã gửi")?.querySelector("dd")?.textContent).toBe("100");
    expect(cell("Đã nhận")?.querySelector("dd")?.textContent).toBe("80");
  });

  it("says nothing of reminders when none was needed, and shows a broadcast without a budget", async () => {
    const plain = progress();
    signedInStaff(undefined, {
      "GET /api/broadcasts/b-1/progress": {
        body: {
          ...plain,
          broadcast: { ...plain.broadcast, budgetVnd: null, excludePaidChannels: true, costVnd: 0 },
          escalation: { sent: 0, failed: 0, pending: 0 },
        },
      },
    });
    renderApp("/staff/broadcasts/b-1");
    const section = await screen.findByRole("region", { name: "Theo kênh" });
    expect(within(section).getByText(/^Chi phí:/).textContent).toBe("Chi phí: 0 đ · Không dùng kênh trả phí");
    expect(section.textContent).not.toContain("Nhắc lại qua ZBS");
    expect(section.textContent).not.toContain("Ngân sách");
  });
});
