import type { Recurrence } from "@loa-phuong/shared";
import { formatDate, formatDateTime, wardClock } from "@loa-phuong/shared/client";
import { describeRecurrence } from "../../../utils/staff-labels";

/** When to send: now, once at a ward time, or again and again (weekly on chosen days, or daily). */
export interface ScheduleDraft {
  mode: "now" | "at" | "recurring";
  /** yyyy-mm-dd and HH:mm (24-hour) as the date and time fields give them, in ward time. */
  date: string;
  time: string;
  repeat: "weekly" | "daily";
  weekdays: number[];
  repeatTime: string;
  /** yyyy-mm-dd, optional: the last day of a recurring schedule. */
  endDate: string;
  /** Fields whose typed text is not a valid value (yet): sending waits until they are. */
  invalidFields: Array<"date" | "time" | "repeatTime" | "endDate">;
}

export type ScheduleChoice =
  | { kind: "now"; summary: string }
  | { kind: "at"; scheduledAt: string; summary: string }
  | { kind: "recurring"; recurrence: Recurrence; endsAt?: string; summary: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** Defaults: one hour from now (ward time) for "Hẹn giờ"; Monday 07:30 for a weekly bulletin. */
export function initialSchedule(now = Date.now()): ScheduleDraft {
  const later = wardClock(now + 60 * 60 * 1000);
  return {
    mode: "now",
    date: `${later.year}-${pad(later.month)}-${pad(later.day)}`,
    time: `${pad(later.hour)}:00`,
    repeat: "weekly",
    weekdays: [1],
    repeatTime: "07:30",
    endDate: "",
    invalidFields: [],
  };
}

/** "2025-03-01" + "07:30" in ward time → ISO 8601 with the ward's offset (Vietnam has no DST). */
export function wardIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const iso = `${date}T${time}:00+07:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

export function buildSchedule(draft: ScheduleDraft, now = Date.now()): ScheduleChoice | { problem: string } {
  if (draft.mode === "now") return { kind: "now", summary: "Gửi ngay sau khi xác nhận." };
  const isInvalid = (field: ScheduleDraft["invalidFields"][number]) => draft.invalidFields.includes(field);
  if (draft.mode === "at") {
    if (isInvalid("date") || isInvalid("time"))
      return { problem: "Ngày hoặc giờ gửi chưa đúng định dạng (dd/mm/yyyy, giờ 24 giờ)." };
    const scheduledAt = wardIso(draft.date, draft.time);
    if (!scheduledAt) return { problem: "Chọn ngày và giờ gửi." };
    if (Date.parse(scheduledAt) <= now) return { problem: "Thời điểm gửi phải ở tương lai." };
    return { kind: "at", scheduledAt, summary: `Gửi lúc ${formatDateTime(scheduledAt)} (giờ Việt Nam).` };
  }
  if (isInvalid("repeatTime") || isInvalid("endDate"))
    return { problem: "Giờ gửi hoặc ngày kết thúc chưa đúng định dạng (giờ 24 giờ, dd/mm/yyyy)." };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.repeatTime)) return { problem: "Chọn giờ gửi định kỳ." };
  if (draft.repeat === "weekly" && draft.weekdays.length === 0)
    return { problem: "Chọn ít nhất một ngày trong tuần." };
  const recurrence: Recurrence =
    draft.repeat === "daily"
      ? { kind: "daily", time: draft.repeatTime }
      : { kind: "weekly", weekdays: [...draft.weekdays].sort((a, b) => a - b), time: draft.repeatTime };
  const endsAt = draft.endDate ? wardIso(draft.endDate, "23:59") : null;
  if (draft.endDate && (!endsAt || Date.parse(endsAt) <= now))
    return { problem: "Ngày kết thúc phải ở tương lai." };
  const [hour, minute] = draft.repeatTime.split(":");
  const pattern =
    `${Number(minute)} ${Number(hour)} * * ` +
    `${recurrence.kind === "daily" ? "*" : recurrence.weekdays.join(",")}`;
  const until = endsAt ? `, đến hết ngày ${formatDate(endsAt)}` : "";
  return {
    kind: "recurring",
    recurrence,
    ...(endsAt ? { endsAt } : {}),
    summary: `${describeRecurrence(pattern)}${until}.`,
  };
}
