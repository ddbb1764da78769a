import { Router } from "express";
import { audienceSchema, createBroadcastRequestSchema, idParamsSchema } from "@loa-phuong/shared";
import { z } from "zod";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";
import { countAudience } from "../../../services/audience.js";
import { createBroadcast, getBroadcast } from "../../../services/broadcasts.js";

const countRequestSchema = z.strictObject({ audience: audienceSchema });

/** Staff: schedule a broadcast of an approved post, count an audience, watch a broadcast. */
export function broadcastsRouter(ctx: ApiContext): Router {
  const router = Router();

  router.post("/broadcasts", requireStaff("editor"), validate({ body: createBroadcastRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: createBroadcastRequestSchema });
    const broadcast = await createBroadcast(
      { db: ctx.db, queues: ctx.queues, onEnqueueError: (err) => ctx.logger.warn({ err }, "broadcast saved; the reconciler will enqueue it") },
      staffOf(res),
      body,
    );
    res.status(201).json(broadcast);
  });

  router.post("/audiences/count", requireStaff(), validate({ body: countRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: countRequestSchema });
    res.json(await countAudience(ctx.db, staffOf(res).wardId, body.audience));
  });

  router.get("/broadcasts/:id", requireStaff(), validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await getBroadcast(ctx.db, staffOf(res).wardId, params.id));
  });

  return router;
}
