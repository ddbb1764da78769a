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
 * Environment of `zalo-sim` as a process. Every default works on a fresh machine; the ids are
 * made-up values in Zalo's formats, and the bot server must be given the same ones.
 */
const envSchema = z.object({
  /** Port on 127.0.0.1; 0 picks a free one. */
  ZALO_SIM_PORT: optionalInt(0, 65535).default(3100),
  /** Zalo App id (appears in webhooks as app_id). */
  ZALO_APP_ID: z.string().min(1).default("3608465249409039670"),
  /** Zalo App secret key (OAuth secret_key, appsecret_proof, /me/info secret_key). */
  ZALO_APP_SECRET: z.string().min(1).default("sim-app-secret-key"),
  /** Official Account id. */
  ZALO_OA_ID: z.string().min(1).default("3886132808788086450"),
  /** OA Secret Key that signs webhooks (X-ZEvent-Signature). */
  ZALO_OA_SECRET_KEY: z.string().min(1).default("sim-oa-secret-key"),
  /** Mini App id (checked against /v2.0/me?miniapp_id=). */
  ZALO_MINI_APP_ID: z.string().min(1).default("1234567890123456789"),
  /** Where signed webhooks are POSTed; unset = events are dropped. */
  ZALO_SIM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Sliding one-second limit on accepted sends (benchmarks); 0 = off. */
  ZALO_SIM_RATE_PER_SECOND: optionalInt(0, 1_000_000).default(0),
  /** Zalo's per-app per-minute OA API limit. */
  ZALO_SIM_RATE_LIMIT_PER_MINUTE: optionalInt(1, 100_000_000).default(4000),
});

export type CliEnv = z.infer<typeof envSchema>;

export type CliConfigResult = { ok: true; options: ZaloSimOptions } | { ok: false; problems: string[] };

/** Empty variables count as unset, as they do in most .env tooling. */
export function parseCliEnv(env: NodeJS.ProcessEnv): CliConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
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
  return { ok: true, options };
}
