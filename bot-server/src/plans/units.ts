import { findDates } from "./dates.js";
import type { PlanDocument, Span } from "./document.js";
import { isInSection, type Layout } from "./layout.js";
import { jaccard, nameWords } from "./names.js";

// Responsible units: each numbered heading in a section that assigns work ("Tổ chức thực hiện",
// "Phân công nhiệm vụ", "Nội dung thực hiện", "Trách nhiệm …") that names a body, with its tasks (the
// lines under it) and deadlines ("trước ngày 31/3/2026", "hoàn thành trong tháng 12/2025"). A body met
// again is merged; a heading naming two known units adds to both.

export interface Unit {
  name: string;
  tasks: string[];
  deadlines: string[];
  span: Span;
}

const ASSIGNING_SECTION = /TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|NỘI DUNG THỰC HIỆN|TRÁCH NHIỆM|NHIỆM VỤ/u;
const NUMBERED = /^(\d{1,2})\s*[.)]\s+(.+)$/u;
const BODY_WORD = new RegExp(
  String.raw`^(?:Các\s+|Những\s+)?(?:Sở|Ban|Phòng|Ủy ban|Uỷ ban|UBND|Đoàn|Hội|Công an|Trường|` +
    String.raw`trường|Trung tâm|Văn phòng|Mặt trận|MTTQ|UBMTTQ|Báo|Đài|Bộ|Tổ|Chi bộ|Đảng ủy|` +
    String.raw`Đảng uỷ|Cơ quan|cơ quan|Liên đoàn|Ban Chỉ huy|Quân sự|Thành đoàn|Tỉnh đoàn|` +
    String.raw`Hội đồng|Trạm|Bệnh viện|Chủ tịch|Thủ trưởng|Người đứng đầu|Cấp ủy|Kho bạc|` +
    String.raw`Chi cục|Cục|Thanh tra|Bưu điện|Viễn thông|Hợp tác xã|Doanh nghiệp|đơn vị|Đơn vị|` +
    String.raw`Sở, ban|Các sở)`,
  "u",
);
const COURTESY = /^(?:Đề nghị|Đồng chí|Đ\/c|Giao|Yêu cầu)\s+/iu;
const DEADLINE = new RegExp(
  String.raw`(?:trước|chậm nhất|hạn chót|không muộn hơn|hoàn thành (?:trong|vào|xong)?|` +
    String.raw`xong trước|gửi .{0,80}?(?:trước|trong))\s*(?:ngày|tháng|năm)?`,
  "giu",
);

function mergeKey(name: string): string[] {
  return nameWords(name.replace(/\s+(liên quan|thành phố|tỉnh|có liên quan)$/iu, ""));
}

/** The unit a heading names: the text before ":" (an inline heading) or the whole short block. */
export function unitNameFromHeading(text: string): { name: string; rest: string } | null {
  const match = NUMBERED.exec(text);
  if (!match?.[2]) return null;
  const body = match[2];
  const colon = body.search(/:\s/u);
  const name = (colon >= 0 && colon < 160 ? body.slice(0, colon) : body.length <= 160 ? body : "").replace(
    COURTESY,
    "",
  );
  const clean = name.replace(/[.:;]+$/, "").trim();
  if (!clean || !BODY_WORD.test(clean)) return null;
  return { name: clean, rest: colon >= 0 ? body.slice(colon + 1).trim() : "" };
}

/** Dates by which something must be done, in one clause; `year` fills a date without one. */
export function findDeadlines(text: string, year?: number): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(DEADLINE)) {
    const at =
      (match.index ?? 0) +
      match[0].length -
      (/(ngày|tháng|năm)$/iu.test(match[0]) ? (match[0].split(/\s/).pop()?.length ?? 0) : 0);
    const found = findDates(text.slice(at, at + 40), { edge: "end", year })[0];
    if (found && found.index <= 2) out.push(found.iso);
  }
  return out;
}

export function extractUnits(document: PlanDocument, layout: Layout, year?: number): Unit[] {
  const units: Unit[] = [];
  let current: Unit[] = [];
  const findUnit = (name: string) => {
    const key = mergeKey(name);
    return units.find((unit) => jaccard(mergeKey(unit.name), key) >= 0.75);
  };
  const strayDeadlines: string[] = [];
  for (let index = layout.bodyStart; index < layout.bodyEnd; index++) {
    const block = document.blocks[index];
    if (!block) continue;
    if (layout.sections.some((section) => section.index === index)) current = [];
    const isAssigning = isInSection(layout, index, ASSIGNING_SECTION);
    const heading = isAssigning ? unitNameFromHeading(block.text) : null;
    let taskText = block.text;
    if (heading) {
      const parts = heading.name.split(
        /\s*;\s*|\s+và\s+(?=(?:Ủy ban|UBND|Sở|Ban|Phòng|Các|Hội|Đoàn|Công an|Trường|Báo|Đài))/u,
      );
      const known = parts.map(findUnit);
      if (known.length > 1 && known.every(Boolean)) current = known as Unit[];
      else {
        const existing = findUnit(heading.name) ?? (parts.length > 1 ? known.find(Boolean) : undefined);
        if (existing) current = [existing];
        else {
          const unit = {
            name: heading.name,
            tasks: [],
            deadlines: [],
            span: { start: block.start, end: block.start + block.text.length },
          };
          units.push(unit);
          current = [unit];
        }
      }
      taskText = heading.rest;
    } else if (/^\d{1,2}\s*[.)]\s/u.test(block.text) && isAssigning) current = [];
    const deadlines = findDeadlines(block.text, year);
    if (current.length > 0) {
      for (const unit of current) {
        if (taskText) unit.tasks.push(taskText.replace(/^[a-zđ]\)\s*|^[-+•]\s*/u, "").slice(0, 200));
        for (const date of deadlines) if (!unit.deadlines.includes(date)) unit.deadlines.push(date);
      }
    } else strayDeadlines.push(...deadlines);
  }
  // A deadline stated outside the units' headings (a dossier date in another section) goes to the
  // unit that reads as "all bodies", else the first.
  const catchAll = units.find((unit) => /^các (cơ quan|đơn vị|sở)/iu.test(unit.name)) ?? units[0];
  if (catchAll)
    for (const date of strayDeadlines) if (!catchAll.deadlines.includes(date)) catchAll.deadlines.push(date);
  return units;
}
