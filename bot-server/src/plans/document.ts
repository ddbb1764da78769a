// The one representation every reader produces: blocks (paragraphs, table cells, footnotes) in reading
// order, each with its lines, and one text they are laid out in, so an extracted value can point back
// at the span of text it came from (the import screen highlights it there).

export type BlockKind = "paragraph" | "cell" | "footnote";

export interface Block {
  kind: BlockKind;
  /** The block's lines with whitespace collapsed (a header cell keeps "ỦY BAN NHÂN DÂN" / "TỈNH …"). */
  lines: string[];
  /** The lines joined by one space: what the rules read. */
  text: string;
  /** Where `text` starts in `PlanDocument.text`. */
  start: number;
}

export interface PlanDocument {
  blocks: Block[];
  /** The blocks' texts, one per line: the text staff see beside the extracted values. */
  text: string;
}

/** A stretch of `PlanDocument.text` a value came from: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Collapses whitespace (including no-break and zero-width spaces) to one space, NFC. */
export function collapseSpace(text: string): string {
  return (
    text
      .normalize("NFC")
      // Some PDF fonts put a NUL before each character of the text layer.
      .replaceAll(String.fromCharCode(0), "")
      .replace(/[\s\u00a0\u200b\u2007\u202f\ufeff]+/g, " ")
      .trim()
  );
}

/** Builds the document from raw blocks: lines cleaned, empty ones dropped, offsets assigned. */
export function buildDocument(raw: { kind: BlockKind; lines: string[] }[]): PlanDocument {
  const blocks: Block[] = [];
  let offset = 0;
  for (const { kind, lines } of raw) {
    const clean = lines.map(collapseSpace).filter((line) => line.length > 0 && !/^[-_=.*–—]{3,}$/.test(line));
    if (clean.length === 0) continue;
    const text = clean.join(" ");
    blocks.push({ kind, lines: clean, text, start: offset });
    offset += text.length + 1;
  }
  return { blocks, text: blocks.map((block) => block.text).join("\n") };
}
