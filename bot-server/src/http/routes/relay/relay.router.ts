import {
  idParamsSchema,
  memberDecisionSchema,
  opinionReportRequestSchema,
  relayOpenRequestSchema,
} from "@loa-phuong/shared";
import { and, eq } from "drizzle-orm";
import { type RequestHandler, Router } from "express";
import { z } from "zod";
import { AppError } from "../../../errors/app-error.js";
import { decideMember, fileOpinionReport, groupMembers } from "../../../services/feedback.js";
import { confirmRelay, headTasks, markShared, recordRelayOpen } from "../../../services/relay.js";
import { residentRoles } from "../../../store/schema/index.js";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

const membersQuerySchema = z.strictObject({ status: z.enum(["pending", "confirmed"]).default("pending") });

/** Heads only: a confirmed member of their group with the group_head role; they see only their own group. */
function requireGroupHead(ctx: ApiContext): RequestHandler {
  return async (_req, res, next) => {
    const resident = residentOf(res);
    const [role] = await ctx.db
      .select({ id: residentRoles.id })
      .from(residentRoles)
      .where(and(eq(residentRoles.residentId, resident.id), eq(residentRoles.role, "group_head")));
    if (!role || resident.membershipStatus !== "confirmed" || !resident.residentialGroupId)
      throw new AppError("forbidden", "Chỉ tổ trưởng tổ dân phố dùng được chức năng này.");
    next();
  };
}

/** Relay by group heads: their tasks, sharing and confirming, members to confirm, opinion reports; and opens through their links. */
export function relayRouter(ctx: ApiContext): Router {
  const router = Router();
  const miniAppId = ctx.config.ZALO_MINI_APP_ID;

  router.post(
    "/relay-opens",
    requireResident,
    validate({ body: relayOpenRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: relayOpenRequestSchema });
      res.json(await recordRelayOpen(ctx.db, residentOf(res), body.ref));
    },
  );

  router.use("/head", requireResident, requireGroupHead(ctx));

  router.get("/head/relay-tasks", async (_req, res) => {
    res.json({ items: await headTasks(ctx.db, residentOf(res), miniAppId) });
  });

  router.post("/head/relay-tasks/:id/shared", validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await markShared(ctx.db, residentOf(res), params.id, miniAppId));
  });

  router.post("/head/relay-tasks/:id/confirm", validate({ params: idParamsSchema }), async (_req, res) => {
    const { params } = valid(res, { params: idParamsSchema });
    res.json(await confirmRelay(ctx.db, ctx.queues, residentOf(res), params.id, miniAppId));
  });

  router.get("/head/members", validate({ query: membersQuerySchema }), async (_req, res) => {
    const { query } = valid(res, { query: membersQuerySchema });
    res.json({ items: await groupMembers(ctx.db, residentOf(res), query.status) });
  });

  router.post(
    "/head/members/:id",
    validate({ params: idParamsSchema, body: memberDecisionSchema }),
    async (_req, res) => {
      const { params, body } = valid(res, { params: idParamsSchema, body: memberDecisionSchema });
      res.json(await decideMember(ctx.db, residentOf(res), params.id, body.decision));
    },
  );

  router.post("/head/opinion-reports", validate({ body: opinionReportRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: opinionReportRequestSchema });
    res.status(201).json({ id: await fileOpinionReport(ctx.db, residentOf(res), body) });
  });

  return router;
}
