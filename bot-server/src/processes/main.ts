import { loadConfigOrExit } from "../config/config.js";
import { startDemo } from "../demo/start-demo.js";
import { startRuntime } from "./runtime.js";
import { onTerminationSignals } from "./shutdown.js";

/** Single-process mode (the embedded default): the API and the workers over one store. */
const config = loadConfigOrExit();
const runtime = await startRuntime(config, { api: true, worker: true });
onTerminationSignals(runtime.stop, runtime.logger);
if (config.DEMO_MODE)
  await startDemo({
    config,
    logger: runtime.logger,
    db: runtime.store.db,
    queues: runtime.queues,
    tokens: runtime.tokens,
  });
runtime.logger.info(
  { url: runtime.url, store: runtime.store.kind, demo: config.DEMO_MODE },
  "Loa Phường ready",
);
