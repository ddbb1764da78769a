// How much of each claim a message says. For each claim: the share of the claim's term weight found in
// the best stretch of the message (a stretch about the claim's length, so a long forwarded text is
// judged on the part that says the claim); less when the message gives amounts and none is the claim's;
// less when it says none of the claim's false elements (the fee, the ban, the penalty…); nothing when it
// says too little of what the claim is about (its subject), however many of its verbs it shares.
import type { ClaimIndex, ClaimTerm, IndexedClaim } from "./claim-index.js";
import { describeWord } from "./elements.js";
import { CORE_ASSERTIONS } from "./lexicon.js";
import type { Word } from "./read-text.js";
import { isSameWord, type TermOccurrence } from "./terms.js";

/** A stretch as long as the claim times this, and never shorter than `MIN_WINDOW` words. */
const WINDOW_FACTOR = 1.6;
const MIN_WINDOW = 12;
/** A clause carries the match when it holds this share of the matched weight. */
const SCOPE_SHARE = 0.2;
/** What a message that gives amounts, none of them the claim's, keeps of its share. */
const AMOUNT_CONFLICT_FACTOR = 0.5;
/** What a message keeps of its share when it says none of the claim's false elements (a fee, a ban…). */
const NO_FALSE_ELEMENT_FACTOR = 0.5;
/**
 * The least share of what the claim is about (its subject terms) a message must say: the claim's verbs
 * alone ("phải mua", "bị phạt") are said of many things.
 */
const SUBJECT_MIN = 0.25;

export interface MatchedTerm {
  /** The claim's words as written, or the kind of assertion in brackets ("[fee]"). */
  term: string;
  weight: number;
}

export interface ClaimScore {
  claimId: string;
  /** The share of the claim's term weight found in the stretch. */
  share: number;
  /** The share of the weight of what the claim is about (its subject terms) found. */
  subjectShare: number;
  /** `share` after the checks below; 0 when the message says too little of the claim's subject. */
  score: number;
  /** What lowered the share, in words staff can read ("amounts differ ×0.5"). */
  adjustments: string[];
  /** The claim's terms found in the stretch, heaviest first. */
  matched: MatchedTerm[];
  /** The stretch of the message the score was read on, as the matcher read it. */
  span: string;
  /** Amounts and dates both the claim and the stretch give; whether the stretch gives only others. */
  amounts: { aligned: string[]; isConflicting: boolean };
  /** The clauses of the message that carry the match. */
  scope: ReadonlySet<number>;
}

function describeTerm(term: ClaimTerm): string {
  return term.kind === "assertion"
    ? `[${term.key.slice(1)}]`
    : term.words.map((w) => describeWord(w.word)).join(" ");
}

interface Hit {
  term: number;
  position: number;
}

function isSameTerm(occurrence: TermOccurrence, claimWords: readonly Word[]): boolean {
  // An assertion is the same whatever words say it ("sắm" and "mua").
  return (
    occurrence.kind === "assertion" || occurrence.words.every((word, k) => isSameWord(word, claimWords[k]!))
  );
}

/** The message's hits on each claim's terms, by claim. */
function findHits(index: ClaimIndex, occurrences: readonly TermOccurrence[]): Map<number, Hit[]> {
  const hits = new Map<number, Hit[]>();
  for (const occurrence of occurrences) {
    for (const ref of index.byKey.get(occurrence.key) ?? []) {
      const term = index.claims[ref.claim]!.terms[ref.term]!;
      if (!isSameTerm(occurrence, term.words)) continue;
      const list = hits.get(ref.claim) ?? [];
      list.push({ term: ref.term, position: occurrence.position });
      hits.set(ref.claim, list);
    }
  }
  return hits;
}

/** The stretch of `length` words holding the most distinct term weight: its first and last hit. */
function bestWindow(hits: readonly Hit[], claim: IndexedClaim, length: number): { from: number; to: number } {
  const counts = new Map<number, number>();
  let weight = 0;
  let best = { weight: -1, from: 0, to: 0 };
  let start = 0;
  for (let end = 0; end < hits.length; end++) {
    const added = hits[end]!;
    counts.set(added.term, (counts.get(added.term) ?? 0) + 1);
    if (counts.get(added.term) === 1) weight += claim.terms[added.term]!.weight;
    while (added.position - hits[start]!.position >= length) {
      const removed = hits[start++]!;
      counts.set(removed.term, counts.get(removed.term)! - 1);
      if (counts.get(removed.term) === 0) weight -= claim.terms[removed.term]!.weight;
    }
    if (weight > best.weight + 1e-9) best = { weight, from: hits[start]!.position, to: added.position };
  }
  return { from: best.from, to: best.to };
}

