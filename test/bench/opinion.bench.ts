import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_DATA_DIR,
  MODELS_DIR,
  type OpinionTask,
  scoreLabels,
  TASKS,
  withoutDiacritics,
} from "@loa-phuong/bot-server/opinion";
import { measureRumours } from "./rumours.js";
import { log, parseArgs } from "./support/args.js";

/**
 * npm run bench:opinion [-- --data DIR --speedLines 50000]
 *
 * Labels the dev splits through `npm run -s opinion:classify` in a child process — the command-line
 * contract, not the library — and scores what came back: sentiment (as written and folded without
 * diacritics) and toxicity. Speed is sentiment lines per second without start-up: the time for
 * `speedLines` lines less the time for one. The last stdout line is the JSON result.
 */
const args = parseArgs({ data: DEFAULT_DATA_DIR, speedLines: 50_000 });

interface Run {
  labels: number[];
  seconds: number;
  /** What the command said on stderr (its own throughput and peak memory). */
  report: string;
}

/** Runs the classify command on `texts` (one a line) and reads one label a line back. */
function classify(task: OpinionTask, texts: readonly string[]): Promise<Run> {
  const input = texts.map((t) => t.replace(/[\r\n]+/g, " ")).join("\n");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["run", "-s", "opinion:classify", "--", "--task", task], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const report = Buffer.concat(err).toString().trim();
      if (code !== 0) return reject(new Error(`opinion:classify --task ${task} exited ${code}: ${report}`));
      const lines = Buffer.concat(out).toString().split("\n");
      if (lines.pop() !== "") return reject(new Error("stdout does not end with a line end"));
      if (lines.length !== texts.length)
        return reject(new Error(`${texts.length} lines in, ${lines.length} labels out`));
      const bad = lines.findIndex((line) => !/^[0-2]$/.test(line));
      if (bad >= 0) return reject(new Error(`line ${bad + 1} of stdout is not a label: ${lines[bad]}`));
      resolve({ labels: lines.map(Number), seconds, report });
    });
    child.stdin.end(input);
  });
}

const round = (x: number) => Math.round(x * 10000) / 10000;

async function scoreTask(task: OpinionTask, transform: (text: string) => string = (t) => t) {
  const dev = TASKS[task].read(args.data, "dev");
  const run = await classify(
    task,
    dev.map((e) => transform(e.text)),
  );
  const figures = scoreLabels(
    dev.map((e) => e.label),
    run.labels,
    TASKS[task].labels.length,
  );
  const perClass = figures.perClass.map((c, k) => `${TASKS[task].labels[k]} ${c.f1.toFixed(3)}`).join(", ");
  log(
    `${task}${transform === withoutDiacritics ? " (without diacritics)" : ""}: ${dev.length} dev lines, ` +
      `weighted F1 ${figures.weightedF1.toFixed(4)}, macro F1 ${figures.macroF1.toFixed(4)}, accuracy ` +
      `${figures.accuracy.toFixed(4)} [${perClass}]`,
  );
  return figures;
}

/**
 * Sentiment lines per second without start-up: the command's own count of its time from the model
 * being loaded to the last label (best of three runs, as other work on the machine only slows it),
 * checked against the wall-clock time of the long run less that of a one-line run.
 */
async function measureSpeed(lines: number) {
  const dev = TASKS.sentiment.read(args.data, "dev").map((e) => e.text);
  const texts = Array.from({ length: lines }, (_, i) => dev[i % dev.length]!);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await classify("sentiment", texts));
  const reported = runs.map((run) => {
    const match = /(\d+) lines in ([\d.]+) s/.exec(run.report);
    if (!match || Number(match[1]) !== lines) throw new Error(`no throughput in the report: ${run.report}`);
    return lines / Number(match[2]);
  });
  const one = await classify("sentiment", texts.slice(0, 1));
  const fastest = Math.min(...runs.map((run) => run.seconds));
  log(
    `speed: ${lines} lines in ${fastest.toFixed(2)} s and 1 line in ${one.seconds.toFixed(2)} s from the ` +
      `outside (≈ ${Math.round((lines - 1) / Math.max(fastest - one.seconds, 1e-6))} lines/s); ` +
      `the command's own report, best of 3: ${runs[reported.indexOf(Math.max(...reported))]!.report}`,
  );
  return Math.round(Math.max(...reported));
}

/** The rumour matcher through its own command (`rumours:match`) on rumours-dev. */
async function scoreRumours(): Promise<{ rumourPrecision: number; rumourRecall: number }> {
  const figures = await measureRumours(path.join(args.data, "rumours-dev"));
  log(
    `rumours: precision ${figures.rumourPrecision}, recall ${figures.rumourRecall}; recall by variant ` +
      `${JSON.stringify(figures.perVariantRecall)}; hard negatives matched ${figures.hardNegativeFalsePositives}`,
  );
  return { rumourPrecision: round(figures.rumourPrecision), rumourRecall: round(figures.rumourRecall) };
}

function modelBytes(): number {
  const files = readdirSync(MODELS_DIR).filter((f) => f.endsWith(".model.bin"));
  for (const f of files) log(`model ${f}: ${statSync(path.join(MODELS_DIR, f)).size} bytes`);
  return files.reduce((sum, f) => sum + statSync(path.join(MODELS_DIR, f)).size, 0);
}

const sentiment = await scoreTask("sentiment");
const accentless = await scoreTask("sentiment", withoutDiacritics);
const toxicity = await scoreTask("toxicity");
const sentencesPerSec = await measureSpeed(args.speedLines);
const line = {
  sentimentWeightedF1: round(sentiment.weightedF1),
  sentimentMacroF1: round(sentiment.macroF1),
  sentimentAccentlessWeightedF1: round(accentless.weightedF1),
  toxicityMacroF1: round(toxicity.macroF1),
  ...(await scoreRumours()),
  sentencesPerSec,
  modelBytes: modelBytes(),
};
process.stdout.write(`${JSON.stringify(line)}\n`);
