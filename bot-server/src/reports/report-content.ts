/**
 * What a report upward (báo cáo) says, before it is laid out: the builder (`report-docx.ts`) turns it
 * into a .docx in the format of Nghị định 30/2020/NĐ-CP, and staff may edit it before it is finalised.
 * Every text is Vietnamese as it will be printed; figures stay numbers until they are laid out.
 */

/** The period a report covers: [from, to), instants; `to` is the first instant after the period. */
export interface ReportPeriod {
  /** Định kỳ tuần, tháng, or the end of the campaign (tổng kết). */
  kind: "weekly" | "monthly" | "final";
  from: Date;
  to: Date;
}

/** Cơ quan ban hành: the block at the top left. */
export interface ReportIssuer {
  /**
   * Tên cơ quan, tổ chức chủ quản trực tiếp (upper case, not bold), when the issuing body has one. A
   * UBND phường has none: its name is written in two bold lines ("ỦY BAN NHÂN DÂN" / "PHƯỜNG …").
   */
  parentBody?: string;
  /** The issuing body's name, one entry a line; printed bold in capitals with a short rule under it. */
  name: string[];
}

/** A table of figures: the same rows go into the document and into the CSV. */
export interface FigureTable {
  /** A stable key for the CSV, e.g. "posts_by_kind". */
  id: string;
  /** The caption printed above the table, e.g. "Bảng 1. Tin bài đã phát hành theo loại". */
  caption: string;
  columns: string[];
  /** Numbers are printed as Vietnamese write them (2.000) and kept as numbers in the CSV. */
  rows: (string | number)[][];
}

/** A paragraph of body text, or a table of figures, in the order they are printed. */
export type ReportBlock = { kind: "paragraph"; text: string } | { kind: "table"; table: FigureTable };

/**
 * A numbered part of the report. Top-level sections are numbered I., II., …; their subsections 1., 2., …
 * by the builder, so headings carry no number of their own.
 */
export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
  subsections?: ReportSection[];
}

/** Thẩm quyền ký: who signs, on the right of the last block. */
export interface ReportSigner {
  /** "TM. ỦY BAN NHÂN DÂN" when signed on behalf of the collective body. */
  onBehalfOf?: string;
  /** "KT. CHỦ TỊCH" when a deputy signs for the chairman. */
  deputyFor?: string;
  /** The signer's title, e.g. "PHÓ CHỦ TỊCH". */
  title: string;
  /** The signer's full name; absent, a dotted line is left to fill by hand. Never invented. */
  name?: string;
}

export interface ReportContent {
  issuer: ReportIssuer;
  /** Số của văn bản, given when it is registered; absent, the number is left blank ("Số:   /BC-UBND"). */
  number?: string;
  /** Ký hiệu: "BC-UBND". */
  symbol: string;
  /** Địa danh, e.g. "Hồng Bàng". */
  place: string;
  /** The date of issue (ward time). */
  date: Date;
  period: ReportPeriod;
  /** Trích yếu: printed centred and bold under "BÁO CÁO". */
  subject: string;
  /** Paragraphs before the first section ("Thực hiện Kế hoạch số …, UBND phường báo cáo như sau:"). */
  opening: string[];
  sections: ReportSection[];
  /** Paragraphs after the last section ("Trên đây là báo cáo …./."). */
  closing: string[];
  /** Nơi nhận, one line each, without the trailing ";" (the builder adds it, and "." to the last). */
  recipients: string[];
  signer: ReportSigner;
}

/** Every table of the report, in the order printed. */
export function figureTablesOf(content: ReportContent): FigureTable[] {
  const tablesOf = (section: ReportSection): FigureTable[] => [
    ...section.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])),
    ...(section.subsections ?? []).flatMap(tablesOf),
  ];
  return content.sections.flatMap(tablesOf);
}
