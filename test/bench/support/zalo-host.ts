import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { build, type Plugin } from "vite";

/**
 * Zalo's side of opening the Mini App, for the benchmark. Chromium is not Zalo, so the page is given
 * what Zalo's host gives a Mini App — its native bridge (how the app knows it runs inside Zalo) and
 * zmp-sdk parts that answer as Zalo would for a signed-in user — and everything else travels the
 * throttled network as it would inside Zalo: the bundle, the SDK's bytes, the token exchange, the feed.
 */

/** What the page reads the stand-ins' answers from (set before any of its scripts run). */
const HOST_GLOBAL = "__loaBenchZalo";

const MINI_APP = path.resolve(import.meta.dirname, "..", "..", "..", "mini-app");

/**
 * The parts of zmp-sdk the first screen loads (mini-app/src/services/zalo/sdk-parts.ts), each given
 * as a stand-in that still imports the real part — so its code is downloaded, parsed and initialised
 * as inside Zalo — but answers without Zalo's native bridge, which is not there.
 */
const STAND_INS: Record<string, string> = {
  "zmp-sdk/apis/apis/getAccessToken.js": [
    `export const getAccessToken = () => Promise.resolve(window.${HOST_GLOBAL}.accessToken);`,
  ].join("\n"),
  // Zalo's nativeStorage lives on the device: across opens of the same browser context here.
  "zmp-sdk/apis/apis/native-storage/index.js": [
    "const key = (k) => 'zalo-native-storage:' + k;",
    "export const nativeStorage = {",
    "  getItem: (k) => localStorage.getItem(key(k)),",
    "  setItem: (k, v) => localStorage.setItem(key(k), v),",
    "  removeItem: (k) => localStorage.removeItem(key(k)),",
    "};",
  ].join("\n"),
};

function zaloHostStandIns(): Plugin {
  const prefix = "\0zalo-host:";
  return {
    name: "bench-zalo-host",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!(source in STAND_INS) || !importer?.includes("services/zalo/sdk-parts")) return null;
      const real = await this.resolve(source, importer, { skipSelf: true });
      if (!real) throw new Error(`${source} no longer resolves: has zmp-sdk moved its modules?`);
      return `${prefix}${source}|${real.id}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const [source, real] = id.slice(prefix.length).split("|") as [string, string];
      return [
        `import * as real from ${JSON.stringify(real)};`,
        // Kept: without a use, the bundler would drop the real part's code.
        "(window.__zmpSdkParts ??= []).push(real);",
        STAND_INS[source],
      ].join("\n");
    },
  };
}

/**
 * The Mini App built as `npm run build` builds it, into a private folder (served with
 * MINI_APP_DIST_DIR), with the stand-ins above in place of the real parts. The rest of zmp-sdk is the
 * real one, loaded once the app has rendered; its login finds no native bridge and fails quietly.
 */
export async function buildInsideZalo(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "loa-www-zalo-"));
  // Vite sets NODE_ENV=production for the build; the demo system started after it must not inherit it.
  const nodeEnv = process.env.NODE_ENV;
  await build({
    configFile: path.join(MINI_APP, "vite.config.mts"),
    logLevel: "warn",
    plugins: [zaloHostStandIns()],
    build: { outDir: dir, emptyOutDir: true },
  });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens pages of `context` as Zalo would open the Mini App for the user whose Zalo token this is. */
export async function openInsideZalo(context: BrowserContext, accessToken: string): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers would not exist inside the page.
  await context.addInitScript({
    content: `window.ZJSBridge = {}; window.${HOST_GLOBAL} = ${JSON.stringify({ accessToken })};`,
  });
}
