import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";

/**
 * Zalo's side of opening the Mini App, for the benchmark. Chromium is not Zalo, so the page is given
 * what Zalo's host gives a Mini App — its native bridge (how the app knows it runs inside Zalo) and a
 * zmp-sdk whose getAccessToken() answers with the Zalo user's token — and everything else travels the
 * throttled network as it would inside Zalo: the bundle, the SDK's bytes, the token exchange, the feed.
 */

/** What the page reads the stand-in SDK's answers from (set before any of its scripts run). */
const HOST_GLOBAL = "__loaBenchZalo";

/**
 * Replaces the zmp-sdk chunk of a build (a private copy: `snapshotBuild`) with a stand-in of the same
 * weight: the real SDK's code is still downloaded and parsed (kept inside a function that never runs:
 * it would log in through a native bridge that is not there), and its exports answer as Zalo would
 * for a signed-in user. Every API the app does not need on its first screen refuses, as the SDK does
 * outside Zalo. Returns the chunk's file name.
 */
export function standInZaloSdk(buildDir: string): string {
  const assets = path.join(buildDir, "assets");
  // zmp-sdk puts itself on window.ZaloMiniAppSDK inside Zalo: the name is in its chunk and nowhere else.
  const file = readdirSync(assets).find(
    (name) =>
      name.endsWith(".js") && readFileSync(path.join(assets, name), "utf8").includes("ZaloMiniAppSDK"),
  );
  if (!file) throw new Error(`no zmp-sdk chunk in ${assets}: is the SDK still imported on demand?`);
  const sdk = readFileSync(path.join(assets, file), "utf8");
  const exportClause = /export\s*\{([^}]*)\};?\s*$/.exec(sdk);
  if (!exportClause) throw new Error(`${file} does not end with an export clause`);
  const names = exportClause[1]!.split(",").map(
    (entry) =>
      entry
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
  );
  const answered = ["getAccessToken", "nativeStorage", "events", "EventName"];
  const refused = names.filter((name) => name !== "default" && !answered.includes(name));
  const standIn = [
    `function zmpSdkDownloadedNotRun(){${sdk.slice(0, exportClause.index)}}`,
    `const host = window.${HOST_GLOBAL};`,
    "export const getAccessToken = () => Promise.resolve(host.accessToken);",
    // Zalo's nativeStorage lives on the device: across opens of the same browser context here.
    "const key = (k) => 'zalo-native-storage:' + k;",
    "export const nativeStorage = {",
    "  getItem: (k) => localStorage.getItem(key(k)),",
    "  setItem: (k, v) => localStorage.setItem(key(k), v),",
    "  removeItem: (k) => localStorage.removeItem(key(k)),",
    "};",
    "export const EventName = { OpenApp: 'h5.event.open.mp' };",
    "export const events = { on() {}, off() {} };",
    "const refuse = (api) => () => Promise.reject({ code: -1404, message: 'not in the benchmark', api });",
    ...refused.map((name) => `export const ${name} = refuse(${JSON.stringify(name)});`),
    "export default { getAccessToken, nativeStorage, events, EventName, zmpSdkDownloadedNotRun };",
  ].join("\n");
  writeFileSync(path.join(assets, file), standIn);
  return file;
}

/** Opens pages of `context` as Zalo would open the Mini App for the user whose Zalo token this is. */
export async function openInsideZalo(context: BrowserContext, accessToken: string): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers would not exist inside the page.
  await context.addInitScript({
    content: `window.ZJSBridge = {}; window.${HOST_GLOBAL} = ${JSON.stringify({ accessToken })};`,
  });
}
