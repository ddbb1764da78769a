// The terms a claim and a message are compared on: each word, each pair of neighbouring words in one
// clause (Vietnamese words are often two syllables: "tổ trưởng" is not "tổ" and "trưởng"), each number,
// and each kind of assertion (a fee, a ban…) with whether it is negated where it is said.
import { foldDiacritics } from "@loa-phuong/shared";
import { isAmountToken, isNumberToken } from "./elements.js";
import { ASSERTIONS, type AssertionKind, NEGATORS } from "./lexicon.js";
import type { Word } from "./read-text.js";

export type TermKind = "word" | "pair" | "number" | "amount" | "assertion";

export interface TermOccurrence {
  /** Folded words joined by a space, or `@fee`, `@stop`… for an assertion. */
  key: string;
  kind: TermKind;
  /** The words as written (empty for an assertion). */
  words: readonly Word[];
  /** The index of its first word in the text. */
  position: number;
  /** For an assertion: whether a negation comes just before it ("không phải đóng"). */
  isNegated: boolean;
  /** How many words it covers from `position`. */
  span: number;
}

/** Whether two words are the same: same letters, and same marks unless one was typed without them. */
export function isSameWord(a: Word, b: Word): boolean {
  return a.folded === b.folded && (!a.isMarked || !b.isMarked || a.word === b.word);
}

interface AssertionForm {
  markedOnly: boolean;
  words: Word[];
  kind: AssertionKind | null;
}

function formWords(form: string): Word[] {
  return form.split(" ").map((word) => {
    const folded = foldDiacritics(word);
    return { word, folded, isMarked: folded !== word, sentence: 0, clause: 0 };
  });
}

const NUA = formWords("nữa")[0]!;
const MAT = formWords("mất")[0]!;

// Longest forms first, so "bắt buộc" is read before "bắt" and "bắt đầu" is not read as "bắt".
const FORMS: readonly AssertionForm[] = ASSERTIONS.map(([form, kind, markedOnly]) => ({
  markedOnly: markedOnly === true,
  words: formWords(form),
  kind,
})).sort((a, b) => b.words.length - a.words.length);

function matchesAt(words: readonly Word[], at: number, { words: form, markedOnly }: AssertionForm): boolean {
  if (at + form.length > words.length) return false;
  const clause = words[at]!.clause;
  return form.every((w, k) => {
    const word = words[at + k]!;
    return word.clause === clause && isSameWord(word, w) && (!markedOnly || word.isMarked);
  });
}

/** Whether a negation word comes within the two words before `at`, in the same clause. */
export function isNegatedAt(
  words: readonly Word[],
  at: number,
  negators: ReadonlySet<string> = NEGATORS,
): boolean {
  const clause = words[at]!.clause;
  for (let k = at - 1; k >= Math.max(0, at - 2); k--) {
    const before = words[k]!;
    if (before.clause !== clause) return false;
    if (negators.has(before.word) || (!before.isMarked && before.folded === "khong")) return true;
  }
  return false;
}

/** "không … nữa" (no longer), as in "không cho nhập học nữa": a negation with "nữa" later in its clause. */
function isNoLonger(words: readonly Word[], at: number, negators: ReadonlySet<string>): boolean {
  const word = words[at]!;
  if (!negators.has(word.word) && !(word.folded === "khong" && !word.isMarked)) return false;
  for (let k = at + 1; k < Math.min(words.length, at + 8) && words[k]!.clause === word.clause; k++) {
    if (isSameWord(words[k]!, NUA)) return true;
  }
  return false;
}

function readAssertions(words: readonly Word[], negators: ReadonlySet<string>): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    if (isNoLonger(words, i, negators)) {
      out.push({ key: "@stop", kind: "assertion", words: [], position: i, isNegated: false, span: 1 });
    }
  }
  for (let i = 0; i < words.length; ) {
    const form = FORMS.find((f) => matchesAt(words, i, f));
    // "mất 50 nghìn": losing an amount is paying it.
    if (!form && isSameWord(words[i]!, MAT) && isAmountToken(words[i + 1]?.word ?? "")) {
      out.push({
        key: "@fee",
        kind: "assertion",
        words: [],
        position: i,
        isNegated: isNegatedAt(words, i, negators),
        span: 1,
      });
    }
    if (form && form.kind !== null) {
      const isNegated = isNegatedAt(words, i, negators);
      const span = form.words.length;
      out.push({ key: `@${form.kind}`, kind: "assertion", words: [], position: i, isNegated, span });
    }
    i += form ? form.words.length : 1;
  }
  return out;
}

function wordKind(word: Word): TermKind {
  if (isAmountToken(word.word) || /^d\d+m\d+$/.test(word.word)) return "amount";
  return isNumberToken(word.word) ? "number" : "word";
}

/** Every term of a text, in order of position; `negators` decide which assertions are negated. */
export function readTerms(
  words: readonly Word[],
  negators: ReadonlySet<string> = NEGATORS,
): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    out.push({
      key: word.folded,
      kind: wordKind(word),
      words: [word],
      position: i,
      isNegated: false,
      span: 1,
    });
    const next = words[i + 1];
    if (next !== undefined && next.clause === word.clause) {
      const key = `${word.folded} ${next.folded}`;
      out.push({ key, kind: "pair", words: [word, next], position: i, isNegated: false, span: 2 });
    }
  }
  out.push(...readAssertions(words, negators));
  return out.sort((a, b) => a.position - b.position);
}
