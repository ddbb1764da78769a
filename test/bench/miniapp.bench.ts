import { execFileSync } from "node:child_process";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../e2e/support/chromium.js";
import { startSystem } from "../e2e/support/npm-start.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { log, parseArgs } from "./support/args.js";
import {
  type DemoPersona,
  findPersona,
  type SavedResidentSession,
  seedResidentSession,
  signInResident,
} from "./support/demo-sessions.js";
import { percentile, probeFeedVisible, waitForQuiet } from "./support/first-screen-probe.js";
import { startGzipProxy } from "./support/gzip-proxy.js";
import { measureInitialAssets, snapshotBuild } from "./support/mini-app-build.js";
import { buildInsideZalo, openInsideZalo } from "./support/zalo-host.js";

/**
 * npm run bench:miniapp — the resident's first screen on a cheap phone on a weak network: the Mini App
 * built and served by the real system (npm start's scripts/start.mjs), loaded cold in headless
 * Chromium under Lighthouse's mobile throttling set through the DevTools protocol. "Feed visible" is
 * the time from navigation start until the first feed item is on screen.
 *
 * --open says which open is measured:
 * - `zalo` (the default): a new phone opening the Mini App inside Zalo for the first time — nothing
 *   stored, no HTTP cache; Zalo hands over the user's token (support/zalo-host.ts), the app exchanges it
 *   for a session and shows the feed;
 * - `zalo-later`: the same phone's next open (its storage kept from an unmeasured first open, the HTTP
 *   cache still cold): what it stored may show before the network answers;
 * - `saved`: the demo in a browser with the session it saved earlier in the tab (sessionStorage), as
 *   this benchmark measured before 03/12/2026: no token exchange.
 */
// --gzip 1 puts a compressing reverse proxy in front (as nginx or a CDN would).
const args = parseArgs({
  runs: 5,
  build: 1,
  gzip: 0,
  latency: 150,
  download: 1.6,
  upload: 750,
  cpu: 4,
  persona: "Người dân 002 – TDP số 1",
  open: "zalo",
  /**
   * Another build to measure (e.g. one made from an earlier commit); implies --build 0. With --open
   * saved only: inside Zalo the benchmark builds the Mini App itself (support/zalo-host.ts).
   */
  www: "",
});
const opens = ["zalo", "zalo-later", "saved"];
if (!opens.includes(args.open)) throw new Error(`--open must be one of ${opens.join(", ")}`);
if (args.www && args.open !== "saved") throw new Error("--www measures a build with --open saved only");

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

interface RunResult {
  feedVisibleMs: number;
  /** When a frame with a feed item was painted (null: no largest-contentful-paint entry was one). */
  feedPaintedMs: number | null;
  firstContentfulPaintMs: number | null;
  requests: number;
  transferredKB: number;
  /** JavaScript that crossed the network (compressed as sent) before the feed was visible. */
  jsBeforeFeedKB: number;
  waterfall: string[];
}

/** Who opens the app, and how they get a Zalo token (the simulator issues it, as Zalo would). */
interface Opener {
  simUrl: string;
  persona: DemoPersona;
  savedSession: SavedResidentSession;
}

