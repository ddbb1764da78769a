// The rumour matcher measured as its README scores it (`../shared/data/rumours-dev/README.md`): the
// CLI (`npm run -s rumours:match`) run as a child process on the set's claims and messages (their text
// only), its answers compared with the gold matches: precision, recall, F1, recall per variant, false
// positives per negative variant and on the hard negatives the README lists.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface RumourMessage {
  id: string;
  text: string;
  /** The claim the message repeats, or null. */
  match: string | null;
  variant: string;
}

export interface RumourDataset {
  claimsFile: string;
  claimIds: string[];
  messages: RumourMessage[];
  /** The negatives written to resemble a claim, from the README's "Hard negatives" table. */
  hardNegatives: Set<string>;
}

export interface RumourFigures {
  rumourPrecision: number;
  rumourRecall: number;
  f1: number;
  /** Correct matches / matching messages, per variant of matching message. */
  perVariantRecall: Record<string, number>;
  /** Messages matched to some claim that should have matched none or another, per variant. */
  falsePositivesByVariant: Record<string, number>;
  hardNegativeFalsePositives: number;
  counts: { messages: number; positives: number; matched: number; correct: number };
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

/** The README's hard-negative table: rows `| M006 | C01 | same-topic-unrelated |` under its heading. */
function readHardNegatives(readme: string): Set<string> {
  const section = readme.split(/^## /m).find((part) => part.startsWith("Hard negatives")) ?? "";
  return new Set([...section.matchAll(/^\|\s*([A-Za-z]*\d+)\s*\|/gm)].map((match) => match[1]!));
}

export function readRumourDataset(dataDir: string): RumourDataset {
  const claimsFile = path.join(dataDir, "claims.jsonl");
  const claimIds = readJsonLines<{ id: string }>(claimsFile).map((claim) => claim.id);
  const messages = readJsonLines<RumourMessage>(path.join(dataDir, "messages.jsonl"));
  const hardNegatives = readHardNegatives(readFileSync(path.join(dataDir, "README.md"), "utf8"));
  return { claimsFile, claimIds, messages, hardNegatives };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Scores predictions (claim id or null, in the order of `messages`) as the README says. */
export function scoreRumours(
  messages: readonly RumourMessage[],
  predictions: readonly (string | null)[],
  hardNegatives: ReadonlySet<string> = new Set(),
): RumourFigures {
  let matched = 0;
  let correct = 0;
  let positives = 0;
  const variantTotals: Record<string, number> = {};
  const variantCorrect: Record<string, number> = {};
  const falsePositivesByVariant: Record<string, number> = {};
  let hardNegativeFalsePositives = 0;
  messages.forEach((message, i) => {
    const predicted = predictions[i] ?? null;
    if (message.match !== null) {
      positives++;
      variantTotals[message.variant] = (variantTotals[message.variant] ?? 0) + 1;
      variantCorrect[message.variant] ??= 0;
    } else {
      falsePositivesByVariant[message.variant] ??= 0;
    }
    if (predicted === null) return;
    matched++;
    if (predicted === message.match) {
      correct++;
      variantCorrect[message.variant] = (variantCorrect[message.variant] ?? 0) + 1;
      return;
    }
    falsePositivesByVariant[message.variant] = (falsePositivesByVariant[message.variant] ?? 0) + 1;
    if (hardNegatives.has(message.id)) hardNegativeFalsePositives++;
  });
  const precision = ratio(correct, matched);
  const recall = ratio(correct, positives);
  const perVariantRecall = Object.fromEntries(
    Object.entries(variantTotals).map(([variant, total]) => [
      variant,
      ratio(variantCorrect[variant] ?? 0, total),
    ]),
  );
  return {
    rumourPrecision: precision,
    rumourRecall: recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    perVariantRecall,
    falsePositivesByVariant,
    hardNegativeFalsePositives,
    counts: { messages: messages.length, positives, matched, correct },
  };
}

export interface CliRun {
  predictions: (string | null)[];
  /** The matcher's own count of messages per second (from its last stderr line), without start-up. */
  messagesPerSecond: number;
}

/** Runs `npm run -s rumours:match -- --claims FILE` with the messages' id and text on stdin. */
export function runRumoursCli(
  claimsFile: string,
  messages: readonly { id: string; text: string }[],
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "rumours:match", "--", "--claims", claimsFile], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`rumours:match exited with ${code}: ${stderr.slice(-2000)}`));
      const lines = stdout.split("\n").slice(0, -1);
      if (lines.length !== messages.length) {
        return reject(new Error(`rumours:match wrote ${lines.length} lines for ${messages.length} messages`));
      }
      const timing = /(\d+) messages in ([\d.]+) s/.exec(stderr);
      const messagesPerSecond = timing ? Number(timing[1]) / Math.max(Number(timing[2]), 1e-3) : 0;
      const predictions = lines.map((line) => (line === "-" || line === "" || line === "null" ? null : line));
      resolve({ predictions, messagesPerSecond });
    });
    for (const { id, text } of messages) child.stdin.write(`${JSON.stringify({ id, text })}\n`);
    child.stdin.end();
  });
}

/** The dev figures: the CLI on the set, scored. */
export async function measureRumours(dataDir: string): Promise<RumourFigures> {
  const dataset = readRumourDataset(dataDir);
  const { predictions } = await runRumoursCli(dataset.claimsFile, dataset.messages);
  return scoreRumours(dataset.messages, predictions, dataset.hardNegatives);
}

/** Messages per second through the CLI, on the set's messages said over until there are `count`. */
export async function measureRumoursSpeed(dataDir: string, count = 5000): Promise<number> {
  const { claimsFile, messages } = readRumourDataset(dataDir);
  const many = Array.from({ length: count }, (_, i) => ({
    id: `S${i}`,
    text: messages[i % messages.length]!.text,
  }));
  return (await runRumoursCli(claimsFile, many)).messagesPerSecond;
}
