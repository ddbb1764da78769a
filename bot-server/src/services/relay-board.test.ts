import { describe, expect, it } from "vitest";
import { cell } from "./relay-board.js";

describe("a relay board cell in CSV", () => {
  it("opens text a spreadsheet would run as a formula with an apostrophe", () => {
    for (const formula of ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
      expect(cell(formula).replace(/^"|"$/g, "").startsWith(`'${formula[0]}`)).toBe(true);
  });

  it("leaves names and counts as they are, and quotes what CSV needs quoted", () => {
    expect(cell("Tổ dân phố số 1")).toBe("Tổ dân phố số 1");
    expect(cell(12)).toBe("12");
    expect(cell(null)).toBe("");
    expect(cell('Tổ "Hạnh phúc", khu 2')).toBe('"Tổ ""Hạnh phúc"", khu 2"');
    expect(cell("dòng\r\nmới")).toBe('"dòng\r\nmới"');
  });
});
