import { strToU8, zipSync } from "fflate";
import type { PlanDocument } from "./document.js";

// Writes a plan's blocks as the other formats staff upload — Word's HTML export, a .docx (footnotes
// in their own part, runs split mid-word as Word splits them), a PDF with a text layer (the header's
// cells side by side) — so tests and the bench exercise every reader from one text.

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Consecutive cells grouped in rows of two, as a header or signature table. */
function groups(document: PlanDocument) {
  const out: ({ kind: "paragraph" | "footnote"; lines: string[] } | { kind: "table"; cells: string[][] })[] =
    [];
  for (const block of document.blocks) {
    const last = out[out.length - 1];
    if (block.kind === "cell") {
      if (last?.kind === "table") last.cells.push(block.lines);
      else out.push({ kind: "table", cells: [block.lines] });
    } else out.push({ kind: block.kind, lines: block.lines });
  }
  return out;
}

function rows(cells: string[][]): string[][][] {
  const out: string[][][] = [];
  for (let i = 0; i < cells.length; i += 2) out.push([cells[i] ?? [], cells[i + 1] ?? []]);
  return out;
}

const htmlCellLine = (line: string) =>
  `<p class=MsoNormal align=center><b><span lang=VI>${escapeXml(line)}</span></b></p>`;
const HTML_HEAD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">' +
  "<style>p.MsoNormal{margin:0}</style>" +
  "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>";

export function writeHtml(document: PlanDocument): string {
  const body = groups(document)
    .map((group) => {
      if (group.kind === "table")
        return `<table class=MsoTableGrid border=0>\n${rows(group.cells)
          .map(
            (row) =>
              `<tr>${row.map((cell) => `<td valign=top>${cell.map(htmlCellLine).join("\n")}</td>`).join("")}</tr>`,
          )
          .join("\n")}\n</table>`;
      const text = escapeXml(group.lines.join(" ")).replace(/ /g, (_, i: number) =>
        i % 70 < 1 ? "\n" : " ",
      );
      if (group.kind === "footnote") {
        const id = /^\[(\d+)\]/.exec(group.lines[0] ?? "")?.[1] ?? "0";
        return `<div style='mso-element:footnote' id=ftn${id}><p class=MsoFootnoteText>${text}</p></div>`;
      }
      const style = "style='font-size:14.0pt'";
      return `<p class=MsoNormal style='text-align:justify'><span lang=VI ${style}>${text}</span></p>`;
    })
    .join("\n");
  return `${HTML_HEAD}\n<body lang=VI><div class=WordSection1>\n${body}\n</div></body></html>\n`;
}

const runs = (text: string) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 37) out.push(text.slice(i, i + 37));
  return out.map((part) => `<w:r><w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`).join("");
};
const paragraph = (lines: string[]) =>
  `<w:p>${lines.map((line, i) => (i > 0 ? "<w:r><w:br/></w:r>" : "") + runs(line)).join("")}</w:p>`;

const docxCell = (lines: string[]) => lines.map((line) => paragraph([line])).join("") || "<w:p/>";
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export function writeDocx(document: PlanDocument): Uint8Array {
  const footnotes: string[] = [];
  const body = groups(document)
    .map((group) => {
      if (group.kind === "table")
        return `<w:tbl>${rows(group.cells)
          .map((row) => `<w:tr>${row.map((cell) => `<w:tc>${docxCell(cell)}</w:tc>`).join("")}</w:tr>`)
          .join("")}</w:tbl>`;
      if (group.kind === "footnote") {
        const text = group.lines.join(" ").replace(/^\[\d+\]\s*/, "");
        footnotes.push(`<w:footnote w:id="${footnotes.length + 1}">${paragraph([text])}</w:footnote>`);
        return "";
      }
      return paragraph([group.lines.join(" ")]);
    })
    .join("");
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${body}</w:body></w:document>`,
    ),
    "word/footnotes.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${ns}>` +
        `<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>${footnotes.join("")}</w:footnotes>`,
    ),
  });
}

/**
 * A PDF whose text is a Type0 font with a ToUnicode map (no font file: only the text layer matters).
 * Known gap: pdfjs reads this font's codes one byte at a time (see the bench), so the writer needs work.
 */
export function writePdf(document: PlanDocument): Uint8Array {
  const chars = new Map<string, number>();
  const code = (ch: string) => {
    if (!chars.has(ch)) chars.set(ch, chars.size + 1);
    return (chars.get(ch) ?? 0).toString(16).padStart(4, "0");
  };
  const size = 11;
  const pages: string[][] = [[]];
  let y = 800;
  const show = (text: string, x: number) => {
    // Words in items of a few words each, as PDF producers split them; positions carry the spaces.
    const words = text.split(" ");
    let at = x;
    for (let i = 0; i < words.length; i += 3) {
      const part = words.slice(i, i + 3).join(" ");
      pages[pages.length - 1]?.push(
        `BT /F1 ${size} Tf ${at.toFixed(1)} ${y} Td <${[...part].map(code).join("")}> Tj ET`,
      );
      at += (part.length + 1) * size * 0.5;
    }
  };
  const newline = (gap: number) => {
    y -= gap;
    if (y < 60) {
      pages.push([]);
      y = 800;
    }
  };
  const wrap = (text: string, width: number) => {
    const out: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
    return out;
  };
  for (const group of groups(document)) {
    if (group.kind === "table") {
      for (const row of rows(group.cells)) {
        const left = row[0]?.flatMap((l) => wrap(l, 42)) ?? [];
        const right = row[1]?.flatMap((l) => wrap(l, 42)) ?? [];
        for (let i = 0; i < Math.max(left.length, right.length); i++) {
          if (left[i]) show(left[i] as string, 50);
          if (right[i]) show(right[i] as string, 320);
          newline(size * 1.2);
        }
      }
      newline(size * 1.2);
      continue;
    }
    for (const line of wrap(group.lines.join(" "), 95)) {
      show(line, 50);
      newline(size * 1.2);
    }
    newline(size * 1.0);
  }
  const cmapEntries = [...chars].map(([ch, c]) => {
    const utf16 = [...ch]
      .map((u) => u.codePointAt(0) ?? 0)
      .map((cp) => cp.toString(16).padStart(4, "0"))
      .join("");
    return `<${c.toString(16).padStart(4, "0")}> <${utf16}>`;
  });
  const cmapChunks: string[] = [];
  for (let i = 0; i < cmapEntries.length; i += 100)
    cmapChunks.push(
      `${Math.min(100, cmapEntries.length - i)} beginbfchar\n${cmapEntries.slice(i, i + 100).join("\n")}\nendbfchar`,
    );
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...cmapChunks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] =
    "<< /Type /Font /Subtype /Type0 /BaseFont /Plan /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>";
  objects[4] =
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Plan " +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /CIDToGIDMap /Identity >>";
  objects[5] = `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`;
  pages.forEach((ops, i) => {
    const content = ops.join("\n");
    objects[6 + i * 2] =
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> " +
      `/Contents ${7 + i * 2} 0 R >>`;
    objects[7 + i * 2] = `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`;
  });
  let out = "%PDF-1.7\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out);
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "utf8"));
}
