import type { Signal } from "@loa-phuong/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInStaff } from "../../../testing/render-app";

const signal: Signal = {
  id: 7,
  kind: "question",
  source: "mini_app",
  status: "open",
  text: "Lịch họp phụ huynh cụ thể là ngày nào ạ?",
  payload: {},
  resident: { id: "res-1", name: "Nguyễn Thị Hoa" },
  residentialGroup: { id: "g-3", name: "Tổ dân phố số 3" },
  post: null,
  sentAt: "2026-06-01T01:00:00.000Z",
  handledAt: null,
  photos: [],
  replies: [],
  canReplyByOa: true,
  shownToResidents: false,
  hiddenFromResidents: false,
  labels: null,
  rumour: null,
};

/** Exactly `length` characters of an answer, ending in a full stop (nothing to trim). */
function answer(length: number): string {
  let text = "";
  while (text.length < length) text += "Họp phụ huynh vào 19 giờ thứ Sáu tại nhà văn hóa tổ 3. ";
  return `${text.slice(0, length - 1)}.`;
}

/** The inbox with one question, its reply box open. */
async function openReplyBox(routes = {}) {
  const api = signedInStaff(undefined, { "GET /api/signals": { body: { items: [signal] } }, ...routes });
  const app = renderApp("/staff/signals");
  const card = await screen.findByRole("article", { name: "Câu hỏi Nguyễn Thị Hoa" });
  await app.user.click(within(card).getByRole("button", { name: "Trả lời" }));
  const field = screen.getByLabelText<HTMLTextAreaElement>("Câu trả lời cho Nguyễn Thị Hoa");
  /** Pastes `text` in place of what the field held, as a staff member pasting an answer from elsewhere. */
  const paste = async (text: string) => {
    await app.user.clear(field);
    await app.user.click(field);
    await app.user.paste(text);
  };
  return { api, ...app, field, paste };
}

const inMiniApp = () =>
  screen.getByRole<HTMLButtonElement>("button", { name: "Hiển thị câu trả lời trong Mini App" });
const byOa = () => screen.getByRole<HTMLButtonElement>("button", { name: "Trả lời qua Zalo OA" });

describe("the staff reply box", () => {
  it("shows the count only as the answer nears the ward's limit, and never cuts a longer one", async () => {
    const { field, paste } = await openReplyBox();
    await paste(answer(1500));
    expect(screen.queryByText(/\/2\.000 ký tự/)).toBeNull();
    await paste(answer(1700));
    expect(screen.getByText("1.700/2.000 ký tự")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).not.toBe("true");

    await paste(answer(2300));
    expect(field.value).toBe(answer(2300));
    expect(screen.getByText("2.300/2.000 ký tự (thừa 300)")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe(
      "Dài quá giới hạn 2.000 ký tự. Hãy rút gọn trước khi gửi.",
    );
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses to send an answer over the limit, keeps it whole, and sends it once shortened", async () => {
    const { api, user, field, paste } = await openReplyBox({
      "POST /api/signals/7/reply": {
        body: { ...signal, status: "handled", handledAt: "2026-06-01T02:00:00.000Z" },
      },
    });
    await paste(answer(2001));
    await user.click(inMiniApp());
    expect(await screen.findByText("Câu trả lời tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại.")).toBeTruthy();
    expect(api.callsTo("POST /api/signals/7/reply")).toHaveLength(0);
    expect(field.value).toBe(answer(2001));

    await paste(answer(2000));
    await user.click(inMiniApp());
    expect((await screen.findByRole("status")).textContent).toBe(
      "Câu trả lời đã hiển thị trong Mini App của người dân.",
    );
    expect(api.callsTo("POST /api/signals/7/reply")[0]?.body).toEqual({
      text: answer(2000),
      channel: "feed",
    });
  });

  it("says an answer past what an OA message holds can still be shown in the Mini App", async () => {
    const { paste } = await openReplyBox();
    await paste(answer(1800));
    expect(byOa().disabled).toBe(false);
    await paste(answer(1801));
    await waitFor(() => expect(byOa().disabled).toBe(true));
    expect(
      screen.getByText("Quá 1.800 ký tự: không gửi qua Zalo OA được, hãy hiển thị trong Mini App."),
    ).toBeTruthy();
    expect(screen.getByText("1.801/2.000 ký tự")).toBeTruthy();
    expect(inMiniApp().disabled).toBe(false);
  });
});
