import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium.js";
import { type StartedSystem, startSystem } from "./npm-start.js";

/**
 * For a browser test file: the whole system as `npm start` runs it, and Chromium, started before the
 * tests and stopped after them. Read `system` and `browser` inside the tests.
 */
export function useSystemAndBrowser(env: Record<string, string> = {}): {
  readonly system: StartedSystem;
  readonly browser: Browser;
} {
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
