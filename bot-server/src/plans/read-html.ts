import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { type BlockKind, buildDocument, type PlanDocument } from "./document.js";

// Word's "Web page" export (.htm) and plain HTML: block elements become blocks, table cells become
// cells, <br> starts a line; styles, scripts and Word's conditional comments are skipped. Word puts
// footnotes in <div id="ftn1">…: those blocks are footnotes.

const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "div",
  "blockquote",
  "pre",
  "dt",
  "dd",
]);
const SKIPPED_TAGS = new Set(["style", "script", "head", "title", "xml", "o:p", "noscript", "template"]);

type RawBlock = { kind: BlockKind; lines: string[] };

function isElement(node: ChildNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function readHtml(source: string): PlanDocument {
  const document = parseDocument(source, { decodeEntities: true, lowerCaseTags: true });
  const raw: RawBlock[] = [];
  let current: RawBlock | null = null;
  const open = (kind: BlockKind) => {
    if (current?.lines.some((line) => line.trim() !== "")) raw.push(current);
    current = { kind, lines: [""] };
  };
  const append = (text: string, kind: BlockKind) => {
    if (!current) current = { kind, lines: [""] };
    current.lines[current.lines.length - 1] += text;
  };
  const walk = (node: ChildNode, kind: BlockKind) => {
    if (node.type === "text") {
      append(node.data.replace(/\s+/g, " "), kind);
      return;
    }
    if (!isElement(node) || SKIPPED_TAGS.has(node.name)) return;
    const id = node.attribs.id ?? "";
    const innerKind: BlockKind = /^_?ftn\d+$/i.test(id) ? "footnote" : kind;
    if (node.name === "br") {
      if (!current) current = { kind, lines: [""] };
      current.lines.push("");
      return;
    }
    if (node.name === "td" || node.name === "th") {
      open("cell");
      // A cell's paragraphs are its lines.
      for (const child of node.children) {
        if (isElement(child) && BLOCK_TAGS.has(child.name)) {
          if (current?.lines[current.lines.length - 1]?.trim()) current.lines.push("");
          for (const grandChild of child.children) walk(grandChild, "cell");
          current?.lines.push("");
        } else walk(child, "cell");
      }
      open(kind);
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.name) || node.name === "tr" || node.name === "table";
    if (isBlock) open(innerKind);
    for (const child of node.children) walk(child, innerKind);
    if (isBlock) open(kind);
  };
  for (const node of document.children) walk(node, "paragraph");
  open("paragraph");
  return buildDocument(raw);
}
