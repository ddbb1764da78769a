import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readPlanFile, scorePlans, writeDocx, writeHtml, writePdf } from "@loa-phuong/bot-server/plans";
import { log, parseArgs } from "./support/args.js";

/**
 * npm run bench:plans [-- --data DIR]
 *
 * Extracts every plan of the dev set through `npm run -s plan:extract` (the command-line contract) in
 * all four formats: the .md as given, and .html, .docx and .pdf written from it in a temp folder. Scores
 * each format against the gold answers (README.md's metrics) and prints, last, one JSON line: the scores
 * over all formats, per format, and the slowest extraction (ms, as the command reports it).
 */
const args = parseArgs({ data: path.resolve(import.meta.dirname, "../../../shared/data/plans-dev") });
const dir = mkdtempSync(path.join(tmpdir(), "plans-bench-"));
const formats = ["md", "html", "docx", "pdf"] as const;
const docs = readdirSync(args.data).filter((name) => /^\d.*\.md$/.test(name));
const pairs: Record<string, { gold: Record<string, unknown>; predicted: Record<string, unknown> | null }[]> =
  {};
let slowestMs = 0;
let slowest = "";
for (const name of docs) {
  const base = name.replace(/\.md$/, "");
  const gold = JSON.parse(readFileSync(path.join(args.data, `${base}.gold.json`), "utf8"));
  const source = await readPlanFile(path.join(args.data, name));
  const files: Record<string, string> = { md: path.join(args.data, name) };
  files.html = path.join(dir, `${base}.html`);
  writeFileSync(files.html, writeHtml(source));
  files.docx = path.join(dir, `${base}.docx`);
  writeFileSync(files.docx, writeDocx(source));
  files.pdf = path.join(dir, `${base}.pdf`);
  writeFileSync(files.pdf, writePdf(source));
  for (const format of formats) {
    const run = spawnSync("npm", ["run", "-s", "plan:extract", "--", files[format] as string], {
      encoding: "utf8",
    });
    const ms = Number(/in (\d+) ms/.exec(run.stderr)?.[1] ?? Number.NaN);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowest = `${base}.${format}`;
    }
    let predicted: Record<string, unknown> | null = null;
    try {
      predicted = JSON.parse(run.stdout);
    } catch {
      log(`${base}.${format}: no JSON (${run.stderr.trim()})`);
    }
    if (!pairs[format]) pairs[format] = [];
    pairs[format].push({ gold, predicted });
    log(`${base}.${format}`, JSON.stringify(scorePlans([{ gold, predicted }])));
  }
}
const perFormat = Object.fromEntries(formats.map((format) => [format, scorePlans(pairs[format] ?? [])]));
for (const format of formats) log(format, JSON.stringify(perFormat[format]));
const all = scorePlans(formats.flatMap((format) => pairs[format] ?? []));
console.log(JSON.stringify({ ...all, slowestMs, slowest, formats: perFormat }));
