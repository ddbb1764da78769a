// How well predicted labels match the truth: per-class precision, recall and F1, their macro mean (each
// class alike: what matters when a class is rare) and their mean weighted by each class's support.

export interface ClassFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Figures {
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: ClassFigures[];
  /** confusion[truth][predicted] */
  confusion: number[][];
}

export function scoreLabels(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Figures {
  if (truth.length !== predicted.length)
    throw new Error(`${truth.length} true labels but ${predicted.length} predictions`);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (p < 0 || p >= classes) throw new Error(`prediction ${i} is not a label: ${p}`);
    confusion[t]![p]!++;
    if (t === p) correct++;
  }
  const perClass = confusion.map((row, k) => {
    const support = row.reduce((sum, n) => sum + n, 0);
    const predictedAsK = confusion.reduce((sum, r) => sum + r[k]!, 0);
    const hits = row[k]!;
    const precision = predictedAsK === 0 ? 0 : hits / predictedAsK;
    const recall = support === 0 ? 0 : hits / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, support };
  });
  const total = truth.length;
  return {
    accuracy: total === 0 ? 0 : correct / total,
    macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / classes,
    weightedF1: total === 0 ? 0 : perClass.reduce((sum, c) => sum + c.f1 * c.support, 0) / total,
    perClass,
    confusion,
  };
}
