import { type StaffSessionResponse, zaloLoginRequestSchema } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { Router } from "express";
import { AppError } from "../../../errors/app-error.js";
import { createSession } from "../../../services/sessions.js";
import { toStaffProfile } from "../../../services/staff.js";
import { staffAccounts } from "../../../store/schema/index.js";
import { ZaloError } from "../../../zalo/zalo-error.js";
import type { ApiContext } from "../../api-context.js";
import { requireStaff, staffOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

/** Inside Zalo, a staff member signs in with their Zalo identity once it is linked to their ward account. */
export function staffZaloRouter(ctx: ApiContext): Router {
  const router = Router();

  const verify = async (accessToken: string) => {
    try {
      return await ctx.graph.getMe(accessToken);
    } catch (error) {
      if (error instanceof ZaloError && error.kind === "api") throw new AppError("zalo_token_invalid");
      if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
      throw error;
    }
  };

  router.post("/auth/staff/zalo", validate({ body: zaloLoginRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: zaloLoginRequestSchema });
    const me = await verify(body.accessToken);
    const [staff] = await ctx.db.select().from(staffAccounts).where(eq(staffAccounts.zaloAppUserId, me.id));
    if (!staff || staff.isDisabled)
      throw new AppError("forbidden", "Tài khoản Zalo này chưa được liên kết với tài khoản cán bộ.");
    const session = await createSession(
      ctx.db,
      { type: "staff", id: staff.id },
      ctx.config.SESSION_TTL_HOURS,
    );
    const response: StaffSessionResponse = {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      staff: toStaffProfile(staff),
    };
    res.json(response);
  });

  /** A signed-in staff member links the Zalo account they use, proven by a fresh Mini App token. */
  router.post(
    "/staff/me/zalo-link",
    requireStaff(),
    validate({ body: zaloLoginRequestSchema }),
    async (_req, res) => {
      const { body } = valid(res, { body: zaloLoginRequestSchema });
      const me = await verify(body.accessToken);
      const [taken] = await ctx.db
        .select({ id: staffAccounts.id })
        .from(staffAccounts)
        .where(eq(staffAccounts.zaloAppUserId, me.id));
      if (taken && taken.id !== staffOf(res).id)
        throw new AppError("conflict", "Tài khoản Zalo này đã liên kết với cán bộ khác.");
      const [updated] = await ctx.db
        .update(staffAccounts)
        .set({ zaloAppUserId: me.id })
        .where(eq(staffAccounts.id, staffOf(res).id))
        .returning();
      res.json(toStaffProfile(updated!));
    },
  );

  return router;
}
