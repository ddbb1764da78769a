import { parseCliEnv } from "./cli-config.js";
import { startZaloSim } from "./simulator.js";
import type { SimLogger } from "./types.js";

/** Shutdown must finish within this, or the process exits with an error. */
const SHUTDOWN_DEADLINE_MS = 5000;

const logger: SimLogger = {
  info: (message, meta) => console.log(`[zalo-sim] ${message}`, meta ?? ""),
  warn: (message, meta) => console.warn(`[zalo-sim] ${message}`, meta ?? ""),
  error: (message, meta) => console.error(`[zalo-sim] ${message}`, meta ?? ""),
};

async function main(): Promise<void> {
  const config = parseCliEnv(process.env);
  if (!config.ok) {
    console.error(`zalo-sim: invalid environment:\n  - ${config.problems.join("\n  - ")}`);
    process.exit(1);
  }
  const sim = await startZaloSim({ ...config.options, logger });
  console.log(`Zalo simulator listening on ${sim.url} (inbox: ${sim.url}/inbox)`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`zalo-sim: ${signal} received, shutting down`);
    const deadline = setTimeout(() => {
      console.error("zalo-sim: shutdown deadline passed, exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("zalo-sim: error while closing", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("zalo-sim: failed to start", error);
  process.exit(1);
});
