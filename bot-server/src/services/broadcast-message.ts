import type { CsMessage } from "../zalo/oa-client.js";

/** Zalo's limit for a customer-service text message. */
export const ZALO_TEXT_LIMIT = 2000;

/** The per-delivery reference carried by the link; it identifies the delivery when reconciling with Zalo. */
export const deliveryRef = (deliveryId: number) => `d-${deliveryId}`;

/** The Mini App deep link for a post, carrying the delivery's reference. */
export function postDeepLink(miniAppId: string, postId: string, ref: string): string {
  return `https://zalo.me/s/${miniAppId}/post/${postId}?ref=${encodeURIComponent(ref)}`;
}

/** Finds the delivery reference in any URL of a message (text or buttons). */
export function hasDeliveryRef(urls: string[], ref: string): boolean {
  return urls.some((u) => {
    try {
      return new URL(u).searchParams.get("ref") === ref;
    } catch {
      return false;
    }
  });
}

/**
 * The OA message for one delivery: the title, a short summary and a "Xem chi tiết" link into the
 * Mini App post, within Zalo's 2,000 characters.
 */
export function buildBroadcastMessage(content: { title: string; summary: string | null; body: string }, link: string): CsMessage {
  const footer = `\n\n👉 Xem chi tiết: ${link}`;
  const head = `📢 ${content.title}\n\n`;
  const room = ZALO_TEXT_LIMIT - head.length - footer.length;
  const lead = (content.summary?.trim() || content.body.trim()).replace(/\n{3,}/g, "\n\n");
  const text = lead.length <= room ? lead : `${lead.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  return { text: `${head}${text}${footer}` };
}
