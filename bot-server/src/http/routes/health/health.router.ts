import { sql } from "drizzle-orm";
import { Router } from "express";
import type { ApiContext } from "../../api-context.js";

/** /health: the process is up. /ready: the store and Redis answer, so requests can be served. */
export function healthRouter(ctx: ApiContext, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/ready", async (_req, res) => {
    const checks = { store: false, redis: false, shuttingDown: isShuttingDown() };
    await Promise.all([
      ctx.db.execute(sql`select 1`).then(
        () => (checks.store = true),
        () => undefined,
      ),
      ctx.redis.ping().then(
        () => (checks.redis = true),
        () => undefined,
      ),
    ]);
    const ready = checks.store && checks.redis && !checks.shuttingDown;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not_ready", checks });
  });
  return router;
}
