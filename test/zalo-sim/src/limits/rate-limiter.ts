/**
 * Zalo's documented limit: N calls per app per minute, counted in fixed windows (reference §4.6).
 * Every call counts, including the ones it rejects.
 */
export class FixedWindowLimiter {
  private window = -1;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one call; `allowed` is false once the window's budget is spent. */
  take(now: number): { allowed: boolean; remaining: number } {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
    this.used++;
    return { allowed: this.used <= this.limit, remaining: Math.max(0, this.limit - this.used) };
  }
}

/**
 * An optional stricter limit for benchmarks: at most `perSecond` accepted sends in any sliding
 * one-second window. The timestamps of the last `perSecond` accepted sends sit in a ring buffer, so
 * a check is O(1): a send fits when the oldest of them is more than a second old.
 */
export class SlidingWindowLimiter {
  private ring: number[] = [];
  private next = 0;
  private filled = 0;

  constructor(
    private perSecond: number,
    private readonly windowMs = 1000,
  ) {
    this.reset(perSecond);
  }

  get rate(): number {
    return this.perSecond;
  }

  reset(perSecond: number): void {
    this.perSecond = Math.max(0, Math.floor(perSecond));
    this.ring = new Array<number>(this.perSecond).fill(0);
    this.next = 0;
    this.filled = 0;
  }

  isEnabled(): boolean {
    return this.perSecond > 0;
  }

  /** True when one more send would stay within the limit. Does not record anything. */
  canAccept(now: number): boolean {
    if (!this.isEnabled() || this.filled < this.perSecond) return true;
    const oldest = this.ring[this.next] ?? 0;
    return now - oldest >= this.windowMs;
  }

  record(now: number): void {
    if (!this.isEnabled()) return;
    this.ring[this.next] = now;
    this.next = (this.next + 1) % this.perSecond;
    if (this.filled < this.perSecond) this.filled++;
  }
}
