import { signalParamsSchema, signalSchema, signalVisibilitySchema } from "@loa-phuong/shared";
import { setHidden } from "../../../services/public-questions.js";
import { oneSignal } from "../../../services/signals-inbox.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Signals";

/** Staff: what of residents' words other residents may see (toxic words never reach them anyway). */
export function moderationRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "put",
      path: "/signals/:id/visibility",
      tag,
      summary: "Hide a resident's words from other residents, or show them again (audited)",
      access: ["editor", "approver"],
      params: signalParamsSchema,
      body: signalVisibilitySchema,
      response: signalSchema,
    },
    async ({ staff, params, body }) => {
      await setHidden(ctx.db, staff, params.id, body.hidden);
      return oneSignal(ctx.db, staff.wardId, params.id);
    },
  );

  return routes.router;
}
