import { type ChannelCode, extractChannels } from "./channels.js";
import { extractDirectives } from "./directives.js";
import type { PlanDocument, Span } from "./document.js";
import { extractHeader } from "./header.js";
import { findLayout } from "./layout.js";
import { extractPhases } from "./phases.js";
import { extractReporting } from "./reporting.js";
import { extractUnits } from "./units.js";

// A plan's fields as SCHEMA.md (shared/data/plans-dev) defines them, each value with the span of
// text it came from under `_spans` (the scorer ignores keys starting with "_").

export interface ExtractedPlan {
  plan: {
    type: string | null;
    number: string | null;
    date: string | null;
    issuer: string | null;
    title: string | null;
  };
  directives: { type: string; number: string; date: string | null; issuer: string | null; role: string }[];
  themes: string[];
  channels: ChannelCode[];
  units: { name: string; tasks: string[]; deadlines: string[] }[];
  phases: { name: string; from: string | null; to: string | null }[];
  reporting: { from: string | null; to: string; due: string | null; cadence: string | null }[];
  _spans: Record<string, Span | Span[]>;
}

function themesOf(document: PlanDocument, title: string | null): string[] {
  const themes = new Set<string>();
  if (title) themes.add(title.length > 160 ? `${title.slice(0, 157)}…` : title);
  for (const match of document.text.matchAll(/[“"]([^”"]{6,80})[”"]/gu))
    if (match[1]) themes.add(match[1].trim());
  return [...themes].slice(0, 10);
}

export function extractPlan(document: PlanDocument): ExtractedPlan {
  const layout = findLayout(document);
  const header = extractHeader(document, layout);
  const year = header.date ? Number(header.date.slice(0, 4)) : undefined;
  const directives = extractDirectives(document, layout, header.number);
  const channels = extractChannels(document, layout);
  const units = extractUnits(document, layout, year);
  const phases = extractPhases(document, layout, year);
  const unitAt = (index: number) => {
    const start = document.blocks[index]?.start ?? 0;
    return [...units].reverse().find((unit) => unit.span.start <= start)?.name ?? null;
  };
  const reporting = extractReporting(document, layout, unitAt, year);
  const spans: Record<string, Span | Span[]> = {};
  for (const [key, span] of Object.entries(header.spans)) spans[`plan.${key}`] = span;
  spans.directives = directives.map((d) => d.span);
  for (const hit of channels) spans[`channels.${hit.code}`] = hit.span;
  spans.units = units.map((u) => u.span);
  spans.phases = phases.map((p) => p.span);
  spans.reporting = reporting.map((r) => r.span);
  return {
    plan: {
      type: header.type,
      number: header.number,
      date: header.date,
      issuer: header.issuer,
      title: header.title,
    },
    directives: directives.map(({ span: _, ...rest }) => rest),
    themes: themesOf(document, header.title),
    channels: channels.map((hit) => hit.code),
    units: units.map(({ name, tasks, deadlines }) => ({ name, tasks, deadlines })),
    phases: phases.map(({ name, from, to }) => ({ name, from, to })),
    reporting: reporting.map(({ from, to, due, cadence }) => ({ from, to, due, cadence })),
    _spans: spans,
  };
}
