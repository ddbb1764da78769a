import { foldDiacritics } from "@loa-phuong/shared";

// Names of bodies: printed in capitals in header blocks ("ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK"), written
// in normal case in the JSON, compared after folding and expanding abbreviations (SCHEMA.md, "Names").

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bTP\.?\s*HCM\b/g, "Thành phố Hồ Chí Minh"],
  [/\bUBMTTQ\s*VN\b|\bUBMTTQVN\b/g, "Ủy ban Mặt trận Tổ quốc Việt Nam"],
  [/\bUBMTTQ\b/g, "Ủy ban Mặt trận Tổ quốc"],
  [/\bMTTQ\s*VN\b|\bMTTQVN\b/g, "Mặt trận Tổ quốc Việt Nam"],
  [/\bMTTQ\b/g, "Mặt trận Tổ quốc"],
  [/\bUBND\b/g, "Ủy ban nhân dân"],
  [/HĐND/g, "Hội đồng nhân dân"],
  [/\bTHCS\b/g, "Trung học cơ sở"],
  [/\bTHPT\b/g, "Trung học phổ thông"],
  [/\bLHPN\b/g, "Liên hiệp Phụ nữ"],
  [/\bVH\s*-\s*XH\b/g, "Văn hóa - Xã hội"],
  [/\bTP\b\.?/g, "thành phố"],
];

export function expandAbbreviations(name: string): string {
  let text = name;
  for (const [pattern, expansion] of ABBREVIATIONS) text = text.replace(pattern, expansion);
  return text;
}

const PLACE_WORDS = ["tỉnh", "thành phố", "phường", "xã", "quận", "huyện", "thị xã", "thị trấn"];

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);
}

/**
 * A body's name from capitals to normal case: the first word, "Đảng" and a place's proper name
 * capitalised ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" → "Ủy ban nhân dân tỉnh Đắk Lắk"). Mixed case stays.
 */
export function toNormalCase(name: string): string {
  const text = expandAbbreviations(name.replace(/\s+/g, " ").trim());
  if (text !== text.toLocaleUpperCase("vi")) return text;
  const words = text.toLocaleLowerCase("vi").split(" ");
  let isProper = false;
  return words
    .map((word, index) => {
      const isPlace = PLACE_WORDS.includes(word) || PLACE_WORDS.includes(`${words[index - 1] ?? ""} ${word}`);
      const isPlaceStart = PLACE_WORDS.some(
        (place) => place.startsWith(`${word} `) && words[index + 1] === place.split(" ")[1],
      );
      const out =
        index === 0 || word === "đảng" || (isProper && !isPlace && !isPlaceStart) ? capitalise(word) : word;
      if (isPlace) isProper = true;
      return out;
    })
    .join(" ");
}

/** The scorer's name key: folded, abbreviations expanded, courtesy and filler words dropped. */
export function nameWords(name: string): string[] {
  const folded = foldDiacritics(expandAbbreviations(name).normalize("NFC"))
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\b(tren dia ban|dong chi|de nghi)\b/g, " ");
  return folded.split(/\s+/).filter((word) => word.length > 0 && !["cac", "va", "cua"].includes(word));
}

export function jaccard(a: string[], b: string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const word of setA) if (setB.has(word)) shared++;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 0 : shared / union;
}
