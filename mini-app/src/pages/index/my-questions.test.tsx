import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp, signedInResident } from "../../testing/render-app";

const sent = (id: number, kind: string, text: string) => ({
  id,
  kind,
  text,
  sentAt: "2026-06-02T02:30:00.000Z",
  post: null,
  replies: [],
});

describe("Hỏi đáp: what the resident sent", () => {
  it("names each item by what it is, in the words the resident chose it by", async () => {
    signedInResident(undefined, {
      "GET /api/me/questions": {
        body: {
          items: [
            sent(4, "nomination", "Cô Lan — tận tụy với học trò"),
            sent(3, "report", "Đèn đường ngõ 12 bị hỏng"),
            sent(2, "comment", "Nên họp vào tối thứ Sáu"),
            sent(1, "question", "Có ghi hình buổi họp không?"),
          ],
        },
      },
    });
    renderApp("/?tab=questions");
    await screen.findByRole("heading", { name: "Câu hỏi, góp ý, phản ánh và đề cử của bạn", level: 2 });
    const cards = await screen.findAllByRole("article");
    expect(cards.map((card) => within(card).getByText(/·/).textContent?.split(" ·")[0])).toEqual([
      "Đề cử điển hình",
      "Phản ánh",
      "Góp ý",
      "Câu hỏi",
    ]);
    expect(within(cards[0]!).getByText(/·/).textContent).toBe("Đề cử điển hình · 09:30 02/06/2026");
  });
});
