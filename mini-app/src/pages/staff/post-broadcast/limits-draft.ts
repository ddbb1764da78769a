import { formatVnd } from "../../../utils/channel-labels";

/** What staff may limit for one broadcast, as the form holds it: the budget as typed. */
export interface LimitsDraft {
  excludePaidChannels: boolean;
  /** Digits only; "" = no limit. */
  budgetText: string;
}

export interface ChannelLimits {
  budgetVnd: number | null;
  excludePaidChannels: boolean;
}

export const initialLimits: LimitsDraft = { excludePaidChannels: false, budgetText: "" };

/** The server's ceiling for a budget (shared/src/api/broadcasts.ts). */
export const maxBudgetVnd = 1_000_000_000;

/**
 * The limits to plan and send with. Without paid channels a budget means nothing, so none is sent
 * (and a half-typed one does not block sending).
 */
export function buildLimits(draft: LimitsDraft): ChannelLimits | { problem: string } {
  if (draft.excludePaidChannels) return { budgetVnd: null, excludePaidChannels: true };
  const text = draft.budgetText.trim();
  if (text === "") return { budgetVnd: null, excludePaidChannels: false };
  if (!/^\d+$/.test(text))
    return {
      problem:
        "Ngân sách chỉ gồm chữ số, không có dấu chấm hay chữ, ví dụ 50000. Để trống nếu không giới hạn.",
    };
  const budgetVnd = Number(text);
  if (budgetVnd > maxBudgetVnd) return { problem: `Ngân sách tối đa là ${formatVnd(maxBudgetVnd)}.` };
  return { budgetVnd, excludePaidChannels: false };
}
