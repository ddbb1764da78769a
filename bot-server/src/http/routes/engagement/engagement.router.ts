import {
  createdIdSchema,
  idParamsSchema,
  pollAnswerRequestSchema,
  postEngagementSchema,
  postQuestionRequestSchema,
  reactRequestSchema,
} from "@loa-phuong/shared";
import { wakeLabeller } from "../../../jobs/opinion-label.handler.js";
import { answerPoll, askOnPost, engagementFor, markRead, react } from "../../../services/engagement.js";
import type { ApiContext } from "../../api-context.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Feed";

/** Residents respond to a post addressed to them: read state, reactions, the poll, questions and comments. */
export function engagementRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;
  const engagementLimit = rateLimit(ctx, limits.engagement);

  routes.add(
    {
      method: "post",
      path: "/feed/:id/read",
      tag,
      summary: "Mark a post read",
      access: "resident",
      params: idParamsSchema,
      status: 204,
    },
    async ({ resident, params }) => {
      await markRead(db, resident, params.id);
      return undefined;
    },
  );

  routes.add(
    {
      method: "get",
      path: "/feed/:id/engagement",
      tag,
      summary: "Reactions, the poll (with results once answered) and the resident's questions with replies",
      access: "resident",
      params: idParamsSchema,
      response: postEngagementSchema,
    },
    ({ resident, params }) => engagementFor(db, resident, params.id),
  );

  routes.add(
    {
      method: "post",
      path: "/feed/:id/reactions",
      tag,
      summary: "Add or take back a reaction",
      access: "resident",
      use: [engagementLimit],
      params: idParamsSchema,
      body: reactRequestSchema,
      response: postEngagementSchema,
    },
    ({ resident, params, body }) => react(db, resident, params.id, body.reaction, body.active),
  );

  routes.add(
    {
      method: "post",
      path: "/feed/:id/poll",
      tag,
      summary: "Answer a poll once (409 already_answered)",
      access: "resident",
      use: [engagementLimit],
      params: idParamsSchema,
      body: pollAnswerRequestSchema,
      response: postEngagementSchema,
    },
    ({ resident, params, body }) => answerPoll(db, resident, params.id, body.optionIds),
  );

  routes.add(
    {
      method: "post",
      path: "/feed/:id/questions",
      tag,
      summary: "Ask a question or leave a comment (góp ý) on a post",
      access: "resident",
      use: [rateLimit(ctx, limits.questions)],
      params: idParamsSchema,
      body: postQuestionRequestSchema,
      response: createdIdSchema,
      status: 201,
    },
    async ({ resident, params, body }) => {
      const id = await askOnPost(db, resident, params.id, body.kind, body.text);
      await wakeLabeller(ctx);
      return { id };
    },
  );

  return routes.router;
}
