// Training one task's model: features of every example (and of its folded copy), one-vs-rest SVMs per
// ensemble member, class biases tuned on cross-validated predictions over the training set (the dev
// split only reports), weights quantised into the model file, and the dev figures of that file.
import { analyzeVietnamese, foldDiacritics } from "@loa-phuong/shared";
import { tuneClassBias } from "./class-bias.js";
import { OpinionClassifier } from "./classify.js";
import type { Example } from "./datasets.js";
import { FeatureExtractor } from "./features.js";
import {
  balancedClassWeights,
  type LinearModel,
  type SparseRow,
  scoreVector,
  toSparseRow,
  trainOneVsRestSvm,
} from "./linear-model.js";
import { scoreLabels } from "./metrics.js";
import { type DevFigures, encodeModel, type ModelDraft, type OpinionModel } from "./model-file.js";
import { seededRandom, shuffledRange } from "./random.js";
import type { TaskDefinition } from "./tasks.js";

export interface TrainOptions {
  definition: Pick<TaskDefinition, "task" | "labels" | "credit" | "recipe">;
  train: readonly Example[];
  /** Examples added to the corpus's (staff corrections). */
  extra?: readonly Example[];
  /** Labelled examples to report figures on; never trained on. */
  dev?: readonly Example[];
  seed: number;
  /** The command line that reproduces this training, recorded in the model file. */
  command: string;
  /** The day in the model version, `yyyy.mm.dd`. */
  day: string;
  log?: (line: string) => void;
}

export interface TrainResult {
  bytes: Buffer;
  model: OpinionModel;
  dev: DevFigures | null;
}

/** Messages typed without diacritics: how the folded training copies and the accentless figures read. */
export function withoutDiacritics(text: string): string {
  return foldDiacritics(text.normalize("NFC"));
}

export function trainOpinionModel(options: TrainOptions): TrainResult {
  const { definition, seed } = options;
  const { recipe, labels } = definition;
  const log = options.log ?? (() => {});
  const examples = [...options.train, ...(options.extra ?? [])];
  const classes = labels.length;
  const labelOf = Int32Array.from(examples, (e) => e.label);
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const analyzed = examples.map((e) => analyzeVietnamese(e.text));
  const analyzedFolded = recipe.augmentFolded
    ? examples.map((e) => analyzeVietnamese(withoutDiacritics(e.text)))
    : [];
  const views = recipe.members.map((member) => {
    const extractor = new FeatureExtractor(member.features);
    return {
      rows: analyzed.map((text) => toSparseRow(extractor.extract(text))),
      foldedRows: analyzedFolded.map((text) => toSparseRow(extractor.extract(text))),
    };
  });
  log(`${definition.task}: ${examples.length} examples read and featurised (${seconds()})`);

  const fit = (subset: Int32Array): LinearModel[] =>
    recipe.members.map((member, m) => {
      const view = views[m]!;
      const rows: SparseRow[] = [];
      const rowLabels: number[] = [];
      const weights: number[] = [];
      const add = (source: SparseRow[]) => {
        for (const i of subset) {
          rows.push(source[i]!);
          rowLabels.push(labelOf[i]!);
          weights.push(examples[i]!.weight ?? 1);
        }
      };
      add(view.rows);
      if (recipe.augmentFolded) add(view.foldedRows);
      const set = {
        rows,
        labels: Int32Array.from(rowLabels),
        exampleWeights: Float32Array.from(weights),
        classes,
        dims: 2 ** member.features.bits,
      };
      return trainOneVsRestSvm(set, {
        cost: member.cost,
        classWeights: balancedClassWeights(set.labels, classes, recipe.classWeightPower),
        seed: seed * 31 + m,
        maxPasses: 50,
        tolerance: 0.1,
      });
    });

  const classBias = new Array<number>(classes).fill(0);
  if (recipe.biasFolds > 1) {
    const scores = crossValidatedScores(examples.length, recipe.biasFolds, seed, fit, (models, i) =>
      ensembleScores(models, recipe.members, (m) => views[m]!.rows[i]!),
    );
    classBias.splice(0, classes, ...tuneClassBias(scores, labelOf, classes, recipe.biasObjective));
    const before = scoreLabels(labelOf, scores.map(argmax), classes);
    log(
      `${definition.task}: ${recipe.biasFolds}-fold cross-validation on train: weighted F1 ` +
        `${before.weightedF1.toFixed(4)}, macro F1 ${before.macroF1.toFixed(4)}; class biases ` +
        `[${classBias.join(", ")}] (${seconds()})`,
    );
  }

  const models = fit(Int32Array.from(examples.keys()));
  const draft: ModelDraft = {
    task: definition.task,
    labels: [...labels],
    members: recipe.members.map((member, m) => ({
      model: models[m]!,
      features: member.features,
      share: member.share,
    })),
    classBias,
    provenance: {
      command: options.command,
      seed,
      data: definition.credit,
      examples: options.train.length,
      extraExamples: options.extra?.length ?? 0,
    },
    dev: null,
    day: options.day,
  };
  const trained = encodeModel(draft);
  log(`${definition.task}: trained on all ${examples.length} examples (${seconds()})`);
  if (!options.dev || options.dev.length === 0) return { ...trained, dev: null };
  // Figures of the weights as stored (quantised), written into the header; the version stays the same.
  const dev = devFigures(new OpinionClassifier(trained.model), options.dev);
  return { ...encodeModel({ ...draft, dev }), dev };
}

