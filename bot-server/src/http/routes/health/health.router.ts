import { healthSchema, readinessSchema } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Health";

/** /health: the process is up. /ready: the store and Redis answer, so requests can be served. */
export function healthRouter(ctx: ApiContext, registry: RouteRegistry, isShuttingDown: () => boolean) {
  const routes = new RouteTable(ctx, registry, "");

  routes.add(
    {
      method: "get",
      path: "/health",
      tag,
      summary: "The process is up",
      access: "public",
      response: healthSchema,
    },
    () => ({ status: "ok" as const }),
  );

  routes.add(
    {
      method: "get",
      path: "/ready",
      tag,
      summary: "The store and Redis answer (503 otherwise, and while shutting down)",
      access: "public",
      response: readinessSchema,
    },
    async ({ res }) => {
      const answers = (check: Promise<unknown>) =>
        check.then(
          () => true,
          () => false,
        );
      const [store, redis] = await Promise.all([
        answers(ctx.db.execute(sql`select 1`)),
        answers(ctx.redis.ping()),
      ]);
      const checks = { store, redis, shuttingDown: isShuttingDown() };
      const ready = store && redis && !checks.shuttingDown;
      res.status(ready ? 200 : 503);
      return { status: ready ? ("ready" as const) : ("not_ready" as const), checks };
    },
  );

  return routes.router;
}
