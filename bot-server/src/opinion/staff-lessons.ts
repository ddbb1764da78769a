// What staff corrections teach the kind and theme labellers, at once and without retraining: a message
// nearly the same as one staff labelled takes the staff's labels, and words that came back in several
// texts staff gave a label, and seldom in others, become cues for that label.
import type { AnalyzedText } from "@loa-phuong/shared";
import { contentTerms } from "./phrases.js";

/** A text as staff labelled it: one kind, or the themes (none is a label too: "about no theme"). */
export interface StaffExample {
  text: AnalyzedText;
  labels: readonly string[];
}

/** A term becomes a cue after this many texts with the label… */
export const MIN_TEXTS = 2;
/** …and when at least this share of the labelled texts holding it had the label. */
export const MIN_SHARE = 0.8;
/** Shared terms over all terms (Jaccard) from which a text counts as nearly the same as a labelled one. */
export const NEAR_DUPLICATE = 0.7;

export class StaffLessons {
  /** Per term, the labels it cues. */
  private readonly cuesByTerm = new Map<string, string[]>();
  /** Per term, the examples holding it: only those are compared with a new text. */
  private readonly examplesByTerm = new Map<string, number[]>();
  private readonly termCounts: number[] = [];
  private readonly labels: (readonly string[])[] = [];

  constructor(examples: readonly StaffExample[]) {
    const withTerm = new Map<string, number>();
    const withTermAndLabel = new Map<string, Map<string, number>>();
    examples.forEach((example, index) => {
      const terms = contentTerms(example.text);
      this.termCounts.push(terms.size);
      this.labels.push(example.labels);
      for (const term of terms) {
        withTerm.set(term, (withTerm.get(term) ?? 0) + 1);
        const list = this.examplesByTerm.get(term) ?? [];
        list.push(index);
        this.examplesByTerm.set(term, list);
        const perLabel = withTermAndLabel.get(term) ?? new Map<string, number>();
        for (const label of new Set(example.labels)) perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
        withTermAndLabel.set(term, perLabel);
      }
    });
    for (const [term, perLabel] of withTermAndLabel) {
      const total = withTerm.get(term)!;
      const cued = [...perLabel].filter(([, n]) => n >= MIN_TEXTS && n / total >= MIN_SHARE).map(([l]) => l);
      if (cued.length > 0) this.cuesByTerm.set(term, cued.sort());
    }
  }

  /** How many staff-labelled texts these lessons come from. */
  get size(): number {
    return this.labels.length;
  }

  /** Per label, how many distinct learned cues the text holds. */
  cues(text: AnalyzedText): Map<string, number> {
    const counts = new Map<string, number>();
    for (const term of contentTerms(text))
      for (const label of this.cuesByTerm.get(term) ?? []) counts.set(label, (counts.get(label) ?? 0) + 1);
    return counts;
  }

  /** The labels of the staff-labelled text this one nearly repeats (the closest), or null. */
  nearest(text: AnalyzedText): readonly string[] | null {
    const terms = contentTerms(text);
    if (terms.size === 0) return null;
    const shared = new Map<number, number>();
    for (const term of terms)
      for (const index of this.examplesByTerm.get(term) ?? [])
        shared.set(index, (shared.get(index) ?? 0) + 1);
    let best: { index: number; similarity: number } | null = null;
    for (const [index, n] of shared) {
      const similarity = n / (terms.size + this.termCounts[index]! - n);
      if (similarity >= NEAR_DUPLICATE && (!best || similarity > best.similarity))
        best = { index, similarity };
    }
    return best ? this.labels[best.index]! : null;
  }
}
