import type { Logger } from "pino";

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Runs the steps in order (stop accepting HTTP, close workers, then Redis and the store); a step that
 * fails is logged and the next one still runs. After the deadline the process exits anyway.
 */
export async function runShutdown(steps: ShutdownStep[], logger: Logger, deadlineMs: number): Promise<void> {
  const timer = setTimeout(() => {
    logger.error({ deadlineMs }, "shutdown deadline passed, exiting");
    process.exit(1);
  }, deadlineMs);
  timer.unref();
  for (const step of steps) {
    try {
      await step.run();
      logger.debug({ step: step.name }, "shutdown step done");
    } catch (err) {
      logger.error({ err, step: step.name }, "shutdown step failed");
    }
  }
  clearTimeout(timer);
}

/** Calls `stop` once on SIGTERM or SIGINT, then exits. */
export function onTerminationSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
