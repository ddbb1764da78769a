import { Router } from "express";
import { feedQuerySchema, idParamsSchema, type FeedResponse } from "@loa-phuong/shared";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";
import { feedFor, feedItemFor } from "../../../services/feed.js";

/** Residents: what is addressed to them. */
export function feedRouter(ctx: ApiContext): Router {
  const router = Router();

  router.get("/feed", requireResident, validate({ query: feedQuerySchema }), async (_req, res) => {
    const { query } = valid(res, { query: feedQuerySchema });
    const response: FeedResponse = { items: await feedFor(ctx.db, residentOf(res), query) };
    res.json(response);
  });

  router.get("/feed/:id", requireResident, validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await feedItemFor(ctx.db, residentOf(res), params.id));
  });

  return router;
}
