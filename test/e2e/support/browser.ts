import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { startSystem, type StartedSystem } from "./npm-start.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the background traffic this closed network refuses turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * For a browser test file: the whole system as `npm start` runs it, and Chromium, started before the
 * tests and stopped after them. Read `system` and `browser` inside the tests.
 */
export function useSystemAndBrowser(env: Record<string, string> = {}): { readonly system: StartedSystem; readonly browser: Browser } {
  let system: StartedSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    system = await startSystem(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });
  return {
    get system() {
      if (!system) throw new Error("the system is not started yet");
      return system;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not started yet");
      return browser;
    },
  };
}
