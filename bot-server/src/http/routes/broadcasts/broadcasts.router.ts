import {
  audienceSchema,
  broadcastListQuerySchema,
  createBroadcastRequestSchema,
  idParamsSchema,
} from "@loa-phuong/shared";
import { Router } from "express";
import { z } from "zod";
import { countAudience } from "../../../services/audience.js";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast } from "../../../services/broadcast-control.js";
import { broadcastProgress, listBroadcasts } from "../../../services/broadcast-progress.js";
import { createBroadcast, getBroadcast } from "../../../services/broadcasts.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";
import { streamProgress } from "./broadcast-events.js";

/** `isUrgent`: the post bypasses the daily cap, so nobody is counted as capped. */
const countRequestSchema = z.strictObject({ audience: audienceSchema, isUrgent: z.boolean().default(false) });

/** Staff: schedule a broadcast of an approved post, count an audience, watch and steer a broadcast. */
export function broadcastsRouter(ctx: ApiContext): Router {
  const router = Router();
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "saved; the reconciler will enqueue it"),
  };

  router.post(
    "/broadcasts",
    requireStaff("editor"),
    validate({ body: createBroadcastRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: createBroadcastRequestSchema });
      res.status(201).json(await createBroadcast(control, staffOf(res), body));
    },
  );

  router.get(
    "/broadcasts",
    requireStaff(),
    validate({ query: broadcastListQuerySchema }),
    async (_req, res) => {
      const { query } = valid(res, { query: broadcastListQuerySchema });
      res.json({ items: await listBroadcasts(ctx.db, staffOf(res).wardId, query) });
    },
  );

  router.post(
    "/audiences/count",
    requireStaff(),
    validate({ body: countRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: countRequestSchema });
      res.json(
        await countAudience(ctx.db, staffOf(res).wardId, body.audience, {
          dailyCap: body.isUrgent ? 0 : ctx.config.DAILY_CAP_PER_RESIDENT,
        }),
      );
    },
  );

  router.get("/broadcasts/:id", requireStaff(), validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await getBroadcast(ctx.db, staffOf(res).wardId, params.id));
  });

  router.get(
    "/broadcasts/:id/progress",
    requireStaff(),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      res.json(await broadcastProgress(ctx.db, staffOf(res).wardId, params.id));
    },
  );

  router.get(
    "/broadcasts/:id/events",
    requireStaff(),
    validate({ params: idParamsSchema }),
    async (req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      await streamProgress(ctx, req, res, staffOf(res).wardId, params.id);
    },
  );

  router.post(
    "/broadcasts/:id/pause",
    requireStaff("editor", "approver"),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      res.json(await pauseBroadcast(control, staffOf(res), valid(res, { params: idParamsSchema }).params.id));
    },
  );

  router.post(
    "/broadcasts/:id/resume",
    requireStaff("editor", "approver"),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      res.json(
        await resumeBroadcast(control, staffOf(res), valid(res, { params: idParamsSchema }).params.id),
      );
    },
  );

  router.post(
    "/broadcasts/:id/cancel",
    requireStaff("editor", "approver"),
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      res.json(
        await cancelBroadcast(control, staffOf(res), valid(res, { params: idParamsSchema }).params.id),
      );
    },
  );

  return router;
}
