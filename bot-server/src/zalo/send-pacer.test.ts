import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendPacer } from "./send-pacer.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most timestamps that fall in any window of `windowMs` (Zalo's sliding count). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, i - first + 1);
  }
  return most;
}

describe("Zalo send pacer on a real Redis", () => {
  let redis: Redis;
  const keyPrefix = `pacer-test-${randomBytes(4).toString("hex")}`;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("never lets one second at Zalo hold more than the limit, however late each call reaches Zalo", async () => {
    // 6,000 a minute = 100 in any second. Three senders (as three worker processes would) take batches
    // and their calls reach Zalo anywhere between admission and answer — some very late (a stalled
    // process, a new connection) — which is what bunched calls into one window before.
    const perSecond = 100;
    const pacers = [0, 1, 2].map(
      () =>
        new SendPacer(redis, { perMinute: perSecond * 60, keyPrefix, appId: "window", callTimeoutMs: 2000 }),
    );
    const arrivals: number[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const sender = async (pacer: SendPacer, batches: number) => {
      for (let b = 0; b < batches; b++) {
        const calls = 1 + Math.floor(random() * 8);
        const permit = await pacer.acquire(calls);
        // Now and then the whole batch stalls before it reaches Zalo.
        const stall = random() < 0.2 ? 150 + random() * 250 : 0;
        await Promise.all(
          Array.from({ length: calls }, async () => {
            await sleep(stall + random() * 10);
            arrivals.push(Date.now());
            await sleep(random() * 5);
            permit.markAnswered();
          }),
        );
        await permit.settle();
      }
    };
    await Promise.all(pacers.map((p) => sender(p, 20)));

    expect(arrivals.length).toBeGreaterThan(perSecond * 2);
    expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(perSecond);
  });

  it("keeps a call that never got an answer counted until its deadline has passed", async () => {
    // 120 a minute = 2 a second, and calls time out after 200 ms.
    const pacer = new SendPacer(redis, {
      perMinute: 120,
      keyPrefix,
      appId: "unanswered",
      callTimeoutMs: 200,
    });
    const lost = await pacer.acquire(2);
    await lost.settle(); // neither call was answered: Zalo may count them any time until the timeout

    const next = pacer.acquire(1).then(() => Date.now());
    const windowAfterAdmission = sleep(1100).then(() => "still waiting" as const);
    expect(await Promise.race([next, windowAfterAdmission])).toBe("still waiting");
    // Admitted once the in-flight deadline (timeout + 1 s) and then a whole window have gone by.
    expect(await next).toBeGreaterThan(0);
  });
});
