/** The ward's time zone; every date a person reads is in it. */
export const WARD_TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: WARD_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: WARD_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(at: Date | string | number): string {
  return dateFormat.format(new Date(at));
}

/** HH:mm dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDateTime(at: Date | string | number): string {
  const d = new Date(at);
  return `${timeFormat.format(d)} ${dateFormat.format(d)}`;
}

/** Vietnam has had no daylight saving time since 1975: the offset is always +07:00. */
const WARD_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Wall-clock parts of an instant in the ward's time zone. */
export function wardClock(at: Date | number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
} {
  const d = new Date(new Date(at).getTime() + WARD_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a wall-clock time in the ward's time zone. */
export function fromWardClock(parts: {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}): Date {
  return new Date(
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0) - WARD_OFFSET_MS,
  );
}

/** Parses dd/mm/yyyy (or dd/mm/yyyy HH:mm) as ward time; undefined when it is not a real date. */
export function parseWardDate(text: string): Date | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const at = fromWardClock({ year, month, day, hour, minute });
  const back = wardClock(at);
  if (back.day !== day || back.month !== month || hour > 23 || minute > 59) return undefined;
  return at;
}

/** A daily window in ward time, e.g. quiet hours 22:00–06:00 (may wrap past midnight). */
export interface DailyWindow {
  startMinute: number;
  endMinute: number;
}

/** Parses "HH:mm-HH:mm"; undefined when malformed. */
export function parseDailyWindow(text: string): DailyWindow | undefined {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return undefined;
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
}

/** When `at` falls inside the window, the instant it ends (ward time); otherwise undefined. */
export function windowEndIfInside(window: DailyWindow, at: Date | number): Date | undefined {
  const c = wardClock(at);
  const minute = c.hour * 60 + c.minute;
  const { startMinute: s, endMinute: e } = window;
  if (s === e) return undefined;
  const wraps = s > e;
  const inside = wraps ? minute >= s || minute < e : minute >= s && minute < e;
  if (!inside) return undefined;
  const endToday = fromWardClock({
    year: c.year,
    month: c.month,
    day: c.day,
    hour: Math.floor(e / 60),
    minute: e % 60,
  });
  // Inside a wrapping window before midnight, it ends tomorrow.
  return wraps && minute >= s ? new Date(endToday.getTime() + 86_400_000) : endToday;
}
