import { afterEach, describe, expect, it } from "vitest";
import { leaveZalo } from "../../testing/fake-zmp-sdk";
import { isInsideZalo } from "./environment";

afterEach(leaveZalo);

describe("isInsideZalo", () => {
  it("is false in a desktop browser on the ward server", () => {
    expect(window.location.hostname).toBe("localhost");
    expect(isInsideZalo()).toBe(false);
  });

  it("is true when either of Zalo's bridges is there", () => {
    window.ZJSBridge = {};
    expect(isInsideZalo()).toBe(true);
    leaveZalo();
    window.ZaloJavaScriptInterface = {};
    expect(isInsideZalo()).toBe(true);
  });
});
