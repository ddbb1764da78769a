import type {
  BroadcastStatus,
  CivicRole,
  DeliveryStatus,
  MessageKind,
  PostStatus,
  RelayBoardRow,
  SchoolLevel,
  Sentiment,
  SignalKind,
  StaffAlertKind,
  StaffRole,
  Toxicity,
} from "@loa-phuong/shared";
import { signalKindLabels } from "./signal-kind-labels";

/** Vietnamese labels for what staff screens show; unknown values (a newer server) read sensibly. */

export const postStatusLabels: Record<PostStatus, string> = {
  draft: "Nháp",
  submitted: "Chờ duyệt",
  approved: "Đã duyệt",
  rejected: "Bị từ chối",
  scheduled: "Đã lên lịch",
  sending: "Đang gửi",
  sent: "Đã gửi",
  paused: "Tạm dừng",
  cancelled: "Đã hủy",
};

export const postStatuses = Object.keys(postStatusLabels) as PostStatus[];

export function isPostStatus(value: string | null): value is PostStatus {
  return value !== null && Object.hasOwn(postStatusLabels, value);
}

export const broadcastStatusLabels: Record<BroadcastStatus, string> = {
  scheduled: "Đã lên lịch",
  sending: "Đang gửi",
  sent: "Đã gửi xong",
  paused: "Tạm dừng",
  cancelled: "Đã hủy",
  failed: "Thất bại",
};

export const staffRoleLabels: Record<StaffRole, string> = {
  editor: "Biên tập",
  approver: "Duyệt bài",
  admin: "Quản trị",
};

/** The states a delivery goes through, in the order a broadcast page lists them. */
export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: "Đang chờ",
  sending: "Đang gửi",
  sent: "Đã gửi",
  delivered: "Đã nhận",
  seen: "Đã xem",
  failed: "Lỗi",
  fallback: "Chuyển kênh",
};

export const deliveryStatuses = Object.keys(deliveryStatusLabels) as DeliveryStatus[];

/** A delivery in one of these states is finished (the progress bar counts it). */
export const settledStatuses: DeliveryStatus[] = ["sent", "delivered", "seen", "failed", "fallback"];

const reasonLabels: Record<string, string> = {
  not_follower: "Chưa quan tâm OA",
  outside_interaction_window: "Quá 7 ngày không tương tác",
  daily_cap: "Đã đủ số tin trong ngày",
  quota_exhausted: "Kênh hết hạn mức",
  budget: "Vượt ngân sách",
  paid_excluded: "Không dùng kênh trả phí",
  channel_stopped: "Kênh đang bị dừng",
  cancelled: "Đợt gửi đã bị hủy",
  retries_exhausted: "Đã thử lại nhiều lần không được",
  "zalo_-213": "Chưa quan tâm OA (Zalo báo -213)",
  "zalo_-230": "Quá 7 ngày không tương tác (Zalo báo -230)",
};

/** Why a delivery failed or went to the Mini App feed instead; unknown codes are shown as they are. */
export function reasonLabel(code: string): string {
  return reasonLabels[code] ?? code;
}

export const civicRoleLabels: Record<CivicRole, string> = {
  parent: "Phụ huynh",
  teacher: "Giáo viên",
  party_member: "Đảng viên",
  group_head: "Tổ trưởng tổ dân phố",
  opinion_collaborator: "Cộng tác viên dư luận xã hội",
};

export const civicRoles = Object.keys(civicRoleLabels) as CivicRole[];

export const schoolLevelLabels: Record<SchoolLevel, string> = {
  mam_non: "Mầm non",
  tieu_hoc: "Tiểu học",
  thcs: "THCS",
};

/** 0 = Chủ nhật … 6 = Thứ Bảy, as the server's recurrence counts them. */
export const weekdayLabels = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/** Monday first, the way a Vietnamese calendar reads. */
export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0];

/** "Hằng ngày lúc 07:30" or "Thứ Hai, Thứ Năm hằng tuần lúc 07:30" from the cron pattern the server keeps. */
export function describeRecurrence(pattern: string): string {
  const [minute, hour, , , weekdays] = pattern.trim().split(/\s+/);
  if (minute === undefined || hour === undefined || weekdays === undefined) return pattern;
  const time = `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  if (weekdays === "*") return `Hằng ngày lúc ${time}`;
  const days = weekdays
    .split(",")
    .map(Number)
    .sort((a, b) => weekdayOrder.indexOf(a) - weekdayOrder.indexOf(b))
    .map((day) => weekdayLabels[day] ?? String(day));
  return `${days.join(", ")} hằng tuần lúc ${time}`;
}

/** Kinds of signal (what residents and heads send back): the inbox uses the residents' own words. */
export { signalKindLabels };

export const signalKinds = Object.keys(signalKindLabels) as SignalKind[];

export function isSignalKind(value: string | null): value is SignalKind {
  return value !== null && Object.hasOwn(signalKindLabels, value);
}

export const signalStatusLabels: Record<"open" | "handled", string> = {
  open: "Chưa xử lý",
  handled: "Đã xử lý",
};

/** What the opinion models (or staff) read in a resident's words. */
export const sentimentLabels: Record<Sentiment, string> = {
  negative: "Tiêu cực",
  neutral: "Trung tính",
  positive: "Tích cực",
};

/** What a resident's message does, as the kind labeller (or staff) read it. */
export const messageKindLabels: Record<MessageKind, string> = {
  question: "Câu hỏi",
  complaint: "Phản ánh, khiếu nại",
  proposal: "Kiến nghị, đề xuất",
  praise: "Khen ngợi",
  rumour: "Tin đồn, tin chưa kiểm chứng",
  other: "Khác",
};

export const toxicityLabels: Record<Toxicity, string> = {
  clean: "Lời lẽ bình thường",
  offensive: "Lời lẽ xúc phạm",
  hate: "Lời lẽ thù ghét",
};

/** A head's relay task, and a group without a head to relay at all. */
export const relayStatusLabels: Record<RelayBoardRow["status"], string> = {
  open: "Chưa chuyển",
  shared: "Đã mở chia sẻ",
  confirmed: "Đã chuyển tiếp",
  no_head: "Chưa có tổ trưởng",
};

const replyChannelLabels: Record<string, string> = { oa: "Zalo OA", feed: "Trong Mini App" };
const replyStatusLabels: Record<string, string> = {
  queued: "Đang gửi",
  sending: "Đang gửi",
  sent: "Đã gửi",
  delivered: "Đã đến máy người dân",
  seen: "Người dân đã xem",
  failed: "Gửi lỗi",
  shown: "Đã hiển thị",
};

export function replyChannelLabel(channel: string): string {
  return replyChannelLabels[channel] ?? channel;
}

export function replyStatusLabel(status: string): string {
  return replyStatusLabels[status] ?? status;
}

const alertKindLabels: Record<StaffAlertKind, string> = {
  relay_overdue: "Tổ trưởng chưa chuyển tiếp quá hạn",
  oa_authorization_lost: "Mất quyền gửi tin OA",
  oa_refresh_expiring: "Quyền OA sắp hết hạn",
  webhook_events_set_aside: "Sự kiện Zalo bị để riêng",
  webhook_signature_failures: "Webhook Zalo nhận chữ ký sai",
  channel_stopped: "Kênh gửi tin bị dừng",
  opinion_spike: "Dư luận tăng đột biến",
  rumour_spreading: "Tin đồn đang lan",
  task_overdue: "Nhiệm vụ quá hạn",
};

export function alertKindLabel(kind: string): string {
  return alertKindLabels[kind as StaffAlertKind] ?? "Cảnh báo";
}
