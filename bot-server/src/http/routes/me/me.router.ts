import path from "node:path";
import { onboardingRequestSchema, phoneRequestSchema, preferencesRequestSchema } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { Router } from "express";
import { z } from "zod";
import { resolveFromRoot } from "../../../config/config.js";
import { AppError } from "../../../errors/app-error.js";
import { myQuestions } from "../../../services/engagement.js";
import { completeOnboarding, joinGroup } from "../../../services/onboarding.js";
import { deleteMyData, myData } from "../../../services/privacy.js";
import { residentProfile } from "../../../services/residents.js";
import { residents } from "../../../store/schema/index.js";
import { ZaloError } from "../../../zalo/zalo-error.js";
import type { GraphMe } from "../../../zalo/zalo-schemas.js";
import type { ApiContext } from "../../api-context.js";
import { requireResident, residentOf } from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";

const joinSchema = z.strictObject({ residentialGroupId: z.uuid() });

/** The resident's own profile, onboarding, consent-gated phone number, preferences and data. */
export function meRouter(ctx: ApiContext): Router {
  const router = Router();
  router.use("/me", requireResident);

  router.post("/me/onboarding", validate({ body: onboardingRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: onboardingRequestSchema });
    res.json(await residentProfile(ctx.db, await completeOnboarding(ctx.db, residentOf(res), body)));
  });

  router.post("/me/join-group", validate({ body: joinSchema }), async (_req, res) => {
    const { body } = valid(res, { body: joinSchema });
    res.json(
      await residentProfile(ctx.db, await joinGroup(ctx.db, residentOf(res), body.residentialGroupId)),
    );
  });

  /** The getPhoneNumber() token is exchanged here with Graph /v2.0/me/info; the client never reads the number. */
  router.post("/me/phone", validate({ body: phoneRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: phoneRequestSchema });
    const resident = residentOf(res);
    let me: GraphMe;
    let phone: string;
    try {
      me = await ctx.graph.getMe(body.accessToken);
      if (me.id !== resident.zaloAppUserId)
        throw new AppError("forbidden", "Mã truy cập không thuộc về bạn.");
      phone = await ctx.graph.getPhoneNumber(body.accessToken, body.phoneToken);
    } catch (error) {
      if (error instanceof ZaloError && error.kind === "api")
        throw new AppError("validation_failed", "Mã số điện thoại không hợp lệ hoặc đã hết hạn (2 phút).", [
          { field: "body.phoneToken", message: error.message },
        ]);
      if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
      throw error;
    }
    await ctx.db
      .update(residents)
      .set({ phone, phoneConsentedAt: new Date(), updatedAt: new Date() })
      .where(eq(residents.id, resident.id));
    res.json({ hasPhone: true });
  });

  router.put("/me/preferences", validate({ body: preferencesRequestSchema }), async (_req, res) => {
    const { body } = valid(res, { body: preferencesRequestSchema });
    const [updated] = await ctx.db
      .update(residents)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(residents.id, residentOf(res).id))
      .returning();
    res.json(await residentProfile(ctx.db, updated!));
  });

  router.get("/me/data", async (_req, res) => {
    res.json(await myData(ctx.db, residentOf(res)));
  });

  router.delete("/me", async (_req, res) => {
    await deleteMyData(ctx.db, residentOf(res), path.join(resolveFromRoot(ctx.config.DATA_DIR), "uploads"));
    res.status(204).end();
  });

  router.get("/me/questions", async (_req, res) => {
    res.json({ items: await myQuestions(ctx.db, residentOf(res)) });
  });

  return router;
}
