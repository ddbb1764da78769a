import { describe, expect, it } from "vitest";
import { argmaxWithBias, tuneClassBias } from "./class-bias.js";
import { scoreLabels } from "./metrics.js";

describe("class biases", () => {
  it("raise a rare class the scores under-predict, and so its F1", () => {
    // The rare class 1 always scores a little below the winner: never predicted without a bias.
    const labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
    const scores = labels.map((label) =>
      label === 1 ? [0.5, 0.4, -1] : label === 0 ? [1, 0, -1] : [-1, 0, 1],
    );
    const before = scoreLabels(
      labels,
      scores.map((s) => argmaxWithBias(s, [0, 0, 0])),
      3,
    );
    const bias = tuneClassBias(scores, labels, 3, "macroF1");
    const after = scoreLabels(
      labels,
      scores.map((s) => argmaxWithBias(s, bias)),
      3,
    );
    expect(before.perClass[1]!.f1).toBe(0);
    expect(bias[0]).toBe(0);
    expect(bias[1]).toBeGreaterThan(0.1);
    expect(after.macroF1).toBe(1);
  });

  it("keeps every bias at 0 when the scores are already right", () => {
    const labels = [0, 1, 2];
    const scores = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(tuneClassBias(scores, labels, 3, "macroAndWeightedF1")).toEqual([0, 0, 0]);
  });
});
