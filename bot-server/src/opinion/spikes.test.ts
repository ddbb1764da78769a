import { describe, expect, it } from "vitest";
import {
  DEFAULT_SPIKE_RULES,
  detectSpikes,
  GROUP_PRIVACY_MIN_RESIDENTS,
  groupBucket,
  groupKeyOf,
  poissonTail,
  spikeThreshold,
} from "./spikes.js";

describe("poissonTail", () => {
  it("is the chance of at least k events at a rate", () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), 12);
  });
});

describe("detectSpikes", () => {
  const row = (recent: number, history: number, groupKey = "g1") => ({
    themeKey: "t1",
    groupKey,
    recent,
    history,
  });

  it("raises a burst from a group that was quiet for two weeks", () => {
    const [spike] = detectSpikes([row(12, 3)]);
    expect(spike).toMatchObject({ themeKey: "t1", groupKey: "g1", recent: 12, history: 3 });
    expect(spike?.dailyMean).toBeCloseTo(3 / 14, 12);
  });

  it("never calls a handful of messages a spike, however quiet the group was", () => {
    expect(detectSpikes([row(DEFAULT_SPIKE_RULES.minCount - 1, 0)])).toEqual([]);
    expect(detectSpikes([row(DEFAULT_SPIKE_RULES.minCount, 0)])).toHaveLength(1);
  });

  it("does not raise a group that always talks this much about the theme", () => {
    // Eight a day for two weeks: twelve today is within what that rate gives.
    expect(detectSpikes([row(12, 8 * 14)])).toEqual([]);
    // Twenty-five is not.
    expect(detectSpikes([row(25, 8 * 14)])).toHaveLength(1);
  });

  it("asks more of a busier group before it calls a day a spike", () => {
    expect(spikeThreshold(0)).toBe(DEFAULT_SPIKE_RULES.minCount);
    expect(spikeThreshold(1)).toBeGreaterThan(spikeThreshold(0));
    expect(spikeThreshold(8)).toBeGreaterThan(spikeThreshold(1));
  });

  it("puts the biggest jump first", () => {
    const spikes = detectSpikes([row(6, 0, "g1"), row(30, 0, "g2"), row(3, 0, "g3")]);
    expect(spikes.map((s) => s.groupKey)).toEqual(["g2", "g1"]);
  });
});

describe("the privacy fold", () => {
  const residents = new Map([
    ["big", GROUP_PRIVACY_MIN_RESIDENTS],
    ["small", GROUP_PRIVACY_MIN_RESIDENTS - 1],
  ]);

  it("names a group of 5 residents or more", () => {
    expect(groupBucket("big", residents)).toEqual({ kind: "group", groupId: "big" });
    expect(groupKeyOf(groupBucket("big", residents))).toBe("big");
  });

  it("folds a group of fewer than 5 residents, or one with no confirmed resident, into one unnamed row", () => {
    expect(groupBucket("small", residents)).toEqual({ kind: "small" });
    expect(groupBucket("unknown", residents)).toEqual({ kind: "small" });
    expect(groupKeyOf(groupBucket("small", residents))).toBe(groupKeyOf(groupBucket("unknown", residents)));
  });

  it("keeps messages with no group apart from the small groups", () => {
    expect(groupBucket(null, residents)).toEqual({ kind: "none" });
    expect(groupKeyOf(groupBucket(null, residents))).not.toBe(groupKeyOf(groupBucket("small", residents)));
  });
});
