import { createHmac } from "node:crypto";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { z } from "zod";
import { ZaloError } from "./zalo-error.js";

/** One keep-alive axios instance per Zalo host; statuses are checked here, not thrown by axios. */
export function createZaloHttp(baseURL: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: timeoutMs,
    validateStatus: () => true,
    // Zalo's APIs answer in place, never by redirect: without redirects axios writes straight to the
    // keep-alive agent instead of going through follow-redirects for every call.
    maxRedirects: 0,
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
  });
}

let lastProof: { accessToken: string; appSecret: string; proof: string } | undefined;

/**
 * hex HMAC-SHA256(key = app secret, data = access token), as Zalo's own SDKs compute it. The last one
 * is kept: the OA token signs every call until it is refreshed.
 */
export function appSecretProof(accessToken: string, appSecret: string): string {
  if (lastProof?.accessToken !== accessToken || lastProof.appSecret !== appSecret) {
    lastProof = {
      accessToken,
      appSecret,
      proof: createHmac("sha256", appSecret).update(accessToken).digest("hex"),
    };
  }
  return lastProof.proof;
}

/**
 * Runs a request and turns network failures and non-2xx statuses into ZaloErrors. `onAnswered` runs
 * when a response came back, whatever its status: Zalo (or its gateway) has handled the request.
 */
export async function zaloRequest(
  run: () => Promise<AxiosResponse>,
  onAnswered?: () => void,
): Promise<AxiosResponse> {
  let response: AxiosResponse;
  try {
    response = await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ZaloError("transport", undefined, `Không kết nối được Zalo: ${message}`);
  }
  onAnswered?.();
  if (response.status < 200 || response.status >= 300) {
    throw new ZaloError("http", response.status, `Zalo trả về HTTP ${response.status}`);
  }
  return response;
}

/**
 * Zalo answers errors with HTTP 200 and `{ error: <negative>, message }`: check `error` first,
 * then parse the rest with the endpoint's schema.
 */
export function parseEnvelope<T extends z.ZodType>(data: unknown, schema: T): z.output<T> {
  const body = data as { error?: unknown; message?: unknown } | null;
  const code = typeof body?.error === "number" ? body.error : Number(body?.error ?? 0);
  if (code !== 0 && !Number.isNaN(code)) {
    throw new ZaloError("api", code, typeof body?.message === "string" ? body.message : `Zalo error ${code}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ZaloError(
      "contract",
      undefined,
      `Phản hồi của Zalo không đúng định dạng: ${parsed.error.issues[0]?.message ?? ""}`,
    );
  }
  return parsed.data;
}
