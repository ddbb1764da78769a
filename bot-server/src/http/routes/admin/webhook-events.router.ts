import { jobIds, setAsideEventListSchema, webhookEventParamsSchema } from "@loa-phuong/shared";
import { notFound } from "../../../errors/app-error.js";
import { enqueue } from "../../../queue/queues.js";
import { recordAudit } from "../../../services/audit.js";
import { resolveAlerts } from "../../../services/staff-alerts.js";
import {
  countSetAsideEvents,
  listSetAsideEvents,
  putBackSetAsideEvent,
} from "../../../webhooks/set-aside.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Admin";

/** Admins: Zalo events set aside after failing again and again, with their reason; put one back to retry it. */
export function webhookEventsRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "get",
      path: "/admin/webhook-events",
      tag,
      summary: "Zalo events set aside, newest first, with the reason (not the body: residents' words)",
      access: ["admin"],
      response: setAsideEventListSchema,
    },
    async () => ({ items: await listSetAsideEvents(ctx.db) }),
  );

  routes.add(
    {
      method: "post",
      path: "/admin/webhook-events/:id/retry",
      tag,
      summary: "Put a set-aside event back in line (after its cause was fixed); it is applied next",
      access: ["admin"],
      params: webhookEventParamsSchema,
      response: setAsideEventListSchema,
    },
    async ({ staff, params }) => {
      if (!(await putBackSetAsideEvent(ctx.db, params.id))) throw notFound("sự kiện để riêng");
      await recordAudit(ctx.db, {
        entityType: "webhook_event",
        entityId: String(params.id),
        action: "retry_set_aside",
        actor: { type: "staff", id: staff.id },
      });
      if ((await countSetAsideEvents(ctx.db)) === 0)
        await resolveAlerts(ctx.db, staff.wardId, "webhook_events_set_aside");
      await enqueue(
        ctx.queues,
        "webhook.process",
        { eventIds: [params.id] },
        {
          jobId: `${jobIds.webhook([params.id])}-put-back-${Date.now()}`,
        },
      ).catch((err: unknown) => ctx.logger.warn({ err }, "put back; the reconciler will apply it"));
      return { items: await listSetAsideEvents(ctx.db) };
    },
  );

  return routes.router;
}
