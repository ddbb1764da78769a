import { opinionDashboardSchema, opinionPeriodQuerySchema } from "@loa-phuong/shared";
import { opinionCsv, opinionDashboard } from "../../../services/opinion-dashboard.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Opinion";

/** Staff: what residents feel and say (the "Dư luận" dashboard) and its CSV. */
export function opinionRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;

  routes.add(
    {
      method: "get",
      path: "/opinion/dashboard",
      tag,
      summary:
        "Sentiment by theme and residential group per day, top clusters, rumours by group, toxic share, " +
        "questions waiting, open spike alerts (groups under 5 residents folded, never named)",
      access: "staff",
      query: opinionPeriodQuerySchema,
      response: opinionDashboardSchema,
    },
    ({ staff, query }) => opinionDashboard(db, staff.wardId, query.days),
  );

  routes.add(
    {
      method: "get",
      path: "/opinion/export.csv",
      tag,
      summary: "The period's labelled signals as CSV (UTF-8 with BOM; no words, names or Zalo ids)",
      access: "staff",
      query: opinionPeriodQuerySchema,
      produces: "text/csv",
    },
    async ({ staff, query, res }) => {
      const csv = await opinionCsv(db, staff.wardId, query.days);
      res
        .type("text/csv; charset=utf-8")
        .set("content-disposition", `attachment; filename="du-luan-${query.days}-ngay.csv"`)
        .send(csv);
      return undefined;
    },
  );

  return routes.router;
}
