import type { StaffRole } from "@loa-phuong/shared";
import { and, eq } from "drizzle-orm";
import type { RequestHandler, Response } from "express";
import { AppError } from "../../errors/app-error.js";
import { findSession } from "../../services/sessions.js";
import { findStaff, type StaffActor } from "../../services/staff.js";
import { residentRoles, residents } from "../../store/schema/index.js";
import type { ApiContext } from "../api-context.js";

export const SESSION_COOKIE = "loa_session";

/** The signed-in staff member, as routes see them. */
export type StaffAuth = StaffActor & { displayName: string; username: string };

/** The signed-in resident, as routes see them. */
export type ResidentAuth = typeof residents.$inferSelect;

export type Auth =
  | { type: "staff"; staff: StaffAuth }
  | { type: "resident"; resident: typeof residents.$inferSelect };

/** The session token from `Authorization: Bearer` (the Mini App) or the httpOnly cookie (staff in a browser). */
export function sessionToken(
  header: string | undefined,
  cookieHeader: string | undefined,
): string | undefined {
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  for (const part of cookieHeader?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    // A cookie planted by another host of the same site may not decode: it is no session, and the
    // owner's own cookie beside it still counts.
    try {
      return decodeURIComponent(value.join("="));
    } catch {}
  }
  return undefined;
}

/** Resolves the caller, if any, into res.locals.auth; routes then demand what they need. */
export function authenticate(ctx: ApiContext): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req.headers.authorization, req.headers.cookie);
    const subject = token ? await findSession(ctx.db, token) : undefined;
    if (subject?.type === "staff") {
      const staff = await findStaff(ctx.db, subject.id);
      if (staff)
        res.locals.auth = {
          type: "staff",
          staff: {
            id: staff.id,
            wardId: staff.wardId,
            roles: staff.roles,
            displayName: staff.displayName,
            username: staff.username,
          },
        } satisfies Auth;
    } else if (subject?.type === "resident") {
      const [resident] = await ctx.db.select().from(residents).where(eq(residents.id, subject.id));
      if (resident) res.locals.auth = { type: "resident", resident } satisfies Auth;
    }
    next();
  };
}

export function authOf(res: Response): Auth | undefined {
  return res.locals.auth as Auth | undefined;
}

/** Staff only; with roles given, at least one of them. */
export function requireStaff(...roles: StaffRole[]): RequestHandler {
  return (_req, res, next) => {
    const auth = authOf(res);
    if (!auth) throw new AppError("unauthenticated");
    if (auth.type !== "staff") throw new AppError("forbidden");
    if (roles.length > 0 && !roles.some((r) => auth.staff.roles.includes(r))) throw new AppError("forbidden");
    next();
  };
}

/** Residents and staff alike (the ward's groups and schools). */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
  if (!authOf(res)) throw new AppError("unauthenticated");
  next();
};

export const requireResident: RequestHandler = (_req, res, next) => {
  const auth = authOf(res);
  if (!auth) throw new AppError("unauthenticated");
  if (auth.type !== "resident") throw new AppError("forbidden");
  next();
};

export function staffOf(res: Response) {
  const auth = authOf(res);
  if (auth?.type !== "staff") throw new AppError("unauthenticated");
  return auth.staff;
}

export function residentOf(res: Response) {
  const auth = authOf(res);
  if (auth?.type !== "resident") throw new AppError("unauthenticated");
  return auth.resident;
}

/**
 * Heads only: a confirmed member of their group with the group_head role; they see only their own
 * group. Runs after requireResident.
 */
export function requireGroupHead(ctx: ApiContext): RequestHandler {
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

/**
 * Reporters of public opinion: a confirmed group head, or a resident the ward appointed as its
 * public-opinion collaborator (cộng tác viên dư luận xã hội). Runs after requireResident.
 */
export function requireOpinionReporter(ctx: ApiContext): RequestHandler {
  return async (_req, res, next) => {
    const resident = residentOf(res);
    const roles = await ctx.db
      .select({ role: residentRoles.role })
      .from(residentRoles)
      .where(eq(residentRoles.residentId, resident.id));
    const isHead =
      roles.some((r) => r.role === "group_head") &&
      resident.membershipStatus === "confirmed" &&
      resident.residentialGroupId !== null;
    if (!isHead && !roles.some((r) => r.role === "opinion_collaborator"))
      throw new AppError(
        "forbidden",
        "Chỉ tổ trưởng tổ dân phố và cộng tác viên dư luận xã hội gửi được báo cáo dư luận.",
      );
    next();
  };
}
