import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startZaloSim } from "../simulator.js";
import type { SimLogger, SimUser, ZaloSim, ZaloSimOptions } from "../types.js";

export const TEST_IDS = {
  appId: "3608465249409039670",
  appSecret: "test-app-secret",
  oaId: "3886132808788086450",
  oaSecretKey: "test-oa-secret-key",
  miniAppId: "1234567890123456789",
} as const;

/** Collects log lines instead of printing them, so tests can assert on warnings. */
export function memoryLogger(): SimLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => void lines.push({ level: "info", message }),
    warn: (message) => void lines.push({ level: "warn", message }),
    error: (message) => void lines.push({ level: "error", message }),
  };
}

export function startTestSim(overrides: Partial<ZaloSimOptions> = {}): Promise<ZaloSim> {
  return startZaloSim({ ...TEST_IDS, logger: memoryLogger(), seed: 42, ...overrides });
}

let userCounter = 0;
/** A follower who interacted an hour ago, unless overridden. */
export function buildUser(overrides: Partial<SimUser> = {}): SimUser {
  userCounter++;
  return {
    idByApp: `55217727971758${String(userCounter).padStart(5, "0")}`,
    idByOa: `24684588352919${String(userCounter).padStart(5, "0")}`,
    name: `Nguyễn Văn ${userCounter}`,
    phone: `8491234${String(userCounter).padStart(4, "0")}`,
    isFollower: true,
    lastInteractionAt: Date.now() - 60 * 60 * 1000,
    ...overrides,
  };
}

/** Polls `check` until it returns a truthy value or throws no more; fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 3000, intervalMs = 10 } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      lastError = new Error("condition returned a falsy value");
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `waitFor timed out after ${timeoutMs} ms: ${String((lastError as Error)?.message ?? lastError)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface ZaloResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function oaGet(
  sim: ZaloSim,
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<ZaloResponse> {
  const query = data === undefined ? "" : `?data=${encodeURIComponent(JSON.stringify(data))}`;
  const res = await fetch(`${sim.url}${path}${query}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

export async function oaPost(
  sim: ZaloSim,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ZaloResponse> {
  const res = await fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

export function sendText(sim: ZaloSim, token: string, userId: string, text: string): Promise<ZaloResponse> {
  return oaPost(
    sim,
    "/v3.0/oa/message/cs",
    { recipient: { user_id: userId }, message: { text } },
    { access_token: token },
  );
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  json: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

/** A tiny receiver that records the exact bytes it got and answers `status`. */
export async function startWebhookReceiver({ port = 0, status = 200 } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, rawBody, json: JSON.parse(rawBody) as Record<string, unknown> });
      res.writeHead(status, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/zalo/webhook`,
    port: actualPort,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Verifies X-ZEvent-Signature from the documented formula, independently of signWebhook(). */
export function isSignatureValid(hook: ReceivedWebhook, oaSecretKey: string): boolean {
  const appId = String(hook.json.app_id);
  const timestamp = String(hook.json.timestamp);
  const expected = createHash("sha256")
    .update(`${appId}${hook.rawBody}${timestamp}${oaSecretKey}`)
    .digest("hex");
  return hook.headers["x-zevent-signature"] === `mac=${expected}`;
}

/** A port with nothing listening on it (taken, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
