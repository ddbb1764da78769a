import { formatDateTime, idParamsSchema } from "@loa-phuong/shared";
import { desc, eq } from "drizzle-orm";
import { Router } from "express";
import { relayBoard, relayBoardCsv } from "../../../services/relay-board.js";
import { staffAlerts } from "../../../store/schema/index.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Staff: the relay board of a broadcast (JSON and CSV) and alerts about overdue relays. */
export function relayBoardRouter(ctx: ApiContext): Router {
  const router = Router();

  router.get(
    "/broadcasts/:id/relay",
    requireStaff(),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      res.json({ items: await relayBoard(ctx.db, staffOf(res).wardId, params.id) });
    },
  );

  router.get(
    "/broadcasts/:id/relay.csv",
    requireStaff(),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      const rows = await relayBoard(ctx.db, staffOf(res).wardId, params.id);
      res
        .type("text/csv; charset=utf-8")
        .set("content-disposition", `attachment; filename="chuyen-tiep-${params.id}.csv"`)
        .send(relayBoardCsv(rows, formatDateTime));
    },
  );

  router.get("/staff/alerts", requireStaff(), async (_req, res) => {
    const rows = await ctx.db
      .select()
      .from(staffAlerts)
      .where(eq(staffAlerts.wardId, staffOf(res).wardId))
      .orderBy(desc(staffAlerts.createdAt))
      .limit(100);
    res.json({
      items: rows.map((a) => ({
        id: a.id,
        kind: a.kind,
        message: a.message,
        broadcastId: a.broadcastId,
        createdAt: a.createdAt.toISOString(),
        readAt: a.readAt?.toISOString() ?? null,
      })),
    });
  });

  return router;
}
