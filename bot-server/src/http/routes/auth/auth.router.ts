import {
  type ResidentSessionResponse,
  type StaffSessionResponse,
  staffLoginRequestSchema,
  zaloLoginRequestSchema,
} from "@loa-phuong/shared";
import { type Response, Router } from "express";
import { AppError } from "../../../errors/app-error.js";
import { residentForZaloUser, residentProfile } from "../../../services/residents.js";
import { createSession, endSession } from "../../../services/sessions.js";
import { authenticateStaff, findStaff, toStaffProfile } from "../../../services/staff.js";
import { ZaloError } from "../../../zalo/zalo-error.js";
import type { GraphMe } from "../../../zalo/zalo-schemas.js";
import type { ApiContext } from "../../api-context.js";
import {
  requireResident,
  requireStaff,
  residentOf,
  SESSION_COOKIE,
  sessionToken,
  staffOf,
} from "../../middleware/auth.js";
import { valid, validate } from "../../middleware/validate.js";
import { forgiveLoginAttempt, rateLimitLogin } from "./login-rate-limit.js";

export function authRouter(ctx: ApiContext): Router {
  const router = Router();

  /** Mini App sign-in: the token from zmp-sdk getAccessToken(), verified with Zalo's Graph /me. */
  router.post("/auth/zalo", validate({ body: zaloLoginRequestSchema }), async (req, res) => {
    const { body } = valid(res, { body: zaloLoginRequestSchema });
    let me: GraphMe;
    try {
      me = await ctx.graph.getMe(body.accessToken);
    } catch (error) {
      if (error instanceof ZaloError && error.kind === "api") throw new AppError("zalo_token_invalid");
      if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
      throw error;
    }
    const resident = await residentForZaloUser(ctx.db, ctx.config.WARD_ID, me);
    const session = await createSession(
      ctx.db,
      { type: "resident", id: resident.id },
      ctx.config.SESSION_TTL_HOURS,
    );
    const response: ResidentSessionResponse = {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      resident: await residentProfile(ctx.db, resident),
    };
    res.json(response);
  });

  /** Staff sign-in outside Zalo: password, rate-limited, session in an httpOnly cookie (and the body, for API clients). */
  router.post(
    "/auth/staff/login",
    rateLimitLogin(ctx),
    validate({ body: staffLoginRequestSchema }),
    async (req, res) => {
      const { body } = valid(res, { body: staffLoginRequestSchema });
      const staff = await authenticateStaff(ctx.db, body.username, body.password);
      if (!staff) throw new AppError("invalid_credentials");
      await forgiveLoginAttempt(ctx, req.ip, body.username);
      const session = await createSession(
        ctx.db,
        { type: "staff", id: staff.id },
        ctx.config.SESSION_TTL_HOURS,
      );
      setSessionCookie(
        res,
        session.token,
        session.expiresAt,
        ctx.config.PUBLIC_BASE_URL.startsWith("https:"),
      );
      const response: StaffSessionResponse = {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        staff: toStaffProfile(staff),
      };
      res.json(response);
    },
  );

  router.post("/auth/logout", async (req, res) => {
    const token = sessionToken(req.headers.authorization, req.headers.cookie);
    if (token) await endSession(ctx.db, token);
    res.clearCookie(SESSION_COOKIE, { path: "/" });
    res.status(204).end();
  });

  router.get("/me", requireResident, async (_req, res) => {
    res.json(await residentProfile(ctx.db, residentOf(res)));
  });

  router.get("/staff/me", requireStaff(), async (_req, res) => {
    const staff = await findStaff(ctx.db, staffOf(res).id);
    if (!staff) throw new AppError("unauthenticated");
    res.json(toStaffProfile(staff));
  });

  return router;
}

function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}
