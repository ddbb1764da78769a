import { vnDayNumber, vnMonthNumber } from "../time/vn-time.js";

/**
 * A count that starts again every Asia/Ho_Chi_Minh calendar day, as Zalo's daily quotas do. It rolls
 * over lazily on the next read, so no timer runs at midnight.
 */
export class DailyQuota {
  private day = Number.NaN;
  private used = 0;

  constructor(readonly limit: number) {}

  remaining(now: number): number {
    this.roll(now);
    return Math.max(0, this.limit - this.used);
  }

  /** Counts one use; false (and nothing counted) when the day's quota is spent. */
  tryTake(now: number): boolean {
    this.roll(now);
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  reset(): void {
    this.used = 0;
  }

  private roll(now: number): void {
    const day = vnDayNumber(now);
    if (day === this.day) return;
    this.day = day;
    this.used = 0;
  }
}

interface KeyCount {
  day: number;
  dayCount: number;
  month: number;
  monthCount: number;
}

/**
 * What each key (a user) has received today and this calendar month, in Vietnam's calendar: the
 * per-recipient caps of Mini App notifications and article broadcasts.
 */
export class PerKeyCaps {
  private readonly counts = new Map<string, KeyCount>();

  constructor(
    private readonly perDay: number,
    private readonly perMonth: number = Number.POSITIVE_INFINITY,
  ) {}

  canTake(key: string, now: number): boolean {
    const count = this.current(key, now);
    return count.dayCount < this.perDay && count.monthCount < this.perMonth;
  }

  record(key: string, now: number): void {
    const count = this.current(key, now);
    count.dayCount++;
    count.monthCount++;
    this.counts.set(key, count);
  }

  reset(): void {
    this.counts.clear();
  }

  private current(key: string, now: number): KeyCount {
    const day = vnDayNumber(now);
    const month = vnMonthNumber(now);
    const count = this.counts.get(key) ?? { day, dayCount: 0, month, monthCount: 0 };
    if (count.day !== day) {
      count.day = day;
      count.dayCount = 0;
    }
    if (count.month !== month) {
      count.month = month;
      count.monthCount = 0;
    }
    return count;
  }
}
