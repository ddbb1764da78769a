// `npm run -s rumours:match -- --claims FILE [--explain]`: matches residents' messages to the known false
// claims of the rumour desk. Reads the claims (JSON lines {"id","claim","clarification","topic"}), then
// messages as JSON lines {"id","text"} on stdin, and writes one line per message on stdout, in order: the
// matched claim's id, or "-". Nothing else goes to stdout; `--explain` writes why, one JSON line per
// message, to stderr (what ward staff see beside a match).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { buildClaimIndex, type MatchResult, matchStream, parseClaims } from "@loa-phuong/bot-server/rumours";

function fail(message: string): never {
  process.stderr.write(`rumours:match: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const claimsFile = args[args.indexOf("--claims") + 1];
if (!args.includes("--claims") || !claimsFile)
  fail("usage: rumours:match -- --claims FILE [--explain] < messages");
const isExplaining = args.includes("--explain");

let index: ReturnType<typeof buildClaimIndex>;
try {
  index = buildClaimIndex(parseClaims(readFileSync(claimsFile, "utf8")));
} catch (error) {
  fail(`${claimsFile}: ${(error as Error).message}`);
}
process.stderr.write(`rumours:match: ${index.claims.length} claims\n`);

function explain(id: string, result: MatchResult): string {
  const { best, stance } = result;
  const why = best && {
    claim: best.claimId,
    score: Number(best.score.toFixed(3)),
    share: Number(best.share.toFixed(3)),
    subjectShare: Number(best.subjectShare.toFixed(3)),
    adjustments: best.adjustments,
    stance,
    terms: best.matched.slice(0, 12).map((m) => m.term),
    amounts: best.amounts,
    span: best.span,
  };
  return `${JSON.stringify({ id, match: result.claimId, reason: result.reason, why })}\n`;
}

const started = performance.now();
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
const count = await matchStream(index, lines, async ({ id, line, result }) => {
  if (!result)
    process.stderr.write(`rumours:match: line ${line} is not a message {"id","text"}: answered -\n`);
  if (!process.stdout.write(`${result?.claimId ?? "-"}\n`)) {
    await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  if (isExplaining && result) process.stderr.write(explain(id, result));
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write(`rumours:match: ${count} messages in ${seconds.toFixed(2)} s\n`);
