/**
 * What went wrong talking to Zalo. `transport` and `http` failures are in doubt: Zalo may have
 * accepted the message before the connection broke, so a resend must first check the conversation.
 */
export class ZaloError extends Error {
  constructor(
    readonly kind: "transport" | "http" | "api" | "contract",
    /** Zalo's negative error code for `api`, the HTTP status for `http`. */
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "ZaloError";
  }

  get isRateLimited(): boolean {
    return this.kind === "api" && this.code === -32;
  }

  get isTokenProblem(): boolean {
    // -124: ZBS's "invalid access token" (business.openapi.zalo.me answers with ZNS codes).
    return this.kind === "api" && (this.code === -216 || this.code === -220 || this.code === -124);
  }

  /**
   * The OA cannot message this resident now: not a follower, no interaction in 7 days, inactive,
   * restricted this type, their own quota full (-218); ZBS: phone invalid (-108), cannot receive (-114).
   */
  get isUnreachableResident(): boolean {
    return this.kind === "api" && [-213, -230, -232, -227, -244, -218, -108, -114].includes(this.code ?? 0);
  }

  /**
   * About the OA, not the resident (docs/zalo-contracts.md §4.6, §10): out of quota (-211), package too
   * small (-224), no Zalo Cloud Account (-320) or no money on it (-321); ZBS out of quota (-115). The
   * channel stops for the whole OA until an admin resumes it.
   */
  get stopsChannel(): boolean {
    return this.kind === "api" && [-211, -224, -320, -321, -115].includes(this.code ?? 0);
  }

  get isTransient(): boolean {
    return (
      this.kind === "transport" || (this.kind === "http" && (this.code ?? 0) >= 500) || this.isRateLimited
    );
  }
}

/**
 * The OA's authorisation is gone: no refresh token, or Zalo refused it (single use, so a refresh whose
 * answer was lost, or a revoked consent, ends here). Nothing can be sent until an admin grants the OA
 * again; nothing was sent for the call that hit it.
 */
export class OaAuthorizationLost extends ZaloError {
  constructor(code: number | undefined, message: string) {
    super("api", code, message);
    this.name = "OaAuthorizationLost";
  }
}
