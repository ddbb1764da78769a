import { runChaosBroadcast } from "../chaos/chaos-broadcast.js";
import { log, parseArgs } from "./support/args.js";

/**
 * npm run chaos:broadcast -- --recipients 5000
 * Needs PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test) and redis-server.
 */
const args = parseArgs({
  recipients: 5000,
  kills: 3,
  flushes: 1,
  faultRate: 0.1,
  workers: 2,
  timeoutSeconds: 600,
});
const result = await runChaosBroadcast({ ...args, timeoutMs: args.timeoutSeconds * 1000, log });
process.stdout.write(`${JSON.stringify(result)}\n`);
