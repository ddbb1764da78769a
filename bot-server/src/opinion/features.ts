// Hashed n-gram features of an analysed message, in three blocks: word n-grams of the words as written
// (with diacritics), word n-grams of the folded words, and character n-grams of each folded word. Each
// block is scaled to the same length (weight / √count), so a long message and a short one, and the many
// character n-grams and the few words, weigh alike. Collisions are signed: they cancel rather than pile up.
import { type AnalyzedText, isMaskToken } from "@loa-phuong/shared";
import { hashPair, hashStep, hashString, mix } from "./hash.js";

export interface FeatureConfig {
  /** log2 of the number of buckets. */
  bits: number;
  /** Word n-grams of the words as written: up to `ngrams` words, the block's weight. */
  words: { ngrams: number; weight: number } | null;
  /** Word n-grams of the folded words. */
  foldedWords: { ngrams: number; weight: number } | null;
  /** Character n-grams (`min`..`max` letters) of each folded word between boundary marks. */
  chars: { min: number; max: number; weight: number } | null;
  /** Words within `window` after a negation (không, chưa…) up to punctuation, as negated words. */
  negation?: { window: number; weight: number } | null;
}

/** The non-zero features of one message; `indices` may repeat (a linear model adds them up). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
  length: number;
}

const SEED = { words: 0x5f3759df, foldedWords: 0x27d4eb2f, chars: 0x165667b1, negation: 0x61c88647 } as const;
const NEGATIONS = new Set(["không", "chưa", "chẳng", "chả", "đừng", "thiếu", "khong", "chua", "chang"]);
const SENTENCE_EDGE = hashString("</s>", 0x9e3779b9);
const WORD_EDGE = 0x3c; // "<" before and after each word, for the character n-grams

export class FeatureExtractor {
  private indices = new Int32Array(1024);
  private values = new Float32Array(1024);
  private length = 0;
  private readonly shift: number;
  private readonly wordHashes: number[] = [];

  constructor(readonly config: FeatureConfig) {
    if (config.bits < 8 || config.bits > 24) throw new Error(`feature bits out of range: ${config.bits}`);
    this.shift = 32 - config.bits;
  }

  /** The features of a message. The vector is reused by the next call: copy it to keep it. */
  extract(text: AnalyzedText): SparseVector {
    this.length = 0;
    const { words, foldedWords, chars } = this.config;
    if (words) this.addWordNgrams(text.tokens, SEED.words, words.ngrams, words.weight);
    if (foldedWords)
      this.addWordNgrams(text.foldedTokens, SEED.foldedWords, foldedWords.ngrams, foldedWords.weight);
    if (chars) this.addCharNgrams(text.foldedTokens, chars.min, chars.max, chars.weight);
    const negation = this.config.negation;
    if (negation) this.addNegated(text, negation.window, negation.weight);
    return { indices: this.indices, values: this.values, length: this.length };
  }

  private addWordNgrams(tokens: readonly string[], seed: number, ngrams: number, weight: number): void {
    const start = this.length;
    const hashes = this.wordHashes;
    hashes.length = 0;
    hashes.push(SENTENCE_EDGE);
    for (const token of tokens) hashes.push(hashString(token, seed));
    hashes.push(SENTENCE_EDGE);
    for (let i = 1; i < hashes.length - 1; i++) this.push(hashes[i]!);
    for (let n = 2; n <= ngrams; n++) {
      for (let i = 0; i + n <= hashes.length; i++) {
        let hash = hashes[i]!;
        for (let j = 1; j < n; j++) hash = hashPair(hash, hashes[i + j]!);
        this.push(hash ^ n);
      }
    }
    this.scaleFrom(start, weight);
  }

  private addCharNgrams(tokens: readonly string[], min: number, max: number, weight: number): void {
    const start = this.length;
    for (const token of tokens) {
      if (isMaskToken(token) || !isWordStart(token.charCodeAt(0))) continue;
      // Positions -1 and token.length are the word's edges.
      for (let from = -1; from < token.length; from++) {
        let hash: number = SEED.chars;
        for (let to = from; to <= token.length && to - from < max; to++) {
          const code = to < 0 || to === token.length ? WORD_EDGE : token.charCodeAt(to);
          hash = hashStep(hash, code);
          if (to - from + 1 >= min) this.push(hash);
        }
      }
    }
    this.scaleFrom(start, weight);
  }

  private addNegated(text: AnalyzedText, window: number, weight: number): void {
    const start = this.length;
    let left = 0;
    for (let i = 0; i < text.tokens.length; i++) {
      const token = text.tokens[i]!;
      if (NEGATIONS.has(token)) {
        left = window;
        continue;
      }
      if (!isWordStart(token.charCodeAt(0))) left = 0;
      if (left === 0) continue;
      left--;
      this.push(hashString(text.foldedTokens[i]!, SEED.negation));
    }
    this.scaleFrom(start, weight);
  }

  private push(hash: number): void {
    if (this.length === this.indices.length) this.grow();
    const mixed = mix(hash);
    this.indices[this.length] = mixed >>> this.shift;
    this.values[this.length] = (mixed & 1) === 0 ? 1 : -1;
    this.length++;
  }

  private scaleFrom(start: number, weight: number): void {
    const count = this.length - start;
    if (count === 0) return;
    const scale = weight / Math.sqrt(count);
    for (let i = start; i < this.length; i++) this.values[i]! *= scale;
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const values = new Float32Array(this.values.length * 2);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }
}

/** A letter or a digit (ASCII or Latin with marks): where a word, not punctuation, starts. */
function isWordStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0;
}