function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

function ensembleScores(
  models: LinearModel[],
  members: readonly { share: number }[],
  rowOf: (m: number) => SparseRow,
): Float64Array {
  const total = new Float64Array(models[0]!.classes);
  const scores = new Float64Array(total.length);
  models.forEach((model, m) => {
    const row = rowOf(m);
    scoreVector(model, { indices: row.indices, values: row.values, length: row.indices.length }, scores);
    for (let k = 0; k < total.length; k++) total[k]! += members[m]!.share * scores[k]!;
  });
  return total;
}

/** Each example's scores from models trained on the other folds. */
function crossValidatedScores(
  n: number,
  folds: number,
  seed: number,
  fit: (subset: Int32Array) => LinearModel[],
  score: (models: LinearModel[], i: number) => Float64Array,
): Float64Array[] {
  const order = shuffledRange(n, seededRandom(seed ^ 0x2545f491));
  const foldOf = new Int32Array(n);
  order.forEach((i, position) => {
    foldOf[i] = position % folds;
  });
  const scores = new Array<Float64Array>(n);
  for (let f = 0; f < folds; f++) {
    const models = fit(Int32Array.from(foldOf.keys()).filter((i) => foldOf[i] !== f));
    for (let i = 0; i < n; i++) if (foldOf[i] === f) scores[i] = score(models, i);
  }
  return scores;
}

/** The model's figures on labelled examples, as written and folded without diacritics. */
export function devFigures(classifier: OpinionClassifier, examples: readonly Example[]): DevFigures {
  const classes = classifier.labels.length;
  const truth = examples.map((e) => e.label);
  const asWritten = scoreLabels(
    truth,
    examples.map((e) => classifier.labelIdOf(e.text)),
    classes,
  );
  const accentless = scoreLabels(
    truth,
    examples.map((e) => classifier.labelIdOf(withoutDiacritics(e.text))),
    classes,
  );
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    examples: examples.length,
    accuracy: round(asWritten.accuracy),
    weightedF1: round(asWritten.weightedF1),
    macroF1: round(asWritten.macroF1),
    perClassF1: asWritten.perClass.map((c) => round(c.f1)),
    accentlessWeightedF1: round(accentless.weightedF1),
    accentlessMacroF1: round(accentless.macroF1),
  };
}
