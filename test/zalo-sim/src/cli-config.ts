import { z } from "zod";
import type { ZaloSimOptions } from "./types.js";

const optionalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional();

/**
 * Environment of `zalo-sim` as a process. Every default works on a fresh machine: the ids and
 * secrets are the bot server's own defaults (bot-server/src/config/config.ts), so both start
 * agreeing; change them together.
 */
const envSchema = z.object({
  /** Port on 127.0.0.1; 0 picks a free one. */
  ZALO_SIM_PORT: optionalInt(0, 65535).default(3100),
  /** Zalo App id (appears in webhooks as app_id). */
  ZALO_APP_ID: z.string().min(1).default("1000000000000000001"),
  /** Zalo App secret key (OAuth secret_key, appsecret_proof, /me/info secret_key). */
  ZALO_APP_SECRET: z.string().min(1).default("demo-app-secret"),
  /** Official Account id. */
  ZALO_OA_ID: z.string().min(1).default("2000000000000000002"),
  /** OA Secret Key that signs webhooks (X-ZEvent-Signature). */
  ZALO_OA_SECRET_KEY: z.string().min(1).default("demo-oa-secret-key"),
  /** Mini App id (checked against /v2.0/me?miniapp_id=). */
  ZALO_MINI_APP_ID: z.string().min(1).default("3000000000000000003"),
  /** Where signed webhooks are POSTed; unset = events are dropped. */
  ZALO_SIM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Sliding one-second limit on accepted sends (benchmarks); 0 = off. */
  ZALO_SIM_RATE_PER_SECOND: optionalInt(0, 1_000_000).default(0),
  /** Zalo's per-app per-minute OA API limit. */
  ZALO_SIM_RATE_LIMIT_PER_MINUTE: optionalInt(1, 100_000_000).default(4000),
  /** A refresh token accepted from the start (give the bot server the same ZALO_OA_REFRESH_TOKEN); unset = none. */
  ZALO_SIM_OA_REFRESH_TOKEN: z.string().min(1).optional(),
  /** Approved ZBS and Mini App templates as JSON, id → parameter names: {"tmpl-1":["title","link"]}. */
  ZALO_SIM_TEMPLATES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), z.array(z.string().min(1))))
    .optional(),
  /** ZBS messages a day (by user id and by phone together). */
  ZALO_SIM_ZBS_DAILY_QUOTA: optionalInt(0, 100_000_000),
  /** The Mini App API key the bot server sends as `X-Api-Key: Bearer <key>`. */
  ZALO_SIM_MINI_APP_API_KEY: z.string().min(1).optional(),
  /** Mini App notifications the app may send a day. */
  ZALO_SIM_NOTIFICATION_DAILY_QUOTA: optionalInt(0, 100_000_000),
  /** Mini App notifications one user may receive a day. */
  ZALO_SIM_NOTIFICATION_PER_USER_PER_DAY: optionalInt(0, 1000),
  /** "false" stops the oa_send_* echo webhooks (they double the webhook traffic of a benchmark). */
  /** The share of messages residents ever open (0..1; default 1): the rest are never "seen". */
  ZALO_SIM_SEEN_SHARE: z.coerce.number().min(0).max(1).optional(),
  ZALO_SIM_ECHO_OA_SENDS: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
});

export type CliEnv = z.infer<typeof envSchema>;

export type CliConfigResult = { ok: true; options: ZaloSimOptions } | { ok: false; problems: string[] };

/** Empty variables count as unset, as they do in most .env tooling. */
export function parseCliEnv(env: NodeJS.ProcessEnv): CliConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  const options: ZaloSimOptions = {
    port: e.ZALO_SIM_PORT,
    appId: e.ZALO_APP_ID,
    appSecret: e.ZALO_APP_SECRET,
    oaId: e.ZALO_OA_ID,
    oaSecretKey: e.ZALO_OA_SECRET_KEY,
    miniAppId: e.ZALO_MINI_APP_ID,
    ratePerSecond: e.ZALO_SIM_RATE_PER_SECOND,
    rateLimitPerMinute: e.ZALO_SIM_RATE_LIMIT_PER_MINUTE,
  };
  if (e.ZALO_SIM_WEBHOOK_URL !== undefined) options.webhookUrl = e.ZALO_SIM_WEBHOOK_URL;
  if (e.ZALO_SIM_OA_REFRESH_TOKEN !== undefined) options.initialOaRefreshToken = e.ZALO_SIM_OA_REFRESH_TOKEN;
  if (e.ZALO_SIM_TEMPLATES !== undefined) options.templates = e.ZALO_SIM_TEMPLATES;
  if (e.ZALO_SIM_ZBS_DAILY_QUOTA !== undefined) options.zbsDailyQuota = e.ZALO_SIM_ZBS_DAILY_QUOTA;
  if (e.ZALO_SIM_MINI_APP_API_KEY !== undefined) options.miniAppApiKey = e.ZALO_SIM_MINI_APP_API_KEY;
  if (e.ZALO_SIM_NOTIFICATION_DAILY_QUOTA !== undefined)
    options.notificationDailyQuota = e.ZALO_SIM_NOTIFICATION_DAILY_QUOTA;
  if (e.ZALO_SIM_NOTIFICATION_PER_USER_PER_DAY !== undefined)
    options.notificationPerUserPerDay = e.ZALO_SIM_NOTIFICATION_PER_USER_PER_DAY;
  if (e.ZALO_SIM_ECHO_OA_SENDS !== undefined) options.echoOaSends = e.ZALO_SIM_ECHO_OA_SENDS;
  if (e.ZALO_SIM_SEEN_SHARE !== undefined) options.receipts = { seenShare: e.ZALO_SIM_SEEN_SHARE };
  return { ok: true, options };
}
