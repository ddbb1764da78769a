import {
  audienceCountRequestSchema,
  audienceCountsSchema,
  broadcastListQuerySchema,
  broadcastListSchema,
  broadcastProgressSchema,
  broadcastSchema,
  channelPlanRequestSchema,
  channelPlanSchema,
  createBroadcastRequestSchema,
  idParamsSchema,
} from "@loa-phuong/shared";
import { previewChannelPlan } from "../../../channels/preview.js";
import { countAudience } from "../../../services/audience.js";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast } from "../../../services/broadcast-control.js";
import { broadcastProgress, listBroadcasts } from "../../../services/broadcast-progress.js";
import { createBroadcast, getBroadcast } from "../../../services/broadcasts.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";
import { streamProgress } from "./broadcast-events.js";

const tag = "Broadcasts";

/** Staff: schedule a broadcast of an approved post, count an audience, watch and steer a broadcast. */
export function broadcastsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "saved; the reconciler will enqueue it"),
  };

  routes.add(
    {
      method: "post",
      path: "/broadcasts",
      tag,
      summary: "Broadcast an approved post now or at a time",
      access: ["editor"],
      body: createBroadcastRequestSchema,
      response: broadcastSchema,
      status: 201,
    },
    ({ staff, body }) => createBroadcast(control, staff, body),
  );

  routes.add(
    {
      method: "get",
      path: "/broadcasts",
      tag,
      summary: "List broadcasts, newest first",
      access: "staff",
      query: broadcastListQuerySchema,
      response: broadcastListSchema,
    },
    async ({ staff, query }) => ({ items: await listBroadcasts(db, staff.wardId, query) }),
  );

  routes.add(
    {
      method: "post",
      path: "/audiences/count",
      tag,
      summary: "How many residents an audience reaches, by OA now and in the feed",
      access: "staff",
      body: audienceCountRequestSchema,
      response: audienceCountsSchema,
    },
    ({ staff, body }) =>
      countAudience(db, staff.wardId, body.audience, {
        dailyCap: body.isUrgent ? 0 : ctx.config.DAILY_CAP_PER_RESIDENT,
      }),
  );

  routes.add(
    {
      method: "post",
      path: "/audiences/plan",
      tag,
      summary:
        "The channel plan a broadcast would get now: residents per channel, the unreachable, quota, cost",
      access: "staff",
      body: channelPlanRequestSchema,
      response: channelPlanSchema,
    },
    ({ staff, body }) => previewChannelPlan(db, ctx.config, staff.wardId, body),
  );

  routes.add(
    {
      method: "get",
      path: "/broadcasts/:id",
      tag,
      summary: "One broadcast with its delivery counts",
      access: "staff",
      params: idParamsSchema,
      response: broadcastSchema,
    },
    ({ staff, params }) => getBroadcast(db, staff.wardId, params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/broadcasts/:id/progress",
      tag,
      summary: "Progress by state, reason and residential group",
      access: "staff",
      params: idParamsSchema,
      response: broadcastProgressSchema,
    },
    ({ staff, params }) => broadcastProgress(db, staff.wardId, params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/broadcasts/:id/events",
      tag,
      summary: "Progress as server-sent events, until the broadcast ends",
      access: "staff",
      params: idParamsSchema,
      produces: "text/event-stream",
    },
    async ({ staff, params, req, res }) => {
      await streamProgress(ctx, req, res, staff.wardId, params.id);
      return undefined;
    },
  );

  const steer = (action: "pause" | "resume" | "cancel", summary: string, run: typeof pauseBroadcast) =>
    routes.add(
      {
        method: "post",
        path: `/broadcasts/:id/${action}`,
        tag,
        summary,
        access: ["editor", "approver"],
        params: idParamsSchema,
        response: broadcastSchema,
      },
      ({ staff, params }) => run(control, staff, params.id),
    );
  steer("pause", "Pause a broadcast mid-flight", pauseBroadcast);
  steer("resume", "Resume a paused broadcast", resumeBroadcast);
  steer("cancel", "Cancel a broadcast for good", cancelBroadcast);

  return routes.router;
}
