// Whether a message that says a claim's words asserts the claim, asks whether it is true (both need the
// clarification), or denies it: calls it false, states the true fact ("vẫn…", "miễn phí" against a fee),
// or negates what the claim asserts ("không phải đóng" against "phải đóng"). A denial said in a question
// ("hay là tin đồn?") is a question; "vẫn" and negations count only in the sentences that carry the
// match, so a forwarded text that says "vẫn" about something else still matches.
import { foldDiacritics } from "@loa-phuong/shared";
import type { IndexedClaim } from "./claim-index.js";
import type { AssertionKind } from "./lexicon.js";
import type { Word } from "./read-text.js";
import { isSameWord, type TermOccurrence } from "./terms.js";

export type Stance = "asserts" | "asks" | "denies";

export interface StanceReading {
  stance: Stance;
  /** The cues read, as written in the lists below: what staff see as the reason. */
  cues: string[];
}

// A cue written "=…" is only read with its diacritics: typed without them, "khong dung" is more often
// "không dùng" (not used) than "không đúng" (not true), and "mien" is also "miền" (region).

/** Calling the claim false, or warning against it. */
const DENIALS = [
  "=không đúng",
  "không chính xác",
  "sai sự thật",
  "sai rồi",
  "là sai",
  "hoàn toàn sai",
  "tin sai",
  "tin giả",
  "tin vịt",
  "tin nhảm",
  "fake",
  "thông tin sai",
  "thất thiệt",
  "là tin đồn",
  "không có thật",
  "bịa đặt",
  "xuyên tạc",
  "bác bỏ",
  "phủ nhận",
  "đính chính",
  "không có chuyện",
  "làm gì có",
  "không hề có",
  "không phải vậy",
  "không phải thế",
  "đừng tin",
  "đừng nghe",
  "không nên tin",
  "đừng chia sẻ",
  "đừng share",
  "lừa đảo",
  "giả mạo",
  "mạo danh",
  "cảnh giác",
  "vô căn cứ",
  "không có quy định",
];

/** Saying that nothing changed ("vẫn thi như mọi năm"): counted in the sentences that carry the match. */
const STILL = ["vẫn"];

/** "van" typed without marks before these is "vấn đề", "văn hoá"…, not "vẫn". */
const NOT_STILL_AFTER_VAN = new Set([
  "de",
  "hoa",
  "ban",
  "phong",
  "nghe",
  "minh",
  "tai",
  "chuong",
  "hanh",
  "bai",
]);

/** Against a claim of a fee or an amount: it is free. */
const FREE = [
  "miễn phí",
  "=miễn",
  "không mất tiền",
  "không mất phí",
  "không mất đồng nào",
  "không tốn",
  "không thu",
];

/** Asking whether something is true. */
const TRUTH_QUESTIONS = [
  "có đúng",
  "đúng không",
  "có thật",
  "thật không",
  "thật à",
  "thật hả",
  "thật ư",
  "có phải",
  "phải không",
  "xác nhận",
  "hay không",
];

type Cue = { cue: string; words: Word[]; isMarkedOnly: boolean };

function toCue(written: string): Cue {
  const cue = written.replace(/^=/, "");
  const words = cue.split(" ").map((word) => {
    const folded = foldDiacritics(word);
    return { word, folded, isMarked: folded !== word, sentence: 0, clause: 0 };
  });
  return { cue, words, isMarkedOnly: written.startsWith("=") };
}

const toCues = (list: readonly string[]) => list.map(toCue);
const DENIAL_CUES = toCues(DENIALS);
const STILL_CUES = toCues(STILL);
const FREE_CUES = toCues(FREE);
const QUESTION_CUES = toCues(TRUTH_QUESTIONS);

/** The positions where a cue is said, within `isInScope` words; cues the claim says itself are skipped. */
function findCues(
  words: readonly Word[],
  cues: readonly Cue[],
  claim: IndexedClaim,
  isInScope: (at: number) => boolean,
): { cue: string; at: number }[] {
  const found: { cue: string; at: number }[] = [];
  for (const { cue, words: cueWords, isMarkedOnly } of cues) {
    if (cueWords.every((w) => claim.foldedWords.has(w.folded))) continue;
    for (let at = 0; at + cueWords.length <= words.length; at++) {
      if (!isInScope(at)) continue;
      const isSaid = cueWords.every((w, k) => {
        const word = words[at + k]!;
        return isSameWord(word, w) && (!isMarkedOnly || word.isMarked || !w.isMarked);
      });
      if (isSaid) found.push({ cue, at });
    }
  }
  return found;
}

