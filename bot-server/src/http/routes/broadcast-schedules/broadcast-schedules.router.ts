import { createScheduleRequestSchema, idParamsSchema } from "@loa-phuong/shared";
import { Router } from "express";
import { createSchedule, listSchedules, stopSchedule } from "../../../services/broadcast-schedules.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Staff: recurring broadcasts (e.g. a weekly bulletin), kept as BullMQ job schedulers with stable ids. */
export function broadcastSchedulesRouter(ctx: ApiContext): Router {
  const router = Router();
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "saved; the reconciler will sync it"),
  };

  router.get("/broadcast-schedules", requireStaff(), async (_req, res) => {
    res.json({ items: await listSchedules(ctx.db, staffOf(res).wardId) });
  });

  router.post(
    "/broadcast-schedules",
    requireStaff("editor"),
    validate({ body: createScheduleRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: createScheduleRequestSchema });
      res.status(201).json(await createSchedule(control, staffOf(res), body));
    },
  );

  router.delete(
    "/broadcast-schedules/:id",
    requireStaff("editor"),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      res.json(await stopSchedule(control, staffOf(res), params.id));
    },
  );

  return router;
}
