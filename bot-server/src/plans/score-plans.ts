import { foldDiacritics } from "@loa-phuong/shared";
import { foldNumber } from "./document-number.js";
import { jaccard, nameWords } from "./names.js";

// The plans-dev scorer (README.md, "Metrics") in TypeScript: counts per document, micro-averaged.
// Where gold and prediction are both empty a set field counts as one agreement (scores 1).

type Json = Record<string, unknown>;
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const asObject = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const str = (value: unknown) => (typeof value === "string" ? value : null);

function foldType(type: unknown): string {
  return foldDiacritics(String(type ?? "").normalize("NFC"))
    .toLowerCase()
    .trim()
    .replace(/^thong bao ket luan$/, "thong bao")
    .replace(/^(ke hoach|chuong trinh) hanh dong$/, "$1");
}

const nameKey = (name: unknown) => nameWords(String(name ?? "")).join(" ");

function addSet(counts: Counts, gold: Set<string>, predicted: Set<string>) {
  if (gold.size === 0 && predicted.size === 0) {
    counts.tp++;
    return;
  }
  for (const key of predicted)
    if (gold.has(key)) counts.tp++;
    else counts.fp++;
  for (const key of gold) if (!predicted.has(key)) counts.fn++;
}

const f1 = ({ tp, fp, fn }: Counts) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
const round = (value: number) => Math.round(value * 1000) / 1000;

export interface PlanScores {
  headerAcc: number;
  directivesF1: number;
  directiveDateAcc: number;
  channelsF1: number;
  unitsF1: number;
  deadlinesF1: number;
  phasesF1: number;
  reportingF1: number;
  docs: number;
  missing: number;
}

export function scorePlans(pairs: { gold: Json; predicted: Json | null }[]): PlanScores {
  const counts = Object.fromEntries(
    ["directives", "channels", "units", "deadlines", "phases", "reporting"].map((k) => [
      k,
      { tp: 0, fp: 0, fn: 0 },
    ]),
  ) as Record<string, Counts>;
  let headerRight = 0;
  let dateRight = 0;
  let matched = 0;
  let missing = 0;
  for (const { gold, predicted: maybe } of pairs) {
    if (!maybe) missing++;
    const predicted = maybe ?? {};
    const gp = asObject(gold.plan);
    const pp = asObject(predicted.plan);
    if (foldType(gp.type) === foldType(pp.type)) headerRight++;
    const gn = str(gp.number);
    const pn = str(pp.number);
    if ((gn === null && pn === null) || (gn && pn && foldNumber(gn) === foldNumber(pn))) headerRight++;
    if (str(gp.date) === str(pp.date)) headerRight++;
    const issuers = [gp.issuer, ...asArray(gp.issuer_aliases)].map(nameKey);
    if (pp.issuer && issuers.includes(nameKey(pp.issuer))) headerRight++;

    const directiveCounts = counts.directives as Counts;
    const goldDirectives = asArray(gold.directives);
    const predictedDirectives = asArray(predicted.directives);
    if (goldDirectives.length === 0 && predictedDirectives.length === 0) directiveCounts.tp++;
    const keyOf = (d: Json) => `${foldType(d.type)}|${foldNumber(String(d.number ?? ""))}`;
    const used = new Set<number>();
    const seen = new Set<string>();
    for (const p of predictedDirectives) {
      const key = keyOf(p);
      if (seen.has(key)) continue;
      seen.add(key);
      const index = goldDirectives.findIndex((g) => [g, ...asArray(g.alt)].some((a) => keyOf(a) === key));
      if (index < 0) directiveCounts.fp++;
      else if (!used.has(index)) {
        used.add(index);
        directiveCounts.tp++;
        matched++;
        if ((str(goldDirectives[index]?.date) ?? null) === (str(p.date) ?? null)) dateRight++;
      }
    }
    directiveCounts.fn += goldDirectives.length - used.size;

    addSet(
      counts.channels as Counts,
      new Set(asArray(gold.channels).map(String)),
      new Set(asArray(predicted.channels).map(String)),
    );
    const deadlines = (doc: Json) =>
      new Set(asArray(doc.units).flatMap((u) => asArray(u.deadlines).map(String)));
    addSet(counts.deadlines as Counts, deadlines(gold), deadlines(predicted));
    const phases = (doc: Json) =>
      new Set(asArray(doc.phases).map((p) => `${p.from ?? null}|${p.to ?? null}`));
    addSet(counts.phases as Counts, phases(gold), phases(predicted));
    const dues = (doc: Json) =>
      new Set(asArray(doc.reporting).flatMap((r) => (r.due ? [String(r.due)] : [])));
    addSet(counts.reporting as Counts, dues(gold), dues(predicted));

    const unitCounts = counts.units as Counts;
    const goldUnits = asArray(gold.units);
    const predictedUnits = asArray(predicted.units);
    if (goldUnits.length === 0 && predictedUnits.length === 0) unitCounts.tp++;
    const candidates: { g: number; p: number; score: number }[] = [];
    goldUnits.forEach((g, gi) => {
      predictedUnits.forEach((p, pi) => {
        const pWords = nameWords(String(p.name ?? ""));
        const score = Math.max(
          ...[g.name, ...asArray(g.aliases)].map((n) => jaccard(nameWords(String(n ?? "")), pWords)),
        );
        if (score >= 0.6) candidates.push({ g: gi, p: pi, score });
      });
    });
    candidates.sort((a, b) => b.score - a.score);
    const usedGold = new Set<number>();
    const usedPredicted = new Set<number>();
    for (const { g, p } of candidates)
      if (!usedGold.has(g) && !usedPredicted.has(p)) {
        usedGold.add(g);
        usedPredicted.add(p);
      }
    unitCounts.tp += usedGold.size;
    unitCounts.fn += goldUnits.length - usedGold.size;
    unitCounts.fp += predictedUnits.length - usedPredicted.size;
  }
  const c = (key: string) => counts[key] as Counts;
  return {
    headerAcc: round(headerRight / Math.max(1, pairs.length * 4)),
    directivesF1: round(f1(c("directives"))),
    directiveDateAcc: round(matched === 0 ? 0 : dateRight / matched),
    channelsF1: round(f1(c("channels"))),
    unitsF1: round(f1(c("units"))),
    deadlinesF1: round(f1(c("deadlines"))),
    phasesF1: round(f1(c("phases"))),
    reportingF1: round(f1(c("reporting"))),
    docs: pairs.length,
    missing,
  };
}