function scoreClaim(claim: IndexedClaim, hits: readonly Hit[], words: readonly Word[]): ClaimScore {
  const sorted = [...hits].sort((a, b) => a.position - b.position);
  const length = Math.max(MIN_WINDOW, Math.round(WINDOW_FACTOR * claim.read.words.length));
  const { from, to } = bestWindow(sorted, claim, length);
  const inWindow = sorted.filter((hit) => hit.position >= from && hit.position <= to);
  const matched = new Map<number, number>();
  for (const hit of inWindow) if (!matched.has(hit.term)) matched.set(hit.term, hit.position);
  const weightOf = (term: number) => claim.terms[term]!.weight;
  const found = [...matched.keys()].reduce((sum, term) => sum + weightOf(term), 0);
  const clauseWeight = new Map<number, number>();
  for (const [term, position] of matched) {
    const clause = words[position]!.clause;
    clauseWeight.set(clause, (clauseWeight.get(clause) ?? 0) + weightOf(term));
  }
  const scope = new Set(
    [...clauseWeight].filter(([, w]) => w >= SCOPE_SHARE * found).map(([clause]) => clause),
  );
  const windowWords = words.slice(from, to + 1);
  const windowAmounts = new Set(
    windowWords.filter((w) => /^(?:vnd\d+|d\d+m\d+)$/.test(w.word)).map((w) => w.word),
  );
  const aligned = [...windowAmounts].filter((amount) => claim.amounts.has(amount));
  const isConflicting = claim.amounts.size > 0 && windowAmounts.size > 0 && aligned.length === 0;
  const share = claim.totalWeight > 0 ? found / claim.totalWeight : 0;
  const subjectFound = [...matched.keys()].reduce(
    (sum, t) => sum + (claim.terms[t]!.isSubject ? weightOf(t) : 0),
    0,
  );
  const subjectShare = claim.subjectWeight > 0 ? subjectFound / claim.subjectWeight : 0;
  const coreKinds = [...claim.assertions.keys()].filter((kind) => CORE_ASSERTIONS.has(kind));
  const saysFalseElement =
    coreKinds.length === 0 ||
    [...matched.keys()].some((term) => coreKinds.some((k) => claim.terms[term]!.key === `@${k}`));
  let score = share;
  const adjustments: string[] = [];
  if (isConflicting) {
    score *= AMOUNT_CONFLICT_FACTOR;
    adjustments.push(`amounts differ ×${AMOUNT_CONFLICT_FACTOR}`);
  }
  if (!saysFalseElement) {
    score *= NO_FALSE_ELEMENT_FACTOR;
    adjustments.push(`none of ${coreKinds.map((k) => `[${k}]`).join(" ")} ×${NO_FALSE_ELEMENT_FACTOR}`);
  }
  if (subjectShare < SUBJECT_MIN) {
    score = 0;
    adjustments.push(
      `says too little of what the claim is about (${subjectShare.toFixed(2)} < ${SUBJECT_MIN})`,
    );
  }
  return {
    claimId: claim.claim.id,
    share,
    subjectShare,
    score,
    adjustments,
    matched: [...matched.keys()]
      .sort((a, b) => weightOf(b) - weightOf(a))
      .map((t) => ({ term: describeTerm(claim.terms[t]!), weight: weightOf(t) })),
    span: windowWords.map((w) => describeWord(w.word)).join(" "),
    amounts: { aligned: aligned.map(describeWord), isConflicting },
    scope,
  };
}

/** Scores a message's terms against every claim it shares a term with, best first. */
export function scoreClaims(
  index: ClaimIndex,
  words: readonly Word[],
  terms: readonly TermOccurrence[],
): ClaimScore[] {
  const scores: ClaimScore[] = [];
  for (const [claim, hits] of findHits(index, terms))
    scores.push(scoreClaim(index.claims[claim]!, hits, words));
  return scores.sort((a, b) => b.score - a.score || b.share - a.share);
}
