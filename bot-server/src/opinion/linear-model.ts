// A linear model over hashed features: one weight per bucket and class, one bias per class. Trained as
// one-vs-rest L2-loss linear SVMs by dual coordinate descent (Hsieh et al. 2008, LIBLINEAR's default
// solver): no learning rate to tune, few passes, and deterministic for a seed.
import type { SparseVector } from "./features.js";
import { seededRandom, shuffledRange } from "./random.js";

export interface LinearModel {
  classes: number;
  /** Number of feature buckets. */
  dims: number;
  /** Bucket-major: the weight of bucket j for class k is `weights[j * classes + k]`. */
  weights: Float32Array;
  bias: Float32Array;
}

/** One training example's features with repeated buckets summed, in bucket order. */
export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

export interface TrainingSet {
  rows: SparseRow[];
  labels: Int32Array;
  /** Each example's weight (1 when absent): its cost is multiplied by it. */
  exampleWeights?: Float32Array;
  classes: number;
  dims: number;
}

export interface SvmOptions {
  /** Inverse regularisation strength. */
  cost: number;
  /** Each class's cost multiplier, for classes of unequal size. */
  classWeights: readonly number[];
  seed: number;
  /** Passes over the data at most. */
  maxPasses: number;
  /** Stops when the projected gradient's spread falls below this (LIBLINEAR's eps). */
  tolerance: number;
}

/** Adds each class's score for `vector` to `out` (bias first). */
export function scoreVector(model: LinearModel, vector: SparseVector, out: Float64Array): void {
  const { classes, weights, bias } = model;
  for (let k = 0; k < classes; k++) out[k] = bias[k]!;
  const { indices, values, length } = vector;
  for (let i = 0; i < length; i++) {
    const base = indices[i]! * classes;
    const value = values[i]!;
    for (let k = 0; k < classes; k++) out[k]! += weights[base + k]! * value;
  }
}

/** The vector's features with repeated buckets summed (a training example to keep). */
export function toSparseRow(vector: SparseVector): SparseRow {
  const sums = new Map<number, number>();
  for (let i = 0; i < vector.length; i++) {
    const index = vector.indices[i]!;
    sums.set(index, (sums.get(index) ?? 0) + vector.values[i]!);
  }
  const indices = Int32Array.from([...sums.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(indices, (index) => sums.get(index)!);
  return { indices, values };
}

/** Class weights that give every class the same total weight: n / (classes × count of the class). */
export function balancedClassWeights(labels: ArrayLike<number>, classes: number, power = 1): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  return counts.map((count) => (count === 0 ? 1 : (labels.length / (classes * count)) ** power));
}

const BIAS_FEATURE = 1;

/** Trains one binary L2-loss SVM per class (that class against the rest). */
export function trainOneVsRestSvm(set: TrainingSet, options: SvmOptions): LinearModel {
  const { classes, dims, rows, labels } = set;
  const weights = new Float32Array(dims * classes);
  const bias = new Float32Array(classes);
  const squaredNorms = rows.map(
    (row) => row.values.reduce((sum, v) => sum + v * v, 0) + BIAS_FEATURE * BIAS_FEATURE,
  );
  for (let k = 0; k < classes; k++) {
    const classWeight = options.classWeights[k] ?? 1;
    const costs = Float64Array.from(
      labels,
      (label, i) => options.cost * (label === k ? classWeight : 1) * (set.exampleWeights?.[i] ?? 1),
    );
    const { w, b } = trainBinarySvm(rows, squaredNorms, (i) => labels[i] === k, costs, {
      dims,
      seed: options.seed + k,
      maxPasses: options.maxPasses,
      tolerance: options.tolerance,
    });
    for (let j = 0; j < dims; j++) weights[j * classes + k] = w[j]!;
    bias[k] = b;
  }
  return { classes, dims, weights, bias };
}

interface BinaryOptions {
  dims: number;
  seed: number;
  maxPasses: number;
  tolerance: number;
}

function trainBinarySvm(
  rows: SparseRow[],
  squaredNorms: number[],
  isPositive: (i: number) => boolean,
  costs: Float64Array,
  options: BinaryOptions,
): { w: Float64Array; b: number } {
  const n = rows.length;
  const w = new Float64Array(options.dims);
  let b = 0;
  const alpha = new Float64Array(n);
  const y = Int8Array.from({ length: n }, (_, i) => (isPositive(i) ? 1 : -1));
  // L2 loss: the dual's diagonal grows by 1 / (2C) and alpha has no upper bound.
  const diagonal = Float64Array.from(costs, (cost) => 0.5 / cost);
  const random = seededRandom(options.seed);
  for (let pass = 0; pass < options.maxPasses; pass++) {
    const order = shuffledRange(n, random);
    let maxGradient = Number.NEGATIVE_INFINITY;
    let minGradient = Number.POSITIVE_INFINITY;
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      const { indices, values } = rows[i]!;
      let margin = b * BIAS_FEATURE;
      for (let p = 0; p < indices.length; p++) margin += w[indices[p]!]! * values[p]!;
      const yi = y[i]!;
      const gradient = yi * margin - 1 + diagonal[i]! * alpha[i]!;
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxGradient = Math.max(maxGradient, projected);
      minGradient = Math.min(minGradient, projected);
      if (projected === 0) continue;
      const previous = alpha[i]!;
      alpha[i] = Math.max(previous - gradient / (squaredNorms[i]! + diagonal[i]!), 0);
      const step = (alpha[i]! - previous) * yi;
      for (let p = 0; p < indices.length; p++) w[indices[p]!]! += step * values[p]!;
      b += step * BIAS_FEATURE;
    }
    if (maxGradient - minGradient < options.tolerance) break;
  }
  return { w, b };
}
