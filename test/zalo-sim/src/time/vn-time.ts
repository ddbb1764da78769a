/**
 * Calendar arithmetic in Asia/Ho_Chi_Minh. Vietnam has no daylight saving time (UTC+7 all year), so
 * a fixed offset is exact and avoids Intl on hot paths.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 in Vietnam's calendar. */
export function vnDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** Months since January 1970 in Vietnam's calendar (for caps per calendar month). */
export function vnMonthNumber(ms: number): number {
  const d = new Date(ms + OFFSET_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function vnParts(ms: number): { dd: string; mm: string; yyyy: string; hh: string; mi: string } {
  const d = new Date(ms + OFFSET_MS);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return {
    dd: pad(d.getUTCDate()),
    mm: pad(d.getUTCMonth() + 1),
    yyyy: String(d.getUTCFullYear()),
    hh: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
  };
}

/** "DD/MM/YYYY" (the format of user_last_interaction_date). */
export function formatVnDate(ms: number): string {
  const p = vnParts(ms);
  return `${p.dd}/${p.mm}/${p.yyyy}`;
}

/** "DD/MM/YYYY HH:mm". */
export function formatVnDateTime(ms: number): string {
  const p = vnParts(ms);
  return `${p.dd}/${p.mm}/${p.yyyy} ${p.hh}:${p.mi}`;
}

/** Inclusive range of Vietnamese day numbers. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

const CUSTOM_PERIOD = /^(\d{4})_(\d{2})_(\d{2}):(\d{4})_(\d{2})_(\d{2})$/;

function dayOf(y: string, m: string, d: string): number | undefined {
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(ms);
  // Date.UTC silently rolls 2026-02-31 over into March; reject such dates instead.
  if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  return Math.floor(ms / DAY_MS);
}

/**
 * getlist's `last_interaction_period`: TODAY, YESTERDAY, L7D, L30D or YYYY_MM_DD:YYYY_MM_DD.
 * L7D/L30D are 7/30 calendar days including today, so everyone in L7D is also within the exact
 * 7 × 24 h interaction window that CS messages need.
 */
export function parseInteractionPeriod(period: string, nowMs: number): DayRange | undefined {
  const today = vnDayNumber(nowMs);
  switch (period) {
    case "TODAY":
      return { fromDay: today, toDay: today };
    case "YESTERDAY":
      return { fromDay: today - 1, toDay: today - 1 };
    case "L7D":
      return { fromDay: today - 6, toDay: today };
    case "L30D":
      return { fromDay: today - 29, toDay: today };
  }
  const match = CUSTOM_PERIOD.exec(period);
  if (!match) return undefined;
  const [, y1, m1, d1, y2, m2, d2] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const fromDay = dayOf(y1, m1, d1);
  const toDay = dayOf(y2, m2, d2);
  if (fromDay === undefined || toDay === undefined || fromDay > toDay) return undefined;
  return { fromDay, toDay };
}
