/** Zalo's limit for a customer-service text message. */
export const ZALO_TEXT_LIMIT = 2000;
/** List-template limits (title, subtitle) as Zalo documents them for OA templates. */
const LIST_TITLE_LIMIT = 100;
const LIST_SUBTITLE_LIMIT = 500;

/**
 * How a broadcast is worded as an OA customer-service message:
 * - `text_link`: plain text ending with "Xem chi tiết: <link>" (the confirmed contract);
 * - `list_button`: a list template with a "Xem chi tiết" button (Zalo's acceptance on
 *   /v3.0/oa/message/cs is unconfirmed).
 */
export type OaMessageFormat = "text_link" | "list_button";

/** The body of an OA customer-service message, as Zalo's /v3.0/oa/message/cs takes it. */
export type CsMessage =
  | { text: string; quote_message_id?: string }
  | {
      attachment: {
        type: "template";
        payload: {
          template_type: "list";
          elements: {
            title: string;
            subtitle?: string;
            image_url?: string;
            default_action?: { type: "oa.open.url"; url: string };
          }[];
          buttons?: { title: string; type: "oa.open.url"; payload: { url: string } }[];
        };
      };
    };

/**
 * The longest staff answer sent as one OA message: with its greeting and the Mini App link it stays
 * within ZALO_TEXT_LIMIT. A longer answer is shown in the Mini App instead.
 */
export const OA_REPLY_TEXT_LIMIT = 1800;

/** A staff answer to a resident as an OA text: the answer, then the way into the Mini App. */
/**
 * A staff answer as an OA text. When the resident wrote through the OA, the answer quotes their
 * message (`quote_message_id`, docs/zalo-contracts.md §4.3a), so they see what it answers.
 */
export function buildReplyMessage(
  answer: string,
  link: string,
  quoteMessageId?: string | null,
): { text: string; quote_message_id?: string } {
  const head = "💬 Phường trả lời: ";
  const footer = `\n\nXem trong Loa Phường: ${link}`;
  const text = `${head}${clip(answer, ZALO_TEXT_LIMIT - head.length - footer.length)}${footer}`;
  return quoteMessageId ? { text, quote_message_id: quoteMessageId } : { text };
}

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

function clip(text: string, room: number): string {
  return text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
}

/**
 * The OA message for one delivery: the title, a short summary and a "Xem chi tiết" way into the
 * Mini App post, within Zalo's limits.
 */
export function buildBroadcastMessage(
  content: { title: string; summary: string | null; body: string; imageUrl?: string | null },
  link: string,
  format: OaMessageFormat = "text_link",
): CsMessage {
  const lead = (content.summary?.trim() || content.body.trim()).replace(/\n{3,}/g, "\n\n");
  if (format === "list_button") {
    return {
      attachment: {
        type: "template",
        payload: {
          template_type: "list",
          elements: [
            {
              title: clip(`📢 ${content.title}`, LIST_TITLE_LIMIT),
              subtitle: clip(lead, LIST_SUBTITLE_LIMIT),
              ...(content.imageUrl ? { image_url: content.imageUrl } : {}),
              default_action: { type: "oa.open.url", url: link },
            },
          ],
          buttons: [{ title: "Xem chi tiết", type: "oa.open.url", payload: { url: link } }],
        },
      },
    };
  }
  const footer = `\n\n👉 Xem chi tiết: ${link}`;
  const head = `📢 ${content.title}\n\n`;
  return { text: `${head}${clip(lead, ZALO_TEXT_LIMIT - head.length - footer.length)}${footer}` };
}
