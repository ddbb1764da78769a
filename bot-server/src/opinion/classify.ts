// The runtime API: a trained model read from `bot-server/models/`, labelling messages as written (any
// case, with or without diacritics, raw or tokenised). Every label says which model version gave it.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type AnalyzedText, analyzeVietnamese } from "@loa-phuong/shared";
import { FeatureExtractor } from "./features.js";
import { scoreVector } from "./linear-model.js";
import { decodeModel, type OpinionModel } from "./model-file.js";
import type { OpinionTask } from "./tasks.js";

/** Where the committed models are (from `src/opinion/` and from `dist/opinion/` alike). */
export const MODELS_DIR = fileURLToPath(new URL("../../models/", import.meta.url));

export function modelFileName(task: OpinionTask): string {
  return `${task}.model.bin`;
}

export interface OpinionLabel {
  /** The label's name (`negative`, `hate`…). */
  label: string;
  /** Its index in the task's labels: what the command line prints. */
  labelId: number;
  /** Per label, in the task's order: the summed margins; the label is the largest. */
  scores: number[];
  modelVersion: string;
}

export class OpinionClassifier {
  readonly task: string;
  readonly labels: readonly string[];
  readonly modelVersion: string;
  private readonly extractors: FeatureExtractor[];
  private readonly memberScores: Float64Array;
  private readonly scores: Float64Array;

  constructor(readonly model: OpinionModel) {
    this.task = model.header.task;
    this.labels = model.header.labels;
    this.modelVersion = model.header.version;
    this.extractors = model.header.members.map((member) => new FeatureExtractor(member.features));
    this.memberScores = new Float64Array(this.labels.length);
    this.scores = new Float64Array(this.labels.length);
  }

  classify(text: string): OpinionLabel {
    const labelId = this.labelIdOfAnalyzed(analyzeVietnamese(text));
    return {
      label: this.labels[labelId]!,
      labelId,
      scores: Array.from(this.scores),
      modelVersion: this.modelVersion,
    };
  }

  /** Only the label's index: the fast path for labelling many messages. */
  labelIdOf(text: string): number {
    return this.labelIdOfAnalyzed(analyzeVietnamese(text));
  }

  private labelIdOfAnalyzed(text: AnalyzedText): number {
    const { header, members } = this.model;
    const scores = this.scores;
    scores.set(header.classBias);
    for (let m = 0; m < members.length; m++) {
      scoreVector(members[m]!, this.extractors[m]!.extract(text), this.memberScores);
      const share = header.members[m]!.share;
      for (let k = 0; k < scores.length; k++) scores[k]! += share * this.memberScores[k]!;
    }
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
    return best;
  }
}

/** Reads the task's model (from `modelsDir`, the committed models by default). */
export async function loadClassifier(
  task: OpinionTask,
  options: { modelsDir?: string } = {},
): Promise<OpinionClassifier> {
  const file = `${options.modelsDir ?? MODELS_DIR}/${modelFileName(task)}`;
  const model = decodeModel(await readFile(file));
  if (model.header.task !== task) throw new Error(`${file} holds a ${model.header.task} model, not ${task}`);
  return new OpinionClassifier(model);
}
