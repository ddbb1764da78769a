import { analyzeVietnamese } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { PhraseSet } from "./phrases.js";
import { StaffLessons } from "./staff-lessons.js";
import { ThemeMatcher } from "./themes.js";

const themes = [
  { id: "education", keywords: ["học phí", "trường học", "giáo viên", "sổ liên lạc điện tử"] },
  { id: "environment", keywords: ["rác", "bốc mùi", "môi trường"] },
  { id: "traffic", keywords: ["ngập", "ổ gà", "đèn đường"] },
];

describe("opinion themes", () => {
  it("finds several themes per text, at word boundaries, with or without diacritics", () => {
    const matcher = new ThemeMatcher(themes);
    expect(matcher.match("Học phí tăng mà trường học vẫn để rác bốc mùi!")).toEqual([
      "education",
      "environment",
    ]);
    expect(matcher.match("so lien lac dien tu khong dang nhap duoc, duong ngap")).toEqual([
      "education",
      "traffic",
    ]);
    // "rác" is not inside "rạch" or "trác", and a word typed with marks keeps them: "trưởng" is not "trường".
    expect(matcher.match("Con rạch sau nhà, ông tổ trưởng học rất giỏi")).toEqual([]);
    expect(matcher.match("Cảm ơn phường!")).toEqual([]);
    // A number in a keyword reads as any number: such a keyword is never found, rather than everywhere.
    expect(
      new ThemeMatcher([{ id: "day", keywords: ["20/11", "nhà giáo"] }]).match("Lớp 6 học 2 buổi"),
    ).toEqual([]);
  });

  it("reads a phrase at the end of a clause only where it is marked so", () => {
    const phrases = new PhraseSet(["không $", "bao giờ"]);
    expect(phrases.find(analyzeVietnamese("Mai có họp không?"))).toEqual([0]);
    expect(phrases.find(analyzeVietnamese("không ai dọn, bao gio xong"))).toEqual([1]);
  });

  it("learns a theme's typical words from staff labels: two of them find it, one is not enough", () => {
    const labelled = (text: string, ids: string[]) => ({ text: analyzeVietnamese(text), labels: ids });
    const lessons = new StaffLessons([
      labelled("Quỹ khuyến học của tổ năm nay trao cho các cháu học giỏi", ["education"]),
      labelled("quy khuyen hoc to 5 da trao thuong cho hoc sinh ngheo", ["education"]),
      labelled("Tổ 8 quyên góp quỹ khuyến học được 5 triệu", ["education"]),
      labelled("Mừng thọ các cụ trong tổ", []),
    ]);
    const matcher = new ThemeMatcher(themes, lessons);
    expect(new ThemeMatcher(themes).match("Quỹ khuyến học phường đã trao chưa ạ")).toEqual([]);
    expect(matcher.match("Quỹ khuyến học phường đã trao chưa ạ")).toEqual(["education"]);
    expect(matcher.match("Tổ mình trao quà Tết")).toEqual([]);
    // A text nearly the same as one staff labelled takes the staff's themes, none included.
    expect(matcher.match("Mừng thọ các cụ trong tổ 8")).toEqual([]);
  });

  it("forgets a theme that is no longer the ward's, even where staff had set it", () => {
    const lessons = new StaffLessons([{ text: analyzeVietnamese("Rác đầy ngõ 4"), labels: ["gone"] }]);
    expect(new ThemeMatcher(themes, lessons).match("rac day ngo 4")).toEqual([]);
  });
});
