import { describe, expect, it } from "vitest";
import { formatVnDate, formatVnDateTime, parseInteractionPeriod, vnDayNumber } from "./vn-time.js";

describe("Hanoi calendar helpers", () => {
  it("formats in UTC+7", () => {
    const lateUtcEvening = Date.UTC(2026, 11, 31, 17, 5);
    expect(formatVnDate(lateUtcEvening)).toBe("01/01/2027");
    expect(formatVnDateTime(lateUtcEvening)).toBe("01/01/2027 00:05");
  });

  it("parses the getlist periods relative to today in Hanoi", () => {
    const now = Date.UTC(2026, 10, 26, 3);
    const today = vnDayNumber(now);
    expect(parseInteractionPeriod("TODAY", now)).toEqual({ fromDay: today, toDay: today });
    expect(parseInteractionPeriod("YESTERDAY", now)).toEqual({ fromDay: today - 1, toDay: today - 1 });
    expect(parseInteractionPeriod("L7D", now)).toEqual({ fromDay: today - 6, toDay: today });
    expect(parseInteractionPeriod("L30D", now)).toEqual({ fromDay: today - 29, toDay: today });
    expect(parseInteractionPeriod("2026_11_20:2026_11_26", now)).toEqual({
      fromDay: today - 6,
      toDay: today,
    });
  });

  it("rejects unknown periods, impossible dates and reversed ranges", () => {
    const now = Date.UTC(2026, 10, 26, 3);
    for (const bad of [
      "L14D",
      "2026_02_30:2026_03_01",
      "2026_11_26:2026_11_20",
      "2026-11-01:2026-11-02",
      "",
    ]) {
      expect(parseInteractionPeriod(bad, now)).toBeUndefined();
    }
  });
});
