import { describe, expect, it } from "vitest";
import { buildBroadcastMessage, deliveryRef, hasDeliveryRef, postDeepLink, ZALO_TEXT_LIMIT } from "./broadcast-message.js";

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
    expect(message.attachment.payload.buttons).toEqual([{ title: "Xem chi tiết", type: "oa.open.url", payload: { url: link } }]);
    expect(message.attachment.payload.elements[0]!.subtitle!.length).toBeLessThanOrEqual(500);
  });

  it("matches its own delivery reference and not a longer one", () => {
    expect(hasDeliveryRef([link], "d-42")).toBe(true);
    expect(hasDeliveryRef([link], "d-4")).toBe(false);
    expect(hasDeliveryRef(["not a url", link.replace("d-42", "d-421")], "d-42")).toBe(false);
  });
});
