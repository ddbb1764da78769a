// What residents abbreviate and the shared teen-code table (`shared/src/vietnamese/teen-code.ts`) does
// not write out yet: ward and school words ("p" = phường, "gv" = giáo viên, "sgk", "cccd", "bhyt"), and
// the few ways of naming one thing that differ in every word ("cấp 2" and THCS, "chứng minh
// thư" and CMND). Keys are lower case and folded (written without diacritics), so "đc" and "dc" are one entry.

/** One written form → its words. Entries here should move to the shared table once it has them. */
export const RUMOUR_ABBREVIATIONS: Readonly<Record<string, string>> = {
  // the ward and its offices
  p: "phường",
  tp: "thành phố",
  ubnd: "ủy ban nhân dân",
  tdp: "tổ dân phố",
  hdnd: "hội đồng nhân dân",
  dbqh: "đại biểu quốc hội",
  // people
  gv: "giáo viên",
  gvcn: "giáo viên chủ nhiệm",
  ph: "phụ huynh",
  phhs: "phụ huynh học sinh",
  hs: "học sinh",
  vk: "vợ",
  cty: "công ty",
  // school and papers
  hc: "học",
  hb: "học bổng",
  sgk: "sách giáo khoa",
  cmnd: "chứng minh nhân dân",
  cmt: "chứng minh nhân dân",
  bhyt: "bảo hiểm y tế",
  bhxh: "bảo hiểm xã hội",
  tk: "tài khoản",
  dky: "đăng ký",
  dki: "đăng ký",
  // chat spellings
  bit: "biết",
  mun: "muốn",
};

/**
 * "ck" is "chồng" (husband) in chat, and "chuyển khoản" (bank transfer) before an amount or "tiền":
 * read from the word after it.
 */
export function readCk(next: string | undefined): string {
  if (next === undefined) return "chồng";
  return /^(?:vnd\d+|num\d+|tien|qua|truoc|phi)$/.test(next) ? "chuyển khoản" : "chồng";
}

/**
 * Several words written one way and meaning the same as another, matched over folded text, word-whole.
 * Each is a general equivalence of the ward's vocabulary, not a claim's wording.
 */
export const RUMOUR_PHRASES: readonly (readonly [pattern: RegExp, words: string])[] = [
  // school levels: "cấp 2", "cấp II", "trung học cơ sở" are THCS
  [/\bcap (?:num1|i|mot)\b/g, "tiểu học"],
  [/\bcap (?:num2|ii|hai)\b/g, "thcs"],
  [/\bcap (?:num3|iii|ba)\b/g, "thpt"],
  [/\btrung hoc co so\b/g, "thcs"],
  [/\btrung hoc pho thong\b|\bptth\b/g, "thpt"],
  // "thi vào 10", "lên 10": the grade-10 entrance
  [/\b(?:vao|len) (?:lop )?num10\b/g, "vào lớp num10"],
  // "trường công" is a public school
  [/\btruong cong\b(?! lap)/g, "trường công lập"],
  // papers called by more than one name ("cccd" here: the analyser would read its "ccc" as a letter said thrice)
  [/\bcccd\b/g, "căn cước công dân"],
  [/\bchung minh thu\b|\bchung minh nhan dan\b/g, "cmnd"],
];
