import { dateAtStart } from "./dates.js";
import type { PlanDocument, Span } from "./document.js";
import { canonicalNumber, foldNumber, looseNumberKey, NUMBER_PATTERN } from "./document-number.js";
import { BASIS_OPENING, type Layout } from "./layout.js";

// Other documents the plan cites: "<kind> số <number>, ngày <date> của <issuer> về …", wherever they
// are (title, preamble, body, footnotes). One entry per document, from its first citation; "basis"
// when a preamble clause ("Căn cứ", "Thực hiện", "Triển khai") cites it.

export interface Directive {
  type: string;
  number: string;
  date: string | null;
  issuer: string | null;
  role: "basis" | "mentioned";
  span: Span;
}

export const CITED_KINDS = [
  "Thông báo kết luận",
  "Thông báo",
  "Kế hoạch liên tịch",
  "Kế hoạch hành động",
  "Kế hoạch",
  "Chỉ thị",
  "Quyết định",
  "Hướng dẫn",
  "Thông tư liên tịch",
  "Thông tư",
  "Nghị quyết liên tịch",
  "Nghị quyết",
  "Nghị định",
  "Thông tri",
  "Kết luận",
  "Chương trình hành động",
  "Chương trình phối hợp",
  "Chương trình",
  "Công văn",
  "Công điện",
  "Luật",
  "Pháp lệnh",
  "Đề án",
  "Quy định",
  "Quy chế",
  "Báo cáo",
  "Tờ trình",
  "Văn bản",
];

const CITATION = new RegExp(
  `(${CITED_KINDS.join("|")})\\s*(?:\\(\\s*[^)]{0,40}\\)\\s*)?((?:số\\s*:?\\s*)*)(${NUMBER_PATTERN})`,
  "giu",
);

function normalCaseKind(printed: string): string {
  const lower = printed.toLocaleLowerCase("vi").replace(/\s+/g, " ");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** The issuer after "của", up to where the citation's subject starts. */
function issuerAfter(text: string): string | null {
  const match = new RegExp(
    String.raw`^[\s,]*(?:của|do)\s+(.{2,90}?)(?=\s+(?:về|v\/v|quy định|hướng dẫn|ban hành|` +
      String.raw`phê duyệt|thực hiện|triển khai|tại|đã|đến|khóa|khoá)(?=\s|$)|[,;:(“"]|\.(?:\s|` +
      String.raw`$)|$)`,
    "iu",
  ).exec(text);
  return match?.[1]?.trim() ?? null;
}

export function extractDirectives(
  document: PlanDocument,
  layout: Layout,
  ownNumber: string | null,
): Directive[] {
  const byKey = new Map<string, Directive>();
  const ownKey = ownNumber ? looseNumberKey(ownNumber) : null;
  document.blocks.forEach((block, index) => {
    const isPreamble = index > layout.headingIndex && index < layout.bodyStart && block.kind !== "footnote";
    const isBasisClause = isPreamble && BASIS_OPENING.test(block.text);
    for (const match of block.text.matchAll(CITATION)) {
      const [all, kind = "", hasSo = "", printed = ""] = match;
      const number = canonicalNumber(printed);
      // Without "số", only a number with a symbol of capitals counts ("Hướng dẫn 7886/HD-BNV").
      if (!number || (!hasSo && !/[A-ZĐ]{2,}/u.test(number))) continue;
      const key = looseNumberKey(number);
      if (key === ownKey) continue;
      const at = match.index ?? 0;
      const after = block.text.slice(at + all.length);
      const found = dateAtStart(after);
      const existing = byKey.get(key);
      if (existing) {
        if (isBasisClause) existing.role = "basis";
        if (!existing.date && found && foldNumber(existing.number) === foldNumber(number))
          existing.date = found.iso;
        continue;
      }
      const issuerText = found ? after.slice(found.index + found.length) : after;
      byKey.set(key, {
        type: normalCaseKind(kind),
        number,
        date: found?.iso ?? null,
        issuer: issuerAfter(issuerText),
        role: isBasisClause ? "basis" : "mentioned",
        span: {
          start: block.start + at,
          end: block.start + at + all.length + (found ? found.index + found.length : 0),
        },
      });
    }
  });
  return [...byKey.values()];
}
