// The opinion tasks: what each labels, the corpus it learns from, and the recipe that trained its model.
// A new task (rumours) is one more entry here, with its reader and recipe.
import { type Example, readUitVsfc, readVihsd, type Split } from "./datasets.js";
import type { FeatureConfig } from "./features.js";

export const OPINION_TASKS = ["sentiment", "toxicity"] as const;
export type OpinionTask = (typeof OPINION_TASKS)[number];

export function isOpinionTask(value: string): value is OpinionTask {
  return (OPINION_TASKS as readonly string[]).includes(value);
}

/** One linear model of an ensemble: its features and its share of the summed scores. */
export interface MemberRecipe {
  features: FeatureConfig;
  /** SVM cost (inverse regularisation). */
  cost: number;
  share: number;
}

export interface TaskRecipe {
  members: MemberRecipe[];
  /** Class weights are (n / (classes × class count)) ** power: 1 balances the classes fully. */
  classWeightPower: number;
  /** Also train on every example folded without diacritics, for messages typed without them. */
  augmentFolded: boolean;
  /** Folds of the cross-validation whose predictions tune the class biases (0: no tuning). */
  biasFolds: number;
  /** What the class biases maximise on those predictions. */
  biasObjective: "macroF1" | "macroAndWeightedF1";
}

export interface TaskDefinition {
  task: OpinionTask;
  /** Label names by index: the index is what the command line prints. */
  labels: readonly string[];
  /** The corpus, for the model file and the README. */
  credit: string;
  read(dataDir: string, split: Split): Example[];
  recipe: TaskRecipe;
}

const negation = { window: 4, weight: 0.5 };

export const TASKS: Readonly<Record<OpinionTask, TaskDefinition>> = {
  sentiment: {
    task: "sentiment",
    labels: ["negative", "neutral", "positive"],
    credit:
      "UIT-VSFC (Nguyen, K. V. et al., 'UIT-VSFC: Vietnamese Students' Feedback Corpus for " +
      "Sentiment Analysis', KSE 2018), UIT NLP Group; for research",
    read: readUitVsfc,
    recipe: {
      members: [
        {
          features: { bits: 20, words: { ngrams: 3, weight: 1 }, foldedWords: null, chars: null, negation },
          cost: 1,
          share: 1,
        },
      ],
      classWeightPower: 1,
      augmentFolded: true,
      biasFolds: 5,
      biasObjective: "macroAndWeightedF1",
    },
  },
  toxicity: {
    task: "toxicity",
    labels: ["clean", "offensive", "hate"],
    credit:
      "ViHSD (Luu, S. T., Nguyen, K. V., Nguyen, N. L.-T., 'A Large-Scale Dataset for Hate Speech " +
      "Detection on Vietnamese Social Media Texts', IEA/AIE 2021), UIT NLP Group; for research",
    read: readVihsd,
    recipe: {
      members: [
        {
          features: {
            bits: 20,
            words: { ngrams: 2, weight: 1 },
            foldedWords: { ngrams: 2, weight: 1 },
            chars: { min: 2, max: 5, weight: 1 },
          },
          cost: 0.1,
          share: 1,
        },
      ],
      classWeightPower: 1,
      augmentFolded: true,
      biasFolds: 5,
      biasObjective: "macroF1",
    },
  },
};
