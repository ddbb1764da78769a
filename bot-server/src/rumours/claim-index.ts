// The known false claims, read once into weighted terms. A term weighs what it says about this claim
// against the others: its inverse document frequency over the claims (each read with its clarification,
// so words every claim and answer use, like "học sinh" or "phụ huynh", weigh little), times how much the
// word can say in general (function words nearly nothing), times more for amounts and dates.
import { type AssertionKind, CLAIM_NEGATORS, CORE_ASSERTIONS, wordWeight } from "./lexicon.js";
import { type ReadText, readText, type Word } from "./read-text.js";
import { readTerms, type TermKind } from "./terms.js";

export interface Claim {
  id: string;
  /** The false claim as ward staff recorded it. */
  claim: string;
  /** The approved answer sent back when a message repeats it. */
  clarification: string;
  topic: string;
}

export interface ClaimTerm {
  key: string;
  kind: TermKind;
  words: readonly Word[];
  weight: number;
  /** For an assertion: whether the claim says it negated ("không được nhập học"). */
  isNegated: boolean;
  /**
   * Whether it names what the claim is about (a word that is neither light nor part of an assertion):
   * "đồng phục", not "phải mua". A message must say enough of these, not only the claim's verbs.
   */
  isSubject: boolean;
}

export interface IndexedClaim {
  claim: Claim;
  read: ReadText;
  terms: ClaimTerm[];
  totalWeight: number;
  /** The weight of the terms that name what the claim is about. */
  subjectWeight: number;
  /** Amounts and dates of the claim (`vnd300000`, `d30m6`). */
  amounts: ReadonlySet<string>;
  /** The folded words of the claim: a cue the claim says itself is not a sign of denial. */
  foldedWords: ReadonlySet<string>;
  /** The kinds of assertion the claim makes, and whether it makes each one negated. */
  assertions: ReadonlyMap<AssertionKind, boolean>;
}

export interface TermRef {
  claim: number;
  term: number;
}

export interface ClaimIndex {
  claims: readonly IndexedClaim[];
  /** Term key → the claims' terms with that key. */
  byKey: ReadonlyMap<string, readonly TermRef[]>;
}

const AMOUNT_WEIGHT = 2;
/** The false element of a rumour (a fee, a ban…) weighs this many times a word. */
const CORE_ASSERTION_WEIGHT = 2;
/** A pair keeps at least this share of its weight when its words already say as much on their own. */
const PAIR_FLOOR = 0.25;

/** Okapi BM25's inverse document frequency: never negative, highest for a term of one claim. */
function inverseFrequency(documentCount: number, claimCount: number): number {
  return Math.log(1 + (claimCount - documentCount + 0.5) / (documentCount + 0.5));
}

/**
 * A term's weight. A pair weighs what it says beyond its two words: "tổ trưởng" much ("tổ" and "trưởng"
 * are in many claims, the pair in one), "vắc xin" little (each word already names the claim).
 */
function termWeight(term: Omit<ClaimTerm, "weight">, idf: (key: string) => number): number {
  const { kind, key, words } = term;
  const own = idf(key);
  if (kind === "amount") return AMOUNT_WEIGHT * own;
  if (kind === "number") return own;
  if (kind === "assertion") {
    return (CORE_ASSERTIONS.has(key.slice(1) as AssertionKind) ? CORE_ASSERTION_WEIGHT : 1) * own;
  }
  if (kind === "word") return wordWeight(words[0]!.word) * own;
  const [first, second] = words as [Word, Word];
  const beyondWords = own - Math.max(idf(first.folded), idf(second.folded));
  const general = Math.sqrt(wordWeight(first.word) * wordWeight(second.word));
  return general * Math.max(PAIR_FLOOR * own, beyondWords);
}

/** A subject word: not light, not a negation, not part of how an assertion is said. */
const SUBJECT_WORD_WEIGHT = 0.5;

function distinctTerms(read: ReadText): Omit<ClaimTerm, "weight">[] {
  const occurrences = readTerms(read.words, CLAIM_NEGATORS);
  const isAssertionWord = read.words.map((w) => CLAIM_NEGATORS.has(w.word));
  for (const { kind, position, span } of occurrences) {
    if (kind === "assertion") for (let k = 0; k < span; k++) isAssertionWord[position + k] = true;
  }
  const isSubjectAt = (at: number) =>
    !isAssertionWord[at] && wordWeight(read.words[at]!.word) >= SUBJECT_WORD_WEIGHT;
  const seen = new Map<string, Omit<ClaimTerm, "weight">>();
  for (const { key, kind, words, isNegated, position, span } of occurrences) {
    // One term per kind of assertion, however the claim says it.
    const form = kind === "assertion" ? key : `${key}|${words.map((w) => w.word).join(" ")}`;
    const isSubject =
      kind !== "assertion" && Array.from({ length: span }, (_, k) => isSubjectAt(position + k)).some(Boolean);
    const known = seen.get(form);
    if (known) {
      known.isSubject ||= isSubject;
      continue;
    }
    seen.set(form, { key, kind, words, isNegated, isSubject });
  }
  return [...seen.values()];
}

/** Reads the claims into an index. An empty list gives an index that matches nothing. */
export function buildClaimIndex(claims: readonly Claim[]): ClaimIndex {
  const reads = claims.map((claim) => readText(claim.claim));
  const documentCounts = new Map<string, number>();
  claims.forEach((claim, i) => {
    // Counted on the letters without marks, as a message typed without them would be matched.
    const keys = new Set(readTerms(reads[i]!.words).map((t) => t.key));
    for (const t of readTerms(readText(claim.clarification).words)) keys.add(t.key);
    for (const key of keys) documentCounts.set(key, (documentCounts.get(key) ?? 0) + 1);
  });
  const byKey = new Map<string, TermRef[]>();
  const indexed = claims.map((claim, c): IndexedClaim => {
    const read = reads[c]!;
    const idf = (key: string) => inverseFrequency(documentCounts.get(key) ?? 0, claims.length);
    const terms = distinctTerms(read).map((term) => ({ ...term, weight: termWeight(term, idf) }));
    terms.forEach((term, t) => {
      const refs = byKey.get(term.key) ?? [];
      refs.push({ claim: c, term: t });
      byKey.set(term.key, refs);
    });
    // An assertion said both ways in one claim counts as said plainly.
    const assertions = new Map<AssertionKind, boolean>();
    for (const term of readTerms(read.words, CLAIM_NEGATORS)) {
      if (term.kind !== "assertion") continue;
      const kind = term.key.slice(1) as AssertionKind;
      assertions.set(kind, (assertions.get(kind) ?? true) && term.isNegated);
    }
    return {
      claim,
      read,
      terms,
      totalWeight: terms.reduce((sum, term) => sum + term.weight, 0),
      subjectWeight: terms.reduce((sum, term) => sum + (term.isSubject ? term.weight : 0), 0),
      amounts: new Set(terms.filter((term) => term.kind === "amount").map((term) => term.key)),
      foldedWords: new Set(read.words.map((w) => w.folded)),
      assertions,
    };
  });
  return { claims: indexed, byKey };
}
