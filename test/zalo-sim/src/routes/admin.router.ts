import { type ErrorRequestHandler, type Request, Router } from "express";
import type { SimContext } from "../context.js";
import type { SimControls } from "../controls.js";
import type { UserRecord } from "../state/users.js";
import { toSimUser, UnknownUserError } from "../state/users.js";
import type { SimUser } from "../types.js";
import {
  allowNotificationsBodySchema,
  sendTextBodySchema,
  upsertUsersBodySchema,
  validateBody,
} from "./admin.schema.js";
import { adminControlRouter } from "./admin-control.router.js";

/** Lowercase, without Vietnamese diacritics, so "nguyen" finds "Nguyễn". */
export function foldVietnamese(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** Route params as one string (Express 5 types allow arrays for wildcard params). */
function param(req: Request, name: string): string {
  const value = req.params[name];
  return Array.isArray(value) ? value.join("/") : (value ?? "");
}

function readLimit(value: unknown, fallback: number, max: number): number {
  const n = typeof value === "string" ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/**
 * /__sim/*: the test and demo API (not part of Zalo). Plain JSON with HTTP status codes, CORS
 * enabled by create-app.ts because the demo page on another port calls it.
 */
export function adminRouter(ctx: SimContext, controls: SimControls): Router {
  const router = Router();

  router.get("/health", (_req, res) => {
    res.json({
      ok: true,
      users: ctx.users.size,
      ledger: ctx.ledger.count(),
      webhookUrl: ctx.webhookUrl.current ?? null,
    });
  });

  router.post("/users", validateBody(upsertUsersBodySchema), (req, res) => {
    const { users } = req.body as { users: SimUser[] };
    try {
      ctx.users.upsert(users);
    } catch (error) {
      // The only failure is an idByApp claimed by another user: a client error.
      res.status(409).json({ error: "conflict", message: (error as Error).message });
      return;
    }
    res.json({ upserted: users.length, total: ctx.users.size });
  });

  router.get("/users", (req, res) => {
    const limit = readLimit(req.query.limit, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const users: SimUser[] = [];
    for (const record of ctx.users.values()) {
      if (users.length >= limit) break;
      users.push(toSimUser(record));
    }
    res.json({ total: ctx.users.size, users });
  });

  router.get("/personas", (req, res) => {
    const q = typeof req.query.q === "string" ? foldVietnamese(req.query.q.trim()) : "";
    const limit = readLimit(req.query.limit, 200, 1000);
    const matches = (u: UserRecord): boolean =>
      q === "" || foldVietnamese(u.name).includes(q) || u.idByApp.includes(q) || u.idByOa.includes(q);
    const personas: Record<string, unknown>[] = [];
    for (const user of ctx.users.values()) {
      if (personas.length >= limit) break;
      if (!matches(user)) continue;
      personas.push({
        name: user.name,
        idByApp: user.idByApp,
        idByOa: user.idByOa,
        avatar: user.avatar ?? null,
        isFollower: user.isFollower,
        notificationsAllowed: user.notificationsAllowed,
        zbsBlocked: user.zbsBlocked,
        tags: [...user.tags],
      });
    }
    res.json({ personas });
  });

  router.post("/users/:idByApp/access-token", (req, res) => {
    res.json({ accessToken: controls.issueUserAccessToken(param(req, "idByApp")) });
  });

  router.post("/users/:idByApp/phone-token", (req, res) => {
    const user = ctx.users.getByApp(param(req, "idByApp"));
    if (user && user.phone === undefined) {
      res.status(409).json({ error: "no_phone", message: "This simulated user has no phone number" });
      return;
    }
    res.json({ token: controls.issuePhoneToken(param(req, "idByApp")) });
  });

  /**
   * What the Mini App's zmp-sdk does outside Zalo, where its demo SDK calls these: `interactOA`
   * (the user's last interaction becomes now) and `requestSendNotification` (the user's choice).
   */
  router.post("/users/:idByApp/interact-oa", (req, res) => {
    res.json({ user: controls.interactOA(param(req, "idByApp")) });
  });

  router.post(
    "/users/:idByApp/allow-notifications",
    validateBody(allowNotificationsBodySchema),
    (req, res) => {
      const { allowed } = req.body as { allowed: boolean };
      res.json({ user: controls.setNotificationsAllowed(param(req, "idByApp"), allowed) });
    },
  );

  router.post("/users/:idByOa/send-text", validateBody(sendTextBodySchema), async (req, res) => {
    const { text } = req.body as { text: string };
    res.json(await controls.sendUserText(param(req, "idByOa"), text));
  });

  router.post("/users/:idByOa/follow", async (req, res) => {
    await controls.follow(param(req, "idByOa"));
    res.json({ ok: true });
  });

  router.post("/users/:idByOa/unfollow", async (req, res) => {
    await controls.unfollow(param(req, "idByOa"));
    res.json({ ok: true });
  });

  /** What the resident wrote to the OA (the inbox page shows it beside the OA's messages). */
  router.get("/users/:idByOa/inbound", (req, res) => {
    const idByOa = param(req, "idByOa");
    if (!ctx.users.get(idByOa)) throw new UnknownUserError(idByOa);
    res.json({ messages: ctx.inbound.forUser(idByOa) });
  });

  router.use(adminControlRouter(ctx, controls));

  const unknownUser: ErrorRequestHandler = (error, _req, res, next) => {
    if (!(error instanceof UnknownUserError)) return next(error);
    res.status(404).json({ error: "not_found", message: error.message });
  };
  router.use(unknownUser);
  return router;
}
