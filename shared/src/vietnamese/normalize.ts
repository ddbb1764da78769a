// What a resident wrote, made comparable: one reading of "Thầy dạy hay quáaaa :)))", "thay day hay qua =))"
// and the corpus's "thầy dạy hay quá colonsmilesmile", for the opinion models and for counting words.
import { CORPUS_WORDS, EMO, EMOJI, EMOTICONS } from "./emoticons.js";
import { baseLetterCode, foldDiacritics, hasDiacritics } from "./fold.js";
import { TEEN_CODE, UNITS_AFTER_NUMBER } from "./teen-code.js";

/** Tokens that stand for something masked; they never carry diacritics and are never split. */
export const MASK = {
  url: "<url>",
  email: "<email>",
  phone: "<phone>",
  number: "<num>",
  /** The anonymised names of UIT-VSFC (`wzjwz208`). */
  name: "<name>",
} as const;

export interface AnalyzedText {
  /** The text as given. */
  original: string;
  /** NFC, lower case, abbreviations written out, masks and emoticon tokens: `tokens` joined by spaces. */
  normalized: string;
  /** `normalized` without diacritics (đ → d): how the same words read typed without accents. */
  folded: string;
  tokens: readonly string[];
  /** `tokens` folded, one for one. */
  foldedTokens: readonly string[];
  /** Whether any word carried a Vietnamese mark: text typed without them reads differently. */
  hasDiacritics: boolean;
}

/** A mask or an emoticon token (`<url>`, `<emo_pos>`): not a word. */
export function isMaskToken(token: string): boolean {
  return token.charCodeAt(0) === 0x3c && token.length > 2 && token.endsWith(">");
}

// Invisible characters that split words or emoji for nothing: soft hyphen, zero-width spaces and joiners
// (a joiner between two emoji stays), variation selectors, skin tones, flag letters.
const INVISIBLE = new RegExp(
  [
    "[\\u00ad\\u200b\\u200c\\u200e\\u200f\\u2060\\ufeff]",
    "\\ufe0e",
    "\\ufe0f",
    "[\\u{1f3fb}-\\u{1f3ff}]",
    "[\\u{1f1e6}-\\u{1f1ff}]",
    "\\u200d(?!\\p{Extended_Pictographic})",
  ].join("|"),
  "gu",
);

const EMOTICON_SOURCES = EMOTICONS.map(([source]) => source).join("|");
const EMOTICON_READINGS = EMOTICONS.map(
  ([source, token]) => [new RegExp(`^(?:${source})$`, "u"), token] as const,
);

