import path from "node:path";
import { parseDailyWindow } from "@loa-phuong/shared";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce.number().int().min(0).max(65535);
const url = z.url();

/**
 * The bot server's configuration, read once from the environment at start-up. Every default works
 * on a fresh machine with the Zalo simulator; production sets the ZALO_* URLs to Zalo's hosts.
 */
export const configSchema = z.object({
  /** Runtime mode; "production" refuses the demo shortcuts. */
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** HTTP port of the API process (the single-process mode serves the Mini App here too). */
  PORT: port.default(3000),
  /** Port of the worker process's own /health endpoint (worker-only mode). */
  WORKER_HEALTH_PORT: port.default(3001),
  /** Interface to listen on; loopback by default. */
  HOST: z.string().default("127.0.0.1"),
  /** Public origin residents' links point at (Mini App build, images). */
  PUBLIC_BASE_URL: url.default("http://localhost:3000"),
  /** Origins allowed to call the API from a browser (comma-separated): Zalo serves Mini Apps from h5.zdn.vn. */
  CORS_ORIGINS: z
    .string()
    .default("https://h5.zdn.vn")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** pino level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Folder for the embedded store (PGlite) and uploads. */
  DATA_DIR: z.string().default(".data"),
  /** PostgreSQL connection string; when empty the embedded PGlite store under DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  /** Redis for BullMQ; must run with maxmemory-policy noeviction. */
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default("loa"),
  /** The ward this deployment serves. */
  WARD_ID: z.string().default("hong-bang"),
  /** Zalo App id (Mini App and OA API share it). */
  ZALO_APP_ID: z.string().default("1000000000000000001"),
  /** Zalo App secret key: OAuth, appsecret_proof and phone-token exchange. */
  ZALO_APP_SECRET: z.string().default("demo-app-secret"),
  /** The ward's Official Account id. */
  ZALO_OA_ID: z.string().default("2000000000000000002"),
  /** OA Secret Key from the webhook settings page: verifies X-ZEvent-Signature. */
  ZALO_OA_SECRET_KEY: z.string().default("demo-oa-secret-key"),
  /** Mini App id, used in /zapps/<id>/ and https://zalo.me/s/<id>/ links. */
  ZALO_MINI_APP_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("3000000000000000003"),
  /** Zalo OA Open API base (production: https://openapi.zalo.me). */
  ZALO_OPENAPI_BASE_URL: url.default("http://127.0.0.1:3100"),
  /** Zalo Graph API base (production: https://graph.zalo.me). */
  ZALO_GRAPH_BASE_URL: url.default("http://127.0.0.1:3100"),
  /** Zalo OAuth v4 base (production: https://oauth.zaloapp.com). */
  ZALO_OAUTH_BASE_URL: url.default("http://127.0.0.1:3100"),
  /**
   * Key that seals secrets in the store (the OA's tokens): base64 of 32 random bytes, e.g.
   * `openssl rand -base64 32`. Required in production; unset elsewhere, a development key is used.
   */
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "phải là base64 của đúng 32 byte")
    .optional(),
  /** First OA refresh token; only read when the store holds none yet. */
  ZALO_OA_REFRESH_TOKEN: z.string().optional(),
  /** Send appsecret_proof with Graph and OA calls. */
  ZALO_USE_APPSECRET_PROOF: bool.default(true),
  /**
   * OA message wording: text ending with the link (confirmed contract) or a list template with a
   * "Xem chi tiết" button.
   */
  OA_MESSAGE_FORMAT: z.enum(["text_link", "list_button"]).default("text_link"),
  /**
   * Channels (docs/zalo-contracts.md §4.3, §7, §1.9c; the planner is bot-server/src/channels/). Each
   * template is registered with Zalo with the parameters in channels/templates.ts; unset = channel off.
   * ZBS template by the resident's OA user id (paid).
   */
  ZALO_ZBS_TEMPLATE_ID: z.string().min(1).optional(),
  /** The earlier name of ZALO_ZBS_TEMPLATE_ID, still read when the new one is unset. */
  ZALO_FALLBACK_TEMPLATE_ID: z.string().min(1).optional(),
  /** ZBS template by phone number, to residents who gave their phone with consent (paid). */
  ZALO_ZBS_PHONE_TEMPLATE_ID: z.string().min(1).optional(),
  /** ZBS API base (production: https://business.openapi.zalo.me). */
  ZALO_BUSINESS_BASE_URL: url.default("http://127.0.0.1:3100"),
  /** Mini App notification template, to residents who allowed notifications; needs the API key too. */
  ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: z.string().min(1).optional(),
  /** The Mini App's server API key (Zalo's Mini App console). */
  ZALO_MINIAPP_API_KEY: z.string().min(1).optional(),
  /** Mini App open API base (production: https://openapi.mini.zalo.me). */
  ZALO_MINIAPP_OPENAPI_BASE_URL: url.default("http://127.0.0.1:3100"),
  /**
   * Publish ward-wide posts as an OA Article broadcast to every follower ([?] whether Zalo's v2.0
   * broadcast still answers; off unless the ward's OA has it).
   */
  CHANNEL_ARTICLE_ENABLED: bool.default(false),
  /** An Article is used only if it newly reaches at least this many followers for free. */
  ARTICLE_MIN_GAIN: z.coerce.number().int().min(1).default(1),
  /** Article broadcasts a follower may get per day and per month (the OA's package). */
  QUOTA_ARTICLE_PER_DAY: z.coerce.number().int().min(0).default(1),
  QUOTA_ARTICLE_PER_MONTH: z.coerce.number().int().min(0).default(4),
  /** ZBS messages (by UID and by phone together) per ward day; unset = only what Zalo answers. */
  QUOTA_ZBS_PER_DAY: z.coerce.number().int().min(0).optional(),
  /** Mini App notifications per ward day, and per resident per day. */
  QUOTA_NOTIFICATIONS_PER_DAY: z.coerce.number().int().min(0).optional(),
  NOTIFICATIONS_PER_RESIDENT_PER_DAY: z.coerce.number().int().min(0).default(1),
  /** Prices in VND (the ward's contract with Zalo): a CS message 48 h–7 days after the last interaction… */
  PRICE_CS_BILLED_VND: z.coerce.number().int().min(0).default(55),
  /** …one Article broadcast, a Mini App notification, a ZBS message by UID and by phone. */
  PRICE_ARTICLE_VND: z.coerce.number().int().min(0).default(0),
  PRICE_NOTIFICATION_VND: z.coerce.number().int().min(0).default(0),
  PRICE_ZBS_UID_VND: z.coerce.number().int().min(0).default(165),
  PRICE_ZBS_PHONE_VND: z.coerce.number().int().min(0).default(300),
  /** Urgent posts: minutes after the start before residents who have not seen them get ZBS by phone; 0 = never. */
  ESCALATE_AFTER_MINUTES: z.coerce.number().min(0).max(1440).default(30),
  /**
   * The code of Zalo's domain verification (the `zalo_verifier<code>.html` file Zalo's console offers):
   * served at the domain's root so Zalo accepts the webhook URL on it.
   */
  ZALO_SITE_VERIFICATION_CODE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,128}$/, "chỉ gồm chữ, số, - và _")
    .optional(),
  /** Timeout of one Zalo HTTP call, ms. */
  ZALO_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Zalo's OA API limit per app; the delivery worker's limiter stays under it. */
  ZALO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(4000),
  /** Delivery batches a worker process sends at once (each batch's Zalo calls run in parallel). */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(4),
  /**
   * Deliveries per job (one claim and one settle query per batch; the batch's sends go out together).
   * Unset: a twentieth of a second's worth of Zalo's limit, between 1 and 100, so bursts stay small.
   */
  DELIVERY_BATCH_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  /** Quiet hours in ward time: a non-urgent send due inside them waits for their end ("00:00-00:00" = none). */
  QUIET_HOURS: z
    .string()
    .default("22:00-06:00")
    .transform((v, ctx) => {
      const window = parseDailyWindow(v);
      if (window) return window;
      ctx.addIssue({ code: "custom", message: "phải có dạng HH:mm-HH:mm" });
      return z.NEVER;
    }),
  /**
   * Most non-urgent broadcasts one resident gets by OA message per ward day (0 = no cap); the rest wait
   * in the feed.
   */
  DAILY_CAP_PER_RESIDENT: z.coerce.number().int().min(0).default(3),
  /** Auto-pause: look at this many of a broadcast's latest OA sends… */
  AUTO_PAUSE_WINDOW: z.coerce.number().int().min(1).default(50),
  /** …and pause it when more than this share of them failed. */
  AUTO_PAUSE_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.5),
  /** A group head who has not confirmed a relay task this long after the broadcast is reminded by OA message, ms. */
  RELAY_REMIND_AFTER_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(6 * 3_600_000),
  /** …and the ward staff are alerted this long after the broadcast, ms. */
  RELAY_ESCALATE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(24 * 3_600_000),
  /** A unit's campaign task still open this long before its deadline reminds the unit's members, ms. */
  TASK_REMIND_BEFORE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 24 * 3_600_000),
  /** A Zalo event older than this (its own timestamp) is refused at the webhook, hours. */
  WEBHOOK_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  /** Days an applied Zalo event (its body holds residents' words) is kept before it is deleted. */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** A Zalo event stamped further ahead of our clock than this is refused at the webhook, seconds. */
  WEBHOOK_MAX_AHEAD_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Per-resident and per-address limits on what residents send (uploads, reports, sign-ins…). */
  RATE_LIMITS: bool.default(true),
  /** Built Mini App (zmp-vite-plugin output) served under /zapps/<id>/. */
  MINI_APP_DIST_DIR: z.string().default("mini-app/www"),
  /** Resident and staff session lifetime, hours. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 30),
  /** Demo mode: seeds the ward's demo data and lets a desktop browser pick a simulated resident. */
  DEMO_MODE: bool.default(false),
  /** Admin URL of the Zalo simulator, used by the demo mode only. */
  ZALO_SIM_URL: url.default("http://127.0.0.1:3100"),
  /** How often the OA's tokens are checked (refreshed ahead of expiry, admins warned before they end), ms. */
  ZALO_TOKEN_CHECK_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** How often residents' words are checked for spikes by theme and residential group (alerts for staff), ms. */
  OPINION_SPIKE_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  /** How often the reconciler rebuilds Redis from the store (due broadcasts, waves, unapplied webhooks), ms. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).default(30_000),
  /** How soon a job whose worker died is taken up again (BullMQ lock duration and stalled check), ms. */
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  /** Deadline for an ordered shutdown before the process exits anyway, ms. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export type Config = Omit<z.infer<typeof configSchema>, "DELIVERY_BATCH_SIZE"> & {
  DELIVERY_BATCH_SIZE: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const config = {
    ...result.data,
    ZALO_ZBS_TEMPLATE_ID: result.data.ZALO_ZBS_TEMPLATE_ID ?? result.data.ZALO_FALLBACK_TEMPLATE_ID,
    DELIVERY_BATCH_SIZE:
      result.data.DELIVERY_BATCH_SIZE ??
      Math.min(100, Math.max(1, Math.floor(result.data.ZALO_RATE_LIMIT_PER_MINUTE / 60 / 20))),
  };
  if (config.NODE_ENV === "production" && config.DEMO_MODE) {
    throw new ConfigError(["DEMO_MODE: không được bật ở môi trường production"]);
  }
  if (config.NODE_ENV === "production" && !config.SECRETS_KEY) {
    throw new ConfigError(["SECRETS_KEY: bắt buộc ở môi trường production (openssl rand -base64 32)"]);
  }
  return config;
}

/** Parses the environment or stops the process with the list of problems. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Resolves a configured folder against the repository root when it is relative. */
/** Where residents' photos are kept. */
export const uploadsDirOf = (config: Pick<Config, "DATA_DIR">) =>
  path.join(resolveFromRoot(config.DATA_DIR), "uploads");

export function resolveFromRoot(dir: string): string {
  return path.isAbsolute(dir) ? dir : path.resolve(repoRoot(), dir);
}

function repoRoot(): string {
  // src/config and dist/config are both two levels under the package, which sits in the repository root.
  return path.resolve(import.meta.dirname, "..", "..", "..");
}
