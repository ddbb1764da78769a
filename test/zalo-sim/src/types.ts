/**
 * Public types of the Zalo simulator. These are what other packages (bot-server tests, benchmarks,
 * the demo page) import, so they change only together with their callers.
 */

/** A simulated Zalo account as seen by the ward's Zalo App and OA. */
export interface SimUser {
  /** Id scoped to the Zalo App (what getUserInfo().id and graph /me `id` return). */
  idByApp: string;
  /** Id scoped to the OA (recipient.user_id in OA API calls, sender.id in webhooks). */
  idByOa: string;
  name: string;
  avatar?: string;
  /** International format without "+", e.g. "84912345678". */
  phone?: string;
  isFollower: boolean;
  /** ms since epoch of the user's last interaction with the OA (drives the 48 h / 7 day rules). */
  lastInteractionAt: number;
  tags?: string[];
  /**
   * The resident allowed the Mini App's notifications (`requestSendNotification`). Kept on upsert
   * when omitted, since the Mini App sets it through /__sim. Default false.
   */
  notificationsAllowed?: boolean;
  /** The resident refused ZBS messages: a send by phone answers -114. Kept on upsert when omitted. */
  zbsBlocked?: boolean;
}

/**
 * Every Zalo channel a ward uses to reach residents: OA customer-service messages, ZBS templates by
 * OA user id and by phone, Mini App notifications, and OA articles broadcast to followers.
 */
export type SimChannel = "cs" | "zbs_uid" | "zbs_phone" | "notification" | "article";

/** What one accepted message costs, in VND (defaults are the ward's planning figures, not Zalo's list). */
export interface SimPrices {
  /** A CS message sent between 48 h and 7 days after the last interaction (free within 48 h). Default 55. */
  csBilled: number;
  /** Default 165. */
  zbsUid: number;
  /** Default 300. */
  zbsPhone: number;
  /** Default 0. */
  notification: number;
  /** Per follower reached. Default 0. */
  article: number;
}

/** A Zalo error answered on a channel's next `count` calls (all calls until cleared when omitted). */
export interface SimChannelError {
  channel: SimChannel;
  code: number;
  message?: string;
  count?: number;
}

export interface SimFaults {
  error5xxRate?: number;
  timeoutRate?: number;
  rateLimitRate?: number;
  /**
   * The message IS accepted (ledger entry, receipts) but the answer is lost on the way back (HTTP 502):
   * the client cannot tell it from a failure, which is exactly the case exactly-once delivery must handle.
   */
  lostResponseRate?: number;
  /** How long a "timeout" fault hangs before answering 504. Default 15000. */
  timeoutMs?: number;
}

export interface SimLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface ZaloSimOptions {
  /** 0 = random; the host is always 127.0.0.1. Default 0. */
  port?: number;
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  miniAppId: string;
  webhookUrl?: string;
  /** OA API calls per app per fixed one-minute window. Default 4000 (→ error -32). */
  rateLimitPerMinute?: number;
  /** Extra sliding one-second window over accepted sends; 0/undefined = off. */
  ratePerSecond?: number;
  /** Added to every Graph / OAuth / OA response. */
  latencyMs?: number;
  faults?: SimFaults;
  /**
   * The approved templates, by id, with the names of their parameters: ZBS templates (by user id and
   * by phone) and Mini App notification templates share this list. A template not listed here is
   * refused (-201 "template_id is invalid!", -109 by phone), and so is `template_data` that does not
   * fill exactly those parameters: Zalo sends only templates it has approved. Default none.
   */
  templates?: Record<string, string[]>;
  /**
   * Receipts: "received" after `receivedDelayMs`, "seen" after `seenDelayMs` (null = never) for the
   * share `seenShare` of messages (default 1; chosen by the message id, so the same message always).
   */
  receipts?: { receivedDelayMs?: number; seenDelayMs?: number | null; seenShare?: number };
  oaAccessTokenTtlSec?: number;
  userAccessTokenTtlSec?: number;
  /**
   * A refresh token the simulator accepts from the start (single use, like any other), so a bot
   * server configured with the same value can bootstrap its OA token without a consent step.
   */
  initialOaRefreshToken?: string;
  enforceInteractionWindow?: boolean;
  now?: () => number;
  seed?: number;
  /** Delays before webhook retries 1..n after a connection error. Default Zalo's 30 s, 5 min, 15 min, 30 min, 1 h. */
  webhookRetryDelaysMs?: number[];
  /**
   * A webhook attempt that has not answered by then is recorded as failed (not retried), as Zalo does.
   * Default 2000.
   */
  webhookTimeoutMs?: number;
  /** Webhook POSTs in flight at once, across users. Default 16. */
  webhookConcurrency?: number;
  /** Events waiting for delivery beyond this are dropped (counted in stats). Default 500000. */
  webhookQueueLimit?: number;
  /** webhookLog keeps the newest this many attempts. Default 100000. */
  webhookLogLimit?: number;
  /** Default: warnings and errors to stderr. */
  logger?: SimLogger;
  /** Prices per channel; missing ones keep their default (see `SimPrices`). */
  prices?: Partial<SimPrices>;
  /**
   * ZBS messages a day (Asia/Ho_Chi_Minh calendar day), shared by templates by user id and by phone.
   * Over it: -211 by user id, -115 by phone. Default 2000.
   */
  zbsDailyQuota?: number;
  /** The key the ward's server sends as `X-Api-Key: Bearer <key>` to the Mini App notification API. */
  miniAppApiKey?: string;
  /** Mini App notifications one user may receive a day (→ -218). Default 1. */
  notificationPerUserPerDay?: number;
  /** Mini App notifications the app may send a day (→ -211). Default 10000. */
  notificationDailyQuota?: number;
  /** Article broadcasts one follower receives a day; a follower at the cap is skipped. Default 1. */
  articlePerFollowerPerDay?: number;
  /** Article broadcasts one follower receives a calendar month; one at the cap is skipped. Default 4. */
  articlePerFollowerPerMonth?: number;
  /** Echo each accepted OA message (CS, template by user id) as an `oa_send_*` webhook. Default true. */
  echoOaSends?: boolean;
}

