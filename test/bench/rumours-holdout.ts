// How the rumour matcher does on claims it was not tuned on: the claims are split in two halves; the
// matcher knows one half at a time (the other half's messages then repeat rumours it does not know, and
// must come back unmatched); the threshold is tuned on one half (highest recall at precision ≥ 0.95) and
// measured on the other, and the shipped threshold is measured on both. Many seeded splits, pooled.

import { readFileSync } from "node:fs";
import { seededRandom } from "@loa-phuong/bot-server/opinion";
import {
  buildClaimIndex,
  type Claim,
  DEFAULT_MATCH_OPTIONS,
  decide,
  type Evaluation,
  evaluateMessage,
  parseClaims,
} from "@loa-phuong/bot-server/rumours";
import { type RumourMessage, readRumourDataset, scoreRumours } from "./rumours.js";

export interface PooledFigures {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  correct: number;
  positives: number;
}

export interface LeaveClaimsOutFigures {
  splits: number;
  /** The shipped threshold, on every half as the only claims known. */
  shippedThreshold: PooledFigures;
  /** A threshold tuned on one half, measured on the other. */
  tunedOnOtherHalf: PooledFigures;
  /** The same tuned thresholds on the half they were tuned on (how much tuning flatters). */
  tunedInSample: PooledFigures;
  thresholds: number[];
}

const TARGET_PRECISION = 0.95;
const GRID = Array.from({ length: 41 }, (_, i) => (15 + i) / 100);

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Half {
  messages: RumourMessage[];
  evaluations: Evaluation[];
}

/** The messages with gold matches to this half's claims only, evaluated against those claims alone. */
function evaluateHalf(claims: readonly Claim[], messages: readonly RumourMessage[]): Half {
  const ids = new Set(claims.map((claim) => claim.id));
  const index = buildClaimIndex(claims);
  return {
    messages: messages.map((m) => ({ ...m, match: m.match !== null && ids.has(m.match) ? m.match : null })),
    evaluations: messages.map((m) => evaluateMessage(index, m.text)),
  };
}

function counts(half: Half, threshold: number) {
  const predictions = half.evaluations.map(
    (evaluation) => decide(evaluation, { ...DEFAULT_MATCH_OPTIONS, threshold }).claimId,
  );
  return scoreRumours(half.messages, predictions).counts;
}

/** The threshold with the highest recall at the target precision, in the middle of its plateau. */
function tuneThreshold(half: Half): number {
  const feasible = GRID.map((threshold) => ({ threshold, ...counts(half, threshold) })).filter(
    (c) => c.matched > 0 && c.correct / c.matched >= TARGET_PRECISION,
  );
  if (feasible.length === 0) return GRID.at(-1)!;
  const best = Math.max(...feasible.map((c) => c.correct));
  const plateau = feasible.filter((c) => c.correct === best).map((c) => c.threshold);
  return plateau[Math.floor(plateau.length / 2)]!;
}

function pool(parts: readonly { matched: number; correct: number; positives: number }[]): PooledFigures {
  const matched = parts.reduce((sum, p) => sum + p.matched, 0);
  const correct = parts.reduce((sum, p) => sum + p.correct, 0);
  const positives = parts.reduce((sum, p) => sum + p.positives, 0);
  const precision = matched === 0 ? 0 : correct / matched;
  const recall = positives === 0 ? 0 : correct / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, matched, correct, positives };
}

export function measureLeaveClaimsOut(
  dataDir: string,
  { splits = 10, seed = 144 } = {},
): LeaveClaimsOutFigures {
  const dataset = readRumourDataset(dataDir);
  const claims = parseClaims(readFileSync(dataset.claimsFile, "utf8"));
  const next = seededRandom(seed);
  const shipped: ReturnType<typeof counts>[] = [];
  const outOfSample: ReturnType<typeof counts>[] = [];
  const inSample: ReturnType<typeof counts>[] = [];
  const thresholds: number[] = [];
  for (let split = 0; split < splits; split++) {
    const order = shuffled(claims, next);
    const halves = [order.slice(0, order.length >> 1), order.slice(order.length >> 1)].map((half) =>
      evaluateHalf(half, dataset.messages),
    );
    for (const [tune, test] of [halves, [...halves].reverse()] as [Half, Half][]) {
      const threshold = tuneThreshold(tune);
      thresholds.push(threshold);
      inSample.push(counts(tune, threshold));
      outOfSample.push(counts(test, threshold));
      shipped.push(counts(test, DEFAULT_MATCH_OPTIONS.threshold));
    }
  }
  return {
    splits,
    shippedThreshold: pool(shipped),
    tunedOnOtherHalf: pool(outOfSample),
    tunedInSample: pool(inSample),
    thresholds,
  };
}
