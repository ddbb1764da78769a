import { formatDateTime, idParamsSchema, relayBoardSchema, staffAlertListSchema } from "@loa-phuong/shared";
import { relayBoard, relayBoardCsv } from "../../../services/relay-board.js";
import { listStaffAlerts } from "../../../services/staff-alerts.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Relay";

/** Staff: the relay board of a broadcast (JSON and CSV) and alerts about overdue relays. */
export function relayBoardRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;

  routes.add(
    {
      method: "get",
      path: "/broadcasts/:id/relay",
      tag,
      summary: "Relay status per residential group for one broadcast",
      access: "staff",
      params: idParamsSchema,
      response: relayBoardSchema,
    },
    async ({ staff, params }) => ({ items: await relayBoard(db, staff.wardId, params.id) }),
  );

  routes.add(
    {
      method: "get",
      path: "/broadcasts/:id/relay.csv",
      tag,
      summary: "The relay board as CSV (UTF-8 with BOM, Vietnamese headers)",
      access: "staff",
      params: idParamsSchema,
      produces: "text/csv",
    },
    async ({ staff, params, res }) => {
      const rows = await relayBoard(db, staff.wardId, params.id);
      res
        .type("text/csv; charset=utf-8")
        .set("content-disposition", `attachment; filename="chuyen-tiep-${params.id}.csv"`)
        .send(relayBoardCsv(rows, formatDateTime));
      return undefined;
    },
  );

  routes.add(
    {
      method: "get",
      path: "/staff/alerts",
      tag: "Staff",
      summary: "Alerts for staff, newest first",
      access: "staff",
      response: staffAlertListSchema,
    },
    async ({ staff }) => ({ items: await listStaffAlerts(db, staff.wardId) }),
  );

  return routes.router;
}
