import { Redis } from "ioredis";
import pg from "pg";
import { type Config, ConfigError, configSchema, parseConfig } from "./config.js";

/** One thing wrong (an error stops the deployment) or worth a look (a warning), in both languages. */
export interface Finding {
  level: "error" | "warning";
  variable: string;
  vi: string;
  en: string;
}

/** Zalo's production hosts for each base URL. */
const zaloHosts = {
  ZALO_OPENAPI_BASE_URL: "openapi.zalo.me",
  ZALO_GRAPH_BASE_URL: "graph.zalo.me",
  ZALO_OAUTH_BASE_URL: "oauth.zaloapp.com",
  ZALO_BUSINESS_BASE_URL: "business.openapi.zalo.me",
  ZALO_MINIAPP_OPENAPI_BASE_URL: "openapi.mini.zalo.me",
} as const;

/** Zalo's keys are long random strings; a short one is a placeholder or a copy that lost its end. */
const MIN_SECRET_LENGTH = 16;

const error = (variable: string, vi: string, en: string): Finding => ({ level: "error", variable, vi, en });
const warning = (variable: string, vi: string, en: string): Finding => ({
  level: "warning",
  variable,
  vi,
  en,
});

/**
 * What a production configuration gets wrong, read offline from the environment alone: the values
 * the simulator's defaults stand in for must be the ward's own, Zalo's URLs Zalo's, the public URL
 * https, the store PostgreSQL (API and worker processes run apart).
 */
export function checkProductionEnv(env: Record<string, string | undefined>): Finding[] {
  const given = (name: string) => env[name] !== undefined && env[name] !== "";
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) =>
      error(p.split(":")[0] ?? "?", `Giá trị không hợp lệ: ${p}`, `Invalid value: ${p}`),
    );
  }
  const findings: Finding[] = [];
  if (config.NODE_ENV !== "production")
    findings.push(error("NODE_ENV", "Phải đặt NODE_ENV=production.", "NODE_ENV must be production."));
  for (const name of [
    "ZALO_APP_ID",
    "ZALO_APP_SECRET",
    "ZALO_OA_ID",
    "ZALO_OA_SECRET_KEY",
    "ZALO_MINI_APP_ID",
  ]) {
    const fallback = configSchema.shape[name as keyof typeof configSchema.shape].parse(undefined);
    if (!given(name) || env[name] === fallback)
      findings.push(
        error(
          name,
          `Chưa đặt ${name} của phường (đang dùng giá trị mẫu của trình mô phỏng).`,
          `${name} is not set to the ward's own value (the simulator's sample is in use).`,
        ),
      );
  }
  for (const name of ["ZALO_APP_ID", "ZALO_OA_ID"] as const) {
    if (given(name) && !/^\d{6,25}$/.test(config[name]))
      findings.push(
        error(name, `${name} phải là dãy chữ số Zalo cấp.`, `${name} must be the digits Zalo issued.`),
      );
  }
  const reported = new Set(findings.map((f) => f.variable));
  for (const name of ["ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"] as const) {
    if (given(name) && !reported.has(name) && config[name].length < MIN_SECRET_LENGTH)
      findings.push(
        error(
          name,
          `${name} quá ngắn (dưới ${MIN_SECRET_LENGTH} ký tự): hãy chép lại đủ từ trang quản lý Zalo.`,
          `${name} is too short (under ${MIN_SECRET_LENGTH} characters): copy it whole from Zalo's console.`,
        ),
      );
  }
  for (const [name, host] of Object.entries(zaloHosts) as [keyof typeof zaloHosts, string][]) {
    const value = new URL(config[name]);
    if (value.protocol !== "https:" || value.hostname !== host)
      findings.push(
        error(
          name,
          `${name} phải là https://${host} (đang là ${config[name]}).`,
          `${name} must be https://${host} (it is ${config[name]}).`,
        ),
      );
  }
  if (!config.PUBLIC_BASE_URL.startsWith("https://"))
    findings.push(
      error(
        "PUBLIC_BASE_URL",
        "PUBLIC_BASE_URL phải là địa chỉ https công khai của máy chủ phường.",
        "PUBLIC_BASE_URL must be the ward server's public https address.",
      ),
    );
  if (!config.DATABASE_URL)
    findings.push(
      error(
        "DATABASE_URL",
        "Cần DATABASE_URL (PostgreSQL): kho nhúng chỉ dùng cho một tiến trình, không chạy API và worker riêng được.",
        "DATABASE_URL (PostgreSQL) is needed: the embedded store serves one process, not separate API and workers.",
      ),
    );
  if (!config.CORS_ORIGINS.includes("https://h5.zdn.vn"))
    findings.push(
      warning(
        "CORS_ORIGINS",
        "CORS_ORIGINS thiếu https://h5.zdn.vn: Mini App trong Zalo sẽ không gọi được máy chủ.",
        "CORS_ORIGINS lacks https://h5.zdn.vn: the Mini App inside Zalo could not call the server.",
      ),
    );
  if (!config.RATE_LIMITS)
    findings.push(
      warning(
        "RATE_LIMITS",
        "Giới hạn tần suất đang tắt.",
        "Rate limits are off: one script can flood the ward.",
      ),
    );
  if (config.ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID && !config.ZALO_MINIAPP_API_KEY)
    findings.push(
      error(
        "ZALO_MINIAPP_API_KEY",
        "Có mẫu thông báo Mini App nhưng thiếu ZALO_MINIAPP_API_KEY: kênh thông báo sẽ không gửi được.",
        "A Mini App notification template is set without ZALO_MINIAPP_API_KEY: notifications cannot be sent.",
      ),
    );
  if (
    !config.ZALO_ZBS_TEMPLATE_ID &&
    !config.ZALO_ZBS_PHONE_TEMPLATE_ID &&
    !config.ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID
  )
    findings.push(
      warning(
        "ZALO_ZBS_TEMPLATE_ID",
        "Chưa có mẫu ZBS hay thông báo Mini App: người dân im lặng quá 7 ngày chỉ nhận qua tổ trưởng, Mini App.",
        "No ZBS or Mini App notification template: residents silent for 7 days are reached only by relay or the feed.",
      ),
    );
  if (config.HOST === "127.0.0.1")
    findings.push(
      warning(
        "HOST",
        "HOST=127.0.0.1: chỉ proxy trên cùng máy gọi được (đúng khi có nginx/Caddy phía trước).",
        "HOST=127.0.0.1: only a proxy on this machine can reach it (right behind nginx or Caddy).",
      ),
    );
  return findings;
}

