import type { Signal } from "@loa-phuong/shared";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff } from "../../../testing/render-app";

const signal = (labels: Signal["labels"], text = "Phường làm ăn kiểu gì vậy, chán thật."): Signal => ({
  id: 9,
  kind: "report",
  source: "mini_app",
  status: "open",
  text,
  payload: {},
  resident: { id: "res-2", name: "Trần Văn Bình" },
  residentialGroup: { id: "g-1", name: "Tổ dân phố số 1" },
  post: null,
  sentAt: "2026-06-01T01:00:00.000Z",
  handledAt: null,
  photos: [],
  replies: [],
  canReplyByOa: false,
  shownToResidents: false,
  hiddenFromResidents: false,
  labels,
  rumour: null,
});

const machine = { sentiment: "sentiment-2026.12.03-abc", toxicity: "toxicity-2026.12.03-def" };
/** No kind and no theme read (a signal labelled before the kind and theme labellers). */
const unread = { kind: null, themes: [] };

async function openInbox(shown: Signal, routes = {}) {
  const api = signedInStaff(undefined, { "GET /api/signals": { body: { items: [shown] } }, ...routes });
  const app = renderApp("/staff/signals");
  const card = await screen.findByRole("article", { name: "Phản ánh Trần Văn Bình" });
  return { api, ...app, card };
}

describe("what the models read in the inbox", () => {
  it("says how the words feel and who said so, and blurs offensive words until asked", async () => {
    const { card, user } = await openInbox(
      signal({ ...unread, sentiment: "negative", toxicity: "offensive", sources: machine }),
    );
    expect(within(card).getByText("Tiêu cực (máy đọc)")).toBeTruthy();
    expect(within(card).getByText("Lời lẽ xúc phạm (máy đọc)")).toBeTruthy();
    const words = within(card).getByText("Phường làm ăn kiểu gì vậy, chán thật.");
    expect(words.classList.contains("signal-text-blurred")).toBe(true);
    await user.click(within(card).getByRole("button", { name: "Xem nội dung" }));
    const shown = within(card).getByText("Phường làm ăn kiểu gì vậy, chán thật.");
    expect(shown.classList.contains("signal-text-blurred")).toBe(false);
  });

  it("shows clean words as written, and says when they are not read yet", async () => {
    const { card } = await openInbox(signal(null, "Cảm ơn phường đã sửa đèn."));
    expect(
      within(card).getByText("Cảm ơn phường đã sửa đèn.").classList.contains("signal-text-blurred"),
    ).toBe(false);
    expect(within(card).getByText("Đang phân tích nội dung…")).toBeTruthy();
  });

  it("shows what the message does and its themes, and lets the officer set both", async () => {
    const sources = { ...machine, kind: "kind-cues-1", themes: "themes-keywords-1" };
    const before = signal(
      {
        sentiment: "negative",
        toxicity: "clean",
        kind: "question",
        themes: [{ id: "t-env", name: "Môi trường, vệ sinh" }],
        sources,
      },
      "Rác ở đầu ngõ 4 mấy hôm nay không ai thu gom.",
    );
    const after = signal(
      {
        sentiment: "negative",
        toxicity: "clean",
        kind: "complaint",
        themes: [
          { id: "t-env", name: "Môi trường, vệ sinh" },
          { id: "t-road", name: "Hạ tầng, giao thông" },
        ],
        sources: { ...sources, kind: "staff", themes: "staff" },
      },
      before.text!,
    );
    const themes = [
      { id: "t-env", name: "Môi trường, vệ sinh", keywords: ["rác"], status: "active" },
      { id: "t-road", name: "Hạ tầng, giao thông", keywords: ["ngõ"], status: "active" },
      { id: "t-old", name: "Chủ đề cũ", keywords: ["cũ"], status: "retired" },
    ].map((t) => ({ ...t, createdAt: "2026-06-01T00:00:00.000Z", signals: 1 }));
    const { api, card, user } = await openInbox(before, {
      "GET /api/opinion/themes": { body: { items: themes } },
      "PUT /api/signals/9/labels": { body: after },
    });
    expect(within(card).getByText("Câu hỏi (máy đọc)")).toBeTruthy();
    expect(
      within(within(card).getByRole("list", { name: "Chủ đề" })).getByText("Môi trường, vệ sinh"),
    ).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Sửa nhãn" }));
    await user.selectOptions(within(card).getByLabelText("Loại ý kiến"), "Phản ánh, khiếu nại");
    await user.click(await within(card).findByRole("checkbox", { name: "Hạ tầng, giao thông" }));
    // A retired theme is not offered.
    expect(within(card).queryByRole("checkbox", { name: "Chủ đề cũ" })).toBeNull();
    await user.click(within(card).getByRole("button", { name: "Lưu nhãn" }));
    expect(await within(card).findByText("Phản ánh, khiếu nại (cán bộ đã sửa)")).toBeTruthy();
    expect(api.callsTo("PUT /api/signals/9/labels")[0]?.body).toEqual({
      sentiment: "negative",
      toxicity: "clean",
      kind: "complaint",
      themes: ["t-env", "t-road"],
    });
    expect(
      within(within(card).getByRole("list", { name: "Chủ đề" })).getByText("Hạ tầng, giao thông"),
    ).toBeTruthy();
  });

  it("lets the officer correct a label and shows it as theirs", async () => {
    const before = signal({ ...unread, sentiment: "negative", toxicity: "offensive", sources: machine });
    const after = signal({
      ...unread,
      sentiment: "negative",
      toxicity: "clean",
      sources: { ...machine, toxicity: "staff" },
    });
    const { api, card, user } = await openInbox(before, { "PUT /api/signals/9/labels": { body: after } });
    await user.click(within(card).getByRole("button", { name: "Sửa nhãn" }));
    await user.selectOptions(within(card).getByLabelText("Lời lẽ"), "Lời lẽ bình thường");
    await user.click(within(card).getByRole("button", { name: "Lưu nhãn" }));
    expect(await within(card).findByText("Tiêu cực (máy đọc)")).toBeTruthy();
    expect(api.callsTo("PUT /api/signals/9/labels")[0]?.body).toEqual({
      sentiment: "negative",
      toxicity: "clean",
    });
    // Clean now, by the officer's word: the words show as written.
    expect(within(card).getByText(before.text!).classList.contains("signal-text-blurred")).toBe(false);
    expect(within(card).queryByRole("button", { name: "Lưu nhãn" })).toBeNull();
  });
});
