// Document numbers as SCHEMA.md's canonical form: "số số 46 - CT/TW" → "46-CT/TW", "75/KH- UBND" →
// "75/KH-UBND"; letters, case and leading zeros kept as printed.

const LETTER = "A-Za-zĐđÀ-ỹ";
const SEPARATOR = "[/\\-‐‑‒–—−]";

/**
 * A number as printed: digits, then segments joined by slashes or dashes (spaces allowed around
 * them), at least one segment holding a letter (so a date "16/5/2025" is not a number).
 */
export const NUMBER_PATTERN = `\\d[\\d${LETTER}]*(?:\\s*${SEPARATOR}\\s*[\\d${LETTER}]+)+`;

export function canonicalNumber(printed: string): string | null {
  const text = printed
    .normalize("NFC")
    .replace(/^(?:\s*số(?=[\s:\d])\s*:?)+/iu, "")
    .replace(/[\s\u00a0\u200b]+/g, "")
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/[.,;:)]+$/, "");
  const match = /^(\d*)[/-]/.exec(text);
  if (!text || (match && match[1] === "")) return null;
  if (!/\d/.test(text) || !new RegExp(`[${LETTER}]`).test(text)) return null;
  return text;
}

/** The scorer's fold: upper case, Đ → D, no diacritics, leading zeros of the first number dropped. */
export function foldNumber(number: string): string {
  return number
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/^0+(?=\d)/, "");
}

/** A looser key: separators and doubled letters dropped, so a misprint "27/CTTg" meets "27/CT-TTg". */
export function looseNumberKey(number: string): string {
  return foldNumber(number)
    .replace(/[^0-9A-Z]/g, "")
    .replace(/([A-Z])\1+/g, "$1");
}
