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

/** A count as Vietnamese readers write it: 2.000, 12.345. */
export function formatCount(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * A phone number as Vietnamese readers expect it: `0910 000 001` for a mobile, `024 3825 1234` for a
 * landline, from the stored `84…` (or `+84…`, `0…`) form. Anything else is shown as it is.
 */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, "").replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return phone;
  const national = digits.startsWith("84") ? `0${digits.slice(2)}` : digits;
  if (/^0[35789]\d{8}$/.test(national))
    return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (/^02\d{9}$/.test(national))
    return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return phone;
}
