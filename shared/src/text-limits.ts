import { formatCount } from "./text.js";

/**
 * How long what residents and heads write, and staff's answers to them, may be, in characters (after
 * trimming). The forms count toward these and say so as the writer nears them; the API refuses anything
 * longer with a 400 that names the limit. Nothing is ever cut.
 */
export const textLimits = {
  /** A question or a góp ý on a post. */
  question: 2000,
  /** Phản ánh: what happened. */
  report: 2000,
  /** Phản ánh: where, in words. */
  reportPlace: 200,
  /** Đề cử điển hình: who, where, why. */
  nominationWho: 200,
  nominationWhere: 300,
  nominationWhy: 2000,
  /** Báo cáo dư luận: the summary, a topic of the reporter's own, and one thing people said. */
  opinionSummary: 3000,
  opinionTopic: 80,
  opinionExample: 500,
  /** A staff member's answer to what a resident sent (an OA message holds less: `OA_REPLY_TEXT_LIMIT`). */
  reply: 2000,
  /** A known false claim, as staff record it for the rumour matcher: a sentence or two. */
  rumourClaim: 600,
  rumourTopic: 80,
  /** "Kiểm tra tin này": a message a head pasted from their group (forwarded texts run long). */
  messageCheck: 3000,
} as const;

/** At most this many things people said, quoted in one opinion report. */
export const OPINION_EXAMPLES_MAX = 5;

/** "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." */
export function tooLongMessage(what: string, limit: number): string {
  return `${what} tối đa ${formatCount(limit)} ký tự. Hãy rút gọn rồi gửi lại.`;
}
