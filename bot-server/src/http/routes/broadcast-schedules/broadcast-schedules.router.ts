import {
  createScheduleRequestSchema,
  idParamsSchema,
  recurringScheduleListSchema,
  recurringScheduleSchema,
} from "@loa-phuong/shared";
import { createSchedule, listSchedules, stopSchedule } from "../../../services/broadcast-schedules.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Broadcasts";

/** Staff: recurring broadcasts (e.g. a weekly bulletin), kept as BullMQ job schedulers with stable ids. */
export function broadcastSchedulesRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const control = {
    db: ctx.db,
    queues: ctx.queues,
    onEnqueueError: (err: unknown) => ctx.logger.warn({ err }, "saved; the reconciler will sync it"),
  };

  routes.add(
    {
      method: "get",
      path: "/broadcast-schedules",
      tag,
      summary: "Recurring broadcasts, newest first",
      access: "staff",
      response: recurringScheduleListSchema,
    },
    async ({ staff }) => ({ items: await listSchedules(ctx.db, staff.wardId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/broadcast-schedules",
      tag,
      summary: "Broadcast an approved post weekly or daily at HH:mm ward time",
      access: ["editor"],
      body: createScheduleRequestSchema,
      response: recurringScheduleSchema,
      status: 201,
    },
    ({ staff, body }) => createSchedule(control, staff, body),
  );

  routes.add(
    {
      method: "delete",
      path: "/broadcast-schedules/:id",
      tag,
      summary: "Stop a recurring broadcast",
      access: ["editor"],
      params: idParamsSchema,
      response: recurringScheduleSchema,
    },
    ({ staff, params }) => stopSchedule(control, staff, params.id),
  );

  return routes.router;
}
