import { log } from "./args.js";

// The first-screen benchmark's measuring parts (test/bench/miniapp.bench.ts).

/**
 * Records, from inside the page, the first animation frame in which a feed item is visible in the
 * viewport; and, from the largest-contentful-paint entries, when a frame with a feed item in it was
 * painted (a frame's paint can come well after its animation frame when it is the page's first).
 * A string, not a function: tsx's name-keeping helpers would not exist inside the page.
 */
export const probeFeedVisible = (selector: string) => `(() => {
  const selector = ${JSON.stringify(selector)};
  const isVisible = (el) => {
    const rect = el.getBoundingClientRect();
    const inViewport = rect.width > 0 && rect.height > 0 &&
      rect.top < innerHeight && rect.bottom > 0 && rect.left < innerWidth && rect.right > 0;
    return inViewport &&
      (!el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  };
  // performance.now(), not the frame's own timestamp: a frame held back by a long task (the app's
  // first render) carries the time it was due, which can be hundreds of ms before it ran.
  const check = () => {
    if (Array.from(document.querySelectorAll(selector)).some(isVisible))
      window.__feedVisibleAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (window.__feedPaintedAt === undefined && entry.element && entry.element.closest(selector))
        window.__feedPaintedAt = entry.renderTime || entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
})();`;

/**
 * Waits until the demo's start-up work is done (its broadcasts sent, their receipts delivered): the
 * simulator's counters stop moving for 3 s. Otherwise the first runs share the server with it.
 */
export async function waitForQuiet(simUrl: string): Promise<void> {
  const started = Date.now();
  let last = "";
  let stillSince = Date.now();
  while (Date.now() - stillSince < 3000) {
    if (Date.now() - started > 120_000) {
      log("the demo system is still busy after 2 minutes: measuring anyway");
      return;
    }
    const stats = await (await fetch(`${simUrl}/__sim/stats`)).text();
    if (stats !== last) [last, stillSince] = [stats, Date.now()];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`the demo system is quiet after ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Nearest-rank percentile (p90 of 5 runs is the slowest run). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
