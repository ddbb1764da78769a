import { runApiFuzz } from "./api-fuzz.js";

/**
 * `npm run fuzz:api -- --requests 10000 [--seed 42]`: progress, answers by route and each distinct
 * finding (with the request that shows it) on stderr, then one JSON line last on stdout
 * `{requests, status5xx, stateChangesFromRejected, routes}`; exit code 1 when an answer was a 5xx or a
 * refused request changed the store. Without `--seed` the seed is drawn and printed, so a run can be
 * repeated; `FUZZ_TRACE=1` logs every request and its answer, `E2E_LOG_LEVEL=debug` the server's log.
 */
function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const raw = args[i]!.includes("=") ? args[i]!.split("=")[1] : args[i + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number, got ${raw}`);
    process.exit(2);
  }
  return value;
}

const requests = option("requests", 1000);
const seed = option("seed", Date.now() % 2_147_483_647);
const log = (line: string) => process.stderr.write(`[fuzz:api] ${line}\n`);

const result = await runApiFuzz({ requests, seed, log });
log(
  `seed ${seed}: ${result.requests} requests in ${result.seconds} s; statuses ${JSON.stringify(result.statuses)}`,
);
for (const [route, counts] of Object.entries(result.byRoute))
  log(
    `  ${route}: ${Object.entries(counts)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ")}`,
  );
if (result.missedRoutes.length) log(`routes never reached: ${result.missedRoutes.join(", ")}`);
for (const { count, example } of result.findings) {
  log(`finding (${count}×): ${example.kind} ${example.route} → ${example.status}`);
  process.stderr.write(`${JSON.stringify(example, null, 2)}\n`);
}
const { status5xx, stateChangesFromRejected, routes } = result;
process.stdout.write(`${JSON.stringify({ requests, status5xx, stateChangesFromRejected, routes })}\n`);
process.exit(status5xx > 0 || stateChangesFromRejected > 0 ? 1 : 0);
