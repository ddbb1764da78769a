import type { AxiosInstance } from "axios";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { zaloOaCredentials } from "../store/schema/index.js";
import { parseEnvelope, zaloRequest } from "./http.js";
import { OaAuthorizationLost, ZaloError } from "./zalo-error.js";
import { oauthTokenSchema } from "./zalo-schemas.js";

export interface OaTokenStoreOptions {
  db: Db;
  oauthHttp: AxiosInstance;
  appId: string;
  appSecret: string;
  oaId: string;
  /** Used once, when the store holds no tokens yet. */
  initialRefreshToken?: string | undefined;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
  /** Told once per refusal that the OA's authorisation is gone (an alert for staff); its own failure is ignored. */
  onAuthorizationLost?: (error: OaAuthorizationLost) => Promise<void>;
  /** Told when a token pair is stored (a new consent or a refresh): whatever was lost is back. */
  onAuthorized?: () => Promise<void>;
}

/**
 * Holds the OA access token. Zalo's refresh tokens are single use and every refresh invalidates the
 * previous access token, so refreshing is serialised through a row lock in the store and the new
 * pair is committed before anyone uses it.
 */
export class OaTokenStore {
  private cached: { accessToken: string; expiresAt: number } | undefined;
  private refreshing: Promise<string> | undefined;

  constructor(private readonly options: OaTokenStoreOptions) {}

  async getAccessToken(): Promise<string> {
    const margin = this.options.refreshMarginMs ?? 5 * 60_000;
    if (this.cached && this.cached.expiresAt - margin > Date.now()) return this.cached.accessToken;
    const [row] = await this.options.db
      .select()
      .from(zaloOaCredentials)
      .where(eq(zaloOaCredentials.oaId, this.options.oaId));
    if (row && row.accessExpiresAt.getTime() - margin > Date.now()) {
      this.cached = { accessToken: row.accessToken, expiresAt: row.accessExpiresAt.getTime() };
      return row.accessToken;
    }
    return this.refresh(row?.accessToken);
  }

  /** Refreshes unless another caller already replaced `staleToken`; concurrent callers share one refresh. */
  refresh(staleToken: string | undefined): Promise<string> {
    this.refreshing ??= this.refreshLocked(staleToken).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Stores a token pair obtained out of band (the OAuth consent step, or the demo simulator). */
  async save(tokens: { accessToken: string; refreshToken: string; expiresInSec: number }): Promise<void> {
    const values = {
      oaId: this.options.oaId,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessExpiresAt: new Date(Date.now() + tokens.expiresInSec * 1000),
      updatedAt: new Date(),
    };
    await this.options.db
      .insert(zaloOaCredentials)
      .values(values)
      .onConflictDoUpdate({ target: zaloOaCredentials.oaId, set: values });
    this.cached = { accessToken: values.accessToken, expiresAt: values.accessExpiresAt.getTime() };
    await this.options.onAuthorized?.().catch(() => undefined);
  }

  private async refreshLocked(staleToken: string | undefined): Promise<string> {
    const { db, oaId } = this.options;
    const fresh = await db
      .transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(zaloOaCredentials)
          .where(eq(zaloOaCredentials.oaId, oaId))
          .for("update");
        if (row && row.accessToken !== staleToken && row.accessExpiresAt.getTime() > Date.now()) {
          return { accessToken: row.accessToken, expiresAt: row.accessExpiresAt };
        }
        const refreshToken = row?.refreshToken ?? this.options.initialRefreshToken;
        if (!refreshToken)
          throw new OaAuthorizationLost(-216, "Chưa có mã truy cập OA: cần cấp quyền OA cho ứng dụng.");
        const tokens = await this.callRefresh(refreshToken).catch((error: unknown) => {
          // Zalo's answer (not a broken connection): the refresh token is spent or revoked.
          if (error instanceof ZaloError && error.kind === "api")
            throw new OaAuthorizationLost(
              error.code,
              `Zalo từ chối mã làm mới quyền OA (${error.code}): cần cấp lại quyền OA cho ứng dụng.`,
            );
          throw error;
        });
        const values = {
          oaId,
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token,
          accessExpiresAt: new Date(Date.now() + tokens.expires_in * 1000),
          updatedAt: sql`now()`,
        };
        await tx
          .insert(zaloOaCredentials)
          .values(values)
          .onConflictDoUpdate({ target: zaloOaCredentials.oaId, set: values });
        return { accessToken: values.accessToken, expiresAt: values.accessExpiresAt };
      })
      .catch(async (error: unknown) => {
        // Told after the transaction has ended: the listener writes to the store (one connection, for PGlite).
        if (error instanceof OaAuthorizationLost)
          await this.options.onAuthorizationLost?.(error).catch(() => undefined);
        throw error;
      });
    this.cached = { accessToken: fresh.accessToken, expiresAt: fresh.expiresAt.getTime() };
    await this.options.onAuthorized?.().catch(() => undefined);
    return fresh.accessToken;
  }

  private async callRefresh(refreshToken: string) {
    const { oauthHttp, appId, appSecret } = this.options;
    const form = new URLSearchParams({
      app_id: appId,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    const response = await zaloRequest(() =>
      oauthHttp.post("/v4/oa/access_token", form.toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: appSecret },
      }),
    );
    return parseEnvelope(response.data, oauthTokenSchema);
  }
}
