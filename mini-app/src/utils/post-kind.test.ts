import { postKinds as serverPostKinds } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { isPostKind, kindLabel, postKindLabels, postKinds } from "./post-kind";

describe("post kinds", () => {
  it("has a Vietnamese label for every kind the server knows", () => {
    expect([...postKinds].sort()).toEqual([...serverPostKinds].sort());
    for (const kind of serverPostKinds) {
      expect(kindLabel(kind)).toBe(postKindLabels[kind]);
      expect(kindLabel(kind)).not.toBe(kind);
    }
    expect(kindLabel("exemplary_story")).toBe("Gương điển hình");
    expect(kindLabel("clarification")).toBe("Đính chính");
  });

  it("reads a kind this build does not know yet as a plain post, and accepts only real kinds", () => {
    expect(kindLabel("podcast")).toBe("Bài viết");
    expect(kindLabel("")).toBe("Bài viết");
    expect(isPostKind("news")).toBe(true);
    expect(isPostKind(null)).toBe(false);
    expect(isPostKind("toString")).toBe(false);
    expect(isPostKind("__proto__")).toBe(false);
  });
});
