/** Removes Vietnamese diacritics (đ → d included), for search that works typed with or without accents. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Lower-case, NFC, single spaces: the form stored beside a signal's raw text. */
export function normalizeVietnamese(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** A search key: normalised and without diacritics. */
export function searchKey(text: string): string {
  return stripDiacritics(normalizeVietnamese(text));
}
