// Which known false claim a message repeats, if any, and why: the best-scoring claim (`score.ts`) matches
// when its share clears the threshold, stands clear of the second best, and the message does not deny it
// (`stance.ts`). A message that asks whether the claim is true matches: the resident needs the answer.
import type { ClaimIndex } from "./claim-index.js";
import { readText } from "./read-text.js";
import { type ClaimScore, scoreClaims } from "./score.js";
import { readStance, type StanceReading } from "./stance.js";
import { readTerms } from "./terms.js";

export type { ClaimScore } from "./score.js";

export interface MatchOptions {
  /** The least share of a claim's weight a message must carry to match it. */
  threshold: number;
  /** How far the best claim's share must stand above the second best's. */
  margin: number;
}

/**
 * Chosen on the development set's claims with half of them held out at a time (`npm run bench:rumours`):
 * precision stays above 0.95 on the unseen half from 0.26 up; 0.30 leaves room for claims worded otherwise.
 */
export const DEFAULT_MATCH_OPTIONS: MatchOptions = { threshold: 0.3, margin: 0.05 };

/** What a decision is made from: the two best claims and the stance toward the best. */
export interface Evaluation {
  best: ClaimScore | null;
  second: ClaimScore | null;
  stance: StanceReading | null;
}

export interface MatchResult extends Evaluation {
  /** The matched claim, or null. */
  claimId: string | null;
  /** Why, in a few words: "repeats the claim", "below threshold", "denies the claim (vẫn)"… */
  reason: string;
}

/** Scores a message and reads its stance toward the best claim. */
export function evaluateMessage(index: ClaimIndex, text: string): Evaluation {
  const read = readText(text);
  const terms = readTerms(read.words);
  const [best = null, second = null] = scoreClaims(index, read.words, terms);
  if (best === null) return { best, second, stance: null };
  const claim = index.claims.find((c) => c.claim.id === best.claimId)!;
  const stance = readStance({
    words: read.words,
    sentenceEndsWithQuestion: read.sentenceEndsWithQuestion,
    assertions: terms.filter((t) => t.kind === "assertion"),
    claim,
    scope: best.scope,
  });
  return { best, second, stance };
}

/** The decision on an evaluation: kept apart so thresholds can be tried without scoring again. */
export function decide(evaluation: Evaluation, options: MatchOptions = DEFAULT_MATCH_OPTIONS): MatchResult {
  const { best, second, stance } = evaluation;
  const result = (claimId: string | null, reason: string): MatchResult => ({
    ...evaluation,
    claimId,
    reason,
  });
  if (best === null || stance === null) return result(null, "shares no term with any claim");
  if (best.score < options.threshold) {
    return result(null, `below threshold (${best.score.toFixed(2)} < ${options.threshold})`);
  }
  if (stance.stance === "denies") return result(null, `denies the claim (${stance.cues.join(", ")})`);
  if (second !== null && best.score - second.score < options.margin) {
    return result(null, `too close to ${second.claimId}`);
  }
  return result(best.claimId, stance.stance === "asks" ? "asks whether it is true" : "repeats the claim");
}

/** The claim a message repeats, or null, with the scores that decided it. */
export function matchMessage(
  index: ClaimIndex,
  text: string,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): MatchResult {
  return decide(evaluateMessage(index, text), options);
}
