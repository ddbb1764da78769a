import type { SimContext } from "./context.js";
import { channelErrorBodySchema, describeIssues, simUserSchema } from "./routes/admin.schema.js";
import { residentFollows, residentSendsText } from "./services/resident-actions.js";
import { toSimUser, UnknownUserError } from "./state/users.js";
import type { ZaloSim } from "./types.js";

/**
 * The test-facing controls, shared by the programmatic API (ZaloSim) and the /__sim routes so
 * both behave the same.
 */
export type SimControls = Omit<ZaloSim, "url" | "close">;

export function createControls(ctx: SimContext): SimControls {
  const requireByApp = (idByApp: string) => {
    const user = ctx.users.getByApp(idByApp);
    if (!user) throw new UnknownUserError(idByApp);
    return user;
  };
  return {
    upsertUsers(users) {
      const parsed = simUserSchema.array().safeParse(users);
      if (!parsed.success) {
        const problems = describeIssues(parsed.error).map((i) => `${i.field}: ${i.reason}`);
        throw new Error(`Invalid simulated users: ${problems.join("; ")}`);
      }
      ctx.users.upsert(parsed.data);
    },
    getUser(idByOa) {
      const record = ctx.users.get(idByOa);
      return record ? toSimUser(record) : undefined;
    },
    issueOaTokens: () => ctx.oaTokens.issue(),
    issueUserAccessToken: (idByApp) => ctx.userTokens.issueAccessToken(requireByApp(idByApp).idByApp),
    issuePhoneToken(idByApp) {
      const user = requireByApp(idByApp);
      if (user.phone === undefined) throw new Error(`Simulated user ${idByApp} has no phone number`);
      return ctx.userTokens.issuePhoneToken(idByApp);
    },
    expireOaAccessToken: () => ctx.oaTokens.expireCurrent(),
    setFaults: (faults) => ctx.faults.set(faults),
    setRatePerSecond: (n) => ctx.secondLimiter.reset(n),
    setWebhookUrl(url) {
      if (url !== "" && !URL.canParse(url)) throw new Error(`Invalid webhook URL: ${url}`);
      ctx.webhookUrl.current = url === "" ? undefined : url;
    },
    ledger: {
      all: () => ctx.ledger.all(),
      forUser: (idByOa) => ctx.ledger.forUser(idByOa).slice(),
      forChannel: (channel) => ctx.ledger.forChannel(channel),
      count: () => ctx.ledger.count(),
      summary: () => ctx.ledger.summary(),
      clear: () => void ctx.ledger.clear(),
    },
    setChannelError(error) {
      const parsed = channelErrorBodySchema.safeParse(error);
      if (!parsed.success) {
        const problems = describeIssues(parsed.error).map((i) => `${i.field}: ${i.reason}`);
        throw new Error(`Invalid channel error: ${problems.join("; ")}`);
      }
      ctx.channelErrors.set(parsed.data);
    },
    clearChannelErrors: (channel) => ctx.channelErrors.clear(channel),
    resetQuotas() {
      const q = ctx.quotas;
      q.zbs.reset();
      q.notification.reset();
      q.notificationPerUser.reset();
      q.articlePerFollower.reset();
    },
    interactOA(idByApp) {
      const user = requireByApp(idByApp);
      // interactOA opens the OA chat, which Zalo counts as an interaction: the 7-day CS window opens.
      ctx.users.touchInteraction(user, ctx.now());
      return toSimUser(user);
    },
    setNotificationsAllowed(idByApp, allowed) {
      const user = requireByApp(idByApp);
      user.notificationsAllowed = allowed;
      return toSimUser(user);
    },
    sendUserText: (idByOa, text) => residentSendsText(ctx, idByOa, text),
    follow: (idByOa) => residentFollows(ctx, idByOa, true),
    unfollow: (idByOa) => residentFollows(ctx, idByOa, false),
    webhookLog: { all: () => ctx.webhookLog.all() },
    stats: () => ({
      requests: ctx.counters.requests,
      limitErrors: ctx.counters.limitErrors,
      faults: { ...ctx.counters.faults },
      webhooks: ctx.dispatcher.stats(),
      errorsByChannel: { ...ctx.counters.errorsByChannel },
      quotaRefusals: ctx.counters.quotaRefusals,
      forcedErrors: ctx.counters.forcedErrors,
      article: { ...ctx.counters.article },
    }),
  };
}
