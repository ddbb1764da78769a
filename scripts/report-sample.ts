// `npm run -s report:sample -- --out FILE.docx [--csv FILE.csv] [--data-dir DIR] [--date dd/mm/yyyy]`: writes
// the end-of-campaign report (báo cáo tổng kết) of the demo ward's campaign as a .docx in the format of
// Nghị định 30/2020/NĐ-CP, and its figures as CSV. Without --data-dir, from a new embedded store seeded
// with the demo ward; with it, from a demo store that ran (e.g. .data/pglite, the server stopped).
import { writeFileSync } from "node:fs";
import { reportFiguresCsv, writeSampleReport } from "@loa-phuong/bot-server/reports";
import { parseWardDate } from "@loa-phuong/shared";

function fail(message: string): never {
  process.stderr.write(`report:sample: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const flagValue = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const out = flagValue("--out");
if (!out)
  fail("usage: report:sample -- --out FILE.docx [--csv FILE.csv] [--data-dir DIR] [--date dd/mm/yyyy]");
const dateText = flagValue("--date");
const date = dateText ? parseWardDate(dateText) : undefined;
if (dateText && !date) fail(`--date ${dateText}: not a dd/mm/yyyy date`);
const dataDir = flagValue("--data-dir");

const { docx, content } = await writeSampleReport({
  ...(dataDir ? { dataDir } : {}),
  ...(date ? { date } : {}),
});
writeFileSync(out, docx);
const csv = flagValue("--csv");
if (csv) writeFileSync(csv, reportFiguresCsv(content));
process.stderr.write(`report:sample: ${out} (${docx.length} bytes)${csv ? `, ${csv}` : ""}\n`);
