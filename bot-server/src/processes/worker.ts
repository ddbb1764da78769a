import { createServer } from "node:http";
import { loadConfigOrExit } from "../config/config.js";
import { startRuntime } from "./runtime.js";
import { onTerminationSignals } from "./shutdown.js";

/** The worker process: BullMQ workers plus a tiny /health endpoint for the process supervisor. */
const config = loadConfigOrExit();
if (!config.DATABASE_URL) {
  process.stderr.write(
    "Tiến trình worker riêng cần DATABASE_URL (PostgreSQL): " +
      "kho nhúng PGlite chỉ mở được trong một tiến trình. " +
      "Dùng `npm start` (một tiến trình) cho cấu hình mặc định.\n",
  );
  process.exit(1);
}
const runtime = await startRuntime(config, { api: false, worker: true });
const health = createServer((req, res) => {
  const ok = req.url === "/health" && runtime.workers?.workers.every((w) => w.isRunning());
  res
    .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
    .end(JSON.stringify({ status: ok ? "ok" : "not_ok" }));
});
health.listen(config.WORKER_HEALTH_PORT, config.HOST);
runtime.logger.info(
  { healthPort: config.WORKER_HEALTH_PORT, store: runtime.store.kind },
  "worker process ready",
);
onTerminationSignals(async () => {
  health.close();
  await runtime.stop();
}, runtime.logger);
