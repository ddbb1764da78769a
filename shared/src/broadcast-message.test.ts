import { describe, expect, it } from "vitest";
import { replyRequestSchema } from "./api/signals.js";
import {
  buildBroadcastMessage,
  buildReplyMessage,
  deliveryRef,
  hasDeliveryRef,
  OA_REPLY_TEXT_LIMIT,
  postDeepLink,
  ZALO_TEXT_LIMIT,
} from "./broadcast-message.js";

describe("broadcast message", () => {
  const link = postDeepLink("3000", "7b8f0c5e-1111-4222-8333-944455556666", deliveryRef(42));
  const long = { title: "Thông báo", summary: null, body: "Nội dung ".repeat(500) };

  it("keeps a long post within Zalo's 2,000 characters and ends with the link", () => {
    const message = buildBroadcastMessage(long, link);
    if (!("text" in message)) throw new Error("expected text");
    expect(message.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(message.text.endsWith(link)).toBe(true);
  });

  it("offers a 'Xem chi tiết' button into the Mini App post in the list format", () => {
    const message = buildBroadcastMessage(long, link, "list_button");
    if (!("attachment" in message)) throw new Error("expected a template");
    expect(message.attachment.payload.buttons).toEqual([
      { title: "Xem chi tiết", type: "oa.open.url", payload: { url: link } },
    ]);
    expect(message.attachment.payload.elements[0]!.subtitle!.length).toBeLessThanOrEqual(500);
  });

  it("matches its own delivery reference and not a longer one", () => {
    expect(hasDeliveryRef([link], "d-42")).toBe(true);
    expect(hasDeliveryRef([link], "d-4")).toBe(false);
    expect(hasDeliveryRef(["not a url", link.replace("d-42", "d-421")], "d-42")).toBe(false);
  });

  it("sends the longest answer staff may send by OA whole, within Zalo's 2,000 characters", () => {
    const replyLink = postDeepLink(
      "3000000000000000003",
      "7b8f0c5e-1111-4222-8333-944455556666",
      "q-123456789",
    );
    const answer = "Trả lời ".repeat(300).slice(0, OA_REPLY_TEXT_LIMIT);
    const { text } = buildReplyMessage(answer, replyLink);
    expect(text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(text).toContain(answer);
    expect(text.endsWith(replyLink)).toBe(true);
  });

  it("quotes the resident's own OA message when there is one, and nothing otherwise", () => {
    const link = postDeepLink("3000000000000000003", "7b8f0c5e-1111-4222-8333-944455556666", "q-1");
    expect(buildReplyMessage("Phường đã ghi nhận.", link, "a1b2c3")).toMatchObject({
      quote_message_id: "a1b2c3",
    });
    expect(buildReplyMessage("Phường đã ghi nhận.", link, null)).not.toHaveProperty("quote_message_id");
  });

  it("refuses an OA answer too long for one message, with the reason, and lets it be shown in the Mini App", () => {
    const text = "a".repeat(OA_REPLY_TEXT_LIMIT + 1);
    const byOa = replyRequestSchema.safeParse({ text, channel: "oa" });
    expect(byOa.success).toBe(false);
    expect(byOa.error?.issues[0]?.message).toMatch(/tối đa 1\.800 ký tự/);
    expect(replyRequestSchema.safeParse({ text, channel: "feed" }).success).toBe(true);
  });
});
