import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

/**
 * The Mini App's unit tests run in jsdom, as a desktop browser in demo mode would open the app.
 * config.ts reads window.LOA_CONFIG when it is first imported, so it is set before any test file
 * imports the app.
 */
window.APP_ID = "3000000000000000003";
window.LOA_CONFIG = {
  apiBaseUrl: "http://ward.test",
  miniAppId: "3000000000000000003",
  oaId: "oa-ward",
  demo: { simulatorUrl: "http://sim.test" },
};

// What every browser the app runs in has and jsdom lacks: reading a Blob's bytes, object URLs for
// the photo previews and scrolling (zmp-ui's Page scrolls to the top); jsdom draws nothing.
Element.prototype.scrollTo ??= () => undefined;
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
let objectUrls = 0;
URL.createObjectURL ??= () => `blob:http://ward.test/${++objectUrls}`;
URL.revokeObjectURL ??= () => undefined;

// React Router's development build advises opting in to v7's behaviour through BrowserRouter's
// `future` prop; zmp-ui's ZMPRouter builds the router and passes no such prop, so the advice cannot
// be taken here and the production build never prints it. Every other warning still shows.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("React Router Future Flag Warning")) return;
  warn(...args);
};

// The staff inbox's filters are a <search> landmark, which browsers know and jsdom does not: React's
// warning about the tag says nothing of the app. Every other error still shows.
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const isSearchTag =
    typeof args[0] === "string" && args[0].includes("The tag <%s> is unrecognized") && args[1] === "search";
  if (!isSearchTag) error(...args);
};

// findBy*/waitFor give up after this long: a lazily loaded screen is first compiled on demand, which a
// busy machine (the whole suite at once) can make slower than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

// Without vitest's globals Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, "", "/");
});
