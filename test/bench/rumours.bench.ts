import path from "node:path";
import { DEFAULT_DATA_DIR } from "@loa-phuong/bot-server/opinion";
import { measureRumours, measureRumoursSpeed } from "./rumours.js";
import { measureLeaveClaimsOut } from "./rumours-holdout.js";
import { log, parseArgs } from "./support/args.js";

/**
 * npm run bench:rumours [-- --data DIR --splits 10 --speed 5000]
 *
 * The rumour matcher on the development set (the CLI as a child process, scored as the set's README
 * says), on claims it was not tuned on (leave-claims-out: half the claims known at a time), and its speed
 * (messages per second through the CLI, start-up aside). Figures on stderr, one JSON line last on stdout.
 */
const args = parseArgs({ data: path.join(DEFAULT_DATA_DIR, "rumours-dev"), splits: 10, speed: 5000 });

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

const dev = await measureRumours(args.data);
log(
  `dev: precision ${percent(dev.rumourPrecision)}, recall ${percent(dev.rumourRecall)}, F1 ${percent(dev.f1)}`,
);
log(`  matched ${dev.counts.matched}, correct ${dev.counts.correct}, positives ${dev.counts.positives}`);
for (const [variant, recall] of Object.entries(dev.perVariantRecall))
  log(`  recall ${variant}: ${percent(recall)}`);
for (const [variant, count] of Object.entries(dev.falsePositivesByVariant)) {
  log(`  false positives ${variant}: ${count}`);
}
log(`  false positives on hard negatives: ${dev.hardNegativeFalsePositives}`);

const holdout = measureLeaveClaimsOut(args.data, { splits: args.splits });
for (const [label, figures] of [
  ["shipped threshold", holdout.shippedThreshold],
  ["tuned on the other half", holdout.tunedOnOtherHalf],
  ["tuned, in sample", holdout.tunedInSample],
] as const) {
  log(
    `leave-claims-out, ${label}: precision ${percent(figures.precision)}, recall ${percent(figures.recall)}`,
  );
}

const messagesPerSecond = await measureRumoursSpeed(args.data, args.speed);
log(`speed: ${Math.round(messagesPerSecond)} messages/s`);

console.log(
  JSON.stringify({ dev, leaveClaimsOut: holdout, messagesPerSecond: Math.round(messagesPerSecond) }),
);
