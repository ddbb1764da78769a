import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { REDIS_URL } from "./stack.js";
import { waitFor } from "./wait-for.js";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Persona {
  name: string;
  idByApp: string;
  idByOa: string;
}

export interface StartedSystem {
  port: number;
  simPort: number;
  miniAppId: string;
  /** A demo resident among the simulator's users, by name (waiting while the demo registers them). */
  findPersona(name: string): Promise<Persona>;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs what `npm start` runs (scripts/start.mjs, on the built code) on free ports, a throw-away data
 * folder and its own Redis key prefix, and waits until it says where to open it.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<StartedSystem> {
  const [port, simPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "loa-start-"));
  const miniAppId = "3000000000000000003";
  const prefix = `start-${randomBytes(4).toString("hex")}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      ZALO_SIM_PORT: String(simPort),
      DATA_DIR: dataDir,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitFor(() => output.includes("Loa Phường đang chạy") || child.exitCode !== null, {
      timeoutMs: 120_000,
      what: "npm start to print its URLs",
    });
    if (child.exitCode !== null) throw new Error(`start.mjs exited early:\n${output}`);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const sim = `http://127.0.0.1:${simPort}`;
  return {
    port,
    simPort,
    miniAppId,
    findPersona: (name) =>
      waitFor(
        async () =>
          (
            (await (await fetch(`${sim}/__sim/personas?q=${encodeURIComponent(name)}`)).json()) as {
              personas: Persona[];
            }
          ).personas.find((p) => p.name === name),
        { timeoutMs: 30_000, intervalMs: 250, what: `${name} among the simulator's users` },
      ),
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
