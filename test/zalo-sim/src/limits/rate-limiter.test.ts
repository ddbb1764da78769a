import { afterEach, describe, expect, it } from "vitest";
import { buildUser, sendText, startTestSim } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";
import { FixedWindowLimiter, SlidingWindowLimiter } from "./rate-limiter.js";

describe("SlidingWindowLimiter", () => {
  it("allows n sends in any one-second window", () => {
    const limiter = new SlidingWindowLimiter(3);
    const accept = (t: number) => {
      if (!limiter.canAccept(t)) return false;
      limiter.record(t);
      return true;
    };
    expect([0, 100, 200, 300].map(accept)).toEqual([true, true, true, false]);
    // At 999 the send at 0 is still inside the window; at 1000 it has left.
    expect(accept(999)).toBe(false);
    expect(accept(1000)).toBe(true);
    expect(accept(1050)).toBe(false);
    expect(accept(1100)).toBe(true);
  });

  it("is off at 0", () => {
    const limiter = new SlidingWindowLimiter(0);
    for (let i = 0; i < 10_000; i++) limiter.record(0);
    expect(limiter.canAccept(0)).toBe(true);
  });
});

describe("FixedWindowLimiter", () => {
  it("resets at each minute boundary, not a minute after the first call", () => {
    const limiter = new FixedWindowLimiter(2, 60_000);
    expect([59_000, 59_500, 59_900].map((t) => limiter.take(t).allowed)).toEqual([true, true, false]);
    expect(limiter.take(60_000)).toEqual({ allowed: true, remaining: 1 });
  });
});

describe("ratePerSecond on the OA API", () => {
  let sim: ZaloSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("rejects sends beyond the sliding window with -32 and no ledger entry", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, ratePerSecond: 2 });
    const user = buildUser({ lastInteractionAt: now - 1000 });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const send = async () => (await sendText(sim!, accessToken, user.idByOa, "tin")).body.error;

    expect([await send(), await send(), await send()]).toEqual([0, 0, -32]);
    now += 500;
    expect(await send()).toBe(-32);
    now += 500;
    expect([await send(), await send(), await send()]).toEqual([0, 0, -32]);
    expect(sim.ledger.count()).toBe(4);
    expect(sim.stats().limitErrors).toBe(3);

    sim.setRatePerSecond(0);
    expect(await send()).toBe(0);
  });

  it("does not count rejected sends against the window", async () => {
    let now = Date.UTC(2026, 10, 26, 3, 0, 0);
    sim = await startTestSim({ now: () => now, ratePerSecond: 1 });
    const user = buildUser({ lastInteractionAt: now - 1000 });
    sim.upsertUsers([user]);
    const { accessToken } = sim.issueOaTokens();
    const send = async () => (await sendText(sim!, accessToken, user.idByOa, "tin")).body.error;

    expect(await send()).toBe(0);
    now += 900;
    expect(await send()).toBe(-32);
    now += 100;
    expect(await send()).toBe(0);
  });
});
