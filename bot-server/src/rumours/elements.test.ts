import { describe, expect, it } from "vitest";
import { describeWord, parseFigure, readNumbers } from "./elements.js";

const tokens = (text: string) => readNumbers(text).elements.map((e) => e.token);

describe("numbers as residents write them", () => {
  it("reads one amount however it is written", () => {
    for (const text of [
      "500.000 đồng",
      "500.000đ",
      "500k",
      "500 nghìn",
      "500 ngàn",
      "năm trăm nghìn",
      "nửa triệu",
    ]) {
      expect(tokens(text), text).toEqual(["vnd500000"]);
    }
    for (const text of ["1,2 triệu", "1tr2", "1.200.000 vnđ", "1.2 trieu"])
      expect(tokens(text), text).toEqual(["vnd1200000"]);
    expect(tokens("phạt 2tr, phí 150k")).toEqual(["vnd2000000", "vnd150000"]);
  });

  it("does not read a chat 'k' (không) after a number as thousands", () => {
    expect(tokens("con em lớp 9 k được nghỉ")).toEqual(["num9"]);
  });

  it("reads dates, counts and leaves phone numbers to the analyser", () => {
    expect(tokens("nộp trước 30/6 nhé")).toEqual(["d30m6"]);
    expect(tokens("trao 1.000 suất")).toEqual(["num1000"]);
    expect(tokens("gọi 0912 345 678")).toEqual([]);
  });

  it("writes each number as a token in the text", () => {
    expect(readNumbers("mất 50k/người").text).toContain(" vnd50000 ");
  });

  it("reads figures grouped by dots or commas, and decimals", () => {
    expect(parseFigure("300.000")).toBe(300_000);
    expect(parseFigure("300,000")).toBe(300_000);
    expect(parseFigure("1,5")).toBe(1.5);
  });

  it("writes a token back as staff read it", () => {
    expect(describeWord("vnd1200000")).toBe("1.200.000 đ");
    expect(describeWord("d30m6")).toBe("30/6");
    expect(describeWord("num10")).toBe("10");
    expect(describeWord("học")).toBe("học");
  });
});
