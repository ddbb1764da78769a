import {
  createdIdSchema,
  groupMemberListSchema,
  groupMembersQuerySchema,
  idParamsSchema,
  memberDecisionResponseSchema,
  memberDecisionSchema,
  opinionReportRequestSchema,
  relayOpenRequestSchema,
  relayOpenResponseSchema,
  relayTaskListSchema,
  relayTaskSchema,
} from "@loa-phuong/shared";
import { wakeLabeller } from "../../../jobs/opinion-label.handler.js";
import { decideMember, fileOpinionReport, groupMembers } from "../../../services/feedback.js";
import { confirmRelay, headTasks, markShared, recordRelayOpen } from "../../../services/relay.js";
import type { ApiContext } from "../../api-context.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Relay";

/**
 * Relay by group heads: their tasks, sharing and confirming, members to confirm, opinion reports;
 * and opens through their links.
 */
export function relayRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db } = ctx;
  const miniAppId = ctx.config.ZALO_MINI_APP_ID;

  routes.add(
    {
      method: "post",
      path: "/relay-opens",
      tag,
      summary: "Count an open through a head's link (`?relay=`); offers the group to a newcomer",
      access: "resident",
      use: [rateLimit(ctx, limits.relayOpens)],
      body: relayOpenRequestSchema,
      response: relayOpenResponseSchema,
    },
    ({ resident, body }) => recordRelayOpen(db, resident, body.ref),
  );

  routes.add(
    {
      method: "get",
      path: "/head/relay-tasks",
      tag,
      summary: "The head's relay tasks with share links and opens",
      access: "head",
      response: relayTaskListSchema,
    },
    async ({ resident }) => ({ items: await headTasks(db, resident, miniAppId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/head/relay-tasks/:id/shared",
      tag,
      summary: "The head opened the share sheet",
      access: "head",
      params: idParamsSchema,
      response: relayTaskSchema,
    },
    ({ resident, params }) => markShared(db, resident, params.id, miniAppId),
  );

  routes.add(
    {
      method: "post",
      path: "/head/relay-tasks/:id/confirm",
      tag,
      summary: "The head confirms the post was forwarded (cancels the reminder)",
      access: "head",
      params: idParamsSchema,
      response: relayTaskSchema,
    },
    ({ resident, params }) => confirmRelay(db, ctx.queues, resident, params.id, miniAppId),
  );

  routes.add(
    {
      method: "get",
      path: "/head/members",
      tag,
      summary: "Members of the head's group, waiting or confirmed",
      access: "head",
      query: groupMembersQuerySchema,
      response: groupMemberListSchema,
    },
    async ({ resident, query }) => ({ items: await groupMembers(db, resident, query.status) }),
  );

  routes.add(
    {
      method: "post",
      path: "/head/members/:id",
      tag,
      summary: "Confirm or reject a resident who asked to join the head's group",
      access: "head",
      params: idParamsSchema,
      body: memberDecisionSchema,
      response: memberDecisionResponseSchema,
    },
    ({ resident, params, body }) => decideMember(db, resident, params.id, body.decision),
  );

  routes.add(
    {
      method: "post",
      path: "/opinion-reports",
      tag,
      summary:
        "What people in the reporter's area are saying (báo cáo dư luận), from a head or a collaborator",
      access: "reporter",
      use: [rateLimit(ctx, limits.opinionReports)],
      body: opinionReportRequestSchema,
      response: createdIdSchema,
      status: 201,
    },
    async ({ resident, body }) => {
      const id = await fileOpinionReport(db, resident, body);
      await wakeLabeller(ctx);
      return { id };
    },
  );

  return routes.router;
}
