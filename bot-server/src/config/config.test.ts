import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("config", () => {
  it("works with no variables at all", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("still reads the ZBS template under its earlier name, the new name first", () => {
    expect(parseConfig({ ZALO_FALLBACK_TEMPLATE_ID: "tpl-old" }).ZALO_ZBS_TEMPLATE_ID).toBe("tpl-old");
    expect(
      parseConfig({ ZALO_FALLBACK_TEMPLATE_ID: "tpl-old", ZALO_ZBS_TEMPLATE_ID: "tpl-new" })
        .ZALO_ZBS_TEMPLATE_ID,
    ).toBe("tpl-new");
  });

  it("lists every bad variable at once", () => {
    try {
      parseConfig({ PORT: "eighty", ZALO_OPENAPI_BASE_URL: "not a url", DELIVERY_CONCURRENCY: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const fields = (error as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(fields).toEqual(
        expect.arrayContaining(["PORT", "ZALO_OPENAPI_BASE_URL", "DELIVERY_CONCURRENCY"]),
      );
    }
  });

  it("refuses the demo mode in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production", DEMO_MODE: "true" })).toThrow(/DEMO_MODE/);
  });
});