async function issueZaloToken(opener: Opener): Promise<string> {
  const res = await fetch(`${opener.simUrl}/__sim/users/${opener.persona.idByApp}/access-token`, {
    method: "POST",
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function measureOnce(browser: Browser, url: string, opener: Opener): Promise<RunResult> {
  // A new context per run: no HTTP cache, no storage, no sockets kept from the previous run.
  const context = await browser.newContext(MOBILE);
  try {
    if (args.open === "saved") await seedResidentSession(context, opener.savedSession);
    else await openInsideZalo(context, await issueZaloToken(opener));
    await context.addInitScript({ content: probeFeedVisible(FEED_ITEM) });
    if (args.open === "zalo-later") {
      // The first open, unmeasured, leaves on the phone what the app keeps; then the app is closed.
      const first = await context.newPage();
      await first.goto(url, { waitUntil: "commit", timeout: 30_000 });
      await waitForFeedVisible(first);
      await first.waitForTimeout(1000);
      await first.close();
    }
    return await measurePage(context, url);
  } finally {
    await context.close();
  }
}

async function waitForFeedVisible(page: Page): Promise<number> {
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
  return Math.round((await handle.jsonValue()) as number);
}

async function measurePage(context: BrowserContext, url: string): Promise<RunResult> {
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
  const feedVisibleMs = await waitForFeedVisible(page);
  const painted = await page
    .waitForFunction(() => (window as unknown as { __feedPaintedAt?: number }).__feedPaintedAt, null, {
      timeout: 3000,
      polling: 100,
    })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
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
  const beforeFeed = timings.resources.filter((r) => r.start < feedVisibleMs);
  const waterfall = beforeFeed.map(
    (r) =>
      `${Math.round(r.start)}–${Math.round(r.end)} ms ${r.name.replace(/^\/zapps\/\d+\//, "")} ` +
      `(${Math.round(r.size / 102.4) / 10} KB)`,
  );
  const jsBytes = beforeFeed.filter((r) => r.name.endsWith(".js")).reduce((sum, r) => sum + r.size, 0);
  return {
    feedVisibleMs,
    feedPaintedMs: painted === null ? null : Math.round(painted),
    firstContentfulPaintMs: timings.fcp === null ? null : Math.round(timings.fcp),
    requests: timings.resources.length + 1,
    transferredKB: Math.round(transferred / 102.4) / 10,
    jsBeforeFeedKB: Math.round(jsBytes / 102.4) / 10,
    waterfall,
  };
}

if (args.build && !args.www) {
  log("building (npm run build: TypeScript, then the Mini App)…");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", process.stderr, process.stderr] });
}
const shipped = snapshotBuild(args.www || undefined);
const assets = measureInitialAssets(shipped.dir);
log(
  `initial JS ${assets.initialJsGzipKB} KB gzip (${assets.initialJsRawKB} KB raw), ` +
    `CSS ${assets.cssGzipKB} KB gzip (${assets.cssRawKB} KB raw)`,
);
if (args.open !== "saved")
  log("inside Zalo: building the Mini App again with stand-ins for zmp-sdk's parts…");
const build = args.open === "saved" ? shipped : await buildInsideZalo();

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
  await waitForQuiet(simUrl);
  const opener: Opener = { simUrl, persona, savedSession: session };
  const proxy = args.gzip ? await startGzipProxy(origin) : null;
  const url = `${proxy?.url ?? origin}/zapps/${system.miniAppId}/`;
  log(
    proxy
      ? `through a gzip reverse proxy at ${proxy.url}`
      : "straight from the bot server (it compresses the Mini App itself)",
  );
  log(
    `throttling: ${args.latency} ms latency, ${args.download} Mbps down, ${args.upload} Kbps up, ` +
      `CPU ×${args.cpu}; viewport ${MOBILE.viewport.width}×${MOBILE.viewport.height}`,
  );
  const runs: RunResult[] = [];
  for (let i = 0; i < args.runs; i++) {
    const result = await measureOnce(browser, url, opener);
    runs.push(result);
    log(
      `run ${i + 1}: feed visible ${result.feedVisibleMs} ms, painted ${result.feedPaintedMs} ms, ` +
        `FCP ${result.firstContentfulPaintMs} ms, ` +
        `${result.requests} requests, ${result.transferredKB} KB transferred, ` +
        `${result.jsBeforeFeedKB} KB of JS before the feed`,
    );
    if (i === 0) for (const line of result.waterfall) log(`    ${line}`);
  }
  await proxy?.close();
  const times = runs.map((r) => r.feedVisibleMs);
  const painted = runs.flatMap((r) => (r.feedPaintedMs === null ? [] : [r.feedPaintedMs]));
  console.log(
    JSON.stringify({
      open: args.open,
      initialJsGzipKB: assets.initialJsGzipKB,
      cssGzipKB: assets.cssGzipKB,
      feedVisibleMsMedian: percentile(times, 50),
      feedVisibleMsP90: percentile(times, 90),
      feedPaintedMsMedian: painted.length > 0 ? percentile(painted, 50) : null,
      jsBeforeFeedKBMedian: percentile(
        runs.map((r) => r.jsBeforeFeedKB),
        50,
      ),
    }),
  );
} finally {
  await browser.close();
  await system.stop();
  build.remove();
  shipped.remove();
}
