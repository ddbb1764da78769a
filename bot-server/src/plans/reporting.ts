import type { PlanDocument, Span } from "./document.js";
import { isInSection, type Layout } from "./layout.js";
import { findDeadlines } from "./units.js";

// Reporting lines: "… báo cáo <body> …", "gửi báo cáo về <body> trước ngày …", "phản ánh về <body>";
// the cadence from "hằng tháng", "hằng quý", "6 tháng", "hằng năm" (a bare "định kỳ" is null). Award
// dossiers and the "Nơi nhận" list are not reporting.

export interface ReportingLine {
  from: string | null;
  to: string;
  due: string | null;
  cadence: "once" | "monthly" | "quarterly" | "6-monthly" | "yearly" | null;
  span: Span;
}

const RECIPIENT = new RegExp(
  String.raw`(?:báo cáo|phản ánh|gửi báo cáo|gửi)\s+(?:kết quả\s+)?(?:về\s+(?:cho\s+)?|` +
    String.raw`lên\s+|cho\s+)?((?:Ủy ban|UBND|Sở|Ban|Phòng|Thường trực|Văn phòng|Hội đồng|Bộ|` +
    String.raw`Thành ủy|Tỉnh ủy|Đảng ủy|Chủ tịch)[^,.;()]{0,50}?)(?=\s+(?:kết quả|tổng hợp|để|` +
    String.raw`trước|theo|định kỳ|xem xét|chậm|trong|qua|về|,|;|\.)|[,.;()]|$)`,
  "gu",
);
const SKIPPED_SECTIONS = /KHEN THƯỞNG|^KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ/u;

export function cadenceOf(text: string): ReportingLine["cadence"] {
  if (/hằng tháng|hàng tháng|mỗi tháng/iu.test(text)) return "monthly";
  if (/hằng quý|hàng quý|mỗi quý|theo quý/iu.test(text)) return "quarterly";
  if (/6 tháng|sáu tháng/iu.test(text)) return "6-monthly";
  if (/hằng năm|hàng năm|mỗi năm/iu.test(text)) return "yearly";
  return null;
}

export function extractReporting(
  document: PlanDocument,
  layout: Layout,
  unitAt: (index: number) => string | null,
  year?: number,
): ReportingLine[] {
  const lines: ReportingLine[] = [];
  for (let index = layout.bodyStart; index < layout.bodyEnd; index++) {
    const block = document.blocks[index];
    if (!block || isInSection(layout, index, SKIPPED_SECTIONS)) continue;
    for (const sentence of block.text.split(/(?<=[.;])\s+/u)) {
      if (
        /khen thưởng|hồ sơ|danh sách/iu.test(sentence) ||
        (/báo cáo viên/iu.test(sentence) && !/báo cáo\s+(?!viên)/iu.test(sentence))
      )
        continue;
      const at = block.text.indexOf(sentence);
      for (const match of sentence.matchAll(RECIPIENT)) {
        const to = match[1]?.trim();
        if (!to || lines.some((line) => line.to === to)) continue;
        const due = findDeadlines(sentence.slice(match.index ?? 0), year)[0] ?? null;
        const isOnce = due !== null && !/định kỳ/iu.test(sentence);
        const from = /^(?:Các|Trong quá trình)/u.test(sentence)
          ? (/các ([^,]{3,60}?)(?: phản ánh| báo cáo| gửi)/iu.exec(sentence)?.[1] ?? null)
          : unitAt(index);
        lines.push({
          from: from ? from.replace(/^cơ quan/u, "Các cơ quan") : null,
          to,
          due,
          cadence: cadenceOf(sentence) ?? (isOnce ? "once" : null),
          span: { start: block.start + at, end: block.start + at + sentence.length },
        });
      }
    }
  }
  return lines;
}