/**
 * Whether the claim asserts a kind plainly. A fee or a penalty implies an obligation: "không phải nộp"
 * denies "ai chưa nộp sẽ bị phạt" as much as it denies "phải nộp".
 */
function claimAsserts(claim: IndexedClaim, kind: AssertionKind): boolean {
  const isPlain = (k: AssertionKind) => claim.assertions.get(k) === false;
  return isPlain(kind) || (kind === "obligation" && (isPlain("fee") || isPlain("penalty")));
}

const CONSEQUENCE = new Set(["thì", "là", "sẽ"]);

/**
 * Whether a negated assertion is the condition of a consequence ("không đổi là bị phạt", "ai không nộp
 * bị phạt"), not a denial: a consequence word, or a penalty said plainly, follows in the same sentence.
 */
function isCondition(words: readonly Word[], at: number, assertions: readonly TermOccurrence[]): boolean {
  const sentence = words[at]!.sentence;
  // The penalty's own negation is the one right before it ("không nộp cũng không bị phạt" denies).
  const isPenaltyAfter = assertions.some(
    (a) =>
      a.key === "@penalty" &&
      a.position > at + 1 &&
      a.position <= at + 8 &&
      words[a.position]?.sentence === sentence &&
      !["khong", "chua", "chang", "cung khong"].includes(words[a.position - 1]?.folded ?? ""),
  );
  if (isPenaltyAfter) return true;
  for (let k = at + 1; k < Math.min(words.length, at + 7) && words[k]!.sentence === sentence; k++) {
    const after = words[k]!;
    if (CONSEQUENCE.has(after.word) || (!after.isMarked && ["thi", "la", "se"].includes(after.folded)))
      return true;
  }
  for (let k = at - 1; k >= Math.max(0, at - 4) && words[k]!.sentence === sentence; k--) {
    if (words[k]!.folded === "neu") return true;
  }
  return false;
}

export interface StanceInput {
  words: readonly Word[];
  /** For each sentence, whether it ends with "?". */
  sentenceEndsWithQuestion: readonly boolean[];
  assertions: readonly TermOccurrence[];
  claim: IndexedClaim;
  /** The clauses that carry the match: their sentences are where "vẫn" and negations count. */
  scope: ReadonlySet<number>;
}

/** Reads whether a message asserts, asks about or denies the claim it matched. */
export function readStance({
  words,
  sentenceEndsWithQuestion,
  assertions,
  claim,
  scope,
}: StanceInput): StanceReading {
  const everywhere = () => true;
  const scopeSentences = new Set(words.filter((w) => scope.has(w.clause)).map((w) => w.sentence));
  const inScope = (at: number) => scopeSentences.has(words[at]!.sentence);
  const questions = findCues(words, QUESTION_CUES, claim, everywhere);
  const isQuestionSentence = (sentence: number) =>
    sentenceEndsWithQuestion[sentence] === true || questions.some((q) => words[q.at]!.sentence === sentence);
  // "…có thật không hay là tin giả?": a denial is only asked about when the question comes around it.
  const isAskedAbout = (at: number) => {
    const { sentence } = words[at]!;
    if (sentenceEndsWithQuestion[sentence] === true) return true;
    return questions.some((q) => words[q.at]!.sentence === sentence && q.at >= at - 4);
  };
  const cues: string[] = [];
  for (const denial of findCues(words, DENIAL_CUES, claim, everywhere)) {
    if (!isAskedAbout(denial.at)) cues.push(denial.cue);
  }
  for (const still of findCues(words, STILL_CUES, claim, inScope)) {
    const word = words[still.at]!;
    const isVan = !word.isMarked && NOT_STILL_AFTER_VAN.has(words[still.at + 1]?.folded ?? "");
    if (!isVan) cues.push(still.cue);
  }
  const isFeeClaim = claim.assertions.get("fee") === false || claim.amounts.size > 0;
  if (isFeeClaim) for (const free of findCues(words, FREE_CUES, claim, inScope)) cues.push(free.cue);
  for (const assertion of assertions) {
    const isAssertedByClaim = claimAsserts(claim, assertion.key.slice(1) as AssertionKind);
    const denies = assertion.isNegated && isAssertedByClaim && inScope(assertion.position);
    if (denies && !isCondition(words, assertion.position, assertions))
      cues.push(`không [${assertion.key.slice(1)}]`);
  }
  if (cues.length > 0) return { stance: "denies", cues };
  const asks = [...scopeSentences].some(isQuestionSentence);
  return asks ? { stance: "asks", cues: questions.map((q) => q.cue) } : { stance: "asserts", cues: [] };
}
