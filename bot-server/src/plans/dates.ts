// Dates as Vietnamese documents write them — "ngày 16/5/2025", "ngày 16 tháng 5 năm 2025",
// "trong tháng 12/2025", "năm 2026", a day left blank in a draft — to ISO, with SCHEMA.md's rules:
// a month alone is its last day (its first when it starts a period), a year alone December 31st
// (January 1st as a start), a missing year taken from the plan.

export type DateEdge = "start" | "end";

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

const pad = (value: number) => String(value).padStart(2, "0");

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month) || year < 1900 || year > 2200)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function monthDate(year: number, month: number, edge: DateEdge): string | null {
  return toIso(year, month, edge === "start" ? 1 : lastDayOfMonth(year, month));
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const S = "[\\s\\u00a0]*";
/** Day/month/year in figures, or "ngày 16 tháng 5 năm 2025"; day may be blank, year may be missing. */
const DATE_RE = new RegExp(
  [
    `(?:ngày${S})?(\\d{1,2})${S}[/.-]${S}(\\d{1,2})(?:${S}[/.-]${S}(\\d{4}))?(?![\\d/])`,
    `ngày${S}(\\d{1,2})?${S},?${S}tháng${S}(\\d{1,2})(?:${S},?${S}năm${S}(\\d{4}))?`,
    `tháng${S}(\\d{1,2})${S}(?:[/.-]|năm)${S}(\\d{4})`,
    `(?:hết${S}|cuối${S})?năm${S}(\\d{4})`,
  ].join("|"),
  "giu",
);

/** Every date in `text`, in order; `edge` says how a month or year alone is read. */
export function findDates(text: string, options: { edge?: DateEdge; year?: number } = {}): FoundDate[] {
  const edge = options.edge ?? "end";
  const found: FoundDate[] = [];
  for (const match of text.matchAll(DATE_RE)) {
    const [all, d1, m1, y1, d2, m2, y2, m3, y3, y4] = match;
    let iso: string | null = null;
    if (m1) {
      const year = y1 ? Number(y1) : options.year;
      // "1/2021" without "ngày" is a number's year, not a date; a bare "12/5" needs "ngày".
      if (!y1 && !/^ngày/i.test(all)) continue;
      if (year) iso = toIso(year, Number(m1), Number(d1));
    } else if (m2) {
      const year = y2 ? Number(y2) : options.year;
      if (year) iso = d2 ? toIso(year, Number(m2), Number(d2)) : monthDate(year, Number(m2), edge);
    } else if (m3 && y3) iso = monthDate(Number(y3), Number(m3), edge);
    else if (y4) iso = edge === "start" ? `${y4}-01-01` : `${y4}-12-31`;
    if (iso) found.push({ iso, index: match.index ?? 0, length: all.length });
  }
  return found;
}

/** The first date at the very start of `text` (after spaces and a comma), or null. */
export function dateAtStart(
  text: string,
  options: { edge?: DateEdge; year?: number } = {},
): FoundDate | null {
  const first = findDates(text.slice(0, 60), options)[0];
  if (!first) return null;
  return /^[\s,;:(]*(?:ban hành|ký)?[\s,]*$/i.test(text.slice(0, first.index)) ? first : null;
}