const EMAIL = /([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/u.source;
const LINK =
  /((?:https?:\/\/|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|edu|gov|info|io|me|ly)(?:\/\S*)?)/u
    .source;
/** A group that never matches, holding the place of the e-mail and link groups in text without either. */
const NEVER = "((?!))";

// One pass over the text; the first alternative that matches at a position wins, so their order is the
// precedence: an e-mail before a link, a phone number before a number, an emoticon before punctuation.
function tokenPattern(email: string, link: string): RegExp {
  const sources = [
    email,
    link,
    /((?:\+?84|0)(?:[ .-]?\d){9,10}(?!\d))/u.source,
    /(\d+(?:[.,:/]\d+)*[\p{L}%]*)/u.source,
    `(${EMOTICON_SOURCES})`,
    /(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*)/u.source,
    /([\p{L}\p{M}][\p{L}\p{M}\p{N}]*)/u.source,
    /(\.{2,}|…+)/u.source,
    /(?<punctuation>[^\s\p{L}\p{M}\p{N}])\k<punctuation>*/u.source,
  ];
  return new RegExp(sources.join("|"), "gu");
}

const TOKEN = tokenPattern(EMAIL, LINK);
/** Most messages hold no link and no e-mail: this pattern does not try them at every word. */
const TOKEN_WITHOUT_LINKS = tokenPattern(NEVER, NEVER);
const MAY_HOLD_LINK = /[@/]|\.[a-z]/;

// Old-style tone placement at a word's end (hoà, khoẻ, thuỷ) written the new way (hòa, khỏe, thủy).
const TONE_PLACEMENT: Readonly<Record<string, string>> = {
  oà: "òa",
  oá: "óa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oè: "òe",
  oé: "óe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uỳ: "ùy",
  uý: "úy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};

/** Letters repeated 3+ times, whatever their marks, kept once: "quáaaa" → "quá", "điiii" → "đi". */
export function collapseRepeatedLetters(word: string): string {
  if (word.length < 3 || !hasRunOfThree(word)) return word;
  let out = "";
  let runStart = 0;
  for (let i = 1; i <= word.length; i++) {
    const isSameLetter =
      i < word.length && baseLetterCode(word.charCodeAt(i)) === baseLetterCode(word.charCodeAt(runStart));
    if (isSameLetter) continue;
    const run = i - runStart;
    // A word that is one letter repeated ("kkkk": laughter) keeps three, so it stays itself.
    if (run === word.length) return word.slice(0, 3);
    out += run >= 3 ? word[runStart] : word.slice(runStart, i);
    runStart = i;
  }
  // A syllable of two letters said 3+ times ("hahaha") is said twice.
  return out.replace(/^(\p{L}{2})\1{2,}$/u, "$1$1");
}

function hasRunOfThree(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const base = baseLetterCode(word.charCodeAt(i));
    if (base === baseLetterCode(word.charCodeAt(i - 1)) && base === baseLetterCode(word.charCodeAt(i - 2)))
      return true;
  }
  // "hahaha": a two-letter syllable said three times.
  return (
    word.length >= 6 && word.charCodeAt(0) === word.charCodeAt(2) && word.charCodeAt(1) === word.charCodeAt(3)
  );
}

function placeTone(word: string): string {
  const ending = TONE_PLACEMENT[word.slice(-2)];
  if (ending === undefined || (word.length > 2 && word.at(-3) === "q")) return word;
  return word.slice(0, -2) + ending;
}

function readWord(word: string, previous: string | undefined): string {
  const collapsed = collapseRepeatedLetters(word);
  const corpusWord = CORPUS_WORDS[collapsed];
  if (corpusWord !== undefined) return corpusWord;
  if (collapsed.startsWith("wzjwz") && /^wzjwz\d+$/.test(collapsed)) return MASK.name;
  if (previous === MASK.number && UNITS_AFTER_NUMBER.has(collapsed)) return collapsed;
  return TEEN_CODE[collapsed] ?? placeTone(collapsed);
}

function readEmoticon(emoticon: string): string {
  for (const [pattern, token] of EMOTICON_READINGS) if (pattern.test(emoticon)) return token;
  return EMO.other;
}

/** A word's reading, written and folded: the same few thousand words come back in every message. */
interface WordReading {
  tokens: readonly string[];
  folded: readonly string[];
}

const WORD_CACHE = new Map<string, WordReading>();
const WORD_CACHE_LIMIT = 50_000;

function readingOf(token: string): WordReading {
  const tokens = token.includes(" ") ? token.split(" ") : [token];
  return { tokens, folded: tokens.map(foldDiacritics) };
}

function cachedWordReading(word: string): WordReading {
  let reading = WORD_CACHE.get(word);
  if (reading === undefined) {
    if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
    reading = readingOf(readWord(word, undefined));
    WORD_CACHE.set(word, reading);
  }
  return reading;
}

function otherToken(match: RegExpExecArray): string {
  if (match[9] !== undefined) return match[9];
  if (match[4] !== undefined) return MASK.number;
  if (match[6] !== undefined) return EMOJI.get(match[6].codePointAt(0)!) ?? EMO.other;
  if (match[5] !== undefined) return readEmoticon(match[5]);
  if (match[8] !== undefined) return "…";
  if (match[3] !== undefined) return MASK.phone;
  if (match[2] !== undefined) return MASK.url;
  return MASK.email;
}

/** Splits lower-cased NFC text into normalised tokens and their folded forms. */
function tokenize(text: string): { tokens: string[]; foldedTokens: string[] } {
  const tokens: string[] = [];
  const foldedTokens: string[] = [];
  const pattern = MAY_HOLD_LINK.test(text) ? TOKEN : TOKEN_WITHOUT_LINKS;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const previous = tokens.at(-1);
    const word = match[7];
    if (word !== undefined) {
      const reading =
        previous === MASK.number && UNITS_AFTER_NUMBER.has(word)
          ? readingOf(readWord(word, previous))
          : cachedWordReading(word);
      tokens.push(...reading.tokens);
      foldedTokens.push(...reading.folded);
      continue;
    }
    const token = otherToken(match);
    // Punctuation and emoticons said again and again ("!!!", "😂😂😂") count once.
    if (token === previous && match[4] === undefined) continue;
    tokens.push(token);
    foldedTokens.push(token);
  }
  return { tokens, foldedTokens };
}

/**
 * Reads a message for the opinion models: NFC, lower case, links, e-mails, phone numbers and numbers
 * masked, emoticons and emoji as `<emo_*>` tokens, repeated letters collapsed, teen code written out,
 * old-style tone marks placed the new way; and the same words folded without diacritics beside them.
 */
export function analyzeVietnamese(text: string): AnalyzedText {
  const clean = text.normalize("NFC").replace(INVISIBLE, "").toLowerCase();
  const { tokens, foldedTokens } = tokenize(clean);
  return {
    original: text,
    normalized: tokens.join(" "),
    folded: foldedTokens.join(" "),
    tokens,
    foldedTokens,
    hasDiacritics: hasDiacritics(clean),
  };
}
