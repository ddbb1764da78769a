import type { RandomSource } from "./ids.js";
import type { SimFaults } from "./types.js";

export type FaultKind = "e5xx" | "timeout" | "limit" | "lost";

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Draws injected failures for POST /v3.0/oa/message/*. One uniform draw per request, split
 * into consecutive bands (5xx, timeout, limit, lost), so the rates are exact probabilities and a 100 %
 * rate is deterministic. Every fault but "lost" means "not delivered": no ledger entry, no receipt.
 */
export class FaultInjector {
  private faults: Required<SimFaults> = {
    error5xxRate: 0,
    timeoutRate: 0,
    rateLimitRate: 0,
    lostResponseRate: 0,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  };

  constructor(private readonly random: RandomSource) {}

  set(faults: SimFaults | undefined): void {
    const clamp = (n: number | undefined): number => Math.min(1, Math.max(0, n ?? 0));
    this.faults = {
      error5xxRate: clamp(faults?.error5xxRate),
      timeoutRate: clamp(faults?.timeoutRate),
      rateLimitRate: clamp(faults?.rateLimitRate),
      lostResponseRate: clamp(faults?.lostResponseRate),
      timeoutMs: faults?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  get(): Required<SimFaults> {
    return { ...this.faults };
  }

  draw(): FaultKind | undefined {
    const { error5xxRate, timeoutRate, rateLimitRate, lostResponseRate } = this.faults;
    if (error5xxRate + timeoutRate + rateLimitRate + lostResponseRate === 0) return undefined;
    const r = this.random.next();
    if (r < error5xxRate) return "e5xx";
    if (r < error5xxRate + timeoutRate) return "timeout";
    if (r < error5xxRate + timeoutRate + rateLimitRate) return "limit";
    if (r < error5xxRate + timeoutRate + rateLimitRate + lostResponseRate) return "lost";
    return undefined;
  }

  /** 500, 502 or 503 with equal odds. */
  drawStatus(): 500 | 502 | 503 {
    const r = this.random.next();
    return r < 1 / 3 ? 500 : r < 2 / 3 ? 502 : 503;
  }

  get timeoutMs(): number {
    return this.faults.timeoutMs;
  }
}
