import { type BlockKind, buildDocument, type PlanDocument } from "./document.js";

// A PDF with a text layer: its text items are placed by position, not in reading order. Lines are
// rebuilt from items on one baseline, left to right; a wide gap on a line splits it into columns (the
// header block's two columns, a signature table); a taller gap between lines ends a paragraph.

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Segment {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

/**
 * Undoes letter spacing ("S ố :   / K H"): when most tokens are single letters, single spaces are
 * inside words and the wider ones between them.
 */
export function joinLetterSpaced(text: string): string {
  const tokens = text.split(" ").filter(Boolean);
  if (tokens.length < 4 || tokens.filter((t) => [...t].length === 1).length < tokens.length * 0.6)
    return text;
  return text
    .split(/\s{2,}/)
    .map((word) => word.replace(/ /g, ""))
    .join(" ");
}

/** Groups a page's items into lines, then splits each line at wide gaps into segments. */
export function itemsToSegments(items: Item[]): Segment[][] {
  const sorted = items.filter((item) => item.text !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - item.y) <= Math.max(2, first.size * 0.3)) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const item of line) {
      const last = segments[segments.length - 1];
      const gap = last ? item.x - last.end : 0;
      if (!last || gap > item.size * 3) {
        segments.push({ text: item.text, x: item.x, end: item.x + item.width, y: item.y, size: item.size });
        continue;
      }
      const needsSpace = gap > item.size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.text);
      last.text += (needsSpace ? " " : "") + item.text;
      last.end = Math.max(last.end, item.x + item.width);
    }
    for (const segment of segments) segment.text = joinLetterSpaced(segment.text);
    return segments;
  });
}

/** Lays a page's segment lines out as blocks: full-width runs as paragraphs, side-by-side columns as cells. */
export function segmentsToBlocks(
  lines: Segment[][],
  pageWidth: number,
): { kind: BlockKind; lines: string[] }[] {
  const blocks: { kind: BlockKind; lines: string[] }[] = [];
  let paragraph: string[] = [];
  let columns: { x: number; lines: string[] }[] = [];
  let previous: Segment | undefined;
  const flushParagraph = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: /^\[\d+\]/.test(paragraph[0] ?? "") ? "footnote" : "paragraph", lines: paragraph });
    paragraph = [];
  };
  const flushColumns = () => {
    for (const column of columns.sort((a, b) => a.x - b.x))
      blocks.push({ kind: "cell", lines: column.lines });
    columns = [];
  };
  for (const line of lines) {
    const first = line[0];
    if (!first) continue;
    const isColumnar = line.length > 1 || (columns.length > 0 && first.x > pageWidth * 0.4);
    if (isColumnar) {
      flushParagraph();
      for (const segment of line) {
        const column = columns.find((c) => Math.abs(c.x - segment.x) < pageWidth * 0.25);
        if (column) column.lines.push(segment.text);
        else columns.push({ x: segment.x, lines: [segment.text] });
      }
      previous = first;
      continue;
    }
    flushColumns();
    const gap = previous ? previous.y - first.y : 0;
    if (previous && (gap > first.size * 1.8 || gap < 0)) flushParagraph();
    paragraph.push(first.text);
    previous = first;
  }
  flushParagraph();
  flushColumns();
  return blocks;
}

export async function readPdf(bytes: Uint8Array): Promise<PlanDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const raw: { kind: BlockKind; lines: string[] }[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const [a = 1, b = 0, , , x = 0, y = 0] = item.transform as number[];
      items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height || 10 });
    }
    raw.push(...segmentsToBlocks(itemsToSegments(items), page.view[2] ?? 595));
  }
  await pdf.destroy();
  return buildDocument(raw);
}
