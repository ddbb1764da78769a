import {
  labelCorrectionSchema,
  replyRequestSchema,
  signalListQuerySchema,
  signalListSchema,
  signalParamsSchema,
  signalSchema,
} from "@loa-phuong/shared";
import { sendClarification } from "../../../services/rumour-response.js";
import { correctLabels } from "../../../services/signal-labels.js";
import { listSignals, markHandled, oneSignal, replyToSignal } from "../../../services/signals-inbox.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Signals";

/** Staff: the inbox of everything residents sent back — filter, mark handled, answer. */
export function signalsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "reply saved; the reconciler will send it"),
  };

  routes.add(
    {
      method: "get",
      path: "/signals",
      tag,
      summary: "What residents sent back, newest first, filtered by kind, group, post, status and dates",
      access: "staff",
      query: signalListQuerySchema,
      response: signalListSchema,
    },
    async ({ staff, query }) => ({ items: await listSignals(ctx.db, staff.wardId, query) }),
  );

  routes.add(
    {
      method: "post",
      path: "/signals/:id/handled",
      tag,
      summary: "Mark a signal handled",
      access: "staff",
      params: signalParamsSchema,
      response: signalSchema,
    },
    ({ staff, params }) => markHandled(ctx.db, staff, params.id),
  );

  routes.add(
    {
      method: "post",
      path: "/signals/:id/reply",
      tag,
      summary: "Answer by OA message (409 when the OA may not write to them) or in the Mini App",
      access: "staff",
      params: signalParamsSchema,
      body: replyRequestSchema,
      response: signalSchema,
    },
    ({ staff, params, body }) => replyToSignal(control, staff, params.id, body),
  );

  routes.add(
    {
      method: "post",
      path: "/signals/:id/clarification",
      tag,
      summary:
        "“Gửi đính chính”: the claim's approved clarification to the resident (409 when there is none)",
      access: "staff",
      params: signalParamsSchema,
      response: signalSchema,
    },
    async ({ staff, params }) => {
      await sendClarification(ctx, staff, params.id);
      return oneSignal(ctx.db, staff.wardId, params.id);
    },
  );

  routes.add(
    {
      method: "put",
      path: "/signals/:id/labels",
      tag,
      summary: "Correct what the opinion models read (sentiment, toxicity); kept for the next training",
      access: "staff",
      params: signalParamsSchema,
      body: labelCorrectionSchema,
      response: signalSchema,
    },
    ({ staff, params, body }) => correctLabels(ctx.db, staff, params.id, body),
  );

  return routes.router;
}
