import type { SimConfig } from "./config.js";
import { FaultInjector } from "./faults.js";
import { createIdGenerator, createRandomSource, type IdGenerator } from "./ids.js";
import { FixedWindowLimiter, SlidingWindowLimiter } from "./limits/rate-limiter.js";
import { ArticleStore } from "./state/articles.js";
import { ChannelErrorStore, emptyPerChannel } from "./state/channel-errors.js";
import { InboundLog, Ledger } from "./state/ledger.js";
import { OaTokenStore } from "./state/oa-tokens.js";
import { DailyQuota, PerKeyCaps } from "./state/quotas.js";
import { UserQuery } from "./state/user-query.js";
import { UserTokenStore } from "./state/user-tokens.js";
import { UserStore } from "./state/users.js";
import type { SimChannel } from "./types.js";
import { WebhookDispatcher } from "./webhooks/dispatcher.js";
import { type EventContext, userReceivedEvent, userSeenEvent } from "./webhooks/events.js";
import { ReceiptScheduler } from "./webhooks/receipts.js";
import { WebhookLog } from "./webhooks/webhook-log.js";

export interface SimCounters {
  requests: number;
  limitErrors: number;
  faults: { e5xx: number; timeouts: number; limit: number; lostResponses: number };
  errorsByChannel: Record<SimChannel, number>;
  quotaRefusals: number;
  forcedErrors: number;
  article: { broadcasts: number; skippedByCap: number };
}

/** Daily quotas and per-recipient caps of the paid and limited channels (Vietnam's calendar). */
export interface SimQuotas {
  /** Shared by ZBS templates by user id and by phone. */
  zbs: DailyQuota;
  notification: DailyQuota;
  /** By idByApp. */
  notificationPerUser: PerKeyCaps;
  /** By idByOa. */
  articlePerFollower: PerKeyCaps;
}

/** Everything a router or service needs, built once per simulator. */
export interface SimContext {
  config: SimConfig;
  now: () => number;
  ids: IdGenerator;
  users: UserStore;
  userQuery: UserQuery;
  oaTokens: OaTokenStore;
  userTokens: UserTokenStore;
  ledger: Ledger;
  inbound: InboundLog;
  minuteLimiter: FixedWindowLimiter;
  secondLimiter: SlidingWindowLimiter;
  faults: FaultInjector;
  channelErrors: ChannelErrorStore;
  quotas: SimQuotas;
  articles: ArticleStore;
  webhookUrl: { current: string | undefined };
  webhookLog: WebhookLog;
  dispatcher: WebhookDispatcher;
  receipts: ReceiptScheduler;
  counters: SimCounters;
  /** Timers of requests held open by latency or timeout faults; cleared on close. */
  heldRequests: Set<NodeJS.Timeout>;
  eventContext(): EventContext;
}

export function createContext(config: SimConfig): SimContext {
  const now = config.now;
  const seed = config.seed;
  // Separate streams so that enabling faults does not change the ids a seeded run produces.
  const ids = createIdGenerator(createRandomSource(seed));
  const faultRandom = createRandomSource(seed === undefined ? undefined : seed + 1);
  const users = new UserStore();
  const webhookUrl = { current: config.webhookUrl };
  const webhookLog = new WebhookLog(config.webhookLogLimit);
  const eventContext = (): EventContext => ({
    appId: config.appId,
    oaId: config.oaId,
    timestamp: String(now()),
  });
  const dispatcher = new WebhookDispatcher({
    appId: config.appId,
    oaSecretKey: config.oaSecretKey,
    getUrl: () => webhookUrl.current,
    retryDelaysMs: config.webhookRetryDelaysMs,
    timeoutMs: config.webhookTimeoutMs,
    concurrency: config.webhookConcurrency,
    queueLimit: config.webhookQueueLimit,
    log: webhookLog,
    logger: config.logger,
    now,
  });
  const receipts = new ReceiptScheduler({
    receivedDelayMs: config.receivedDelayMs,
    seenDelayMs: config.seenDelayMs,
    seenShare: config.seenShare,
    logger: config.logger,
    emitReceived: (userIdByOa, msgId) => {
      const user = users.get(userIdByOa);
      if (user) void dispatcher.enqueue(userReceivedEvent(eventContext(), user, msgId));
    },
    emitSeen: (userIdByOa, msgIds) => {
      const user = users.get(userIdByOa);
      if (user) void dispatcher.enqueue(userSeenEvent(eventContext(), user, msgIds));
    },
  });
  const faults = new FaultInjector(faultRandom);
  faults.set(config.faults);
  const oaTokens = new OaTokenStore(ids, now, config.oaAccessTokenTtlSec);
  if (config.initialOaRefreshToken !== undefined) oaTokens.registerRefreshToken(config.initialOaRefreshToken);
  return {
    config,
    now,
    ids,
    users,
    userQuery: new UserQuery(users),
    oaTokens,
    userTokens: new UserTokenStore(ids, now, config.userAccessTokenTtlSec),
    ledger: new Ledger(),
    inbound: new InboundLog(),
    minuteLimiter: new FixedWindowLimiter(config.rateLimitPerMinute, 60_000),
    secondLimiter: new SlidingWindowLimiter(config.ratePerSecond),
    faults,
    channelErrors: new ChannelErrorStore(),
    quotas: createQuotas(config),
    articles: new ArticleStore(ids),
    webhookUrl,
    webhookLog,
    dispatcher,
    receipts,
    counters: {
      requests: 0,
      limitErrors: 0,
      faults: { e5xx: 0, timeouts: 0, limit: 0, lostResponses: 0 },
      errorsByChannel: emptyPerChannel(),
      quotaRefusals: 0,
      forcedErrors: 0,
      article: { broadcasts: 0, skippedByCap: 0 },
    },
    heldRequests: new Set(),
    eventContext,
  };
}

export function createQuotas(config: SimConfig): SimQuotas {
  return {
    zbs: new DailyQuota(config.zbsDailyQuota),
    notification: new DailyQuota(config.notificationDailyQuota),
    notificationPerUser: new PerKeyCaps(config.notificationPerUserPerDay),
    articlePerFollower: new PerKeyCaps(config.articlePerFollowerPerDay, config.articlePerFollowerPerMonth),
  };
}
