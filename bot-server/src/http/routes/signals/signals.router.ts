import { replyRequestSchema, signalListQuerySchema } from "@loa-phuong/shared";
import { Router } from "express";
import { z } from "zod";
import { listSignals, markHandled, replyToSignal } from "../../../services/signals-inbox.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

const signalParamsSchema = z.strictObject({ id: z.coerce.number().int().positive("Mã không hợp lệ") });

/** Staff: the inbox of everything residents sent back — filter, mark handled, answer. */
export function signalsRouter(ctx: ApiContext): Router {
  const router = Router();
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "reply saved; the reconciler will send it"),
  };

  router.get("/signals", requireStaff(), validate({ query: signalListQuerySchema }), async (_req, res) => {
    const { query } = valid(res, { query: signalListQuerySchema });
    res.json({ items: await listSignals(ctx.db, staffOf(res).wardId, query) });
  });

  router.post(
    "/signals/:id/handled",
    requireStaff(),
    validate({ params: signalParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: signalParamsSchema });
      res.json(await markHandled(ctx.db, staffOf(res), params.id));
    },
  );

  router.post(
    "/signals/:id/reply",
    requireStaff(),
    validate({ params: signalParamsSchema, body: replyRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: signalParamsSchema, body: replyRequestSchema });
      res.json(await replyToSignal(control, staffOf(res), params.id, body));
    },
  );

  return router;
}
