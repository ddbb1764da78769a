import { findDates } from "./dates.js";
import type { Block, PlanDocument, Span } from "./document.js";
import { canonicalNumber } from "./document-number.js";
import type { Layout } from "./layout.js";
import { toNormalCase } from "./names.js";

// The header block: the issuing body (top left, a parent body above it), "Số: …", the place-and-date
// line; then the kind heading and the title lines under it.

export interface PlanHeader {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  spans: Record<string, Span>;
}

const MOTTO = /CỘNG HÒA|CỘNG HOÀ|Độc lập\s*-\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM/iu;
const BODY_OPENING = new RegExp(
  String.raw`^(ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|BAN|SỞ|PHÒNG|BỘ|TỈNH ỦY|` +
    String.raw`TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|QUẬN ỦY|MẶT TRẬN|ỦY BAN MẶT TRẬN|CHI BỘ|ĐOÀN|` +
    String.raw`HỘI|TRƯỜNG|CÔNG AN|VĂN PHÒNG|TRUNG TÂM|CỤC|TỔNG CỤC|CHÍNH PHỦ|THỦ TƯỚNG|BCH|` +
    String.raw`BAN CHẤP HÀNH)(?=[\s,:]|$)`,
  "u",
);
const PLACE_DATE = /([^,;]{2,40}?),?\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu;

function isSeparator(line: string) {
  return /^[-–—_=.*\s]+$/.test(line);
}

/** The issuing body from the header's issuer lines: the lowest body named, its place lines joined. */
export function issuerFromLines(lines: string[]): string | null {
  const bodies: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !isSeparator(l))) {
    if (BODY_OPENING.test(line.toLocaleUpperCase("vi")) || bodies.length === 0) bodies.push(line);
    else bodies[bodies.length - 1] += ` ${line}`;
  }
  const last = bodies[bodies.length - 1];
  return last ? toNormalCase(last) : null;
}

function findTitle(blocks: Block[], layout: Layout): { text: string; span: Span } | null {
  const parts: Block[] = [];
  for (
    let index = layout.headingIndex + 1;
    index < Math.min(layout.headingIndex + 5, blocks.length);
    index++
  ) {
    const block = blocks[index];
    if (!block || index >= layout.bodyStart) break;
    if (
      /^(Căn cứ|Thực hiện|Triển khai|Để|Nhằm|Trên cơ sở|Sau|Ngày|Qua|Theo)\b/iu.test(block.text) &&
      parts.length > 0
    )
      break;
    if (/^[-–—_*\s]+$/.test(block.text)) continue;
    const isUpper = block.text === block.text.toLocaleUpperCase("vi");
    if (parts.length > 0 && !isUpper) break;
    parts.push(block);
    if (!isUpper) break;
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) return null;
  return {
    text: parts
      .map((part) => part.text)
      .join(" ")
      .replace(/^V\/v\s*:?\s*/i, ""),
    span: { start: first.start, end: last.start + last.text.length },
  };
}

/** Who issued a plan without a header block: the signature's "TM. …" body, its level, the date's place. */
function issuerFromSignature(document: PlanDocument, place: string | null): string | null {
  const signature =
    /\b(?:TM|T\/M|KT)\.?\s+([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]{4,60}?)(?=\s+(?:KT\.|CHỦ TỊCH|PHÓ|BÍ THƯ|TRƯỞNG|GIÁM ĐỐC)|$)/u;
  for (const block of [...document.blocks].reverse()) {
    const match = signature.exec(block.text);
    if (!match?.[1]) continue;
    const body = toNormalCase(match[1].trim());
    const levels = new Map<string, number>();
    const pattern = new RegExp(`${body}\\s+(phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)`, "giu");
    for (const found of document.text.matchAll(pattern)) {
      const level = found[1]?.toLocaleLowerCase("vi") ?? "";
      levels.set(level, (levels.get(level) ?? 0) + 1);
    }
    const level = [...levels].sort((a, b) => b[1] - a[1])[0]?.[0];
    return [body, level, place].filter(Boolean).join(" ");
  }
  return null;
}

export function extractHeader(document: PlanDocument, layout: Layout): PlanHeader {
  const spans: Record<string, Span> = {};
  const headerBlocks = document.blocks.slice(0, layout.headingIndex >= 0 ? layout.headingIndex : 8);
  let number: string | null = null;
  let date: string | null = null;
  let place: string | null = null;
  let issuer: string | null = null;
  for (const block of headerBlocks) {
    const numberMatch = /\bSố\s*:?\s*(\S*(?:\s*[/‐–—-]\s*[^\s,]+)*)/u.exec(block.text);
    if (numberMatch?.[1] !== undefined && !spans.number && /[/‐–—-]/.test(numberMatch[1])) {
      number = canonicalNumber(numberMatch[1]);
      const start = block.start + numberMatch.index;
      spans.number = { start, end: start + numberMatch[0].length };
    }
    const dateMatch = PLACE_DATE.exec(block.text);
    if (dateMatch && !spans.date) {
      const [, where = "", day, month, year] = dateMatch;
      const found = findDates(`ngày ${day} tháng ${month} năm ${year}`)[0];
      date = found?.iso ?? null;
      place =
        where
          .replace(/^.*\b(?:Số|KH-\S+)\s*/u, "")
          .replace(/^[^A-Za-zĐÀ-ỹ]+/u, "")
          .trim() || null;
      spans.date = {
        start: block.start + dateMatch.index,
        end: block.start + dateMatch.index + dateMatch[0].length,
      };
    }
  }
  const issuerBlock = headerBlocks.find(
    (block) =>
      !MOTTO.test(block.text) &&
      !/\bSố\s*:/u.test(block.text) &&
      !PLACE_DATE.test(block.text) &&
      BODY_OPENING.test(block.text.toLocaleUpperCase("vi")),
  );
  if (issuerBlock) {
    const lines = issuerBlock.lines.flatMap((line) => line.split(/\s*(?=CỘNG HÒA|CỘNG HOÀ)/u).slice(0, 1));
    issuer = issuerFromLines(lines);
    spans.issuer = { start: issuerBlock.start, end: issuerBlock.start + issuerBlock.text.length };
  }
  if (!issuer) issuer = issuerFromSignature(document, place);
  const title = layout.headingIndex >= 0 ? findTitle(document.blocks, layout) : null;
  if (title) spans.title = title.span;
  const heading = document.blocks[layout.headingIndex];
  if (heading) spans.type = { start: heading.start, end: heading.start + heading.text.length };
  return { type: layout.kind, number, date, issuer, title: title?.text ?? null, spans };
}
