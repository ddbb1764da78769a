// Finding words and phrases (cues, theme keywords) in what residents write, at word boundaries, whether
// the text was typed with diacritics or without.
import { type AnalyzedText, analyzeVietnamese, isMaskToken } from "@loa-phuong/shared";

/** A phrase as the analyser reads it: its words with diacritics, and folded. */
interface CompiledPhrase {
  tokens: readonly string[];
  folded: readonly string[];
  /** Only where a clause ends (the phrase written with a trailing " $"): "không" closing a question. */
  atClauseEnd: boolean;
  /** Its place in the list given. */
  given: number;
}

const CLAUSE_END = new Set([".", "?", "!", ",", ";", ":", "...", "…"]);

/**
 * A word of the text stands for a word of the phrase when it is the same word, or when the resident
 * typed it without marks and it folds to the same letters: "truong" is "trường" or "trưởng", but
 * "trưởng" typed with its marks is never "trường". Teen code written out ("ko" → "không") is exact.
 */
function sameWord(text: AnalyzedText, at: number, phrase: CompiledPhrase, k: number): boolean {
  const token = text.tokens[at]!;
  if (token === phrase.tokens[k]) return true;
  const folded = text.foldedTokens[at]!;
  return token === folded && folded === phrase.folded[k];
}

/**
 * A fixed list of phrases, indexed by their first folded word so that a text is read once whatever the
 * number of phrases. `find` returns which phrases occur (each once).
 */
export class PhraseSet {
  private readonly phrases: CompiledPhrase[] = [];
  private readonly byFirstWord = new Map<string, number[]>();

  constructor(phrases: readonly string[]) {
    for (const [given, source] of phrases.entries()) {
      const atClauseEnd = source.endsWith(" $");
      const text = analyzeVietnamese(atClauseEnd ? source.slice(0, -2) : source);
      // A number or a link is masked ("20/11" reads "<num>"): it would match every number. Never found.
      if (text.tokens.some(isMaskToken)) continue;
      const index = this.phrases.length;
      this.phrases.push({ tokens: text.tokens, folded: text.foldedTokens, atClauseEnd, given });
      const first = text.foldedTokens[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(index);
      this.byFirstWord.set(first, list);
    }
  }

  get size(): number {
    return this.phrases.length;
  }

  /** The indices (in the order given, phrases that cannot be found skipped) of the phrases the text holds. */
  find(text: AnalyzedText): number[] {
    const found = new Set<number>();
    const n = text.tokens.length;
    for (let at = 0; at < n; at++) {
      const candidates = this.byFirstWord.get(text.foldedTokens[at]!);
      if (!candidates) continue;
      for (const index of candidates) {
        const phrase = this.phrases[index]!;
        if (found.has(phrase.given)) continue;
        const length = phrase.tokens.length;
        if (at + length > n) continue;
        let matches = true;
        for (let k = 0; k < length && matches; k++) matches = sameWord(text, at + k, phrase, k);
        if (!matches) continue;
        if (phrase.atClauseEnd && at + length < n && !CLAUSE_END.has(text.tokens[at + length]!)) continue;
        found.add(phrase.given);
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}

/** Folded function words: alone, they say nothing about what a message is about or does. */
const STOPWORDS = new Set(
  (
    "a à ạ ai anh ba bị bên các cái cả cho chị chứ chúng có của cũng đã đang đây để đến đi đó được em " +
    "gì hay hết họ khi không là lại lên lúc mà mình mọi một này nên nhé nhưng những nó ơi ở phường " +
    "qua ra rằng rất rồi sẽ sao tại thì thế theo tôi trên trong từ và vào vẫn về với vì vậy xin ông bà " +
    "nhà người dân chúng_tôi cô chú bác con ta nay hôm ngày nữa còn làm"
  )
    .split(" ")
    .map((w) => analyzeVietnamese(w).folded),
);

/**
 * The words of a text that can carry meaning, folded: single words (not function words, three letters
 * or more) and pairs of neighbouring words (not two function words). Masks and punctuation are left out.
 */
export function contentTerms(text: AnalyzedText): Set<string> {
  const terms = new Set<string>();
  const words = text.foldedTokens.map((w) => (isMaskToken(w) || !/\p{L}/u.test(w) ? null : w));
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (!STOPWORDS.has(word) && word.length >= 3) terms.add(word);
    const next = words[i + 1];
    if (next && !(STOPWORDS.has(word) && STOPWORDS.has(next))) terms.add(`${word} ${next}`);
  }
  return terms;
}
