import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";

describe("reading CSV", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and CRLF rows", () => {
    const text = 'free_text,label_id\r\n"Đẹp, quá",0\r\n"Anh ""Ba"" nói:\nđi đi",2\r\nkhông trích,1\r\n';
    expect(parseCsv(text)).toEqual([
      ["free_text", "label_id"],
      ["Đẹp, quá", "0"],
      ['Anh "Ba" nói:\nđi đi', "2"],
      ["không trích", "1"],
    ]);
  });

  it("keeps a quote inside an unquoted field, an empty field, and a last row without a line end", () => {
    expect(parseCsv('a"b,,c\nd,e')).toEqual([
      ['a"b', "", "c"],
      ["d", "e"],
    ]);
  });

  it("refuses a quoted field that never closes", () => {
    expect(() => parseCsv('x,"open\n1')).toThrow(/unclosed/);
  });
});
