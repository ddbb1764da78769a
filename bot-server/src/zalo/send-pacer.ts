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
 * A sliding log of calls that Zalo may still count in a window ending now. A call enters it when it
 * is admitted, scored as in flight (far ahead: until its timeout has surely passed), and is stamped
 * with the time its answer came back once it has one; it leaves a window's length after that stamp.
 * Admits n calls if the log holds at most cap − n, else answers how long to wait.
 * ARGV: cap, member prefix, window ms, n, in-flight ms.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
local n = tonumber(ARGV[4])
local inFlight = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count + n <= cap then
  for i = 1, n do redis.call('ZADD', KEYS[1], now + inFlight, ARGV[2] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], math.ceil(inFlight + window * 2))
  return '0'
end
local blocking = redis.call('ZRANGE', KEYS[1], count + n - cap - 1, count + n - cap - 1, 'WITHSCORES')
local score = tonumber(blocking[2])
-- Still in flight: its answer will free the slot sooner than its deadline, so look again shortly.
if score > now then return '5' end
return tostring(score + window - now + 1)
`;

/** Stamps answered calls with Redis's time; members already gone (expired, flushed) stay gone. */
const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
for i = 1, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i]) end
return #ARGV
`;

/** Share of Zalo's limit the even spacing uses. */
export const PACING_HEADROOM = 0.98;
/** Slack on Zalo's one-second window for clock reads that differ between Redis and Zalo. */
export const CLOCK_GUARD_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls admitted together. Each call that gets Zalo's answer is marked; `settle` then stamps those
 * with the time now, so they stop counting a window after Zalo surely counted them. Calls never
 * answered (timed out, connection lost) stay counted as in flight until their deadline passes.
 */
export class PacerPermit {
  private answered = 0;

  constructor(
    private readonly settleMembers: (members: string[]) => Promise<void>,
    private readonly members: string[],
  ) {}

  /** One of this permit's calls came back with an answer from Zalo. */
  markAnswered(): void {
    this.answered = Math.min(this.members.length, this.answered + 1);
  }

  async settle(): Promise<void> {
    const members = this.members.slice(0, this.answered);
    this.answered = 0;
    if (members.length > 0) await this.settleMembers(members);
  }
}

/**
 * Keeps every OA API call under Zalo's limit (4,000 requests a minute per app by default), across all
 * worker processes: calls are spaced evenly (GCRA), and a sliding log checked before each call keeps
 * any one-second window from holding more than the limit's share — counting each call from the moment
 * it is admitted until Zalo has answered it, the latest Zalo can have counted it. So stalls between
 * admission and the request reaching Zalo (a busy event loop, a new connection, a slow server) can
 * only make the pacing safer, never bunch calls into one of Zalo's windows, which fixed-window
 * counters cannot promise.
 */
export class SendPacer {
  private readonly intervalMs: number;
  private readonly perSecondCap: number;
  private readonly inFlightMs: number;
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    options: { perMinute: number; keyPrefix: string; appId: string; callTimeoutMs: number },
  ) {
    this.intervalMs = 60_000 / (options.perMinute * PACING_HEADROOM);
    this.perSecondCap = Math.max(1, Math.floor(options.perMinute / 60));
    // An admitted call starts at once and ends by its timeout; the second is room for a stalled start.
    this.inFlightMs = options.callTimeoutMs + 1000;
    this.key = `${options.keyPrefix}:zalo-pacer:${options.appId}`;
  }

  /**
   * Waits for `calls` slots (a batch's sends go out together: one round trip to Redis per batch
   * instead of per call). Batches larger than the per-second cap are taken in parts.
   */
  async acquire(calls = 1): Promise<PacerPermit> {
    const members: string[] = [];
    for (let left = calls; left > 0; left -= this.perSecondCap)
      members.push(...(await this.acquirePart(Math.min(left, this.perSecondCap))));
    return new PacerPermit((answered) => this.settle(answered), members);
  }

  private async acquirePart(n: number): Promise<string[]> {
    const wait = Number(
      await this.redis.eval(RESERVE, 1, `${this.key}:tat`, String(this.intervalMs), String(n)),
    );
    if (wait > 0) await sleep(wait);
    const prefix = randomBytes(8).toString("base64url");
    for (;;) {
      const retryIn = Number(
        await this.redis.eval(
          ADMIT,
          1,
          `${this.key}:log`,
          String(this.perSecondCap),
          prefix,
          String(1000 + CLOCK_GUARD_MS),
          String(n),
          String(this.inFlightMs),
        ),
      );
      if (retryIn <= 0) return Array.from({ length: n }, (_, i) => `${prefix}:${i + 1}`);
      await sleep(retryIn);
    }
  }

  private async settle(members: string[]): Promise<void> {
    // If Redis cannot be reached the calls stay counted as in flight until their deadline: slower, never unsafe.
    await this.redis.eval(SETTLE, 1, `${this.key}:log`, ...members).catch(() => undefined);
  }
}
