import { nominationRequestSchema, reportRequestSchema } from "@loa-phuong/shared";
import { Router } from "express";
import { fileReport, nominate } from "../../../services/feedback.js";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Residents give back: reports (phản ánh) with photos, and nominations of exemplary people or models. */
export function feedbackRouter(ctx: ApiContext): Router {
  const router = Router();

  router.post("/reports", requireResident, validate({ body: reportRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: reportRequestSchema });
    res.status(201).json({ id: await fileReport(ctx.db, residentOf(res), body) });
  });

  router.post(
    "/nominations",
    requireResident,
    validate({ body: nominationRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: nominationRequestSchema });
      res.status(201).json({ id: await nominate(ctx.db, residentOf(res), body) });
    },
  );

  return router;
}
