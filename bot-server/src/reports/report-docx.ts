import { formatCount } from "@loa-phuong/shared";
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { FigureTable, ReportBlock, ReportContent, ReportSection } from "./report-content.js";
import { numberLine, placeDateLine } from "./report-text.js";

/**
 * The layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top and bottom 20 mm, left 30 mm,
 * right 15 mm; Times New Roman; sizes in half-points (docx's unit).
 */
export const REPORT_PAGE = {
  widthTwip: 11906,
  heightTwip: 16838,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
} as const;
export const REPORT_FONT = "Times New Roman";
const SIZE = {
  body: 28,
  table: 26,
  headerBlock: 26,
  motto: 28,
  recipientsTitle: 24,
  recipients: 22,
  pageNumber: 28,
} as const;

const textWidth =
  REPORT_PAGE.widthTwip -
  convertMillimetersToTwip(REPORT_PAGE.marginLeftMm) -
  convertMillimetersToTwip(REPORT_PAGE.marginRightMm);
/** The header block's and the closing block's left column; the right column takes the rest. */
const leftColumn = Math.round(textWidth * 0.4);
const rightColumn = textWidth - leftColumn;
const FIRST_LINE_INDENT = convertMillimetersToTwip(12.7);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: REPORT_FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italics,
  });

const centred = (text: string, style: RunStyle = {}, spacingAfter = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: [run(text, style)],
  });

/** A short solid rule under a centred line, `length` twips long (the issuer's and the motto's). */
const rule = (columnWidth: number, length: number) => {
  const side = Math.max(0, Math.round((columnWidth - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 60, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 2 })],
  });
};

const borderlessCell = (width: number, children: Paragraph[]) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    verticalAlign: VerticalAlign.TOP,
    children,
  });

const borderlessTable = (rows: Paragraph[][][]) =>
  new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftColumn, rightColumn],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left = [], right = []]) =>
        new TableRow({ children: [borderlessCell(leftColumn, left), borderlessCell(rightColumn, right)] }),
    ),
  });

/** Quốc hiệu, tiêu ngữ, the issuing body, số/ký hiệu, place and date: the header block of Phụ lục I. */
function headerBlock(content: ReportContent): Table {
  const issuer = [
    ...(content.issuer.parentBody ? [centred(content.issuer.parentBody.toUpperCase(), { size: 26 })] : []),
    ...content.issuer.name.map((line) => centred(line.toUpperCase(), { bold: true, size: SIZE.headerBlock })),
    rule(leftColumn, Math.round(leftColumn / 3)),
  ];
  const motto = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.headerBlock }),
    centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.motto }),
    // As long as the motto: about 27 characters of 14 pt bold.
    rule(rightColumn, 3700),
  ];
  return borderlessTable([
    [issuer, motto],
    [
      [centred(numberLine(content.number, content.symbol), { size: SIZE.headerBlock })],
      [centred(placeDateLine(content.place, content.date), { italics: true, size: SIZE.body })],
    ],
  ]);
}

const bodyParagraph = (text: string, style: RunStyle = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: 120, line: 288 },
    children: [run(text, style)],
  });

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function figureTable(table: FigureTable): (Paragraph | Table)[] {
  const first = Math.round(textWidth * 0.4);
  const rest = table.columns.length > 1 ? Math.floor((textWidth - first) / (table.columns.length - 1)) : 0;
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
  const cell = (value: string | number, i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? rest, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [
            run(typeof value === "number" ? formatCount(value) : value, { bold: isHeader, size: SIZE.table }),
          ],
        }),
      ],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      keepNext: true,
      children: [run(table.caption, { bold: true, italics: true, size: SIZE.table })],
    }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c, i, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((v, i) => cell(v, i, false)) })),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [run("", { size: SIZE.table })] }),
  ];
}

const blockParts = (block: ReportBlock) =>
  block.kind === "paragraph" ? [bodyParagraph(block.text)] : figureTable(block.table);

function sectionParts(section: ReportSection, label: string, depth: number): (Paragraph | Table)[] {
  const heading = depth === 0 ? section.heading.toUpperCase() : section.heading;
  return [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE_INDENT },
      spacing: { before: 120, after: 120 },
      keepNext: true,
      children: [run(`${label}. ${heading}`, { bold: true })],
    }),
    ...section.blocks.flatMap(blockParts),
    // Under "I." the parts are "1.", "2."; under "1." they are "1.1.", "1.2.".
    ...(section.subsections ?? []).flatMap((sub, i) =>
      sectionParts(sub, depth === 0 ? String(i + 1) : `${label}.${i + 1}`, depth + 1),
    ),
  ];
}

/** Nơi nhận on the left, the signature block on the right: the last table of the document. */
function closingBlock(content: ReportContent): Table {
  const recipients = [
    new Paragraph({
      children: [run("Nơi nhận:", { bold: true, italics: true, size: SIZE.recipientsTitle })],
    }),
    ...content.recipients.map(
      (line, i) =>
        new Paragraph({
          children: [
            run(`- ${line}${i === content.recipients.length - 1 ? "." : ";"}`, { size: SIZE.recipients }),
          ],
        }),
    ),
  ];
  const { signer } = content;
  const authority = [signer.onBehalfOf, signer.deputyFor, signer.title].filter((l): l is string => !!l);
  const space = Array.from({ length: 4 }, () => centred(""));
  const signature = [
    ...authority.map((line) => centred(line.toUpperCase(), { bold: true })),
    ...space,
    signer.name ? centred(signer.name, { bold: true }) : centred("……………………………"),
  ];
  return borderlessTable([[recipients, signature]]);
}

/**
 * The report as a .docx in the format of Nghị định 30/2020/NĐ-CP: the header block, "BÁO CÁO" and its
 * subject, numbered sections with figure tables, then "Nơi nhận" and the signature block. Page numbers
 * from the second page, centred at the top.
 */
export async function buildReportDocx(report: ReportContent): Promise<Buffer> {
  const body = report.sections.flatMap((section, i) => sectionParts(section, ROMAN[i] ?? String(i + 1), 0));
  const document = new Document({
    creator: report.issuer.name.join(" "),
    title: `Báo cáo: ${report.subject}`,
    styles: { default: { document: { run: { font: REPORT_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: REPORT_PAGE.widthTwip, height: REPORT_PAGE.heightTwip },
            margin: {
              top: convertMillimetersToTwip(REPORT_PAGE.marginTopMm),
              bottom: convertMillimetersToTwip(REPORT_PAGE.marginBottomMm),
              left: convertMillimetersToTwip(REPORT_PAGE.marginLeftMm),
              right: convertMillimetersToTwip(REPORT_PAGE.marginRightMm),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: REPORT_FONT, size: SIZE.pageNumber }),
                ],
              }),
            ],
          }),
        },
        children: [
          headerBlock(report),
          centred("BÁO CÁO", { bold: true }, 0),
          centred(report.subject, { bold: true }, 0),
          rule(textWidth, 1800),
          ...report.opening.map((text) => bodyParagraph(text)),
          ...body,
          ...report.closing.map((text) => bodyParagraph(text)),
          closingBlock(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
