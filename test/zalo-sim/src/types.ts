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
   * The OA's approved ZBS templates, by id, with the names of their parameters. A template not listed
   * here is refused (-201 "template_id is invalid!"), and so is `template_data` that does not fill
   * exactly those parameters: Zalo sends only templates it has approved. Default none.
   */
  templates?: Record<string, string[]>;
  receipts?: { receivedDelayMs?: number; seenDelayMs?: number | null };
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
}

export interface LedgerEntry {
  messageId: string;
  userIdByOa: string;
  /** e.g. "/v3.0/oa/message/cs" */
  endpoint: string;
  /** The request body as received. */
  body: unknown;
  /** The text for a text message, the first element's title for a list, the template id for a template. */
  text?: string;
  /** Every URL in the message, in order of appearance. */
  links: string[];
  /** "text" | "list" | "photo" | "gif" | "file" | "request_user_info" | "template" */
  type: string;
  sentAt: number;
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
    count(): number;
    clear(): void;
  };
  /** Resolves once the webhook's first delivery attempt has finished (at once when no webhook URL is set). */
  sendUserText(idByOa: string, text: string): Promise<{ msgId: string }>;
  follow(idByOa: string): Promise<void>;
  unfollow(idByOa: string): Promise<void>;
  webhookLog: { all(): WebhookAttempt[] };
  stats(): SimStats;
}
