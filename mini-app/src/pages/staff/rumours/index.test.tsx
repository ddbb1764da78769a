import type { RumourClaim } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const claim = (overrides: Partial<RumourClaim> = {}): RumourClaim => ({
  id: "c-1",
  claim: "Mỗi hộ phải nộp 200.000 đồng phí giữ xe cho tổ dân phố.",
  topic: "phí giữ xe",
  status: "active",
  clarification: { postId: "p-9", title: "Đính chính: không thu phí giữ xe", isApproved: true },
  createdAt: "2026-06-01T01:00:00.000Z",
  matches: { total: 12, last24h: 7 },
  byGroup: [{ group: "Tổ dân phố số 3", messages: 9, residents: 6 }],
  othersMessages: 3,
  byDay: [],
  ...overrides,
});

const posts = {
  items: [
    { id: "p-9", kind: "clarification", title: "Đính chính: không thu phí giữ xe" },
    { id: "p-2", kind: "announcement", title: "Lịch tiêm chủng" },
  ],
};

describe("the rumour desk (Tin đồn cần đính chính)", () => {
  it("shows each claim's answer, how often it came back, and where, naming no small group", async () => {
    signedInStaff(staffProfile({ roles: ["approver"] }), {
      "GET /api/rumours": { body: { items: [claim()] } },
      "GET /api/posts": { body: posts },
    });
    renderApp("/staff/rumours");
    const card = await screen.findByRole("article", { name: claim().claim });
    expect(within(card).getByRole("link", { name: "Đính chính: không thu phí giữ xe" })).toBeTruthy();
    expect(card.textContent).toContain("Đính chính: không thu phí giữ xe (đã duyệt)");
    expect(card.textContent).toContain("12 tin nhắc lại · 7 trong 24 giờ qua");
    const spread = within(card).getByRole("list", { name: /Nơi tin đồn lan/ });
    expect(
      within(spread)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Tổ dân phố số 3: 9 tin, 6 người", "Các tổ khác: 3 tin"]);
    // Only editors record claims.
    expect(screen.queryByRole("form", { name: "Ghi nhận tin đồn" })).toBeNull();
  });

  it("lets an editor record a claim with its clarification, refusing an empty one without a request", async () => {
    const api = signedInStaff(undefined, {
      "GET /api/rumours": { body: { items: [] } },
      "GET /api/posts": { body: posts },
      "POST /api/rumours": { status: 201, body: claim() },
    });
    const { user } = renderApp("/staff/rumours");
    const form = await screen.findByRole("form", { name: "Ghi nhận tin đồn" });
    await user.click(within(form).getByRole("button", { name: "Ghi nhận tin đồn" }));
    expect(within(form).getByText("Hãy ghi lại tin đồn cần đính chính.")).toBeTruthy();
    expect(api.callsTo("POST /api/rumours")).toHaveLength(0);
    await user.type(within(form).getByLabelText("Nội dung tin đồn"), claim().claim);
    await user.type(within(form).getByLabelText("Chủ đề"), "phí giữ xe");
    const select = within(form).getByLabelText("Bài đính chính");
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["(Chưa có — soạn bài đính chính sau)", "Đính chính: không thu phí giữ xe"]);
    await user.selectOptions(select, "Đính chính: không thu phí giữ xe");
    await user.click(within(form).getByRole("button", { name: "Ghi nhận tin đồn" }));
    await waitFor(() =>
      expect(within(form).getByLabelText<HTMLTextAreaElement>("Nội dung tin đồn").value).toBe(""),
    );
    expect(api.callsTo("POST /api/rumours")[0]?.body).toEqual({
      claim: claim().claim,
      topic: "phí giữ xe",
      clarificationPostId: "p-9",
    });
  });
});

describe("the rumour desk's reply mode (Cách gửi đính chính)", () => {
  it("lets an approver switch to sending only after a staff tap; an editor only reads it", async () => {
    const api = signedInStaff(staffProfile({ roles: ["approver"] }), {
      "GET /api/rumours": { body: { items: [claim()], settings: { replyMode: "auto" } } },
      "GET /api/posts": { body: posts },
      "PUT /api/rumours/settings": { body: { replyMode: "staff" } },
    });
    const { user } = renderApp("/staff/rumours");
    const setting = await screen.findByRole("region", { name: "Cách gửi đính chính" });
    const save = within(setting).getByRole("button", { name: "Lưu cách gửi" });
    expect(save.hasAttribute("disabled")).toBe(true);
    await user.click(within(setting).getByLabelText(/Chỉ gửi khi cán bộ bấm/));
    await user.click(save);
    await waitFor(() => expect(api.callsTo("PUT /api/rumours/settings")).toHaveLength(1));
    expect(api.callsTo("PUT /api/rumours/settings")[0]?.body).toEqual({ replyMode: "staff" });
  });

  it("shows an editor the mode without a way to change it", async () => {
    signedInStaff(undefined, {
      "GET /api/rumours": { body: { items: [], settings: { replyMode: "staff" } } },
      "GET /api/posts": { body: posts },
    });
    renderApp("/staff/rumours");
    await screen.findByText(/Cách gửi đính chính: Chỉ gửi khi cán bộ bấm/);
    expect(screen.queryByRole("button", { name: "Lưu cách gửi" })).toBeNull();
  });
});
