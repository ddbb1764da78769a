import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../config/config.js";
import { raiseAlertOnce } from "../services/staff-alerts.js";
import type { Store } from "../store/database.js";
import { staffAlerts, zaloOaCredentials } from "../store/schema/index.js";
import { SecretBox } from "../store/secret-box.js";
import { buildWard } from "../testing/factories.js";
import { openTestStore, truncateAll } from "../testing/test-stores.js";
import { createZaloHttp } from "../zalo/http.js";
import { OaTokenStore } from "../zalo/oa-token-store.js";
import type { JobContext } from "./job-context.js";
import { handleZaloTokenCheck } from "./zalo-token-check.handler.js";

const DAY = 86_400_000;

describe("the hourly check of the OA's tokens", () => {
  let store: Store;
  let zalo: Server;
  /** What Zalo's token endpoint answers next, and the refreshes it was asked for. */
  let answer: Record<string, unknown>;
  let refreshes: number;
  let ctx: JobContext;
  let wardId: string;

  beforeAll(async () => {
    store = await openTestStore("pglite");
    zalo = createServer((req, res) => {
      refreshes += 1;
      req.resume();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => zalo.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    zalo.close();
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
    refreshes = 0;
    answer = {
      access_token: `a-${randomBytes(4).toString("hex")}`,
      refresh_token: "r-2",
      expires_in: "90000",
    };
    const port = (zalo.address() as AddressInfo).port;
    const tokens = new OaTokenStore({
      db: store.db,
      oauthHttp: createZaloHttp(`http://127.0.0.1:${port}`, 2000),
      appId: "1",
      appSecret: "s",
      oaId: "oa-1",
      secrets: new SecretBox(randomBytes(32)),
      onAuthorizationLost: async (error) =>
        raiseAlertOnce(store.db, { wardId, kind: "oa_authorization_lost", message: error.message }),
    });
    ctx = {
      db: store.db,
      queues: undefined as never,
      logger: pino({ level: "silent" }),
      config: { WARD_ID: wardId } as Config,
      oa: undefined as never,
      tokens,
      rateLimitDeliveries: async () => undefined,
    };
  });

  const run = () => handleZaloTokenCheck(ctx, {}, undefined as never, undefined);
  const alerts = async () =>
    (await store.db.select().from(staffAlerts)).map((a) => [a.kind, a.readAt === null]);

  it("does nothing for an OA never connected", async () => {
    await run();
    expect(refreshes).toBe(0);
    expect(await alerts()).toEqual([]);
  });

  it("refreshes an access token with under three hours left, and leaves a fresh one alone", async () => {
    await ctx.tokens.save({ accessToken: "a-1", refreshToken: "r-1", expiresInSec: 3600 });
    await run();
    expect(refreshes).toBe(1);
    const refreshed = await ctx.tokens.connection();
    expect(Date.parse(refreshed.accessExpiresAt!)).toBeGreaterThan(Date.now() + 24 * 3_600_000);
    await run();
    expect(refreshes).toBe(1);
    expect(await alerts()).toEqual([]);
  });

  it("warns admins once two weeks before the refresh token ends, and stops once the OA is granted again", async () => {
    await ctx.tokens.save({
      accessToken: "a-1",
      refreshToken: "r-1",
      expiresInSec: 3600,
      refreshExpiresInSec: 10 * 86_400,
    });
    await run();
    await run();
    // Zalo's refresh did not say how long the new refresh token lives: the old end is kept.
    expect(Date.parse((await ctx.tokens.connection()).refreshExpiresAt!)).toBeLessThan(Date.now() + 11 * DAY);
    expect(await alerts()).toEqual([["oa_refresh_expiring", true]]);
    const [alert] = await store.db.select().from(staffAlerts);
    expect(alert?.message).toMatch(/hết hạn ngày \d{2}\/\d{2}\/\d{4}/);
    await ctx.tokens.save(
      { accessToken: "a-3", refreshToken: "r-3", expiresInSec: 90_000, refreshExpiresInSec: 90 * 86_400 },
      { connected: true },
    );
    await run();
    expect(await alerts()).toEqual([["oa_refresh_expiring", false]]);
  });

  it("says once that the authorisation is lost when Zalo refuses the refresh, without failing the job", async () => {
    await ctx.tokens.save({ accessToken: "a-1", refreshToken: "r-spent", expiresInSec: 60 });
    answer = { error: -14005, error_name: "Invalid refresh token", error_reason: "used" };
    await run();
    await run();
    expect(await alerts()).toEqual([["oa_authorization_lost", true]]);
    const [row] = await store.db.select().from(zaloOaCredentials);
    expect(row?.refreshToken.startsWith("v1:")).toBe(true);
  });
});
