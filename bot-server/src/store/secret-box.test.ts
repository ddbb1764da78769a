import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box.js";

describe("secrets sealed in the store", () => {
  const box = new SecretBox(randomBytes(32));

  it("keeps a token unreadable without the key, and gives it back with it", () => {
    const token = "zalo-oa-access-token-123";
    const sealed = box.seal(token);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toBe(box.seal(token));
    expect(box.open(sealed)).toBe(token);
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it("refuses a sealed value someone changed, and reads a value stored before sealing as it is", () => {
    const sealed = box.seal("refresh-token");
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(box.open("plain-old-token")).toBe("plain-old-token");
  });
});
