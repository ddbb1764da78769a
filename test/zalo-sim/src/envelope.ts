import type { Response } from "express";

/**
 * Zalo's error codes used by the simulator (reference §4.6). Zalo answers errors with HTTP 200 and a
 * negative `error`, so clients must always read the body.
 */
export const ZaloError = {
  limitReached: -32,
  invalidParam: -201,
  paramExceedsLimit: -210,
  /** The OA (or app) spent its quota for the period. */
  outOfQuota: -211,
  userNotFollower: -213,
  accessTokenInvalid: -216,
  accessTokenExpired: -220,
  noInteraction7Days: -230,
  messageTypeInvalid: -233,
  /** Answer of the retired v2.0 message API to anything but an article broadcast. */
  messageV2ShutDown: -240,
  appSecretProofInvalid: -242,
} as const;

/**
 * Codes of the ZBS-by-phone API (business.openapi.zalo.me, Zalo's ZNS codes), which are not the OA's:
 * the same token problem is -124 there and -216 on the OA API.
 */
export const ZnsError = {
  phoneInvalid: -108,
  templateIdInvalid: -109,
  templateDataInvalid: -112,
  userCannotReceive: -114,
  outOfQuota: -115,
  bodyNotJson: -122,
  accessTokenInvalid: -124,
  /** Not in the brief's list: a parameter the others do not cover (`tracking_id`, `mode`). */
  paramInvalid: -132,
} as const;

/** Codes of the Mini App notification API (openapi.mini.zalo.me) that the simulator answers. */
export const MiniAppError = {
  apiKeyInvalid: -401,
  invalidParam: -201,
  outOfQuota: -211,
  outOfUserQuota: -218,
  notAllowed: -230,
} as const;

export const OUT_OF_QUOTA_MESSAGE = "Out of quota";

/** Codes that mean "a quota is spent" on some channel (counted as `quotaRefusals`). */
export const QUOTA_ERROR_CODES: ReadonlySet<number> = new Set([
  ZaloError.outOfQuota,
  MiniAppError.outOfUserQuota,
  ZnsError.outOfQuota,
]);

export type ZaloErrorCode = (typeof ZaloError)[keyof typeof ZaloError];

export interface ZaloEnvelope {
  error: number;
  message: string;
  data?: unknown;
}

export const LIMIT_MESSAGE = "Your application reached limit call api";

export function zaloOk(data?: unknown): ZaloEnvelope {
  return data === undefined ? { error: 0, message: "Success" } : { error: 0, message: "Success", data };
}

export function sendZaloOk(res: Response, data?: unknown): void {
  res.status(200).json(zaloOk(data));
}

export function sendZaloError(res: Response, code: number, message: string): void {
  res.status(200).json({ error: code, message } satisfies ZaloEnvelope);
}

/** Zalo's wording for a bad parameter: "<field> is invalid!". */
export function sendInvalidParam(res: Response, field: string): void {
  sendZaloError(res, ZaloError.invalidParam, `${field} is invalid!`);
}

/** Thrown by state and services, turned into an envelope by the routers. */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ZaloApiError";
  }
}
