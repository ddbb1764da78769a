import { describe, expect, it } from "vitest";
import { parseCliEnv } from "./cli-config.js";

describe("parseCliEnv", () => {
  it("starts with working defaults on an empty environment", () => {
    const result = parseCliEnv({});
    expect(result).toMatchObject({
      ok: true,
      // The bot server's defaults, so that both processes agree out of the box.
      options: {
        port: 3100,
        appId: "1000000000000000001",
        oaId: "2000000000000000002",
        ratePerSecond: 0,
        rateLimitPerMinute: 4000,
      },
    });
    expect(result.ok && result.options.webhookUrl).toBe(undefined);
  });

  it("reads every variable", () => {
    const result = parseCliEnv({
      ZALO_SIM_PORT: "0",
      ZALO_APP_ID: "1",
      ZALO_APP_SECRET: "s",
      ZALO_OA_ID: "2",
      ZALO_OA_SECRET_KEY: "k",
      ZALO_MINI_APP_ID: "3",
      ZALO_SIM_WEBHOOK_URL: "http://127.0.0.1:3000/webhooks/zalo",
      ZALO_SIM_RATE_PER_SECOND: "50",
      ZALO_SIM_RATE_LIMIT_PER_MINUTE: "100",
      ZALO_SIM_OA_REFRESH_TOKEN: "bootstrap",
      ZALO_SIM_TEMPLATES: '{"tmpl-1":["title","link"]}',
      ZALO_SIM_ZBS_DAILY_QUOTA: "5",
      ZALO_SIM_MINI_APP_API_KEY: "key",
      ZALO_SIM_NOTIFICATION_DAILY_QUOTA: "7",
      ZALO_SIM_NOTIFICATION_PER_USER_PER_DAY: "2",
      ZALO_SIM_ECHO_OA_SENDS: "false",
    });
    expect(result).toEqual({
      ok: true,
      options: {
        port: 0,
        appId: "1",
        appSecret: "s",
        oaId: "2",
        oaSecretKey: "k",
        miniAppId: "3",
        webhookUrl: "http://127.0.0.1:3000/webhooks/zalo",
        ratePerSecond: 50,
        rateLimitPerMinute: 100,
        initialOaRefreshToken: "bootstrap",
        templates: { "tmpl-1": ["title", "link"] },
        zbsDailyQuota: 5,
        miniAppApiKey: "key",
        notificationDailyQuota: 7,
        notificationPerUserPerDay: 2,
        echoOaSends: false,
      },
    });
  });

  it("lists every bad value", () => {
    const result = parseCliEnv({
      ZALO_SIM_PORT: "70000",
      ZALO_SIM_RATE_PER_SECOND: "fast",
      ZALO_SIM_WEBHOOK_URL: "ftp://x",
      ZALO_SIM_TEMPLATES: "{not json",
      ZALO_SIM_ECHO_OA_SENDS: "maybe",
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.split(":")[0]);
    expect(fields.sort()).toEqual([
      "ZALO_SIM_ECHO_OA_SENDS",
      "ZALO_SIM_PORT",
      "ZALO_SIM_RATE_PER_SECOND",
      "ZALO_SIM_TEMPLATES",
      "ZALO_SIM_WEBHOOK_URL",
    ]);
  });
});
