import { Router } from "express";
import type { SimContext } from "../context.js";
import type { SimControls } from "../controls.js";
import type { SimFaults } from "../types.js";
import {
  authCodeBodySchema,
  faultsBodySchema,
  rateBodySchema,
  validateBody,
  webhookBodySchema,
} from "./admin.schema.js";
import { tokenResponse } from "./oauth.router.js";

/** /__sim/* controls for the ledger, OA tokens, faults, limits and webhooks. */
export function adminControlRouter(ctx: SimContext, controls: SimControls): Router {
  const router = Router();

  router.get("/ledger", (req, res) => {
    const userId = req.query.user_id;
    if (typeof userId === "string" && userId !== "") {
      res.json({ entries: controls.ledger.forUser(userId) });
      return;
    }
    const limit = typeof req.query.limit === "string" ? Number.parseInt(req.query.limit, 10) : Number.NaN;
    res.json({ entries: Number.isInteger(limit) && limit > 0 ? ctx.ledger.last(limit) : ctx.ledger.all() });
  });

  /** For benchmarks: totals, the first and last send, and messages per user (duplicates show as counts > 1). */
  router.get("/ledger/summary", (_req, res) => {
    const perUser: Record<string, number> = {};
    let firstSentAt: number | null = null;
    let lastSentAt: number | null = null;
    for (const entry of ctx.ledger.all()) {
      perUser[entry.userIdByOa] = (perUser[entry.userIdByOa] ?? 0) + 1;
      firstSentAt = firstSentAt === null ? entry.sentAt : Math.min(firstSentAt, entry.sentAt);
      lastSentAt = lastSentAt === null ? entry.sentAt : Math.max(lastSentAt, entry.sentAt);
    }
    res.json({ count: ctx.ledger.count(), firstSentAt, lastSentAt, perUser });
  });

  router.get("/ledger/count", (_req, res) => {
    res.json({ count: ctx.ledger.count() });
  });

  router.delete("/ledger", (_req, res) => {
    res.json({ cleared: ctx.ledger.clear() });
  });

  router.post("/oa/tokens", (_req, res) => {
    res.json(tokenResponse(controls.issueOaTokens()));
  });

  /** A code as the OA permission page would hand to the ward's redirect URI. */
  router.post("/oa/auth-code", validateBody(authCodeBodySchema), (req, res) => {
    const { code_challenge } = req.body as { code_challenge?: string };
    const { code, expiresInSec } = ctx.oaTokens.issueAuthCode(code_challenge);
    res.json({ code, oa_id: ctx.config.oaId, expires_in: expiresInSec });
  });

  router.post("/oa/expire-token", (_req, res) => {
    controls.expireOaAccessToken();
    res.json({ ok: true });
  });

  router.get("/faults", (_req, res) => {
    res.json({ faults: ctx.faults.get() });
  });

  router.put("/faults", validateBody(faultsBodySchema), (req, res) => {
    controls.setFaults(req.body as SimFaults);
    res.json({ faults: ctx.faults.get() });
  });

  router.put("/rate", validateBody(rateBodySchema), (req, res) => {
    const { ratePerSecond } = req.body as { ratePerSecond: number };
    controls.setRatePerSecond(ratePerSecond);
    res.json({ ratePerSecond: ctx.secondLimiter.rate });
  });

  router.put("/webhook", validateBody(webhookBodySchema), (req, res) => {
    const { url } = req.body as { url: string | null };
    controls.setWebhookUrl(url ?? "");
    res.json({ url: ctx.webhookUrl.current ?? null });
  });

  router.get("/webhooks", (req, res) => {
    const limit = typeof req.query.limit === "string" ? Number.parseInt(req.query.limit, 10) : Number.NaN;
    const attempts = ctx.webhookLog.all();
    res.json({ attempts: Number.isInteger(limit) && limit > 0 ? attempts.slice(-limit) : attempts });
  });

  router.get("/stats", (_req, res) => {
    res.json(controls.stats());
  });

  return router;
}
