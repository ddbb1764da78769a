// `npm run opinion:train [-- --task sentiment|toxicity|all] [--seed N] [--data DIR] [--extra FILE.jsonl]
// [--out DIR]`: trains the models from the corpora where they lie and writes them to bot-server/models/.
// The same data and seed give the same bytes (set SOURCE_DATE_EPOCH to keep the version's day too).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { wardClock } from "@loa-phuong/shared";
import { MODELS_DIR, modelFileName } from "./classify.js";
import { readExtraExamples } from "./datasets.js";
import type { DevFigures } from "./model-file.js";
import { isOpinionTask, OPINION_TASKS, type OpinionTask, TASKS } from "./tasks.js";
import { trainOpinionModel } from "./train.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, "../shared/data");
export const DEFAULT_SEED = 144;

/** The day in model versions: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds; else today. */
export function versionDay(env: NodeJS.ProcessEnv = process.env, now = Date.now()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const at = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : now;
  const { year, month, day } = wardClock(at);
  return `${year}.${String(month).padStart(2, "0")}.${String(day).padStart(2, "0")}`;
}

function describe(figures: DevFigures, labels: readonly string[]): string {
  const perClass = figures.perClassF1.map((f1, k) => `${labels[k]} ${f1.toFixed(3)}`).join(", ");
  return (
    `dev (${figures.examples}): weighted F1 ${figures.weightedF1.toFixed(4)}, macro F1 ` +
    `${figures.macroF1.toFixed(4)}, accuracy ${figures.accuracy.toFixed(4)} [${perClass}]; without ` +
    `diacritics: weighted F1 ${figures.accentlessWeightedF1.toFixed(4)}, macro F1 ` +
    `${figures.accentlessMacroF1.toFixed(4)}`
  );
}

export async function runTrainCommand(argv: string[], log = (line: string) => console.error(line)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      task: { type: "string", default: "all" },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      data: { type: "string", default: DEFAULT_DATA_DIR },
      extra: { type: "string" },
      out: { type: "string", default: MODELS_DIR },
    },
    strict: true,
  });
  const tasks: OpinionTask[] = values.task === "all" ? [...OPINION_TASKS] : [];
  if (values.task !== "all") {
    if (!isOpinionTask(values.task)) throw new Error(`--task must be ${OPINION_TASKS.join(", ")} or all`);
    tasks.push(values.task);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be a whole number ≥ 0");
  const day = versionDay();
  mkdirSync(values.out, { recursive: true });
  for (const task of tasks) {
    const definition = TASKS[task];
    const started = performance.now();
    const extra = values.extra ? readExtraExamples(values.extra, task, definition.labels) : [];
    const command = [
      `npm run opinion:train -- --task ${task} --seed ${seed}`,
      values.extra ? ` --extra ${path.basename(values.extra)}` : "",
    ].join("");
    const result = trainOpinionModel({
      definition,
      train: definition.read(values.data, "train"),
      extra,
      dev: definition.read(values.data, "dev"),
      seed,
      command,
      day,
      log,
    });
    const file = path.join(values.out, modelFileName(task));
    writeFileSync(file, result.bytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.dev) log(`${task}: ${describe(result.dev, definition.labels)}`);
    log(
      `${task}: ${result.model.header.version}, ${(result.bytes.length / 1e6).toFixed(2)} MB → ` +
        `${path.relative(process.cwd(), file)} (${seconds} s${extra.length ? `, ${extra.length} extra` : ""})`,
    );
  }
}
