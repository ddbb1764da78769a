import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ReportContent } from "./report-content.js";
import { buildReportDocx } from "./report-docx.js";

const content: ReportContent = {
  issuer: { parentBody: "UBND thành phố Hải Phòng", name: ["Ủy ban nhân dân", "Phường Hồng Bàng"] },
  symbol: "BC-UBND",
  place: "Hồng Bàng",
  date: new Date("2026-12-03T03:00:00Z"),
  period: { kind: "monthly", from: new Date("2026-10-31T17:00:00Z"), to: new Date("2026-11-30T17:00:00Z") },
  subject: "Kết quả tuyên truyền tháng 11/2026",
  opening: ["Ủy ban nhân dân phường báo cáo như sau:"],
  sections: [
    {
      heading: "Kết quả thực hiện",
      blocks: [],
      subsections: [
        {
          heading: "Tin bài tuyên truyền",
          blocks: [
            { kind: "paragraph", text: "Phường đã phát hành 12 tin bài." },
            {
              kind: "table",
              table: {
                id: "t",
                caption: "Bảng 1",
                columns: ["Loại", "Số tin bài"],
                rows: [["Thông báo", 12345]],
              },
            },
          ],
        },
      ],
    },
    { heading: "Đánh giá chung", blocks: [{ kind: "paragraph", text: "Không có." }] },
  ],
  closing: ["Trên đây là báo cáo./."],
  recipients: ["Đảng ủy phường (để báo cáo)", "Lưu: VT, VHXH"],
  signer: { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", deputyFor: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH" },
};

const decoder = new TextDecoder();
async function documentXml(report: ReportContent): Promise<string> {
  const files = unzipSync(new Uint8Array(await buildReportDocx(report)));
  expect(files["word/document.xml"]).toBeDefined();
  return decoder.decode(files["word/document.xml"]);
}
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
/** The run (<w:r>) holding exactly this text. */
const runOf = (xml: string, text: string) =>
  [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
    .map((m) => m[0])
    .find((r) => r.includes(`>${text}</w:t>`));
const attr = (xml: string, tag: string, name: string) =>
  Number(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml)?.[1]);
const twipToMm = (twip: number) => (twip / 1440) * 25.4;

describe("buildReportDocx", () => {
  it("lays the page out as Nghị định 30/2020: A4, margins, Times New Roman, body 13–14 pt", async () => {
    const xml = await documentXml(content);
    expect(attr(xml, "pgSz", "w")).toBe(11906);
    expect(attr(xml, "pgSz", "h")).toBe(16838);
    const mm = (side: string) => twipToMm(attr(xml, "pgMar", side));
    expect(mm("top")).toBeGreaterThanOrEqual(19.9);
    expect(mm("top")).toBeLessThanOrEqual(25);
    expect(mm("bottom")).toBeGreaterThanOrEqual(19.9);
    expect(mm("bottom")).toBeLessThanOrEqual(25);
    expect(mm("left")).toBeGreaterThanOrEqual(29.9);
    expect(mm("left")).toBeLessThanOrEqual(35);
    expect(mm("right")).toBeGreaterThanOrEqual(14.9);
    expect(mm("right")).toBeLessThanOrEqual(20);
    const fonts = new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const body = runOf(xml, "Phường đã phát hành 12 tin bài.");
    const size = attr(body ?? "", "sz", "val");
    expect(size).toBeGreaterThanOrEqual(26);
    expect(size).toBeLessThanOrEqual(28);
    // Page numbers from the second page: a first-page header of its own, PAGE in the default one.
    expect(xml).toContain("<w:titlePg/>");
  });

  it("has the header block, the motto in bold, BÁO CÁO and its subject, numbered sections", async () => {
    const xml = await documentXml(content);
    const text = textOf(xml);
    for (const line of [
      "UBND THÀNH PHỐ HẢI PHÒNG",
      "ỦY BAN NHÂN DÂN",
      "PHƯỜNG HỒNG BÀNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      "Kết quả tuyên truyền tháng 11/2026",
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Tin bài tuyên truyền",
      "II. ĐÁNH GIÁ CHUNG",
      "12.345",
    ]) {
      expect(text.split("|"), line).toContain(line);
    }
    expect(text).toMatch(/Số: \s+\/BC-UBND/);
    for (const bold of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      "PHƯỜNG HỒNG BÀNG",
    ])
      expect(runOf(xml, bold), bold).toContain("<w:b/>");
    expect(runOf(xml, "UBND THÀNH PHỐ HẢI PHÒNG")).not.toContain("<w:b/>");
    expect(runOf(xml, "Hồng Bàng, ngày 03 tháng 12 năm 2026")).toContain("<w:i/>");
  });

  it("ends with Nơi nhận on the left and the signature block in the right-hand cell of the last table", async () => {
    const xml = await documentXml({ ...content, signer: { ...content.signer, name: "Người Ký Thử" } });
    const tables = [...xml.matchAll(/<w:tbl>(?:(?!<w:tbl>).)*?<\/w:tbl>/gs)].map((m) => m[0]);
    const last = tables.at(-1) ?? "";
    const cells = [...last.matchAll(/<w:tc>(?:(?!<w:tc>).)*?<\/w:tc>/gs)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    const [left = "", right = ""] = cells;
    const title = runOf(left, "Nơi nhận:") ?? "";
    expect(title).toContain("<w:b/>");
    expect(title).toContain("<w:i/>");
    expect(attr(title, "sz", "val")).toBe(24);
    expect(attr(runOf(left, "- Lưu: VT, VHXH.") ?? "", "sz", "val")).toBe(22);
    expect(textOf(left)).toContain("- Đảng ủy phường (để báo cáo);");
    expect(textOf(right).split("|").filter(Boolean)).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Người Ký Thử",
    ]);
    expect(runOf(right, "Người Ký Thử")).toContain("<w:b/>");
    expect(last).not.toMatch(/<w:(top|left|bottom|right) w:val="single"/);
  });

  it("puts the page number in the default header, centred", async () => {
    const files = unzipSync(new Uint8Array(await buildReportDocx(content)));
    const headers = Object.keys(files)
      .filter((name) => /^word\/header\d+\.xml$/.test(name))
      .map((name) => decoder.decode(files[name]));
    const numbered = headers.filter((h) => h.includes("PAGE"));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
  });
});
