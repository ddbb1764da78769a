import type { PlanExtraction, UnitKind } from "@loa-phuong/shared";
import type { CampaignDraft } from "../../../services/staff-plans-api";

/** A unit's kind guessed from its name; staff change it when the guess is wrong. */
export function unitKindOf(name: string): UnitKind {
  const lower = name.toLocaleLowerCase("vi");
  if (/trường|mầm non|tiểu học|thcs|thpt/.test(lower)) return "school";
  if (/tổ dân phố|tdp/.test(lower)) return "residential_group";
  // A body named for its kind first ("Hội Phụ nữ", "Đoàn Thanh niên"), never "Phòng Văn hóa - Xã hội".
  if (
    /^(các )?(hội|đoàn|công đoàn|mặt trận|ủy ban mặt trận)\b/.test(lower) ||
    /đoàn thể|mặt trận/.test(lower)
  )
    return "organisation";
  return "office";
}

/**
 * The campaign as first proposed from what the extractor read: the plan's title, the directives with a
 * date and an issuer, its themes, the first phase as the period (else the plan's date to the year's end), the units
 * with their tasks, each due by the unit's first deadline.
 */
export function draftFrom(read: PlanExtraction): CampaignDraft {
  const phase = read.phases.find((p) => p.from && p.to);
  const start = phase?.from ?? read.plan.date ?? new Date().toISOString().slice(0, 10);
  return {
    title: read.plan.title ?? "",
    // A campaign keeps the directives whose date and issuer the plan gives.
    directives: read.directives.flatMap((d) =>
      d.date && d.issuer ? [{ number: d.number, date: d.date, issuer: d.issuer }] : [],
    ),
    themes: read.themes,
    startsOn: start,
    endsOn: phase?.to ?? `${start.slice(0, 4)}-12-31`,
    units: read.units.map((unit) => ({
      name: unit.name,
      kind: unitKindOf(unit.name),
      tasks: unit.tasks.map((title) => ({ title, ...(unit.deadlines[0] ? { due: unit.deadlines[0] } : {}) })),
    })),
  };
}

/** The plan's text in pieces, marking every stretch a value was read from. */
export function markedPieces(read: PlanExtraction): { start: number; text: string; marked: boolean }[] {
  const spans = Object.values(read.spans)
    .flat()
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const pieces: { start: number; text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ start: at, text: read.text.slice(at, span.start), marked: false });
    pieces.push({ start: span.start, text: read.text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  pieces.push({ start: at, text: read.text.slice(at), marked: false });
  return pieces;
}
