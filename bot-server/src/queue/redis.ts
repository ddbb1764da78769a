import { Redis } from "ioredis";

/**
 * Workers reconnect forever and never give up on a command (BullMQ requires maxRetriesPerRequest: null).
 * Producers fail fast instead, so the API can answer 503 while Redis is down.
 */
export function createRedis(url: string, role: "worker" | "producer"): Redis {
  return role === "worker"
    ? new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true })
    : new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
}

/** BullMQ loses jobs if Redis evicts keys under memory pressure. */
export async function checkEvictionPolicy(redis: Redis): Promise<string | undefined> {
  const reply = (await redis.config("GET", "maxmemory-policy")) as string[];
  const policy = reply[1];
  return policy === "noeviction"
    ? undefined
    : `Redis maxmemory-policy là "${policy}", cần "noeviction" để không mất việc trong hàng đợi.`;
}

/** Waits for the first connection (a fail-fast producer refuses commands until then). */
export function waitUntilReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off("ready", onReady);
    };
    redis.on("ready", onReady);
  });
}
