import { describe, expect, it } from "vitest";
import { searchKey, stripDiacritics } from "./text.js";

describe("Vietnamese text", () => {
  it("strips diacritics including đ", () => {
    expect(stripDiacritics("Tổ dân phố Đông Hải")).toBe("To dan pho Dong Hai");
  });

  it("makes one search key for text typed with or without accents", () => {
    expect(searchKey("  Trường  Mầm non HOA SEN ")).toBe(searchKey("truong mam non hoa sen"));
  });
});
