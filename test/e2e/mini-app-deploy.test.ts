import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  listFiles,
  MINI_APP_WWW,
  measureInitialAssets,
  readAppConfig,
  zipDirectory,
} from "../bench/support/mini-app-build.js";

// Zalo's limits for a Mini App upload (zmp deploy): each file at most 3 MB, the zipped package at most 10 MB.
const MAX_FILE_BYTES = 3 * 1024 * 1024;
const MAX_ZIP_BYTES = 10 * 1024 * 1024;
// The resident's first screen on a cheap phone: the budget docs/BENCHMARKS.md measures against.
const MAX_INITIAL_JS_GZIP_KB = 150;

function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Checks the build `npm test` made (npm run build) as Zalo would take it from www/. */
describe("the Mini App build is deployable to Zalo", () => {
  const www = MINI_APP_WWW;
  const files = listFiles(www);
  const config = readAppConfig(www);

  it("lists the built CSS and JS in app-config.json, and the listed files exist", () => {
    expect(config.listSyncJS.length).toBeGreaterThan(0);
    expect(config.listCSS.length).toBeGreaterThan(0);
    for (const file of [...config.listCSS, ...config.listSyncJS, ...config.listAsyncJS])
      expect(files, file).toContain(file);
    // Every stylesheet the build emitted is listed (Zalo loads only listed CSS) …
    expect(files.filter((file) => file.endsWith(".css")).sort()).toEqual([...config.listCSS].sort());
    // … and the entry module index.html loads is the one Zalo runs first.
    const html = readFileSync(path.join(www, "index.html"), "utf8");
    const entries = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((match) => match[1]);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(config.listSyncJS).toContain(entry);
  });

  it("keeps every file under 3 MB and the zipped package under 10 MB", () => {
    const tooBig = files.filter((file) => statSync(path.join(www, file)).size > MAX_FILE_BYTES);
    expect(tooBig).toEqual([]);
    const zip = zipDirectory(www);
    expect(zip.length).toBeLessThanOrEqual(MAX_ZIP_BYTES);
    if (hasCommand("unzip")) {
      // The measured archive is a real one: unzip reads every entry back.
      const dir = mkdtempSync(path.join(os.tmpdir(), "loa-zip-"));
      try {
        writeFileSync(path.join(dir, "www.zip"), zip);
        const listing = execFileSync("unzip", ["-Z1", path.join(dir, "www.zip")], { encoding: "utf8" })
          .trim()
          .split("\n")
          .sort();
        expect(listing).toEqual(files);
        execFileSync("unzip", ["-tq", path.join(dir, "www.zip")], { stdio: "ignore" });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("keeps the resident's first-screen JavaScript within budget", () => {
    expect(measureInitialAssets(www).initialJsGzipKB).toBeLessThanOrEqual(MAX_INITIAL_JS_GZIP_KB);
  });
});
