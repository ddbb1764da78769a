import { type FeedResponse, feedQuerySchema, idParamsSchema } from "@loa-phuong/shared";
import { Router } from "express";
import { z } from "zod";
import { feedFor, feedItemFor } from "../../../services/feed.js";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** A post reached through a group head's link carries the link's reference. */
const feedItemQuerySchema = z.strictObject({
  relay: z
    .string()
    .regex(/^r-[A-Za-z0-9_-]{6,40}$/, "Mã chuyển tiếp không hợp lệ")
    .optional(),
});

/** Residents: what is addressed to them. */
export function feedRouter(ctx: ApiContext): Router {
  const router = Router();

  router.get("/feed", requireResident, validate({ query: feedQuerySchema }), async (_req, res) => {
    const { query } = valid(res, { query: feedQuerySchema });
    const response: FeedResponse = { items: await feedFor(ctx.db, residentOf(res), query) };
    res.json(response);
  });

  router.get(
    "/feed/:id",
    requireResident,
    validate({ params: idParamsSchema, query: feedItemQuerySchema }),
    async (_req, res) => {
      const { params, query } = valid(res, { params: idParamsSchema, query: feedItemQuerySchema });
      res.json(await feedItemFor(ctx.db, residentOf(res), params.id, query.relay));
    },
  );

  return router;
}