/** The services the configuration names: the store answers, Redis answers and never evicts a key. */
export async function checkServices(env: Record<string, string | undefined>): Promise<Finding[]> {
  const findings: Finding[] = [];
  const config = configSchema.partial().safeParse(env).data ?? {};
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
    } catch (e) {
      findings.push(
        error(
          "DATABASE_URL",
          `Không kết nối được PostgreSQL: ${(e as Error).message}`,
          `PostgreSQL does not answer: ${(e as Error).message}`,
        ),
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const redis = new Redis(config.REDIS_URL ?? "redis://127.0.0.1:6379", {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const [, policy] = (await redis.config("GET", "maxmemory-policy")) as [string, string];
    if (policy !== "noeviction")
      findings.push(
        error(
          "REDIS_URL",
          `Redis đang dùng maxmemory-policy ${policy}: phải là noeviction, nếu không hàng đợi có thể mất việc.`,
          `Redis runs maxmemory-policy ${policy}: it must be noeviction, or queued jobs can be lost.`,
        ),
      );
  } catch (e) {
    findings.push(
      error(
        "REDIS_URL",
        `Không kết nối được Redis: ${(e as Error).message}`,
        `Redis does not answer: ${(e as Error).message}`,
      ),
    );
  } finally {
    redis.disconnect();
  }
  return findings;
}

/** Both checks; the deployment may start when no finding is an error. */
export async function preflight(env: Record<string, string | undefined>): Promise<Finding[]> {
  return [...checkProductionEnv(env), ...(await checkServices(env))];
}
