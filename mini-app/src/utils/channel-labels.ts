import type { DeliveryChannel, NoPushReason } from "@loa-phuong/shared";

/** How staff read the channels a post reaches residents through (shared/src/domain/channels.ts). */
export const channelLabels: Record<DeliveryChannel, string> = {
  oa: "Tin tư vấn OA",
  article: "Bài viết OA (gửi mọi người quan tâm)",
  notification: "Thông báo Mini App",
  template: "Tin ZBS theo Zalo",
  zbs_phone: "Tin ZBS theo số điện thoại",
  relay: "Tổ trưởng chuyển tiếp",
  feed: "Chỉ trong Mini App",
};

/** The channels in the order the screens list them (the server's order: pushed ones, then relay and feed). */
export const channelOrder = Object.keys(channelLabels) as DeliveryChannel[];

/** A channel's name; a channel from a newer server is shown as it is. */
export function channelLabel(channel: string): string {
  return channelLabels[channel as DeliveryChannel] ?? channel;
}

/** Sorts anything with a `channel` by `channelOrder`; unknown channels last. */
export function byChannelOrder<T extends { channel: string }>(rows: readonly T[]): T[] {
  const rank = (channel: string) => {
    const index = channelOrder.indexOf(channel as DeliveryChannel);
    return index === -1 ? channelOrder.length : index;
  };
  return [...rows].sort((a, b) => rank(a.channel) - rank(b.channel));
}

/** Why nothing is pushed to a resident, in words that finish "… người, vì …". */
export const noPushReasonLabels: Record<NoPushReason, string> = {
  not_follower: "chưa quan tâm OA",
  outside_interaction_window: "quá 7 ngày không tương tác với OA",
  daily_cap: "đã đủ số tin trong ngày",
  quota_exhausted: "kênh hết hạn mức",
  budget: "vượt ngân sách",
  paid_excluded: "không dùng kênh trả phí",
  channel_stopped: "kênh đang bị dừng",
};

export function noPushReasonLabel(reason: string): string {
  return noPushReasonLabels[reason as NoPushReason] ?? reason;
}

const number = new Intl.NumberFormat("vi-VN");

/** A count as Vietnamese write it: 12.345. */
export function formatCount(value: number): string {
  return number.format(value);
}

/** Money in VND: "12.345 đ". */
export function formatVnd(value: number): string {
  return `${number.format(Math.round(value))} đ`;
}
