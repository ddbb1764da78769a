import type { AxiosInstance } from "axios";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { zaloOaCredentials } from "../store/schema/index.js";
import type { SecretBox } from "../store/secret-box.js";
import { parseEnvelope, zaloRequest } from "./http.js";
import { OaAuthorizationLost, ZaloError } from "./zalo-error.js";
import { oauthTokenSchema } from "./zalo-schemas.js";

export interface OaTokenStoreOptions {
  db: Db;
  oauthHttp: AxiosInstance;
  appId: string;
  appSecret: string;
  oaId: string;
  /** Seals the tokens in the store. */
  secrets: SecretBox;
  /** Used once, when the store holds no tokens yet. */
  initialRefreshToken?: string | undefined;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
  /** Told once per refusal that the OA's authorisation is gone (an alert for staff); its own failure is ignored. */
  onAuthorizationLost?: (error: OaAuthorizationLost) => Promise<void>;
  /** Told when a token pair is stored (a new consent or a refresh): whatever was lost is back. */
  onAuthorized?: () => Promise<void>;
}

/** A refresh token lives 3 months unless Zalo's answer says how long. */
const REFRESH_TOKEN_LIFE_MS = 90 * 24 * 3_600_000;

/** A token pair as Zalo hands it over. */
export interface OaTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSec: number;
  refreshExpiresInSec?: number | undefined;
}

/** What admins see of the OA's connection; never the tokens themselves. */
export interface OaConnection {
  oaId: string;
  connected: boolean;
  accessExpiresAt: string | null;
  refreshExpiresAt: string | null;
  connectedAt: string | null;
  updatedAt: string | null;
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

  /** The current access token, refreshed first when it expires within `marginMs`. */
  async getAccessToken(marginMs?: number): Promise<string> {
    const margin = marginMs ?? this.options.refreshMarginMs ?? 5 * 60_000;
    if (this.cached && this.cached.expiresAt - margin > Date.now()) return this.cached.accessToken;
    const [row] = await this.options.db
      .select()
      .from(zaloOaCredentials)
      .where(eq(zaloOaCredentials.oaId, this.options.oaId));
    if (row && row.accessExpiresAt.getTime() - margin > Date.now()) {
      const accessToken = this.options.secrets.open(row.accessToken);
      this.cached = { accessToken, expiresAt: row.accessExpiresAt.getTime() };
      return accessToken;
    }
    return this.refresh(row ? this.options.secrets.open(row.accessToken) : undefined);
  }

  /** Refreshes unless another caller already replaced `staleToken`; concurrent callers share one refresh. */
  refresh(staleToken: string | undefined): Promise<string> {
    this.refreshing ??= this.refreshLocked(staleToken).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Stores a token pair obtained out of band (the OAuth consent step, or the demo simulator). */
  async save(tokens: OaTokens, { connected = false } = {}): Promise<void> {
    const values = {
      ...this.sealed(tokens),
      ...(connected ? { connectedAt: new Date() } : {}),
      updatedAt: new Date(),
    };
    await this.options.db
      .insert(zaloOaCredentials)
      .values(values)
      .onConflictDoUpdate({ target: zaloOaCredentials.oaId, set: values });
    this.cached = { accessToken: tokens.accessToken, expiresAt: values.accessExpiresAt.getTime() };
    await this.options.onAuthorized?.().catch(() => undefined);
  }

  /**
   * The end of the consent step: exchanges the authorization code (with the PKCE verifier) for a
   * token pair and stores it. A spent refresh token is replaced here: this is how a ward reconnects.
   */
  async exchangeCode(code: string, codeVerifier: string): Promise<void> {
    const tokens = await this.callOAuth({
      grant_type: "authorization_code",
      code,
      code_verifier: codeVerifier,
    });
    await this.save(tokens, { connected: true });
  }

  /** The connection as admins see it. */
  async connection(): Promise<OaConnection> {
    const [row] = await this.options.db
      .select()
      .from(zaloOaCredentials)
      .where(eq(zaloOaCredentials.oaId, this.options.oaId));
    const refreshAlive = row
      ? (row.refreshExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY) > Date.now()
      : false;
    return {
      oaId: this.options.oaId,
      connected: Boolean(row) && refreshAlive,
      accessExpiresAt: row?.accessExpiresAt.toISOString() ?? null,
      refreshExpiresAt: row?.refreshExpiresAt?.toISOString() ?? null,
      connectedAt: row?.connectedAt?.toISOString() ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  /**
   * A row's values for a token pair: the tokens sealed, the times they stop working. When Zalo does
   * not say how long a refreshed refresh token lives, the earlier end is kept (it is not known to
   * move), so admins are warned in time rather than too late.
   */
  private sealed(tokens: OaTokens, previousRefreshEnd?: Date | null) {
    const { secrets, oaId } = this.options;
    return {
      oaId,
      accessToken: secrets.seal(tokens.accessToken),
      refreshToken: secrets.seal(tokens.refreshToken),
      accessExpiresAt: new Date(Date.now() + tokens.expiresInSec * 1000),
      refreshExpiresAt: tokens.refreshExpiresInSec
        ? new Date(Date.now() + tokens.refreshExpiresInSec * 1000)
        : (previousRefreshEnd ?? new Date(Date.now() + REFRESH_TOKEN_LIFE_MS)),
    };
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
        const current = row ? this.options.secrets.open(row.accessToken) : undefined;
        if (row && current !== staleToken && row.accessExpiresAt.getTime() > Date.now()) {
          return { accessToken: current!, expiresAt: row.accessExpiresAt };
        }
        const refreshToken = row
          ? this.options.secrets.open(row.refreshToken)
          : this.options.initialRefreshToken;
        if (!refreshToken)
          throw new OaAuthorizationLost(-216, "Chưa có mã truy cập OA: cần cấp quyền OA cho ứng dụng.");
        const tokens = await this.callOAuth({
          grant_type: "refresh_token",
          refresh_token: refreshToken,
        }).catch((error: unknown) => {
          // Zalo's answer (not a broken connection): the refresh token is spent or revoked.
          if (error instanceof ZaloError && error.kind === "api")
            throw new OaAuthorizationLost(
              error.code,
              `Zalo từ chối mã làm mới quyền OA (${error.code}): cần cấp lại quyền OA cho ứng dụng.`,
            );
          throw error;
        });
        const values = { ...this.sealed(tokens, row?.refreshExpiresAt), updatedAt: sql`now()` };
        await tx
          .insert(zaloOaCredentials)
          .values(values)
          .onConflictDoUpdate({ target: zaloOaCredentials.oaId, set: values });
        return { accessToken: tokens.accessToken, expiresAt: values.accessExpiresAt };
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

  /** One call to Zalo's OAuth token endpoint (a refresh or a code exchange). */
  private async callOAuth(grant: Record<string, string>): Promise<OaTokens> {
    const { oauthHttp, appId, appSecret } = this.options;
    const form = new URLSearchParams({ app_id: appId, ...grant });
    const response = await zaloRequest(() =>
      oauthHttp.post("/v4/oa/access_token", form.toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: appSecret },
      }),
    );
    const answer = parseEnvelope(response.data, oauthTokenSchema);
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresInSec: answer.expires_in,
      refreshExpiresInSec: answer.refresh_token_expires_in,
    };
  }
}
