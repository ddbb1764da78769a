// `npm run -s opinion:classify -- --task sentiment|toxicity [--models DIR]`: one text a line on stdin,
// one label a line on stdout, in order (sentiment 0 negative, 1 neutral, 2 positive; toxicity 0 clean,
// 1 offensive, 2 hate). Nothing else goes to stdout: the model version and the throughput go to stderr.
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { loadClassifier } from "./classify.js";
import { isOpinionTask, OPINION_TASKS } from "./tasks.js";

export interface ClassifyRun {
  lines: number;
  /** From the model being ready to the last label written. */
  seconds: number;
  modelVersion: string;
}

const FLUSH_EVERY = 4096;

export async function runClassifyCommand(
  argv: string[],
  io: { input: Readable; output: Writable; log: (line: string) => void },
): Promise<ClassifyRun> {
  const { values } = parseArgs({
    args: argv,
    options: { task: { type: "string" }, models: { type: "string" } },
    strict: true,
  });
  const task = values.task ?? "";
  if (!isOpinionTask(task)) throw new Error(`--task must be one of ${OPINION_TASKS.join(", ")}`);
  const startedAt = performance.now();
  const classifier = await loadClassifier(task, values.models ? { modelsDir: values.models } : {});
  const readyAt = performance.now();
  let lines = 0;
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join("");
    pending = [];
    if (!io.output.write(chunk)) await once(io.output, "drain");
  };
  // readline takes LF and CRLF line ends, and a last line without one.
  for await (const line of createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY })) {
    pending.push(`${classifier.labelIdOf(line)}\n`);
    lines++;
    if (pending.length >= FLUSH_EVERY) await flush();
  }
  await flush();
  const seconds = (performance.now() - readyAt) / 1000;
  const megabytes = Math.round(process.resourceUsage().maxRSS / 1024);
  io.log(
    `opinion:classify ${task}: ${lines} lines in ${seconds.toFixed(3)} s ` +
      `(${Math.round(lines / Math.max(seconds, 1e-9))} lines/s) after ${((readyAt - startedAt) / 1000).toFixed(3)} s ` +
      `loading ${classifier.modelVersion}; peak memory ${megabytes} MB`,
  );
  return { lines, seconds, modelVersion: classifier.modelVersion };
}
