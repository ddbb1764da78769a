import type { Block, PlanDocument } from "./document.js";

// Where the parts of an administrative document are: the header block, the kind heading ("KẾ
// HOẠCH") and title, the preamble ("Căn cứ …", "Thực hiện …"), the numbered sections (I., II., …),
// the closing ("Nơi nhận", the signature) and the footnotes.

export const DOCUMENT_KINDS = [
  "Kế hoạch hành động",
  "Kế hoạch",
  "Chương trình hành động",
  "Chương trình",
  "Hướng dẫn",
  "Chỉ thị",
  "Quyết định",
  "Thông báo",
  "Công văn",
  "Nghị quyết",
  "Đề án",
  "Phương án",
];

export interface Section {
  /** Index of the heading block. */
  index: number;
  /** Index past the section's last block. */
  end: number;
  title: string;
}

export interface Layout {
  /** Index of the kind heading, or -1. */
  headingIndex: number;
  kind: string | null;
  /** First block of the body (the first section), or the block after the title. */
  bodyStart: number;
  /** First block of the closing ("Nơi nhận", signature) or of the footnotes. */
  bodyEnd: number;
  sections: Section[];
}

const ROMAN_HEADING = /^(?:PHẦN\s+(?:THỨ\s+)?)?([IVX]{1,5})\s*[.:-]\s*(.+)$/u;

export function kindOfHeading(text: string): string | null {
  const clean = text.replace(/[*_#]/g, "").trim();
  if (clean !== clean.toLocaleUpperCase("vi")) return null;
  const lower = clean.toLocaleLowerCase("vi");
  const kind = DOCUMENT_KINDS.find((candidate) => lower === candidate.toLocaleLowerCase("vi"));
  return kind ?? null;
}

export function isRomanHeading(block: Block): RegExpExecArray | null {
  const match = ROMAN_HEADING.exec(block.text);
  if (!match?.[2]) return null;
  const title = match[2].replace(/[:.]$/, "");
  return title === title.toLocaleUpperCase("vi") && title.length < 200 ? match : null;
}

export function findLayout(document: PlanDocument): Layout {
  const { blocks } = document;
  const headingIndex = blocks.findIndex((block, index) => index < 40 && kindOfHeading(block.text) !== null);
  const kind = headingIndex >= 0 ? kindOfHeading(blocks[headingIndex]?.text ?? "") : null;
  let bodyEnd = blocks.findIndex(
    (block, index) =>
      index > headingIndex && (/^Nơi nhận\s*:?/i.test(block.text) || block.kind === "footnote"),
  );
  if (bodyEnd < 0) bodyEnd = blocks.length;
  const sections: Section[] = [];
  for (let index = Math.max(headingIndex + 1, 0); index < bodyEnd; index++) {
    const block = blocks[index];
    const match = block && isRomanHeading(block);
    if (match?.[2]) sections.push({ index, end: bodyEnd, title: match[2] });
  }
  sections.forEach((section, i) => {
    section.end = sections[i + 1]?.index ?? bodyEnd;
  });
  const bodyStart = sections[0]?.index ?? Math.min(headingIndex + 2, bodyEnd);
  return { headingIndex, kind, bodyStart, bodyEnd, sections };
}

/** Whether block `index` lies in a section whose heading matches `pattern`. */
export function isInSection(layout: Layout, index: number, pattern: RegExp): boolean {
  return layout.sections.some(
    (section) => index > section.index && index < section.end && pattern.test(section.title),
  );
}

/** A preamble clause that grounds the plan: "Căn cứ …", "Thực hiện …", "Triển khai …". */
export const BASIS_OPENING = /^(?:-\s*)?(?:Căn cứ|Thực hiện|Triển khai|Thi hành|Theo)(?=[\s,:]|$)/iu;
