import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * GCRA in Redis: reserves the next free slot on a schedule spaced evenly under the limit, shared by
 * every process, and answers how long to wait for it (Redis's clock, so skewed hosts agree).
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1]) * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', math.ceil(interval + 60000))
return tostring(tat - now)
`;

/**
 * A sliding log of calls actually made: admits a call if fewer than the cap happened in the window,
 * else answers how long until the oldest leaves it. Admitting the same member again moves it to now.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[3])
for i = 1, tonumber(ARGV[4]) do redis.call('ZREM', KEYS[1], ARGV[2] .. ':' .. i) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = tonumber(ARGV[4])
local count = redis.call('ZCARD', KEYS[1])
if count + n <= tonumber(ARGV[1]) then
  for i = 1, n do redis.call('ZADD', KEYS[1], now, ARGV[2] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return '0'
end
local oldest = redis.call('ZRANGE', KEYS[1], count + n - tonumber(ARGV[1]) - 1, count + n - tonumber(ARGV[1]) - 1, 'WITHSCORES')
return tostring(tonumber(oldest[2]) + window - now + 1)
`;

/** Share of Zalo's limit the even spacing uses. */
export const PACING_HEADROOM = 0.97;
/**
 * The log's window is a little longer than Zalo's second: a call admitted here can reach Zalo up to
 * this much later (event-loop stalls, scheduling), and must still not share Zalo's window with
 * calls admitted a full second after it.
 */
export const JITTER_GUARD_MS = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps every OA API call under Zalo's limit (4,000 requests a minute per app by default), across all
 * worker processes: calls are spaced evenly (GCRA), and a one-second sliding log checked just before
 * each call absorbs the bunching that event-loop stalls cause — so no sliding one-second window ever
 * holds more than the limit's share, which fixed-window counters cannot promise.
 */
export class SendPacer {
  private readonly intervalMs: number;
  private readonly perSecondCap: number;
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    options: { perMinute: number; keyPrefix: string; appId: string },
  ) {
    this.intervalMs = 60_000 / (options.perMinute * PACING_HEADROOM);
    this.perSecondCap = Math.max(1, Math.floor(options.perMinute / 60));
    this.key = `${options.keyPrefix}:zalo-pacer:${options.appId}`;
  }

  /**
   * Waits for `calls` slots (a batch's sends go out together: one round trip to Redis per batch
   * instead of per call). Batches larger than the per-second cap are taken in parts.
   */
  async acquire(calls = 1): Promise<void> {
    for (let left = calls; left > 0; left -= this.perSecondCap) await this.acquirePart(Math.min(left, this.perSecondCap));
  }

  private async acquirePart(n: number): Promise<void> {
    const wait = Number(await this.redis.eval(RESERVE, 1, `${this.key}:tat`, String(this.intervalMs), String(n)));
    if (wait > 0) await sleep(wait);
    const member = randomBytes(8).toString("base64url");
    for (;;) {
      const askedAt = performance.now();
      const retryIn = Number(await this.redis.eval(ADMIT, 1, `${this.key}:log`, String(this.perSecondCap), member, String(1000 + JITTER_GUARD_MS), String(n)));
      if (retryIn > 0) {
        await sleep(retryIn);
        continue;
      }
      // Admitted — but if this process stalled before it could act on the answer, the admission is
      // stale (it could land in Zalo's next window); take it again at the current time.
      if (performance.now() - askedAt <= JITTER_GUARD_MS / 2) return;
    }
  }
}
