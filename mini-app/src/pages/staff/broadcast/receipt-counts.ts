import type { DeliveryChannel, DeliveryStatus } from "@loa-phuong/shared";

type Counts = Partial<Record<DeliveryStatus, number>>;

/**
 * A delivery's state is its furthest step (sent → delivered → seen), so a seen message is no longer
 * counted as delivered. Staff read "Đã nhận" as everybody who got it: each step counts those past it.
 */
export function reachedCounts(counts: Counts): { sent: number; delivered: number; seen: number } {
  const seen = counts.seen ?? 0;
  const delivered = (counts.delivered ?? 0) + seen;
  return { sent: (counts.sent ?? 0) + delivered, delivered, seen };
}

export type CountKey = "pending" | "sending" | "sent" | "delivered" | "seen" | "failed" | "fallback";

/** The progress counts in the order a broadcast goes, the receipts cumulative. */
export function cumulativeCounts(counts: Counts): { key: CountKey; label: string; count: number }[] {
  const reached = reachedCounts(counts);
  return [
    { key: "pending", label: "Đang chờ", count: counts.pending ?? 0 },
    { key: "sending", label: "Đang gửi", count: counts.sending ?? 0 },
    { key: "sent", label: "Đã gửi", count: reached.sent },
    { key: "delivered", label: "Đã nhận", count: reached.delivered },
    { key: "seen", label: "Đã xem", count: reached.seen },
    { key: "failed", label: "Lỗi", count: counts.failed ?? 0 },
    { key: "fallback", label: "Chuyển kênh", count: counts.fallback ?? 0 },
  ];
}

/**
 * Only messages the OA sends in its Zalo chat have receipts (user_received_message,
 * user_seen_message): the OA's own and ZBS by Zalo id (docs/zalo-contracts.md §5.3, §4.3g).
 */
export function hasReceipts(channel: DeliveryChannel): boolean {
  return channel === "oa" || channel === "template";
}

export const receiptsNote =
  "Tin đã xem cũng tính là đã nhận. Zalo chỉ báo “đã nhận”, “đã xem” cho tin gửi trong khung chat " +
  "OA (tin tư vấn OA, tin ZBS theo Zalo); các kênh khác không có báo nhận.";
