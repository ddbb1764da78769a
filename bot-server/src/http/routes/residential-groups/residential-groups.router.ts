import { asc, eq, sql } from "drizzle-orm";
import { Router } from "express";
import { AppError } from "../../../errors/app-error.js";
import { residentialGroups, schools } from "../../../store/schema/index.js";
import type { ApiContext } from "../../api-context.js";
import { authOf } from "../../middleware/auth.js";

/** The ward's residential groups and schools: public within the ward (residents pick theirs at onboarding). */
export function residentialGroupsRouter(ctx: ApiContext): Router {
  const router = Router();

  router.get("/residential-groups", async (_req, res) => {
    if (!authOf(res)) throw new AppError("unauthenticated");
    const rows = await ctx.db
      .select({
        id: residentialGroups.id,
        code: residentialGroups.code,
        name: residentialGroups.name,
        area: residentialGroups.area,
        // Written out: inside a sub-select drizzle renders the column unqualified, which would mean r.id.
        members: sql<number>`(select count(*)::int from residents r where r.residential_group_id = "residential_groups"."id" and r.membership_status = 'confirmed')`,
      })
      .from(residentialGroups)
      .where(eq(residentialGroups.wardId, ctx.config.WARD_ID))
      .orderBy(asc(residentialGroups.code));
    res.json({ items: rows });
  });

  router.get("/schools", async (_req, res) => {
    if (!authOf(res)) throw new AppError("unauthenticated");
    const rows = await ctx.db
      .select()
      .from(schools)
      .where(eq(schools.wardId, ctx.config.WARD_ID))
      .orderBy(asc(schools.level), asc(schools.name));
    res.json({ items: rows.map((s) => ({ id: s.id, name: s.name, level: s.level, address: s.address })) });
  });

  return router;
}
