import type { ChildNode, Element } from "domhandler";
import { unzipSync } from "fflate";
import { parseDocument } from "htmlparser2";
import { type BlockKind, buildDocument, type PlanDocument } from "./document.js";

// A .docx is a zip of WordprocessingML parts: the body (word/document.xml) in reading order —
// paragraphs, and tables whose cells hold paragraphs — and the footnotes (word/footnotes.xml), kept
// apart as footnote blocks at the end, as a reader of the printed page meets them.

type RawBlock = { kind: BlockKind; lines: string[] };

function isElement(node: ChildNode): node is Element {
  return node.type === "tag";
}

function children(node: Element, name: string): Element[] {
  return node.children.filter((child): child is Element => isElement(child) && child.name === name);
}

/** A paragraph's lines: its runs' text in order, a manual line break (w:br, w:cr) starting a line. */
function paragraphLines(paragraph: Element): string[] {
  const lines = [""];
  const walk = (node: ChildNode) => {
    if (node.type === "text") return;
    if (!isElement(node)) return;
    switch (node.name) {
      case "w:t":
        for (const child of node.children) if (child.type === "text") lines[lines.length - 1] += child.data;
        return;
      case "w:tab":
        lines[lines.length - 1] += " ";
        return;
      case "w:br":
      case "w:cr":
        lines.push("");
        return;
      case "w:footnotereference":
        lines[lines.length - 1] += `[${node.attribs["w:id"] ?? ""}]`;
        return;
      case "w:instrtext":
      case "w:delText":
      case "w:deltext":
        return;
    }
    for (const child of node.children) walk(child);
  };
  walk(paragraph);
  return lines;
}

function readTable(table: Element, out: RawBlock[]) {
  for (const row of children(table, "w:tr"))
    for (const cell of children(row, "w:tc")) {
      out.push({ kind: "cell", lines: children(cell, "w:p").flatMap(paragraphLines) });
      // A table nested in a cell is read after the cell's own paragraphs.
      for (const nested of children(cell, "w:tbl")) readTable(nested, out);
    }
}

function readBody(container: Element, out: RawBlock[]) {
  for (const node of container.children) {
    if (!isElement(node)) continue;
    if (node.name === "w:p") out.push({ kind: "paragraph", lines: paragraphLines(node) });
    else if (node.name === "w:tbl") readTable(node, out);
    else if (node.name === "w:sdt" || node.name === "w:sdtcontent" || node.name === "w:customxml")
      readBody(node, out);
  }
}

function xmlRoot(xml: string, name: string): Element | undefined {
  const document = parseDocument(xml, { xmlMode: true, lowerCaseTags: true });
  const find = (nodes: ChildNode[]): Element | undefined => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === name) return node;
      const found = find(node.children);
      if (found) return found;
    }
    return undefined;
  };
  return find(document.children);
}

export function readDocx(bytes: Uint8Array): PlanDocument {
  const files = unzipSync(bytes, {
    filter: (file) => file.name === "word/document.xml" || file.name === "word/footnotes.xml",
  });
  const documentXml = files["word/document.xml"];
  if (!documentXml) throw new Error("not a .docx: word/document.xml is missing");
  const decoder = new TextDecoder();
  const raw: RawBlock[] = [];
  const body = xmlRoot(decoder.decode(documentXml), "w:body");
  if (body) readBody(body, raw);
  const footnotesXml = files["word/footnotes.xml"];
  const footnotes = footnotesXml && xmlRoot(decoder.decode(footnotesXml), "w:footnotes");
  if (footnotes)
    for (const note of children(footnotes, "w:footnote")) {
      const id = Number(note.attribs["w:id"]);
      // Ids 0 and -1 (or a w:type) are Word's separators, not notes.
      if (!(id > 0) || note.attribs["w:type"]) continue;
      const lines = children(note, "w:p").flatMap(paragraphLines);
      lines[0] = `[${id}] ${(lines[0] ?? "").replace(/^\[\d+\]\s*/, "")}`;
      raw.push({ kind: "footnote", lines: [lines.join(" ")] });
    }
  return buildDocument(raw);
}
