import { describe, expect, it } from "vitest";
import { IntakeMeter } from "./intake-meter.js";

describe("the webhook intake meter", () => {
  it("counts the events of the last second and forgets older ones", () => {
    let now = 1_000_000;
    const meter = new IntakeMeter(100, () => now);
    meter.record(60);
    now += 450;
    meter.record(50);
    expect(meter.perSecond()).toBe(110);
    expect(meter.busy()).toBe(true);
    now += 600; // the first 60 are now more than a second old
    expect(meter.perSecond()).toBe(50);
    expect(meter.busy()).toBe(false);
    now += 5_000;
    expect(meter.perSecond()).toBe(0);
    meter.record(3);
    expect(meter.perSecond()).toBe(3);
  });
});
