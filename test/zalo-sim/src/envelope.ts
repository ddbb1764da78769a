import type { Response } from "express";

/**
 * Zalo's error codes used by the simulator (reference §4.6). Zalo answers errors with HTTP 200 and a
 * negative `error`, so clients must always read the body.
 */
export const ZaloError = {
  limitReached: -32,
  invalidParam: -201,
  paramExceedsLimit: -210,
  userNotFollower: -213,
  accessTokenInvalid: -216,
  accessTokenExpired: -220,
  noInteraction7Days: -230,
  messageTypeInvalid: -233,
  appSecretProofInvalid: -242,
} as const;

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
