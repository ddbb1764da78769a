import type { IdGenerator } from "../ids.js";

export type UserTokenCheck = { status: "valid"; idByApp: string } | { status: "unknown" | "expired" };

export type PhoneTokenCheck =
  | { status: "valid"; idByApp: string }
  | { status: "unknown" | "used" | "expired" | "other_user" };

const PHONE_TOKEN_TTL_MS = 2 * 60 * 1000;
/** Sweep expired tokens every this many issues so long benchmarks don't grow the maps forever. */
const SWEEP_EVERY = 5000;

/**
 * Tokens a Mini App user obtains inside Zalo: the user access token (getAccessToken) and the
 * single-use, two-minute phone token (getPhoneNumber).
 */
export class UserTokenStore {
  private readonly accessTokens = new Map<string, { idByApp: string; expiresAt: number }>();
  private readonly phoneTokens = new Map<string, { idByApp: string; expiresAt: number; used: boolean }>();
  private issuedSinceSweep = 0;

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => number,
    private readonly accessTtlSec: number,
  ) {}

  issueAccessToken(idByApp: string): string {
    this.maybeSweep();
    const token = this.ids.token(80);
    this.accessTokens.set(token, { idByApp, expiresAt: this.now() + this.accessTtlSec * 1000 });
    return token;
  }

  checkAccessToken(token: string): UserTokenCheck {
    const entry = this.accessTokens.get(token);
    if (!entry) return { status: "unknown" };
    if (this.now() >= entry.expiresAt) return { status: "expired" };
    return { status: "valid", idByApp: entry.idByApp };
  }

  issuePhoneToken(idByApp: string): string {
    this.maybeSweep();
    const token = this.ids.token(48);
    this.phoneTokens.set(token, { idByApp, expiresAt: this.now() + PHONE_TOKEN_TTL_MS, used: false });
    return token;
  }

  /** Single use: any presentation by the right user burns the token, even an expired one. */
  redeemPhoneToken(token: string, idByApp: string): PhoneTokenCheck {
    const entry = this.phoneTokens.get(token);
    if (!entry) return { status: "unknown" };
    if (entry.idByApp !== idByApp) return { status: "other_user" };
    if (entry.used) return { status: "used" };
    entry.used = true;
    if (this.now() >= entry.expiresAt) return { status: "expired" };
    return { status: "valid", idByApp };
  }

  private maybeSweep(): void {
    if (++this.issuedSinceSweep < SWEEP_EVERY) return;
    this.issuedSinceSweep = 0;
    const now = this.now();
    for (const [token, entry] of this.accessTokens)
      if (now >= entry.expiresAt) this.accessTokens.delete(token);
    // Used phone tokens are kept until they expire so a replay still reads "used", not "unknown".
    for (const [token, entry] of this.phoneTokens) if (now >= entry.expiresAt) this.phoneTokens.delete(token);
  }
}
