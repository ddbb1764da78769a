// @vitest-environment-options {"url": "https://h5.zdn.vn/zapps/3000000000000000003/"}
import { describe, expect, it } from "vitest";
import { isInsideZalo } from "./environment";

describe("isInsideZalo on Zalo's host", () => {
  it("is true on h5.zdn.vn even before a bridge is seen", () => {
    expect(window.ZJSBridge).toBeUndefined();
    expect(isInsideZalo()).toBe(true);
  });
});
