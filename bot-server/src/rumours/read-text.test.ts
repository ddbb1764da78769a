import { describe, expect, it } from "vitest";
import { readText } from "./read-text.js";

const words = (text: string) => readText(text).words.map((w) => w.word);

describe("reading a message", () => {
  it("writes out the ward's abbreviations and chat spellings", () => {
    expect(words("p thu tiền vệ sinh")).toEqual(["phường", "thu", "tiền", "vệ", "sinh"]);
    expect(words("gv bảo đóng fí đồng phục")).toEqual(["giáo", "viên", "bảo", "đóng", "phí", "đồng", "phục"]);
    expect(words("cccd")).toEqual(["căn", "cước", "công", "dân"]);
  });

  it("reads 'ck' as a bank transfer before an amount, and as a husband otherwise", () => {
    expect(words("ck 200k")).toEqual(["chuyển", "khoản", "vnd200000"]);
    expect(words("ck e bảo")).toEqual(["chồng", "e", "bảo"]);
  });

  it("names school levels and grades one way", () => {
    expect(words("cấp 2 trường công")).toEqual(["thcs", "trường", "công", "lập"]);
    expect(words("thi vào 10")).toEqual(["thi", "vào", "lớp", "num10"]);
  });

  it("keeps the letters without marks beside the word, and whether it had marks", () => {
    const [word] = readText("Học").words;
    expect(word).toMatchObject({ word: "học", folded: "hoc", isMarked: true });
    expect(readText("hoc").words[0]).toMatchObject({ word: "hoc", folded: "hoc", isMarked: false });
  });

  it("splits sentences and clauses, and notes which sentences ask", () => {
    const read = readText("Hộ khẩu hết giá trị, phải nộp lại. Có đúng không ạ?\nCảm ơn");
    expect(read.sentenceEndsWithQuestion).toEqual([false, true, false]);
    const [first, second] = [read.words[0]!, read.words[5]!];
    expect(first.sentence).toBe(second.sentence);
    expect(first.clause).not.toBe(second.clause);
  });
});
