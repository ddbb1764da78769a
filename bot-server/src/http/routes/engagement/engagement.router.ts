import {
  idParamsSchema,
  pollAnswerRequestSchema,
  postQuestionRequestSchema,
  reactRequestSchema,
} from "@loa-phuong/shared";
import { Router } from "express";
import { answerPoll, askOnPost, engagementFor, markRead, react } from "../../../services/engagement.js";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Residents respond to a post addressed to them: read state, reactions, the poll, questions and comments. */
export function engagementRouter(ctx: ApiContext): Router {
  const router = Router();

  router.post("/feed/:id/read", requireResident, validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    await markRead(ctx.db, residentOf(res), params.id);
    res.status(204).end();
  });

  router.get(
    "/feed/:id/engagement",
    requireResident,
    validate({ params: idParamsSchema }),
    async (_req, res) => {
      const { params } = valid(res, { params: idParamsSchema });
      res.json(await engagementFor(ctx.db, residentOf(res), params.id));
    },
  );

  router.post(
    "/feed/:id/reactions",
    requireResident,
    validate({ params: idParamsSchema, body: reactRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: reactRequestSchema });
      res.json(await react(ctx.db, residentOf(res), params.id, body.reaction, body.active));
    },
  );

  router.post(
    "/feed/:id/poll",
    requireResident,
    validate({ params: idParamsSchema, body: pollAnswerRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: pollAnswerRequestSchema });
      res.json(await answerPoll(ctx.db, residentOf(res), params.id, body.optionIds));
    },
  );

  router.post(
    "/feed/:id/questions",
    requireResident,
    validate({ params: idParamsSchema, body: postQuestionRequestSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: postQuestionRequestSchema });
      res.status(201).json({ id: await askOnPost(ctx.db, residentOf(res), params.id, body.kind, body.text) });
    },
  );

  return router;
}
