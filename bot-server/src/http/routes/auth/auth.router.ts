import {
  residentProfileSchema,
  residentSessionResponseSchema,
  residentSignInRequestSchema,
  staffLoginRequestSchema,
  staffProfileSchema,
  staffSessionResponseSchema,
  zaloLoginRequestSchema,
} from "@loa-phuong/shared";
import type { Response } from "express";
import { AppError } from "../../../errors/app-error.js";
import { feedFor } from "../../../services/feed.js";
import { residentForZaloUser, residentProfile } from "../../../services/residents.js";
import { createSession, endSession } from "../../../services/sessions.js";
import { authenticateStaff, findStaff, toStaffProfile } from "../../../services/staff.js";
import { linkStaffZalo, staffForZaloUser, verifiedZaloUser } from "../../../services/zalo-identity.js";
import type { ApiContext } from "../../api-context.js";
import { SESSION_COOKIE, sessionToken } from "../../middleware/auth.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";
import { forgiveLoginAttempt, rateLimitLogin } from "./login-rate-limit.js";

const tag = "Sign-in";

/** Sign-in of residents (Zalo) and staff (password, or their linked Zalo), sign-out, who am I. */
export function authRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);
  const { db, config } = ctx;
  const secureCookie = config.PUBLIC_BASE_URL.startsWith("https:");
  // Each of these asks Zalo's Graph API: counted per address before anything is sent to Zalo.
  const zaloSignInLimit = rateLimit(ctx, limits.zaloSignIn);

  routes.add(
    {
      method: "post",
      path: "/auth/zalo",
      tag,
      summary:
        "Resident sign-in with the token of zmp-sdk getAccessToken(), verified with Graph /me; " +
        "with `feed`, the first page of the feed too",
      access: "public",
      use: [zaloSignInLimit],
      body: residentSignInRequestSchema,
      response: residentSessionResponseSchema,
    },
    async ({ body }) => {
      const me = await verifiedZaloUser(ctx.graph, body.accessToken);
      const resident = await residentForZaloUser(db, config.WARD_ID, me);
      const session = await createSession(
        db,
        { type: "resident", id: resident.id },
        config.SESSION_TTL_HOURS,
      );
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        resident: await residentProfile(db, resident),
        // The Mini App's first screen in the same answer: on a slow link a round trip is what costs.
        ...(body.feed && { feed: { items: await feedFor(db, resident, { limit: body.feed.limit }) } }),
      };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/auth/staff/login",
      tag,
      summary: "Staff sign-in by password; the session is also set as an httpOnly cookie",
      access: "public",
      use: [rateLimitLogin(ctx)],
      body: staffLoginRequestSchema,
      response: staffSessionResponseSchema,
    },
    async ({ body, req, res }) => {
      const staff = await authenticateStaff(db, body.username, body.password);
      if (!staff) throw new AppError("invalid_credentials");
      await forgiveLoginAttempt(ctx, req.ip, body.username);
      const session = await createSession(db, { type: "staff", id: staff.id }, config.SESSION_TTL_HOURS);
      setSessionCookie(res, session.token, session.expiresAt, secureCookie);
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        staff: toStaffProfile(staff),
      };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/auth/staff/zalo",
      tag,
      summary: "Staff sign-in inside Zalo, with the Zalo account linked to their ward account",
      access: "public",
      use: [zaloSignInLimit],
      body: zaloLoginRequestSchema,
      response: staffSessionResponseSchema,
    },
    async ({ body }) => {
      const staff = await staffForZaloUser(db, await verifiedZaloUser(ctx.graph, body.accessToken));
      const session = await createSession(db, { type: "staff", id: staff.id }, config.SESSION_TTL_HOURS);
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        staff: toStaffProfile(staff),
      };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/auth/logout",
      tag,
      summary: "End this session (token or cookie)",
      access: "public",
      status: 204,
    },
    async ({ req, res }) => {
      const token = sessionToken(req.headers.authorization, req.headers.cookie);
      if (token) await endSession(db, token);
      res.clearCookie(SESSION_COOKIE, { path: "/" });
      return undefined;
    },
  );

  routes.add(
    {
      method: "get",
      path: "/me",
      tag,
      summary: "The signed-in resident's profile",
      access: "resident",
      response: residentProfileSchema,
    },
    ({ resident }) => residentProfile(db, resident),
  );

  routes.add(
    {
      method: "get",
      path: "/staff/me",
      tag,
      summary: "The signed-in staff member's profile",
      access: "staff",
      response: staffProfileSchema,
    },
    async ({ staff }) => {
      const row = await findStaff(db, staff.id);
      if (!row) throw new AppError("unauthenticated");
      return toStaffProfile(row);
    },
  );

  routes.add(
    {
      method: "post",
      path: "/staff/me/zalo-link",
      tag,
      summary: "Link the Zalo account a staff member uses, proven by a fresh Mini App token",
      access: "staff",
      use: [zaloSignInLimit],
      body: zaloLoginRequestSchema,
      response: staffProfileSchema,
    },
    async ({ staff, body }) =>
      linkStaffZalo(db, staff.id, await verifiedZaloUser(ctx.graph, body.accessToken)),
  );

  return routes.router;
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
