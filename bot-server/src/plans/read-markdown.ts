import { type BlockKind, buildDocument, type PlanDocument } from "./document.js";

// Markdown and plain text: paragraphs are separated by blank lines (their wrapped lines joined);
// between lines holding only "|" (the layout tables of exported legal pages) each stretch is a cell,
// and "| a | b |" rows are split into cells. Emphasis and heading marks are dropped.

/** Drops markdown marks a reader does not see: heading hashes, bold and italic stars, escapes. */
export function stripMarks(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\*+/g, "")
    .replace(/(^|\s)_+|_+(\s|$)/g, "$1$2")
    .replace(/\\([\\*_[\]()#.-])/g, "$1");
}

export function readMarkdown(source: string): PlanDocument {
  const raw: { kind: BlockKind; lines: string[] }[] = [];
  let lines: string[] = [];
  let kind: BlockKind = "paragraph";
  let isInTable = false;
  const flush = () => {
    if (lines.length > 0) raw.push({ kind, lines });
    lines = [];
  };
  for (const sourceLine of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = sourceLine.trim();
    if (line === "|") {
      flush();
      isInTable = true;
      kind = "cell";
      continue;
    }
    if (/^\|.*\|$/.test(line) && line.length > 2) {
      flush();
      if (/^\|[\s:|-]+\|$/.test(line)) continue;
      for (const cell of line.slice(1, -1).split("|")) raw.push({ kind: "cell", lines: [stripMarks(cell)] });
      continue;
    }
    if (line === "") {
      flush();
      if (isInTable) {
        isInTable = false;
        kind = "paragraph";
      }
      continue;
    }
    if (lines.length === 0 && !isInTable) kind = /^\[\d+\]/.test(line) ? "footnote" : "paragraph";
    const clean = stripMarks(line);
    if (clean.trim() !== "") lines.push(clean);
  }
  flush();
  return buildDocument(raw);
}
