// Class biases: amounts added to each class's score before the largest is taken. A rare class (neutral
// sentiment, offensive and hate) is under-predicted by a model that minimises errors overall; a small
// bias, chosen on predictions for examples the model did not see, trades a little of the common
// classes' precision for the rare ones' recall.
import { type Figures, scoreLabels } from "./metrics.js";

export type BiasObjective = "macroF1" | "macroAndWeightedF1";

export function argmaxWithBias(scores: ArrayLike<number>, bias: readonly number[]): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]! + (bias[k] ?? 0);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

function objectiveOf(figures: Figures, objective: BiasObjective): number {
  return objective === "macroF1" ? figures.macroF1 : (figures.macroF1 + figures.weightedF1) / 2;
}

/**
 * The biases (the first class's fixed at 0) that maximise the objective over `scores`, by coordinate
 * ascent on a grid of steps of 0.05 within ±1. Ties keep the bias nearest 0.
 */
export function tuneClassBias(
  scores: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  classes: number,
  objective: BiasObjective,
): number[] {
  const bias = new Array<number>(classes).fill(0);
  const grid = Array.from({ length: 41 }, (_, i) => Math.round((i - 20) * 5) / 100).sort(
    (a, b) => Math.abs(a) - Math.abs(b),
  );
  const predicted = new Int32Array(scores.length);
  const evaluate = () => {
    for (let i = 0; i < scores.length; i++) predicted[i] = argmaxWithBias(scores[i]!, bias);
    return objectiveOf(scoreLabels(labels, predicted, classes), objective);
  };
  for (let round = 0; round < 3; round++) {
    for (let k = 1; k < classes; k++) {
      let best = Number.NEGATIVE_INFINITY;
      let bestValue = 0;
      for (const value of grid) {
        bias[k] = value;
        const score = evaluate();
        if (score > best + 1e-12) {
          best = score;
          bestValue = value;
        }
      }
      bias[k] = bestValue;
    }
  }
  return bias;
}
