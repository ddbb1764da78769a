import {
  campaignCreatedSchema,
  campaignListSchema,
  campaignRequestSchema,
  idParamsSchema,
  MAX_PLAN_BYTES,
  planExtractionSchema,
  planExtractQuerySchema,
  reportQuerySchema,
  taskBoardSchema,
  taskListSchema,
  taskReportRequestSchema,
  taskRequestSchema,
  taskSchema,
  unitCreatedSchema,
  unitMemberRequestSchema,
  unitRequestSchema,
} from "@loa-phuong/shared";
import express from "express";
import {
  addUnitMember,
  createTask,
  createUnit,
  listCampaigns,
  myTasks,
  reportTask,
  taskBoard,
  urgeTask,
} from "../../../services/campaign-tasks.js";
import { createCampaign, extractUploadedPlan } from "../../../services/campaigns.js";
import type { ApiContext } from "../../api-context.js";
import { type RouteRegistry, RouteTable } from "../../route.js";
import { campaignReport } from "./report.js";

const tag = "Tasks";

/**
 * Campaigns' responsible units and their tasks: staff set them up and follow them on a board, urge a
 * late unit; the unit's members see and report their tasks from the Mini App.
 */
export function tasksRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db, queues, config } = ctx;

  routes.add(
    {
      method: "get",
      path: "/campaigns",
      tag,
      summary: "The ward's campaigns (kế hoạch), newest first",
      access: "staff",
      response: campaignListSchema,
    },
    async ({ staff }) => ({ items: await listCampaigns(db, staff.wardId) }),
  );

  routes.add(
    {
      method: "post",
      path: "/plans/extract",
      tag,
      summary:
        "Read an uploaded plan (.docx, .htm, .pdf, .md, .txt ≤ 10 MB) and extract its fields with their places",
      access: ["editor"],
      query: planExtractQuerySchema,
      consumes: ["application/octet-stream"],
      use: [express.raw({ type: () => true, limit: MAX_PLAN_BYTES })],
      response: planExtractionSchema,
    },
    ({ query, req }) =>
      extractUploadedPlan(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), query.fileName),
  );

  routes.add(
    {
      method: "post",
      path: "/campaigns",
      tag,
      summary: "Confirm a plan into a campaign: directives, themes, period, units and their tasks (audited)",
      access: ["editor"],
      body: campaignRequestSchema,
      response: campaignCreatedSchema,
      status: 201,
    },
    ({ staff, body }) => createCampaign(db, queues, config, staff, body),
  );

  routes.add(
    {
      method: "get",
      path: "/campaigns/:id/tasks",
      tag,
      summary: "The task board: units with members and counts (open, late, done), tasks by deadline",
      access: "staff",
      params: idParamsSchema,
      response: taskBoardSchema,
    },
    ({ staff, params }) => taskBoard(db, staff.wardId, params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/campaigns/:id/report",
      tag,
      summary:
        "The report upward (báo cáo) for a week, a month or the whole campaign: .docx, or its figures as CSV",
      access: "staff",
      params: idParamsSchema,
      query: reportQuerySchema,
      produces: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    async ({ staff, params, query, res }) => {
      const report = await campaignReport(db, staff, params.id, query);
      res
        .type(report.type)
        .set("content-disposition", `attachment; filename="${report.filename}"`)
        .send(report.body);
      return undefined;
    },
  );

  routes.add(
    {
      method: "post",
      path: "/campaigns/:id/units",
      tag,
      summary: "Add a responsible unit to a campaign (office, school, residential group, organisation)",
      access: ["editor"],
      params: idParamsSchema,
      body: unitRequestSchema,
      response: unitCreatedSchema,
      status: 201,
    },
    ({ staff, params, body }) => createUnit(db, staff, params.id, body),
  );

  routes.add(
    {
      method: "post",
      path: "/units/:id/members",
      tag,
      summary: "Let a resident report for a unit from the Mini App",
      access: ["editor"],
      params: idParamsSchema,
      body: unitMemberRequestSchema,
      status: 204,
    },
    async ({ staff, params, body }) => {
      await addUnitMember(db, staff, params.id, body.residentId);
      return undefined;
    },
  );

  routes.add(
    {
      method: "post",
      path: "/tasks",
      tag,
      summary: "Give a unit a task with its deadline (reminder before it, escalation after it)",
      access: ["editor"],
      body: taskRequestSchema,
      response: taskSchema,
      status: 201,
    },
    ({ staff, body }) => createTask(db, queues, config, staff, body),
  );

  routes.add(
    {
      method: "post",
      path: "/tasks/:id/reports",
      tag,
      summary: "An officer records a unit's progress on a task (done closes it)",
      access: ["editor", "approver"],
      params: idParamsSchema,
      body: taskReportRequestSchema,
      response: taskSchema,
    },
    ({ staff, params, body }) => reportTask(db, queues, { staff }, params.id, body),
  );

  routes.add(
    {
      method: "post",
      path: "/tasks/:id/urge",
      tag,
      summary: "Urge the unit now (đôn đốc): one OA message to its members",
      access: ["editor", "approver"],
      params: idParamsSchema,
      response: taskSchema,
    },
    ({ staff, params }) => urgeTask(db, queues, staff, params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/me/tasks",
      tag,
      summary: "The tasks of the units the resident reports for",
      access: "resident",
      response: taskListSchema,
    },
    async ({ resident }) => ({ items: await myTasks(db, resident) }),
  );

  routes.add(
    {
      method: "post",
      path: "/me/tasks/:id/reports",
      tag,
      summary: "A unit's member reports progress with photos (done closes the task)",
      access: "resident",
      params: idParamsSchema,
      body: taskReportRequestSchema,
      response: taskSchema,
    },
    ({ resident, params, body }) => reportTask(db, queues, { resident }, params.id, body),
  );

  return routes.router;
}
