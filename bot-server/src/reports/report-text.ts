import { formatDate, wardClock } from "@loa-phuong/shared";
import type { ReportPeriod } from "./report-content.js";

/**
 * The place-and-date line of Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a
 * leading zero ("ngày 03 tháng 02 năm 2026", "ngày 15 tháng 12 năm 2026").
 */
export function placeDateLine(place: string, date: Date): string {
  const { day, month, year } = wardClock(date);
  const dd = String(day).padStart(2, "0");
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Số: 12/BC-UBND", or a blank for the number the clerk gives it when it is registered. */
export function numberLine(number: string | undefined, symbol: string): string {
  return `Số: ${number ?? "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"}/${symbol}`;
}

/** The last day of a period, [from, to) in ward time. */
export function lastDayOf(period: ReportPeriod): Date {
  return new Date(period.to.getTime() - 1);
}

/** How the period reads in a sentence: "tuần từ ngày 02/03/2026 đến ngày 08/03/2026", "tháng 3/2026",
 * "thời gian từ ngày 01/03/2026 đến ngày 31/12/2026". */
export function periodPhrase(period: ReportPeriod): string {
  const first = wardClock(period.from);
  const last = wardClock(lastDayOf(period));
  const span = `từ ngày ${formatDate(period.from)} đến ngày ${formatDate(lastDayOf(period))}`;
  if (period.kind === "weekly") return `tuần ${span}`;
  const isCalendarMonth =
    period.kind === "monthly" && first.day === 1 && first.month === last.month && first.year === last.year;
  if (isCalendarMonth) return `tháng ${first.month}/${first.year}`;
  return period.kind === "monthly" ? `tháng (${span})` : `thời gian ${span}`;
}

/** A share as Vietnamese write it: "37,5%"; "0%" when there is nothing to divide. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  const value = Math.round((part / whole) * 1000) / 10;
  return `${String(value).replace(".", ",")}%`;
}
