import type { DeliveryChannel, NoPushReason, PostKind, Sentiment, SignalKind } from "@loa-phuong/shared";

// The report's words for the store's values: the same words the staff screens use
// (mini-app/src/utils/post-kind.ts, channel-labels.ts, signal-kind-labels.ts), which the server cannot import.

export const postKindLabels: Record<PostKind, string> = {
  announcement: "Thông báo",
  news: "Tin tức",
  exemplary_story: "Gương điển hình",
  clarification: "Đính chính",
  poll: "Khảo sát",
  loudspeaker_script: "Kịch bản loa",
};

export const postStatusLabels: Record<string, string> = {
  draft: "Đang soạn",
  submitted: "Chờ duyệt",
  approved: "Đã duyệt, chưa gửi",
  scheduled: "Đã lên lịch gửi",
  rejected: "Bị trả lại",
};

export const channelLabels: Record<DeliveryChannel, string> = {
  oa: "Tin tư vấn OA",
  article: "Bài viết OA (gửi mọi người quan tâm)",
  notification: "Thông báo Mini App",
  template: "Tin ZBS theo Zalo",
  zbs_phone: "Tin ZBS theo số điện thoại",
  relay: "Tổ trưởng chuyển tiếp",
  feed: "Chỉ trong Mini App",
};

/** Why nothing was pushed, in words that finish "… lượt, vì …". */
export const noPushReasonLabels: Record<NoPushReason | "unknown", string> = {
  not_follower: "chưa quan tâm OA",
  outside_interaction_window: "quá 7 ngày không tương tác với OA",
  daily_cap: "đã đủ số tin trong ngày",
  quota_exhausted: "kênh hết hạn mức",
  budget: "vượt ngân sách",
  paid_excluded: "không dùng kênh trả phí",
  channel_stopped: "kênh đang bị dừng",
  unknown: "không rõ lý do",
};

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

export const sentimentLabels: Record<Sentiment | "unlabelled", string> = {
  positive: "Tích cực",
  neutral: "Trung lập",
  negative: "Tiêu cực",
  unlabelled: "Chưa phân loại",
};

/** A label from a table, or the stored value itself when a newer value has no label yet. */
export const labelOf = (labels: Record<string, string>, value: string): string => labels[value] ?? value;
