import type { OpinionTheme } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff, staffProfile } from "../../../testing/render-app";

const theme = (overrides: Partial<OpinionTheme> = {}): OpinionTheme => ({
  id: "3f0c2a4e-0000-4000-8000-000000000001",
  name: "Môi trường, vệ sinh",
  keywords: ["rác", "vệ sinh", "ngập nước"],
  status: "active",
  createdAt: "2026-06-01T01:00:00.000Z",
  signals: 42,
  ...overrides,
});

const retired = theme({
  id: "3f0c2a4e-0000-4000-8000-000000000002",
  name: "Phí giữ xe",
  keywords: ["giữ xe"],
  status: "retired",
  signals: 3,
});

const keywordsOf = (card: HTMLElement) =>
  within(card)
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("the opinion themes screen (Chủ đề dư luận)", () => {
  it("is reached from the Dư luận dashboard", async () => {
    signedInStaff(undefined, {
      "GET /api/opinion/dashboard": { status: 500, body: { error: "internal", message: "Lỗi máy chủ." } },
      "GET /api/opinion/themes": { body: { items: [theme()] } },
    });
    const { user } = renderApp("/staff/opinion");
    await user.click(await screen.findByRole("link", { name: "Chủ đề và từ khóa" }));
    expect(await screen.findByRole("article", { name: "Môi trường, vệ sinh" })).toBeTruthy();
  });

  it("lists active themes with their keywords first, retired ones after, marked as such", async () => {
    signedInStaff(undefined, { "GET /api/opinion/themes": { body: { items: [retired, theme()] } } });
    renderApp("/staff/opinion/themes");
    const active = await screen.findByRole("region", { name: "Đang dùng (1)" });
    const card = within(active).getByRole("article", { name: "Môi trường, vệ sinh" });
    expect(card.textContent).toContain("42 tin mang chủ đề này");
    expect(keywordsOf(within(card).getByRole("list", { name: /Từ khóa/ }))).toEqual([
      "rác",
      "vệ sinh",
      "ngập nước",
    ]);
    const old = screen.getByRole("region", { name: "Đã ngừng dùng (1)" });
    const oldCard = within(old).getByRole("article", { name: "Phí giữ xe" });
    expect(oldCard.textContent).toContain("Đã ngừng dùng");
    // Active before retired, in the page's order.
    const regions = screen.getAllByRole("region").map((r) => r.getAttribute("aria-labelledby"));
    expect(regions.indexOf("themes-active-heading")).toBeLessThan(regions.indexOf("themes-retired-heading"));
  });

  it("lets an editor add a theme with keywords one a line or comma-separated", async () => {
    const api = signedInStaff(undefined, {
      "GET /api/opinion/themes": { body: { items: [] } },
      "POST /api/opinion/themes": { status: 201, body: theme({ name: "Trật tự đô thị" }) },
    });
    const { user } = renderApp("/staff/opinion/themes");
    const form = await screen.findByRole("form", { name: "Thêm chủ đề" });
    await user.click(within(form).getByRole("button", { name: "Thêm chủ đề" }));
    expect(within(form).getByRole("alert").textContent).toBe("Hãy đặt tên cho chủ đề.");
    expect(api.callsTo("POST /api/opinion/themes")).toHaveLength(0);

    await user.type(within(form).getByLabelText("Tên chủ đề"), "  Trật tự đô thị ");
    await user.type(
      within(form).getByLabelText("Từ khóa"),
      "lấn chiếm, vỉa hè{Enter}Lấn chiếm{Enter}{Enter}bán hàng rong",
    );
    await user.click(within(form).getByRole("button", { name: "Thêm chủ đề" }));
    expect((await screen.findByRole("status")).textContent).toBe("Đã thêm chủ đề “Trật tự đô thị”.");
    expect(api.callsTo("POST /api/opinion/themes")[0]?.body).toEqual({
      name: "Trật tự đô thị",
      keywords: ["lấn chiếm", "vỉa hè", "bán hàng rong"],
    });
    expect(within(form).getByLabelText<HTMLInputElement>("Tên chủ đề").value).toBe("");
    // The list is read again with the new theme.
    await waitFor(() => expect(api.callsTo("GET /api/opinion/themes")).toHaveLength(2));
  });

  it("shows the server's refusal of a duplicate name, keeping what was typed", async () => {
    signedInStaff(undefined, {
      "GET /api/opinion/themes": { body: { items: [theme()] } },
      "POST /api/opinion/themes": {
        status: 409,
        body: { error: "conflict", message: "Phường đã có chủ đề “Môi trường, vệ sinh”." },
      },
    });
    const { user } = renderApp("/staff/opinion/themes");
    const form = await screen.findByRole("form", { name: "Thêm chủ đề" });
    await user.type(within(form).getByLabelText("Tên chủ đề"), "Môi trường, vệ sinh");
    await user.type(within(form).getByLabelText("Từ khóa"), "rác thải");
    await user.click(within(form).getByRole("button", { name: "Thêm chủ đề" }));
    expect((await within(form).findByRole("alert")).textContent).toBe(
      "Phường đã có chủ đề “Môi trường, vệ sinh”.",
    );
    expect(within(form).getByLabelText<HTMLInputElement>("Tên chủ đề").value).toBe("Môi trường, vệ sinh");
  });

  it("lets an editor change a theme's keywords, retire it and bring a retired one back", async () => {
    const api = signedInStaff(undefined, {
      "GET /api/opinion/themes": { body: { items: [theme(), retired] } },
      [`PUT /api/opinion/themes/${theme().id}`]: { body: theme({ status: "retired" }) },
      [`PUT /api/opinion/themes/${retired.id}`]: { body: { ...retired, status: "active" } },
    });
    const { user } = renderApp("/staff/opinion/themes");
    const card = await screen.findByRole("article", { name: "Môi trường, vệ sinh" });

    await user.click(within(card).getByRole("button", { name: "Sửa từ khóa" }));
    const box = within(card).getByLabelText<HTMLTextAreaElement>("Từ khóa");
    expect(box.value).toBe("rác\nvệ sinh\nngập nước");
    await user.clear(box);
    await user.type(box, "rác, cống rãnh");
    await user.click(within(card).getByRole("button", { name: "Lưu từ khóa" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "Đã lưu từ khóa của chủ đề “Môi trường, vệ sinh”.",
    );

    await user.click(within(card).getByRole("button", { name: "Ngừng dùng" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Đã ngừng dùng chủ đề/));

    await user.click(
      within(screen.getByRole("article", { name: "Phí giữ xe" })).getByRole("button", { name: "Dùng lại" }),
    );
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Đã dùng lại chủ đề “Phí giữ xe”."),
    );

    expect(api.callsTo(`PUT /api/opinion/themes/${theme().id}`).map((c) => c.body)).toEqual([
      { keywords: ["rác", "cống rãnh"] },
      { status: "retired" },
    ]);
    expect(api.callsTo(`PUT /api/opinion/themes/${retired.id}`).map((c) => c.body)).toEqual([
      { status: "active" },
    ]);
  });

  it("shows an approver the themes without a way to change them", async () => {
    const api = signedInStaff(staffProfile({ roles: ["approver"] }), {
      "GET /api/opinion/themes": { body: { items: [theme(), retired] } },
    });
    renderApp("/staff/opinion/themes");
    const card = await screen.findByRole("article", { name: "Môi trường, vệ sinh" });
    expect(keywordsOf(within(card).getByRole("list", { name: /Từ khóa/ }))).toHaveLength(3);
    expect(screen.getByText(/Chỉ cán bộ biên tập hoặc quản trị/)).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Thêm chủ đề" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Sửa từ khóa|Ngừng dùng|Dùng lại/ })).toBeNull();
    expect(api.calls.filter((c) => c.method !== "GET")).toHaveLength(0);
  });
});
