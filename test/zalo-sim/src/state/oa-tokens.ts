import { createHash } from "node:crypto";
import type { IdGenerator } from "../ids.js";

export type OaTokenStatus = "valid" | "unknown" | "expired" | "superseded";

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type RefreshFailure = "unknown" | "used" | "expired";
export type CodeFailure = "unknown" | "used" | "expired" | "verifier";

const REFRESH_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;
const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

interface Expiring {
  expiresAt: number;
  used: boolean;
}

/**
 * The OA's OAuth v4 state (reference §4.2): one current access token (issuing a new one
 * supersedes the old), single-use rotating refresh tokens, single-use authorization codes.
 */
export class OaTokenStore {
  private readonly accessTokens = new Map<string, { expiresAt: number }>();
  private current: string | undefined;
  private readonly refreshTokens = new Map<string, Expiring>();
  private readonly codes = new Map<string, Expiring & { codeChallenge?: string }>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => number,
    private readonly accessTtlSec: number,
  ) {}

  issue(): OaTokenPair {
    const accessToken = this.ids.token(96);
    const refreshToken = this.ids.token(96);
    this.accessTokens.set(accessToken, { expiresAt: this.now() + this.accessTtlSec * 1000 });
    this.current = accessToken;
    this.refreshTokens.set(refreshToken, { expiresAt: this.now() + REFRESH_TOKEN_TTL_MS, used: false });
    return { accessToken, refreshToken, expiresIn: this.accessTtlSec };
  }

  /** Accepts a refresh token chosen outside (see ZaloSimOptions.initialOaRefreshToken). */
  registerRefreshToken(refreshToken: string): void {
    this.refreshTokens.set(refreshToken, { expiresAt: this.now() + REFRESH_TOKEN_TTL_MS, used: false });
  }

  check(token: string): OaTokenStatus {
    const entry = this.accessTokens.get(token);
    if (!entry) return "unknown";
    if (token !== this.current) return "superseded";
    return this.now() >= entry.expiresAt ? "expired" : "valid";
  }

  /** Makes the current token expired right now (tests of the client's refresh path). */
  expireCurrent(): void {
    if (this.current === undefined) return;
    const entry = this.accessTokens.get(this.current);
    if (entry) entry.expiresAt = this.now() - 1;
  }

  refresh(refreshToken: string): OaTokenPair | RefreshFailure {
    const failure = this.consume(this.refreshTokens.get(refreshToken));
    return failure ?? this.issue();
  }

  issueAuthCode(codeChallenge?: string): { code: string; expiresInSec: number } {
    const code = this.ids.token(64);
    this.codes.set(code, { expiresAt: this.now() + AUTH_CODE_TTL_MS, used: false, codeChallenge });
    return { code, expiresInSec: AUTH_CODE_TTL_MS / 1000 };
  }

  exchangeCode(code: string, codeVerifier: string | undefined): OaTokenPair | CodeFailure {
    const entry = this.codes.get(code);
    const failure = this.consume(entry);
    if (failure) return failure;
    if (entry?.codeChallenge !== undefined) {
      const computed = createHash("sha256")
        .update(codeVerifier ?? "")
        .digest("base64url");
      if (computed !== entry.codeChallenge) return "verifier";
    }
    return this.issue();
  }

  /** Marks a single-use credential used; a failed attempt on an expired one also burns it. */
  private consume(entry: Expiring | undefined): RefreshFailure | undefined {
    if (!entry) return "unknown";
    if (entry.used) return "used";
    entry.used = true;
    return this.now() >= entry.expiresAt ? "expired" : undefined;
  }
}
