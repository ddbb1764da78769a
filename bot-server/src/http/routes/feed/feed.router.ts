import {
  feedItemQuerySchema,
  feedItemSchema,
  feedQuerySchema,
  feedResponseSchema,
  idParamsSchema,
} from "@loa-phuong/shared";
import { feedFor, feedItemFor } from "../../../services/feed.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Feed";

/** Residents: what is addressed to them. */
export function feedRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;

  routes.add(
    {
      method: "get",
      path: "/feed",
      tag,
      summary: "Posts addressed to the resident, newest first, with read state",
      access: "resident",
      query: feedQuerySchema,
      response: feedResponseSchema,
    },
    async ({ resident, query }) => ({ items: await feedFor(db, resident, query) }),
  );

  routes.add(
    {
      method: "get",
      path: "/feed/:id",
      tag,
      summary: "One post (through a head's link, `relay` counts the open for that group)",
      access: "resident",
      params: idParamsSchema,
      query: feedItemQuerySchema,
      response: feedItemSchema,
    },
    ({ resident, params, query }) => feedItemFor(db, resident, params.id, query.relay),
  );

  return routes.router;
}
