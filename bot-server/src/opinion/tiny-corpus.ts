// A tiny task and corpus for the opinion tests: learnt in milliseconds, and only by reading the words.
import type { Example } from "./datasets.js";
import type { TaskDefinition } from "./tasks.js";

export const TINY_TASK: Pick<TaskDefinition, "task" | "labels" | "credit" | "recipe"> = {
  task: "sentiment",
  labels: ["negative", "neutral", "positive"],
  credit: "made up for the tests",
  recipe: {
    members: [
      {
        features: { bits: 12, words: { ngrams: 2, weight: 1 }, foldedWords: null, chars: null },
        cost: 1,
        share: 1,
      },
    ],
    classWeightPower: 1,
    augmentFolded: true,
    biasFolds: 0,
    biasObjective: "macroAndWeightedF1",
  },
};

const SUBJECTS = ["thầy", "cô", "giảng viên", "môn học", "phòng máy", "giáo trình"];
const OPINIONS: [string, number][] = [
  ["dạy rất hay", 2],
  ["nhiệt tình và vui vẻ", 2],
  ["tuyệt vời", 2],
  ["quá tệ", 0],
  ["nói khó hiểu", 0],
  ["rất chán", 0],
  ["học vào thứ hai", 1],
  ["có ba chương", 1],
  ["ở tầng năm", 1],
];

/** Every subject with every opinion: 54 examples, three classes of 18. */
export function tinyCorpus(): Example[] {
  return SUBJECTS.flatMap((subject) =>
    OPINIONS.map(([opinion, label]) => ({ text: `${subject} ${opinion} .`, label })),
  );
}
