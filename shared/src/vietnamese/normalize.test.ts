import { describe, expect, it } from "vitest";
import { foldDiacritics } from "./fold.js";
import { analyzeVietnamese, collapseRepeatedLetters, isMaskToken } from "./normalize.js";

const normalized = (text: string) => analyzeVietnamese(text).normalized;
const folded = (text: string) => analyzeVietnamese(text).folded;

describe("reading a message for the opinion models", () => {
  it("writes out teen code and chat abbreviations", () => {
    expect(normalized("Ko đc j đâu mn ơi")).toBe("không được gì đâu mọi người ơi");
    expect(normalized("k bít, hok dc, khg sao")).toBe("không bít , không được , không sao");
    expect(normalized("ae vs ng ta cx oke r")).toBe("anh em với người ta cũng ok rồi");
  });

  it("leaves a unit after a number as a unit, not a word", () => {
    expect(normalized("giá 50 k thôi, k mua")).toBe("giá <num> k thôi , không mua");
  });

  it("folds diacritics beside the original, đ included, one token for one", () => {
    const text = analyzeVietnamese("Đường phố ĐẸP quá");
    expect(text.tokens).toEqual(["đường", "phố", "đẹp", "quá"]);
    expect(text.foldedTokens).toEqual(["duong", "pho", "dep", "qua"]);
    expect(text.folded).toBe("duong pho dep qua");
    expect(text.original).toBe("Đường phố ĐẸP quá");
    expect(text.hasDiacritics).toBe(true);
    expect(foldDiacritics("Thủy ỷ ữ ạ Ạ")).toBe("Thuy y u a A");
  });

  it("reads text typed without diacritics as the folded form of the same text", () => {
    const typed = analyzeVietnamese("thay day rat hay ko a");
    expect(typed.hasDiacritics).toBe(false);
    expect(typed.folded).toBe(folded("Thầy dạy rất hay không ạ"));
  });

  it("gives emoticons, emoji and the corpus's emoticon words one token per feeling", () => {
    expect(normalized("hay quá :) :( <3")).toBe("hay quá <emo_pos> <emo_neg> <emo_pos>");
    expect(normalized("😡 ghét 👍")).toBe("<emo_neg> ghét <emo_pos>");
    expect(normalized("=)) :))) 😂😂😂 :v")).toBe("<emo_laugh>");
    expect(normalized("thầy vui tính colonsmile")).toBe(normalized("thầy vui tính :)"));
    expect(normalized("buồn colonsad")).toBe("buồn <emo_neg>");
    expect(normalized("🤦‍♀️ 🦖")).toBe("<emo_neg> <emo>");
  });

  it("does not read an emoticon into a time or a link", () => {
    expect(normalized("họp lúc 10:30 nhé")).toBe("họp lúc <num> nhé");
    expect(normalized("xem http://phuong.vn/a:b")).toBe("xem <url>");
  });

  it("masks links, e-mails and Vietnamese phone numbers in their usual forms", () => {
    expect(normalized("Xem https://hongbang.gov.vn/tin?id=1 và www.zalo.me")).toBe("xem <url> và <url>");
    expect(normalized("trang phuong-hongbang.vn/thong-bao")).toBe("trang <url>");
    expect(normalized("gửi a.b@gmail.com")).toBe("gửi <email>");
    for (const phone of ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678"])
      expect(normalized(`gọi ${phone} nhé`)).toBe("gọi <phone> nhé");
    expect(normalized("bàn 024 3825 1234")).toBe("bàn <phone>");
    expect(normalized("có 2.000 người, mã 12345")).toBe("có <num> người , mã <num>");
    expect(isMaskToken("<phone>")).toBe(true);
    expect(isMaskToken("<")).toBe(false);
  });

  it("collapses letters repeated three times or more, whatever their marks", () => {
    expect(normalized("quáaaa điiii nhaaaa")).toBe("quá đi nha");
    expect(normalized("koooo đcccc")).toBe("không được");
    // Two of a letter can be spelling (xoong), so they stay; laughter keeps a short form of itself.
    expect(collapseRepeatedLetters("xoong")).toBe("xoong");
    expect(collapseRepeatedLetters("kkkkkk")).toBe("kkk");
    expect(collapseRepeatedLetters("hahahaha")).toBe("haha");
    expect(normalized("đẹp!!!!! thật???")).toBe("đẹp ! thật ?");
  });

  it("gives NFC and NFD input the same result, and old-style tone marks the new place", () => {
    const nfc = "Thầy dạy nhiệt tình, khỏe, hòa đồng".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(analyzeVietnamese(nfd).tokens).toEqual(analyzeVietnamese(nfc).tokens);
    expect(normalized("khoẻ, hoà, thuỷ, tuỳ, quý")).toBe("khỏe , hòa , thủy , tùy , quý");
  });

  it("drops invisible characters that split words", () => {
    expect(normalized("đ\u00adm\u200b và\ufeff")).toBe("đm và");
  });

  it("reads the corpus's tokenised form and raw text alike", () => {
    expect(normalized("giảng viên dạy hay , nhiệt tình .")).toBe(
      normalized("Giảng viên dạy hay, nhiệt tình."),
    );
  });
});
