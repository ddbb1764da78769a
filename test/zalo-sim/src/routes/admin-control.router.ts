import { Router } from "express";
import type { SimContext } from "../context.js";
import type { SimControls } from "../controls.js";
import type { SimChannel, SimChannelError, SimFaults } from "../types.js";
import {
  authCodeBodySchema,
  channelErrorBodySchema,
  channelSchema,
  faultsBodySchema,
  rateBodySchema,
  validateBody,
  webhookBodySchema,
} from "./admin.schema.js";
import { tokenResponse } from "./oauth.router.js";

/** /__sim/* controls for the ledger, OA tokens, faults, limits and webhooks. */
export function adminControlRouter(ctx: SimContext, controls: SimControls): Router {
  const router = Router();

  /** `user_id` and `channel` filter (both may be given); `limit` keeps the newest entries. */
  router.get("/ledger", (req, res) => {
    const userId = req.query.user_id;
    let channel: SimChannel | undefined;
    if (req.query.channel !== undefined) {
      const parsed = channelSchema.safeParse(req.query.channel);
      if (!parsed.success) {
        res.status(400).json({ error: "invalid_request", message: `Unknown channel ${req.query.channel}` });
        return;
      }
      channel = parsed.data;
    }
    const limit = typeof req.query.limit === "string" ? Number.parseInt(req.query.limit, 10) : Number.NaN;
    const hasLimit = Number.isInteger(limit) && limit > 0;
    if (typeof userId === "string" && userId !== "") {
      const entries = controls.ledger.forUser(userId);
      res.json({ entries: channel === undefined ? entries : entries.filter((e) => e.channel === channel) });
      return;
    }
    if (channel !== undefined) {
      const entries = ctx.ledger.forChannel(channel);
      res.json({ entries: hasLimit ? entries.slice(-limit) : entries });
      return;
    }
    res.json({ entries: hasLimit ? ctx.ledger.last(limit) : ctx.ledger.all() });
  });

  /**
   * For benchmarks: totals, the first and last send, messages per user (duplicates show as counts
   * > 1), the cost, and per channel messages, cost and distinct recipients.
   */
  router.get("/ledger/summary", (_req, res) => {
    res.json(ctx.ledger.summary());
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

  /** Errors forced on a channel's next calls (`count`), or on all of them until cleared. */
  router.get("/channel-errors", (_req, res) => {
    res.json({ channelErrors: ctx.channelErrors.list() });
  });

  router.post("/channel-errors", validateBody(channelErrorBodySchema), (req, res) => {
    controls.setChannelError(req.body as SimChannelError);
    res.json({ channelErrors: ctx.channelErrors.list() });
  });

  /** All of them, or one channel's with `?channel=`. */
  router.delete("/channel-errors", (req, res) => {
    const parsed = channelSchema.optional().safeParse(req.query.channel);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_request", message: `Unknown channel ${req.query.channel}` });
      return;
    }
    controls.clearChannelErrors(parsed.data);
    res.json({ channelErrors: ctx.channelErrors.list() });
  });

  /** What is left today of the daily quotas. */
  router.get("/quotas", (_req, res) => {
    const now = ctx.now();
    const { zbs, notification } = ctx.quotas;
    res.json({
      zbs: { dailyQuota: zbs.limit, remaining: zbs.remaining(now) },
      notification: { dailyQuota: notification.limit, remaining: notification.remaining(now) },
    });
  });

  /** Forgets what the quotas and per-recipient caps have counted (ZBS, notifications, articles). */
  router.delete("/quotas", (_req, res) => {
    controls.resetQuotas();
    res.json({ ok: true });
  });

  router.get("/stats", (_req, res) => {
    res.json(controls.stats());
  });

  return router;
}