export interface LedgerEntry {
  /** Shared by every entry of one article broadcast. */
  messageId: string;
  userIdByOa: string;
  channel: SimChannel;
  /** What this message cost the ward (see `SimPrices`). */
  costVnd: number;
  /** e.g. "/v3.0/oa/message/cs" */
  endpoint: string;
  /** The request body as received. */
  body: unknown;
  /** The text for a text message, the first element's title for a list, the template id for a template. */
  text?: string;
  /** Every URL in the message, in order of appearance. */
  links: string[];
  /**
   * "text" | "list" | "photo" | "gif" | "file" | "request_user_info" | "template" (both ZBS channels)
   * | "notification" | "article"
   */
  type: string;
  sentAt: number;
  /** The `tracking_id` of a ZBS message by phone. */
  trackingId?: string;
}

export interface LedgerChannelSummary {
  messages: number;
  costVnd: number;
  /** Distinct users reached. */
  recipients: number;
}

export interface LedgerSummary {
  count: number;
  firstSentAt: number | null;
  lastSentAt: number | null;
  /** Messages per user, all channels together (duplicates show as counts > 1). */
  perUser: Record<string, number>;
  costVnd: number;
  byChannel: Record<SimChannel, LedgerChannelSummary>;
}

export interface WebhookAttempt {
  eventName: string;
  userIdByOa: string;
  url: string;
  /** 0 for the first attempt; the value of the `num_retry` header otherwise. */
  numRetry: number;
  /** The exact bytes sent. */
  body: string;
  signature: string;
  timestamp: string;
  /** HTTP status received; null when no response arrived. */
  status: number | null;
  error?: string;
  willRetry: boolean;
  startedAt: number;
  durationMs: number;
}

export interface SimStats {
  requests: number;
  limitErrors: number;
  faults: { e5xx: number; timeouts: number; limit: number; lostResponses: number };
  webhooks: { queued: number; inFlight: number; delivered: number; failed: number; dropped: number };
  /** Zalo error answers (error ≠ 0) of each channel's send endpoint, forced ones included. */
  errorsByChannel: Record<SimChannel, number>;
  /** Answers -211, -218 or -115 (out of quota), forced ones included. */
  quotaRefusals: number;
  /** Answers produced by `setChannelError`. */
  forcedErrors: number;
  article: { broadcasts: number; skippedByCap: number };
}

export interface InboundMessage {
  msgId: string;
  userIdByOa: string;
  text: string;
  sentAt: number;
}

export interface ZaloSim {
  url: string;
  close(): Promise<void>;
  upsertUsers(users: SimUser[]): void;
  getUser(idByOa: string): SimUser | undefined;
  issueOaTokens(): { accessToken: string; refreshToken: string; expiresIn: number };
  issueUserAccessToken(idByApp: string): string;
  issuePhoneToken(idByApp: string): string;
  expireOaAccessToken(): void;
  setFaults(f: ZaloSimOptions["faults"]): void;
  setRatePerSecond(n: number): void;
  setWebhookUrl(url: string): void;
  ledger: {
    all(): LedgerEntry[];
    forUser(idByOa: string): LedgerEntry[];
    forChannel(channel: SimChannel): LedgerEntry[];
    count(): number;
    summary(): LedgerSummary;
    clear(): void;
  };
  /** Answers `code` on the channel's next `count` calls (until cleared when omitted), after auth. */
  setChannelError(error: SimChannelError): void;
  /** One channel's forced error, or all of them. */
  clearChannelErrors(channel?: SimChannel): void;
  /** Forgets what the daily and monthly quotas and caps have counted (ZBS, notifications, articles). */
  resetQuotas(): void;
  /** What the Mini App's `interactOA` does: the user's last interaction becomes now. */
  interactOA(idByApp: string): SimUser;
  /** What the Mini App's `requestSendNotification` records: whether the user allowed notifications. */
  setNotificationsAllowed(idByApp: string, allowed: boolean): SimUser;
  /** Resolves once the webhook's first delivery attempt has finished (at once when no webhook URL is set). */
  sendUserText(idByOa: string, text: string): Promise<{ msgId: string }>;
  follow(idByOa: string): Promise<void>;
  unfollow(idByOa: string): Promise<void>;
  webhookLog: { all(): WebhookAttempt[] };
  stats(): SimStats;
}
