import { describe, expect, it } from "vitest";
import { scoreLabels } from "./metrics.js";

describe("figures of predicted labels", () => {
  it("computes per-class F1, their macro mean and their mean weighted by support", () => {
    // Class 0: 4 examples, 3 found, 1 false alarm; class 1: 2 examples, 1 found; class 2: none predicted.
    const truth = [0, 0, 0, 0, 1, 1, 2];
    const predicted = [0, 0, 0, 1, 1, 0, 1];
    const figures = scoreLabels(truth, predicted, 3);
    expect(figures.perClass.map((c) => c.f1)).toEqual([0.75, 0.4, 0]);
    expect(figures.macroF1).toBeCloseTo((0.75 + 0.4) / 3, 12);
    expect(figures.weightedF1).toBeCloseTo((0.75 * 4 + 0.4 * 2) / 7, 12);
    expect(figures.accuracy).toBeCloseTo(4 / 7, 12);
    expect(figures.confusion).toEqual([
      [3, 1, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
  });

  it("refuses predictions that do not line up with the truth", () => {
    expect(() => scoreLabels([0, 1], [0], 2)).toThrow(/2 true labels but 1/);
    expect(() => scoreLabels([0], [5], 2)).toThrow(/not a label/);
  });
});
