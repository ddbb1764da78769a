import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../testing/test-stores.js";
import { checkProductionEnv, preflight } from "./preflight.js";

/** A ward's production configuration, as its IT officer would write it. */
const good = {
  NODE_ENV: "production",
  PUBLIC_BASE_URL: "https://loa.phuonghongbang.gov.vn",
  HOST: "0.0.0.0",
  DATABASE_URL: testPostgresUrl(),
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  ZALO_APP_ID: "4318845123456789012",
  ZALO_APP_SECRET: "Xy7pQ2mZk9LrT4vB8nW1",
  ZALO_OA_ID: "1723456789012345678",
  ZALO_OA_SECRET_KEY: "aB3dE5fG7hJ9kL1mN2pQ",
  ZALO_MINI_APP_ID: "2198765432109876543",
  ZALO_OPENAPI_BASE_URL: "https://openapi.zalo.me",
  ZALO_GRAPH_BASE_URL: "https://graph.zalo.me",
  ZALO_OAUTH_BASE_URL: "https://oauth.zaloapp.com",
  ZALO_BUSINESS_BASE_URL: "https://business.openapi.zalo.me",
  ZALO_MINIAPP_OPENAPI_BASE_URL: "https://openapi.mini.zalo.me",
  ZALO_ZBS_TEMPLATE_ID: "7895417a7d3f9461cd2e",
  ZALO_ZBS_PHONE_TEMPLATE_ID: "7895417a7d3f9461cd2f",
  ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "00126fd75392bacce383",
  ZALO_MINIAPP_API_KEY: "mAk3yFr0mZal0C0ns0le",
  SECRETS_KEY: "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=",
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe("npm run preflight", () => {
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const p of started) p.kill();
  });

  it("passes a good production configuration whose store and Redis answer", async () => {
    expect(await preflight(good)).toEqual([]);
  });

  it("lists every mistake of a bad one, in Vietnamese and English", async () => {
    const findings = checkProductionEnv({
      ...good,
      NODE_ENV: "development",
      ZALO_APP_SECRET: "demo-app-secret",
      ZALO_OA_SECRET_KEY: "short",
      ZALO_OA_ID: "oa-cua-phuong",
      ZALO_OPENAPI_BASE_URL: "http://127.0.0.1:3100",
      PUBLIC_BASE_URL: "http://loa.phuong.vn",
      DATABASE_URL: "",
    });
    expect(findings.filter((f) => f.level === "error").map((f) => f.variable)).toEqual([
      "NODE_ENV",
      "ZALO_APP_SECRET",
      "ZALO_OA_ID",
      "ZALO_OA_SECRET_KEY",
      "ZALO_OPENAPI_BASE_URL",
      "PUBLIC_BASE_URL",
      "DATABASE_URL",
    ]);
    for (const f of findings) {
      expect(f.vi.length).toBeGreaterThan(10);
      expect(f.en.length).toBeGreaterThan(10);
    }
    expect(findings.find((f) => f.variable === "ZALO_OA_SECRET_KEY")?.en).toMatch(/too short/);
  });

  it("says a notification template without the Mini App's key cannot send, and no template leaves reach short", () => {
    const noKey = checkProductionEnv({ ...good, ZALO_MINIAPP_API_KEY: "" });
    expect(noKey.map((f) => [f.level, f.variable])).toEqual([["error", "ZALO_MINIAPP_API_KEY"]]);
    const none = checkProductionEnv({
      ...good,
      ZALO_ZBS_TEMPLATE_ID: "",
      ZALO_ZBS_PHONE_TEMPLATE_ID: "",
      ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "",
    });
    expect(none.map((f) => [f.level, f.variable])).toEqual([["warning", "ZALO_ZBS_TEMPLATE_ID"]]);
    const local = checkProductionEnv({ ...good, ZALO_BUSINESS_BASE_URL: "http://127.0.0.1:3100" });
    expect(local.map((f) => f.variable)).toEqual(["ZALO_BUSINESS_BASE_URL"]);
  });

  it("needs the key that seals the OA's tokens, and refuses one that is not 32 bytes", () => {
    expect(checkProductionEnv({ ...good, SECRETS_KEY: undefined })[0]).toMatchObject({
      variable: "SECRETS_KEY",
    });
    expect(checkProductionEnv({ ...good, SECRETS_KEY: "bmdhbg==" })[0]).toMatchObject({
      variable: "SECRETS_KEY",
    });
  });

  it("refuses a value the server itself would refuse, with the variable named", () => {
    const [finding] = checkProductionEnv({ ...good, QUIET_HOURS: "22h-6h" });
    expect(finding).toMatchObject({ level: "error", variable: "QUIET_HOURS" });
  });

  it("says when the store does not answer, and when Redis may evict queued jobs", async () => {
    const port = await freePort();
    const redis = spawn("redis-server", [
      "--port",
      String(port),
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory-policy",
      "allkeys-lru",
    ]);
    started.push(redis);
    await new Promise<void>((resolve) =>
      redis.stdout?.on("data", (chunk: Buffer) => chunk.includes("Ready to accept") && resolve()),
    );
    const findings = await preflight({
      ...good,
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/test",
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(findings.map((f) => [f.variable, f.level])).toEqual([
      ["DATABASE_URL", "error"],
      ["REDIS_URL", "error"],
    ]);
    expect(findings[1]?.en).toMatch(/allkeys-lru.*noeviction/);
  });
});
