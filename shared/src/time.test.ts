import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  fromWardClock,
  parseDailyWindow,
  parseWardDate,
  wardClock,
  windowEndIfInside,
} from "./time.js";

describe("ward time", () => {
  it("formats an instant as dd/mm/yyyy in Asia/Ho_Chi_Minh, crossing midnight UTC", () => {
    // 17:30 UTC on 31/12/2025 is already 00:30 on 01/01/2026 in Hanoi.
    expect(formatDate("2025-12-31T17:30:00Z")).toBe("01/01/2026");
    expect(formatDateTime("2025-12-31T17:30:00Z")).toBe("00:30 01/01/2026");
  });

  it("round-trips wall-clock parts", () => {
    const at = fromWardClock({ year: 2026, month: 3, day: 2, hour: 7, minute: 30 });
    expect(at.toISOString()).toBe("2026-03-02T00:30:00.000Z");
    expect(wardClock(at)).toMatchObject({ year: 2026, month: 3, day: 2, hour: 7, minute: 30, weekday: 1 });
  });

  it("parses dd/mm/yyyy and rejects impossible dates", () => {
    expect(parseWardDate("29/11/2025")?.toISOString()).toBe("2025-11-28T17:00:00.000Z");
    expect(parseWardDate("30/02/2026")).toBeUndefined();
    expect(parseWardDate("2026-02-01")).toBeUndefined();
  });
});

describe("quiet hours", () => {
  const quiet = parseDailyWindow("22:00-06:00")!;
  const at = (iso: string) => new Date(iso);

  it("holds a send due at 23:15 until 06:00 the next morning (ward time)", () => {
    // 23:15 in Hanoi on 01/12/2026 is 16:15 UTC.
    expect(windowEndIfInside(quiet, at("2026-12-01T16:15:00Z"))?.toISOString()).toBe(
      "2026-12-01T23:00:00.000Z",
    );
  });

  it("holds a send due at 05:59 until 06:00 the same morning", () => {
    expect(windowEndIfInside(quiet, at("2026-12-01T22:59:00Z"))?.toISOString()).toBe(
      "2026-12-01T23:00:00.000Z",
    );
  });

  it("lets a send due at 06:00 or 21:59 go", () => {
    expect(windowEndIfInside(quiet, at("2026-12-01T23:00:00Z"))).toBeUndefined();
    expect(windowEndIfInside(quiet, at("2026-12-01T14:59:00Z"))).toBeUndefined();
  });

  it("rejects malformed windows", () => {
    expect(parseDailyWindow("22h-6h")).toBeUndefined();
    expect(parseDailyWindow("24:00-06:00")).toBeUndefined();
  });
});
