import { rumourClaimListSchema, rumourClaimRequestSchema, rumourClaimSchema } from "@loa-phuong/shared";
import { createRumourClaim, listRumourClaims } from "../../../services/rumour-claims.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Rumours";

/** Staff: the rumour desk — known false claims, their answers, and how far each has spread. */
export function rumoursRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "get",
      path: "/rumours",
      tag,
      summary: "Known false claims, newest first, with the messages repeating each, in all and by group",
      access: "staff",
      response: rumourClaimListSchema,
    },
    async ({ staff }) => ({ items: await listRumourClaims(ctx.db, staff.wardId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/rumours",
      tag,
      summary: "Record a known false claim, answered by a clarification post (approved as every post)",
      access: ["editor"],
      body: rumourClaimRequestSchema,
      response: rumourClaimSchema,
      status: 201,
    },
    ({ staff, body }) => createRumourClaim(ctx.db, staff, body),
  );

  return routes.router;
}
