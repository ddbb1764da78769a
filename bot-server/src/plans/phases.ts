import { addDays, findDates } from "./dates.js";
import type { PlanDocument, Span } from "./document.js";
import type { Layout } from "./layout.js";

// The plan's periods: named stages ("Đợt 1: trong tháng 5/2026", "Giai đoạn 2: từ … đến …"), the
// overall "Thời gian thực hiện: từ … đến …", a month given to the review ("Tổng kết vào tháng 4 năm
// 2026"). A start that is not a date ("từ nay") is null; "sau ngày X" starts the day after X.

export interface Phase {
  name: string;
  from: string | null;
  to: string | null;
  span: Span;
}

const RANGE = new RegExp(
  String.raw`(?:từ|bắt đầu từ|sau)\s+(ngày|tháng|năm|nay|khi|đầu)?([^;]{0,50}?)\s+(?:đến|tới|` +
    String.raw`cho đến|-)\s+(?:hết\s+|cuối\s+)?((?:ngày|tháng|năm)?[^;]{0,40})`,
  "giu",
);
const STAGE =
  /^(?:[-+•]\s*)?((?:Đợt|Giai đoạn|Bước|Phase)\s+\d+|Tháng cao điểm|Giai đoạn [IVX]+)\s*[:.)-]?\s*(.*)$/iu;
const REVIEW = /\b(Sơ kết|Tổng kết)\b[^.;]{0,60}?\b(?:vào|trong)\s+(tháng\s*\d{1,2}\s*(?:năm|\/)\s*\d{4})/giu;
const PERIOD_CONTEXT = /thời gian|giai đoạn|đợt|cao điểm|triển khai|thực hiện|tổ chức|diễn ra/iu;
const HORIZON = /phấn đấu|nhiệm kỳ|đến năm \d{4}\s*(?:đạt|,|có)/iu;

function rangeIn(
  text: string,
  year?: number,
): { from: string | null; to: string | null; index: number } | null {
  for (const match of text.matchAll(RANGE)) {
    const [all, unit = "", start = "", end = ""] = match;
    const isAfter = /^sau/iu.test(all);
    const from = /^(nay|khi|đầu)$/iu.test(unit)
      ? null
      : (findDates(`${unit} ${start}`, { edge: "start", year })[0]?.iso ?? null);
    const endDate = findDates(end, { edge: "end", year })[0];
    if (!endDate && !from) continue;
    if (endDate && endDate.index > 8) continue;
    return {
      from:
        from && isAfter
          ? addDays(findDates(`${unit} ${start}`, { edge: "end", year })[0]?.iso ?? from, 1)
          : from,
      to: endDate?.iso ?? null,
      index: match.index ?? 0,
    };
  }
  return null;
}

export function extractPhases(document: PlanDocument, layout: Layout, year?: number): Phase[] {
  const phases: Phase[] = [];
  for (let index = layout.bodyStart; index < layout.bodyEnd; index++) {
    const block = document.blocks[index];
    if (!block || block.kind === "footnote") continue;
    const span = { start: block.start, end: block.start + block.text.length };
    const stage = STAGE.exec(block.text);
    if (stage?.[1]) {
      const range = rangeIn(stage[2] ?? "", year);
      const month = /^(?:trong|vào)\s+(tháng\s*\d{1,2}\s*(?:năm|\/)\s*\d{4})/iu.exec((stage[2] ?? "").trim());
      if (range) phases.push({ name: stage[1], from: range.from, to: range.to, span });
      else if (month?.[1])
        phases.push({
          name: stage[1],
          from: findDates(month[1], { edge: "start" })[0]?.iso ?? null,
          to: findDates(month[1], { edge: "end" })[0]?.iso ?? null,
          span,
        });
      continue;
    }
    for (const sentence of block.text.split(/(?<=[.;])\s+/u)) {
      if (HORIZON.test(sentence) || !PERIOD_CONTEXT.test(sentence)) continue;
      const range = rangeIn(sentence, year);
      if (range && (range.from || range.to) && range.from !== range.to) {
        const named = /(cao điểm[^,.;:]{0,40}|Tháng hành động[^,.;:]{0,40})/iu.exec(sentence)?.[1];
        phases.push({
          name: named ? named.charAt(0).toLocaleUpperCase("vi") + named.slice(1) : "Thời gian thực hiện",
          from: range.from,
          to: range.to,
          span,
        });
      }
    }
    for (const review of block.text.matchAll(REVIEW)) {
      const month = review[2] ?? "";
      phases.push({
        name: review[1] ?? "Tổng kết",
        from: findDates(month, { edge: "start" })[0]?.iso ?? null,
        to: findDates(month, { edge: "end" })[0]?.iso ?? null,
        span,
      });
    }
  }
  const seen = new Set<string>();
  return phases.filter((phase) => {
    const key = `${phase.from}|${phase.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
