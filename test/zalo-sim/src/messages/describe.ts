import type { CsMessage, TemplateMessageBody } from "./message.schema.js";

export interface MessageSummary {
  /**
   * Conversation `type`: "text" | "list" | "photo" | "gif" | "file" | "request_user_info" | "template";
   * "notification" and "article" for the channels outside the OA chat API.
   */
  type: string;
  /** What the conversation API shows as `message`. */
  text?: string;
  /** Every URL, in order of appearance, without duplicates. */
  links: string[];
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;
/** Sentence punctuation that usually follows a URL in prose rather than belonging to it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»”]+$/;

export function urlsInText(text: string): string[] {
  return (text.match(URL_IN_TEXT) ?? []).map((url) => url.replace(TRAILING_PUNCTUATION, ""));
}

/**
 * Collects URLs from any JSON value: strings that are URLs, and URLs inside longer strings.
 * The bot server reconciles "did this send happen?" by its tracking link, so nothing may be missed.
 */
function collectUrls(value: unknown, out: Set<string>): void {
  if (typeof value === "string") {
    for (const url of urlsInText(value)) out.add(url);
  } else if (Array.isArray(value)) {
    for (const item of value) collectUrls(item, out);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) collectUrls(item, out);
  }
}

function linksOf(value: unknown): string[] {
  const out = new Set<string>();
  collectUrls(value, out);
  return [...out];
}

export function describeCsMessage(message: CsMessage): MessageSummary {
  const links = linksOf([message.text, message.attachment]);
  const attachment = message.attachment;
  if (!attachment) return { type: "text", text: message.text, links };
  if (attachment.type === "file") return { type: "file", text: message.text, links };
  const payload = attachment.payload;
  switch (payload.template_type) {
    case "list":
      return { type: "list", text: payload.elements[0]?.title, links };
    case "media":
      return { type: payload.elements[0]?.media_type === "gif" ? "gif" : "photo", text: message.text, links };
    case "request_user_info":
      return { type: "request_user_info", text: payload.elements[0]?.title, links };
  }
}

export function describeTemplateMessage(body: TemplateMessageBody): MessageSummary {
  return describeTemplate("template", body.template_id, body.template_data);
}

/** A ZBS template ("template") or a Mini App notification ("notification"): its id and its data's URLs. */
export function describeTemplate(type: string, templateId: string, data: unknown): MessageSummary {
  return { type, text: templateId, links: linksOf(data ?? {}) };
}

/** Every URL of an article: cover, images and links in its text. */
export function articleLinks(article: { cover?: unknown; body: unknown[] }): string[] {
  return linksOf([article.cover, article.body]);
}
