import type { Response } from "express";
import { sendZaloError, sendZaloOk, ZaloApiError } from "../envelope.js";

/** Runs a service call and answers with Zalo's envelope; unexpected errors go to the error middleware. */
export function answerZalo(res: Response, run: () => unknown): void {
  let data: unknown;
  try {
    data = run();
  } catch (error) {
    if (!(error instanceof ZaloApiError)) throw error;
    sendZaloError(res, error.code, error.message);
    return;
  }
  sendZaloOk(res, data);
}
