// `npm run opinion:train [-- --task sentiment|toxicity|all] [--seed N] [--data DIR] [--extra FILE.jsonl]
// [--store] [--out DIR]`: trains the models from the corpora where they lie and writes them to
// bot-server/models/. `--store` adds the staff's corrections kept in the ward's store (DATABASE_URL, or
// the embedded store under DATA_DIR: stop the server first, PGlite is single-process), and the figures
// of the model it replaces are printed before the new ones, on the same dev split.
// The same data and seed give the same bytes (set SOURCE_DATE_EPOCH to keep the version's day too).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { wardClock } from "@loa-phuong/shared";
import type { Store } from "../store/database.js";
import { MODELS_DIR, modelFileName, OpinionClassifier } from "./classify.js";
import { readExtraExamples } from "./datasets.js";
import { type DevFigures, decodeModel } from "./model-file.js";
import { readStoreCorrections } from "./store-corrections.js";
import { isOpinionTask, OPINION_TASKS, type OpinionTask, TASKS } from "./tasks.js";
import { devFigures, trainOpinionModel } from "./train.js";

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
      store: { type: "boolean", default: false },
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
  const store = values.store ? await openWardStore() : null;
  try {
    for (const task of tasks) await trainTask(task, { ...values, seed, day, store }, log);
  } finally {
    await store?.close();
  }
}

/**
 * The store the server uses: PostgreSQL at DATABASE_URL, else the embedded one under DATA_DIR (read
 * only when asked: `opinion:classify` shares these modules and starts without the store's drivers).
 */
async function openWardStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const { resolveFromRoot } = await import("../config/config.js");
  const { openStore, storeOptionsFromConfig } = await import("../store/database.js");
  const dataDir = resolveFromRoot(env.DATA_DIR || ".data");
  return openStore(storeOptionsFromConfig({ DATABASE_URL: env.DATABASE_URL || undefined, dataDir }));
}

/** The model a new one replaces, if there is one that can be read. */
function previousModel(file: string) {
  try {
    return existsSync(file) ? new OpinionClassifier(decodeModel(readFileSync(file))) : null;
  } catch {
    return null;
  }
}

async function trainTask(
  task: OpinionTask,
  values: {
    data: string;
    extra?: string | undefined;
    out: string;
    seed: number;
    day: string;
    store: Store | null;
  },
  log: (line: string) => void,
) {
  const { seed, day } = values;
  const definition = TASKS[task];
  const started = performance.now();
  const fromStore = values.store ? await readStoreCorrections(values.store.db, task, definition.labels) : [];
  if (values.store) log(`${task}: ${fromStore.length} staff corrections read from the store`);
  const extra = [
    ...(values.extra ? readExtraExamples(values.extra, task, definition.labels) : []),
    ...fromStore,
  ];
  const command = [
    `npm run opinion:train -- --task ${task} --seed ${seed}`,
    values.extra ? ` --extra ${path.basename(values.extra)}` : "",
    values.store ? " --store" : "",
  ].join("");
  const dev = definition.read(values.data, "dev");
  const file = path.join(values.out, modelFileName(task));
  const previous = previousModel(file);
  if (previous && dev.length > 0)
    log(
      `${task}: before (${previous.modelVersion}): ${describe(devFigures(previous, dev), definition.labels)}`,
    );
  const result = trainOpinionModel({
    definition,
    train: definition.read(values.data, "train"),
    extra,
    dev,
    seed,
    command,
    day,
    log,
  });
  writeFileSync(file, result.bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.dev) log(`${task}: ${previous ? "after: " : ""}${describe(result.dev, definition.labels)}`);
  log(
    `${task}: ${result.model.header.version}, ${(result.bytes.length / 1e6).toFixed(2)} MB → ` +
      `${path.relative(process.cwd(), file)} (${seconds} s${extra.length ? `, ${extra.length} extra` : ""})`,
  );
}
