import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PlanDocument } from "./document.js";
import { readDocx } from "./read-docx.js";
import { readHtml } from "./read-html.js";
import { readMarkdown } from "./read-markdown.js";
import { readPdf } from "./read-pdf.js";

export const PLAN_FILE_EXTENSIONS = [".docx", ".htm", ".html", ".pdf", ".md", ".txt"] as const;

/** Reads an uploaded plan by its extension (or, for none, by its first bytes) into blocks. */
export async function readPlanBytes(bytes: Uint8Array, fileName: string): Promise<PlanDocument> {
  const extension = path.extname(fileName).toLowerCase();
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (extension === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return readDocx(bytes);
  if (extension === ".pdf" || head.startsWith("%pdf")) return readPdf(bytes);
  const text = decodeText(bytes);
  if (
    extension === ".htm" ||
    extension === ".html" ||
    head.startsWith("<!doctype html") ||
    head.startsWith("<html")
  )
    return readHtml(text);
  return readMarkdown(text);
}

/** UTF-8 unless it starts with a UTF-16 mark (Word's "Unicode text" export). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder().decode(bytes);
}

export async function readPlanFile(filePath: string): Promise<PlanDocument> {
  return readPlanBytes(await readFile(filePath), filePath);
}
