import type { SignalKind } from "@loa-phuong/shared";

/**
 * What residents and heads send back, named once: the resident's "Hỏi đáp" and "Dữ liệu của tôi" and the
 * staff inbox use the same words ("Góp ý" is never "Bình luận" elsewhere).
 */
export const signalKindLabels: Record<SignalKind, string> = {
  question: "Câu hỏi",
  comment: "Góp ý",
  report: "Phản ánh",
  nomination: "Đề cử điển hình",
  reaction: "Bày tỏ cảm xúc",
  poll_answer: "Trả lời khảo sát",
  oa_message: "Tin nhắn gửi OA",
  opinion_report: "Báo cáo dư luận",
  message_check: "Tổ trưởng nhờ kiểm tra tin",
};

/** A kind a newer server may send reads as something sent, not as its code. */
export function signalKindLabel(kind: string): string {
  // Not Object.hasOwn: older Android webviews inside Zalo lack it.
  return Object.hasOwn(signalKindLabels, kind) ? signalKindLabels[kind as SignalKind] : "Ý kiến";
}
