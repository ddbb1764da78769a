// A claim or a message read into words the matcher can compare: the shared analyser's reading (NFC, lower
// case, teen code written out, emoticons as tokens), with numbers read as values first (the analyser masks
// them) and the ward's abbreviations written out after; and where its sentences and clauses end, because
// a forwarded text is matched sentence by sentence and a denial only counts in the clause it is said in.
import { analyzeVietnamese, foldDiacritics, isMaskToken } from "@loa-phuong/shared";
import { RUMOUR_ABBREVIATIONS, RUMOUR_PHRASES, readCk } from "./abbreviations.js";
import { type NumberElement, readNumbers } from "./elements.js";

export interface Word {
  /** The word as read, with its diacritics if it had any. */
  word: string;
  /** The word without diacritics (đ → d): the key it is compared on. */
  folded: string;
  /** Whether it was written with diacritics: if so, it only matches the same marks. */
  isMarked: boolean;
  sentence: number;
  clause: number;
}

export interface ReadText {
  words: Word[];
  /** For each sentence, whether it ends with a question mark. */
  sentenceEndsWithQuestion: boolean[];
  elements: NumberElement[];
}

const SENTENCE_END = new Set([".", "!", "?", "…"]);
const NUMBER_TOKEN = /\b(?:vnd\d+|d\d+m\d+|num\d+)\b/g;
const PLACEHOLDER = /^zqx[a-j](?:x[a-j])*$/;

/**
 * Number tokens hidden from the analyser as letters that never repeat three times in a row (it would
 * collapse "vnd300000" as it collapses "quáaaa"): "zqx" and the index, each digit a letter behind an x.
 */
function hideNumbers(text: string): { text: string; hidden: string[] } {
  const hidden: string[] = [];
  const out = text.replace(NUMBER_TOKEN, (token) => {
    const digits = [...String(hidden.length)].map((d) => String.fromCharCode(97 + Number(d)));
    hidden.push(token);
    return `zqx${digits.join("x")}`;
  });
  return { text: out, hidden };
}

function unhideNumber(placeholder: string, hidden: readonly string[]): string {
  const index = Number(
    placeholder
      .slice(3)
      .split("x")
      .map((letter) => letter.charCodeAt(0) - 97)
      .join(""),
  );
  return hidden[index] ?? placeholder;
}

/** Rewrites word-whole phrases found in the folded text; folding keeps places, so spans map back. */
function rewritePhrases(text: string): string {
  let out = text;
  let folded = foldDiacritics(text);
  for (const [pattern, words] of RUMOUR_PHRASES) {
    pattern.lastIndex = 0;
    if (!pattern.test(folded)) continue;
    pattern.lastIndex = 0;
    let next = "";
    let last = 0;
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      next += `${out.slice(last, match.index)}${words}`;
      last = match.index + match[0].length;
    }
    out = next + out.slice(last);
    folded = foldDiacritics(out);
  }
  return out;
}

/** The word as the ward's abbreviations write it out (it may become several words). */
function expandWord(word: string, next: string | undefined): string[] {
  const folded = foldDiacritics(word);
  if (folded === "ck") return readCk(next === undefined ? undefined : foldDiacritics(next)).split(" ");
  const expanded = RUMOUR_ABBREVIATIONS[folded];
  if (expanded !== undefined) return expanded.split(" ");
  // Chat writes "ph" as "f" ("học fí", "bị fạt"); no Vietnamese word starts with an f.
  if (word.length <= 5 && /^f[aeiouy]/.test(folded)) return [`ph${word.slice(1)}`];
  return [word];
}

/** Reads a text: words with their sentence and clause, the numbers in it, which sentences ask. */
export function readText(text: string): ReadText {
  const lower = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\r?\n+/g, " . ");
  const numbers = readNumbers(lower);
  const { text: withPlaceholders, hidden } = hideNumbers(rewritePhrases(numbers.text.replace(/\s+/g, " ")));
  const analyzed = analyzeVietnamese(withPlaceholders);
  const words: Word[] = [];
  const sentenceEndsWithQuestion: boolean[] = [];
  let sentence = 0;
  let clause = 0;
  let isSentenceOpen = false;
  const tokens = analyzed.tokens.map((token) =>
    PLACEHOLDER.test(token) ? unhideNumber(token, hidden) : token,
  );
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const isWord = /^[\p{L}\p{N}]/u.test(token) && !isMaskToken(token);
    if (!isWord) {
      if (SENTENCE_END.has(token) && isSentenceOpen) {
        sentenceEndsWithQuestion[sentence] = token === "?";
        sentence++;
        isSentenceOpen = false;
      }
      clause++;
      continue;
    }
    for (const word of expandWord(token, tokens[i + 1])) {
      const folded = foldDiacritics(word);
      words.push({ word, folded, isMarked: folded !== word, sentence, clause });
    }
    isSentenceOpen = true;
  }
  if (isSentenceOpen) sentenceEndsWithQuestion[sentence] = false;
  return { words, sentenceEndsWithQuestion, elements: numbers.elements };
}
