import { execFileSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { launchChromium } from "../e2e/support/chromium.js";
import { startSystem } from "../e2e/support/npm-start.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { log, parseArgs } from "./support/args.js";
import {
  findPersona,
  type SavedResidentSession,
  seedResidentSession,
  signInResident,
} from "./support/demo-sessions.js";
import { startGzipProxy } from "./support/gzip-proxy.js";
import { measureInitialAssets, snapshotBuild } from "./support/mini-app-build.js";

/**
 * npm run bench:miniapp — the resident's first screen on a cheap phone on a weak network: the Mini App
 * built and served by the real system (npm start's scripts/start.mjs), loaded cold in headless
 * Chromium under Lighthouse's mobile throttling set through the DevTools protocol. "Feed visible" is
 * the time from navigation start until the first feed item is on screen, for a signed-in resident.
 */
// --gzip 1 puts a compressing reverse proxy in front (as nginx or a CDN would): the bot server itself sends
// the build uncompressed.
const args = parseArgs({
  runs: 5,
  build: 1,
  gzip: 0,
  latency: 150,
  download: 1.6,
  upload: 750,
  cpu: 4,
  persona: "Người dân 002 – TDP số 1",
});

/** A feed item links to its post page; the markup around it may change, this stays. */
const FEED_ITEM = 'a[href*="/post/"]';
const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
  timezoneId: "Asia/Ho_Chi_Minh",
  // Lighthouse's mobile device (moto g power).
  userAgent:
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) " +
    "Chrome/119.0.0.0 Mobile Safari/537.36",
};

/**
 * Records, from inside the page, the first animation frame in which a feed item is visible in the
 * viewport. A string, not a function: tsx's name-keeping helpers would not exist inside the page.
 */
const probeFeedVisible = `(() => {
  const selector = ${JSON.stringify(FEED_ITEM)};
  const isVisible = (el) => {
    const rect = el.getBoundingClientRect();
    const inViewport = rect.width > 0 && rect.height > 0 &&
      rect.top < innerHeight && rect.bottom > 0 && rect.left < innerWidth && rect.right > 0;
    return inViewport &&
      (!el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  };
  const check = (now) => {
    if (Array.from(document.querySelectorAll(selector)).some(isVisible)) window.__feedVisibleAt = now;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface RunResult {
  feedVisibleMs: number;
  firstContentfulPaintMs: number | null;
  requests: number;
  transferredKB: number;
  waterfall: string[];
}

async function measureOnce(browser: Browser, url: string, session: SavedResidentSession): Promise<RunResult> {
  // A new context per run: no HTTP cache, no storage, no sockets kept from the previous run.
  const context = await browser.newContext(MOBILE);
  try {
    await seedResidentSession(context, session);
    await context.addInitScript({ content: probeFeedVisible });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: args.latency,
      downloadThroughput: (args.download * 1024 * 1024) / 8,
      uploadThroughput: (args.upload * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: args.cpu });
    let transferred = 0;
    cdp.on(
      "Network.loadingFinished",
      (event: { encodedDataLength: number }) => (transferred += event.encodedDataLength),
    );
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    const handle = await page
      .waitForFunction(() => (window as unknown as { __feedVisibleAt?: number }).__feedVisibleAt, null, {
        timeout: 30_000,
        polling: 100,
      })
      .catch(async (error: unknown) => {
        const text = (
          await page
            .locator("body")
            // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not a DOM node
            .innerText()
            .catch(() => "")
        ).slice(0, 400);
        throw new Error(`no feed item became visible within 30 s; the screen read: ${JSON.stringify(text)}`, {
          cause: error,
        });
      });
    const feedVisibleMs = Math.round((await handle.jsonValue()) as number);
    const timings = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      return {
        fcp: fcp ? fcp.startTime : null,
        resources: resources.map((r) => ({
          name: new URL(r.name).pathname,
          start: r.startTime,
          end: r.responseEnd,
          size: r.transferSize,
        })),
      };
    });
    const waterfall = timings.resources
      .filter((r) => r.start < feedVisibleMs)
      .map(
        (r) =>
          `${Math.round(r.start)}–${Math.round(r.end)} ms ${r.name.replace(/^\/zapps\/\d+\//, "")} ` +
          `(${Math.round(r.size / 102.4) / 10} KB)`,
      );
    return {
      feedVisibleMs,
      firstContentfulPaintMs: timings.fcp === null ? null : Math.round(timings.fcp),
      requests: timings.resources.length + 1,
      transferredKB: Math.round(transferred / 102.4) / 10,
      waterfall,
    };
  } finally {
    await context.close();
  }
}

/** Nearest-rank percentile (p90 of 5 runs is the slowest run). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

if (args.build) {
  log("building (npm run build: TypeScript, then the Mini App)…");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", process.stderr, process.stderr] });
}
const build = snapshotBuild();
const assets = measureInitialAssets(build.dir);
log(
  `initial JS ${assets.initialJsGzipKB} KB gzip (${assets.initialJsRawKB} KB raw), ` +
    `CSS ${assets.cssGzipKB} KB gzip (${assets.cssRawKB} KB raw)`,
);

log("starting the demo system (scripts/start.mjs)…");
const system = await startSystem({ QUIET_HOURS: "00:00-00:00", MINI_APP_DIST_DIR: build.dir });
const browser = await launchChromium();
try {
  const origin = `http://localhost:${system.port}`;
  const simUrl = `http://127.0.0.1:${system.simPort}`;
  const persona = await findPersona(simUrl, args.persona);
  const session = await signInResident(origin, simUrl, persona);
  // The demo's start-up broadcasts reach the feed within seconds; measure a feed that has items.
  await waitFor(
    async () => {
      const res = await fetch(`${origin}/api/feed?limit=1`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      return ((await res.json()) as { items: unknown[] }).items.length > 0;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: `a feed item for ${persona.name}` },
  );
  const proxy = args.gzip ? await startGzipProxy(origin) : null;
  const url = `${proxy?.url ?? origin}/zapps/${system.miniAppId}/`;
  log(
    proxy
      ? `through a gzip reverse proxy at ${proxy.url}`
      : "straight from the bot server (no compression, as it serves today)",
  );
  log(
    `throttling: ${args.latency} ms latency, ${args.download} Mbps down, ${args.upload} Kbps up, CPU ×${args.cpu}; ` +
      `viewport ${MOBILE.viewport.width}×${MOBILE.viewport.height}`,
  );
  const runs: RunResult[] = [];
  for (let i = 0; i < args.runs; i++) {
    const result = await measureOnce(browser, url, session);
    runs.push(result);
    log(
      `run ${i + 1}: feed visible ${result.feedVisibleMs} ms, FCP ${result.firstContentfulPaintMs} ms, ` +
        `${result.requests} requests, ${result.transferredKB} KB transferred`,
    );
    if (i === 0) for (const line of result.waterfall) log(`    ${line}`);
  }
  await proxy?.close();
  const times = runs.map((r) => r.feedVisibleMs);
  console.log(
    JSON.stringify({
      initialJsGzipKB: assets.initialJsGzipKB,
      cssGzipKB: assets.cssGzipKB,
      feedVisibleMsMedian: percentile(times, 50),
      feedVisibleMsP90: percentile(times, 90),
    }),
  );
} finally {
  await browser.close();
  await system.stop();
  build.remove();
}
