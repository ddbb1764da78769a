import { createdIdSchema, nominationRequestSchema, reportRequestSchema } from "@loa-phuong/shared";
import { wakeLabeller } from "../../../jobs/opinion-label.handler.js";
import { fileReport, nominate } from "../../../services/feedback.js";
import type { ApiContext } from "../../api-context.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Feedback";

/** Residents give back: reports (phản ánh) with photos, and nominations of exemplary people or models. */
export function feedbackRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "post",
      path: "/reports",
      tag,
      summary: "File a report (phản ánh) with up to 3 uploaded photos and a place",
      access: "resident",
      use: [rateLimit(ctx, limits.reports)],
      body: reportRequestSchema,
      response: createdIdSchema,
      status: 201,
    },
    async ({ resident, body }) => {
      const id = await fileReport(ctx.db, resident, body);
      await wakeLabeller(ctx);
      return { id };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/nominations",
      tag,
      summary: "Nominate an exemplary person or model",
      access: "resident",
      use: [rateLimit(ctx, limits.nominations)],
      body: nominationRequestSchema,
      response: createdIdSchema,
      status: 201,
    },
    async ({ resident, body }) => {
      const id = await nominate(ctx.db, resident, body);
      await wakeLabeller(ctx);
      return { id };
    },
  );

  return routes.router;
}
