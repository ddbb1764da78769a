import { describe, expect, it } from "vitest";
import { formatCount, formatPhone, searchKey, stripDiacritics } from "./text.js";

describe("Vietnamese text", () => {
  it("strips diacritics including đ", () => {
    expect(stripDiacritics("Tổ dân phố Đông Hải")).toBe("To dan pho Dong Hai");
  });

  it("makes one search key for text typed with or without accents", () => {
    expect(searchKey("  Trường  Mầm non HOA SEN ")).toBe(searchKey("truong mam non hoa sen"));
  });
});

describe("numbers as Vietnamese readers write them", () => {
  it("groups thousands with dots", () => {
    expect([0, 80, 2000, 12345, 1234567].map(formatCount)).toEqual([
      "0",
      "80",
      "2.000",
      "12.345",
      "1.234.567",
    ]);
  });

  it("shows a phone number in groups, from the stored 84… form", () => {
    expect(formatPhone("84910000001")).toBe("0910 000 001");
    expect(formatPhone("+84 912 000 111")).toBe("0912 000 111");
    expect(formatPhone("0987654321")).toBe("0987 654 321");
    expect(formatPhone("842438251234")).toBe("024 3825 1234");
    // Not a Vietnamese number it knows: as it is, never mangled.
    expect(formatPhone("12345")).toBe("12345");
    expect(formatPhone("số cũ")).toBe("số cũ");
  });
});
