// Reading the labelled corpora the opinion models learn from (never copied into the repository: read
// where they lie, `--data`), and staff corrections given as extra examples.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv.js";

export interface Example {
  text: string;
  /** The label's index in its task's labels. */
  label: number;
  /** How much the example counts in training (1 unless said: a staff correction may count more). */
  weight?: number;
}

export type Split = "train" | "dev";

/** UIT-VSFC: line-aligned `sents.txt` and `sentiments.txt` (0 negative, 1 neutral, 2 positive). */
export function readUitVsfc(dataDir: string, split: Split): Example[] {
  const dir = path.join(dataDir, "uit-vsfc", split);
  const sentences = readFileSync(path.join(dir, "sents.txt"), "utf8").split("\n");
  const labels = readFileSync(path.join(dir, "sentiments.txt"), "utf8").split("\n");
  const examples: Example[] = [];
  labels.forEach((label, i) => {
    if (label.trim() === "") return;
    examples.push({
      text: sentences[i] ?? "",
      label: parseLabel(label, 3, `${dir}/sentiments.txt:${i + 1}`),
    });
  });
  return examples;
}

/** ViHSD: CSV with the header `free_text,label_id` (0 clean, 1 offensive, 2 hate). */
export function readVihsd(dataDir: string, split: Split): Example[] {
  const file = path.join(dataDir, "vihsd", `${split}.csv`);
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  if (header?.[0] !== "free_text" || header[1] !== "label_id")
    throw new Error(`${file}: expected the header free_text,label_id, found ${header?.join(",")}`);
  return rows.map((row, i) => ({
    text: row[0] ?? "",
    label: parseLabel(row[1] ?? "", 3, `${file} row ${i + 2}`),
  }));
}

/**
 * Extra examples, one JSON object a line: `{"text": "…", "label": 2, "task": "sentiment"}` (the label
 * as its index or its name; an optional `weight`). Lines of other tasks are skipped.
 */
export function readExtraExamples(file: string, task: string, labels: readonly string[]): Example[] {
  const examples: Example[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `${file}:${i + 1}`;
      const entry = JSON.parse(line) as { text?: unknown; label?: unknown; task?: unknown; weight?: unknown };
      if (entry.task !== task) return;
      if (typeof entry.text !== "string") throw new Error(`${where}: "text" must be a string`);
      const label =
        typeof entry.label === "string" && labels.includes(entry.label)
          ? labels.indexOf(entry.label)
          : parseLabel(String(entry.label), labels.length, where);
      const weight = entry.weight === undefined ? undefined : Number(entry.weight);
      if (weight !== undefined && !(weight > 0))
        throw new Error(`${where}: "weight" must be a positive number`);
      examples.push(weight === undefined ? { text: entry.text, label } : { text: entry.text, label, weight });
    });
  return examples;
}

function parseLabel(value: string, classes: number, where: string): number {
  const label = Number(value.trim());
  if (!Number.isInteger(label) || label < 0 || label >= classes)
    throw new Error(`${where}: label ${JSON.stringify(value)} is not one of 0..${classes - 1}`);
  return label;
}
