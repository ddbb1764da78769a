import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../../e2e/support/npm-start.js";
import { waitFor } from "../../e2e/support/wait-for.js";
import type { ZaloIds } from "../../e2e/support/zalo-env.js";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
export const BENCH_IDS: ZaloIds = {
  appId: "1000000000000000001",
  appSecret: "bench-app-secret",
  oaId: "2000000000000000002",
  oaSecretKey: "bench-oa-secret",
  miniAppId: "3000000000000000003",
};

export interface SimProcess {
  url: string;
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's admin answers differ per route; callers assert them
  admin<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The Zalo simulator in its own process, as Zalo is to the bot server: its CPU is not the bot
 * server's, and everything goes over loopback HTTP.
 */
export async function startSimProcess(env: Record<string, string> = {}): Promise<SimProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=source", path.join(root, "test/zalo-sim/src/main.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        ZALO_SIM_PORT: String(port),
        ZALO_APP_ID: BENCH_IDS.appId,
        ZALO_APP_SECRET: BENCH_IDS.appSecret,
        ZALO_OA_ID: BENCH_IDS.oaId,
        ZALO_OA_SECRET_KEY: BENCH_IDS.oaSecretKey,
        ZALO_MINI_APP_ID: BENCH_IDS.miniAppId,
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/__sim/health`)).ok, {
    timeoutMs: 30_000,
    what: "simulator process",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    admin: async (method, p, body) => {
      const res = await fetch(`${url}/__sim${p}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
