import type {
  FeedItem,
  FeedResponse,
  PostKind,
  ResidentProfile,
  ResidentSessionResponse,
  ResidentSignInRequest,
} from "@loa-phuong/shared";
import { type ErrorCode, errorTable, type FieldIssue } from "@loa-phuong/shared/client";
import { runtimeConfig } from "../config";

/**
 * The ward server's API, over fetch: axios or zod here would add to the first screen's download
 * on a cheap phone. Errors carry the server's Vietnamese message.
 */

/** A failed API call; `status` 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode | null,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const timeoutMs = 20_000;
const networkMessage = "Không kết nối được máy chủ của phường, vui lòng kiểm tra mạng và thử lại.";
const timeoutMessage = "Mạng chậm, máy chủ chưa trả lời. Vui lòng thử lại.";

function isErrorCode(value: unknown): value is ErrorCode {
  // Not Object.hasOwn: older Android webviews inside Zalo lack it and the build does not polyfill.
  return typeof value === "string" && Object.hasOwn(errorTable, value);
}

async function toApiError(response: Response): Promise<ApiError> {
  // A proxy or a crashed server may answer with HTML: fall back to the status below.
  const body: unknown = await response.json().catch(() => null);
  const { error, message, fields } = (body ?? {}) as { error?: unknown; message?: unknown; fields?: unknown };
  const code = isErrorCode(error) ? error : null;
  const text =
    typeof message === "string" && message !== ""
      ? message
      : code
        ? errorTable[code].message
        : `Máy chủ trả lỗi ${response.status}, vui lòng thử lại.`;
  return new ApiError(text, response.status, code, Array.isArray(fields) ? (fields as FieldIssue[]) : []);
}

export interface RequestOptions {
  /** Sent as `Authorization: Bearer`; without it a same-origin call still carries the staff cookie. */
  token?: string | null;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON, or a Blob sent as is with its own type (an uploaded photo). */
  body?: unknown;
  signal?: AbortSignal;
}

/** The ward server's URL for an API path ("" base = the origin the Mini App is served from). */
export function apiUrl(path: string): string {
  return runtimeConfig.apiBaseUrl.replace(/\/+$/, "") + path;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const isBlob = typeof Blob !== "undefined" && options.body instanceof Blob;
  if (options.body !== undefined)
    headers["content-type"] = isBlob ? (options.body as Blob).type : "application/json";

  // AbortSignal.timeout/any are missing from older Zalo webviews: combine the two by hand.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const forwardAbort = () => controller.abort();
  options.signal?.addEventListener("abort", forwardAbort);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: options.method ?? "GET",
      headers,
      body:
        options.body === undefined
          ? undefined
          : isBlob
            ? (options.body as Blob)
            : JSON.stringify(options.body),
      signal: controller.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(controller.signal.aborted ? timeoutMessage : networkMessage, 0, null);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forwardAbort);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** How many posts a page of the feed holds (the first screen's, and each tab's). */
export const feedPageSize = 20;

/**
 * Exchanges a Zalo user access token (real or simulated) for a ward session; with `withFeed`, the
 * answer carries the first page of the feed too (the first screen in one round trip).
 */
export function signInWithZalo(
  accessToken: string,
  options: { withFeed?: boolean } = {},
): Promise<ResidentSessionResponse> {
  const body: ResidentSignInRequest = options.withFeed
    ? { accessToken, feed: { limit: feedPageSize } }
    : { accessToken };
  return request("/api/auth/zalo", { method: "POST", body });
}

export function fetchMe(token: string, signal?: AbortSignal): Promise<ResidentProfile> {
  return request("/api/me", { token, signal });
}

export function fetchFeed(
  token: string,
  query: { kind: PostKind | null; limit: number },
  signal?: AbortSignal,
): Promise<FeedResponse> {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.kind) params.set("kind", query.kind);
  return request(`/api/feed?${params}`, { token, signal });
}

export function fetchFeedItem(token: string, id: string, signal?: AbortSignal): Promise<FeedItem> {
  // Opened through a group head's link: its reference lets a neighbour read what the head forwarded.
  const relay = new URLSearchParams(window.location.search).get("relay");
  return request(`/api/feed/${encodeURIComponent(id)}${relay ? `?relay=${encodeURIComponent(relay)}` : ""}`, {
    token,
    signal,
  });
}
