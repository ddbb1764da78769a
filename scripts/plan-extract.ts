// `npm run -s plan:extract -- FILE`: reads one plan (.docx, .htm/.html, .pdf with a text layer, .md or
// plain text) and prints the JSON of shared/data/plans-dev/SCHEMA.md on stdout, with `_spans` (where
// each value came from in the text the import screen shows). Logs go to stderr.
import { performance } from "node:perf_hooks";
import { extractPlan, readPlanFile } from "@loa-phuong/bot-server/plans";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: plan:extract -- FILE\n");
  process.exit(2);
}
const started = performance.now();
try {
  const document = await readPlanFile(file);
  const plan = extractPlan(document);
  process.stdout.write(`${JSON.stringify(plan)}\n`);
  process.stderr.write(
    `plan:extract: ${file}: ${document.blocks.length} blocks in ${Math.round(performance.now() - started)} ms\n`,
  );
} catch (error) {
  process.stderr.write(`plan:extract: ${file}: ${(error as Error).message}\n`);
  process.exit(1);
}
