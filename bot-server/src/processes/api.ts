import { loadConfigOrExit } from "../config/config.js";
import { startRuntime } from "./runtime.js";
import { onTerminationSignals } from "./shutdown.js";

/** The API process: HTTP only; it produces jobs and never calls Zalo's OA API itself. */
const config = loadConfigOrExit();
const runtime = await startRuntime(config, { api: true, worker: false });
runtime.logger.info({ url: runtime.url, store: runtime.store.kind }, "API process ready");
onTerminationSignals(runtime.stop, runtime.logger);
