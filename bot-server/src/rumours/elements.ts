// Numbers as residents write them, read into values: "300.000 đồng", "300k", "300 nghìn", "nửa triệu",
// "2tr", "1tr5", "hai triệu" are amounts of money in đồng; "30/6" is a date; any other number stays a
// number ("lớp 6", "tổ 3"). Each becomes one word-like token (`vnd300000`, `d30m6`, `num6`), so a
// claim and a message that give the same amount in different ways share a token to align on.
import { foldDiacritics, formatCount } from "@loa-phuong/shared";

export type ElementKind = "amount" | "date" | "number";

export interface NumberElement {
  kind: ElementKind;
  /** Đồng for an amount; day × 100 + month for a date; the number itself otherwise. */
  value: number;
  /** The token that stands for it in the text (`vnd300000`, `d30m6`, `num6`). */
  token: string;
  /** The words as written. */
  text: string;
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  d: 1,
  dong: 1,
  vnd: 1,
  k: 1e3,
  nghin: 1e3,
  ngan: 1e3,
  tr: 1e6,
  trieu: 1e6,
  ty: 1e9,
};

/** Number words said before a unit ("năm triệu", "hai trăm nghìn"), folded. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  nua: 0.5,
};

// "k" only right after the figure: "lớp 9 k được" is "lớp 9 không được", not 9,000 đồng.
const SPACED_UNIT = "vnd|dong|d|nghin|ngan|trieu|tr|ty";
const DIGITS = String.raw`\d+(?:[.,]\d+)*`;
const WORDS = Object.keys(NUMBER_WORDS).join("|");
// Over folded lower-case text (folding keeps every character's place, so spans map back to the source).
const NUMBER_PATTERN = new RegExp(
  [
    // A phone number: left whole for the analyser to mask.
    String.raw`(?<phone>(?:\+?84|\b0)(?:[ .-]?\d){9,10}(?!\d))`,
    // A date: 30/6, 01/07/2026.
    String.raw`(?<date>\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b)`,
    // "1tr5" is one and a half million.
    String.raw`(?<split>\b\d+)(?<splitUnit>tr|trieu|ty)(?<rest>\d{1,3})\b`,
    // An amount in figures: "300.000d", "300k", "2 trieu", "2 tram nghin".
    String.raw`(?<amount>\b${DIGITS})(?:(?<unit>k)|\s?(?<hundred>tram\s)?(?<spaced>${SPACED_UNIT}))(?![a-z0-9])`,
    // An amount in words: "nam trieu", "hai tram nghin", "nua trieu".
    String.raw`\b(?<word>${WORDS})\s(?<wordHundred>tram\s)?(?<wordUnit>trieu|nghin|ngan|ty)(?![a-z])`,
    String.raw`(?<bare>\b${DIGITS})(?![a-z0-9])`,
  ].join("|"),
  "g",
);

/** A figure as written ("300.000", "1,5", "2.5"): dots and commas group thousands or mark decimals. */
export function parseFigure(figure: string): number {
  const parts = figure.split(/[.,]/);
  if (parts.length === 1) return Number(figure);
  const isGrouped = parts.slice(1).every((part) => part.length === 3);
  if (isGrouped) return Number(parts.join(""));
  if (parts.length === 2) return Number(`${parts[0]}.${parts[1]}`);
  return Number.NaN;
}

function amountToken(value: number): string {
  return `vnd${Math.round(value)}`;
}

function readMatch(groups: Record<string, string | undefined>, text: string): NumberElement | null {
  if (groups.date) {
    const [day, month] = groups.date.split("/").map(Number);
    return { kind: "date", value: day! * 100 + month!, token: `d${day}m${month}`, text };
  }
  if (groups.split) {
    const base = Number(groups.split);
    const rest = Number(`0.${groups.rest}`);
    const value = (base + rest) * MULTIPLIERS[groups.splitUnit!]!;
    return { kind: "amount", value, token: amountToken(value), text };
  }
  if (groups.amount) {
    const figure = parseFigure(groups.amount);
    if (Number.isNaN(figure)) return null;
    const unit = groups.unit ?? groups.spaced!;
    const value = figure * (groups.hundred ? 100 : 1) * MULTIPLIERS[unit]!;
    return { kind: "amount", value, token: amountToken(value), text };
  }
  if (groups.word) {
    const value =
      NUMBER_WORDS[groups.word]! * (groups.wordHundred ? 100 : 1) * MULTIPLIERS[groups.wordUnit!]!;
    return { kind: "amount", value, token: amountToken(value), text };
  }
  const figure = parseFigure(groups.bare!);
  if (Number.isNaN(figure)) return null;
  // "300.000" with no unit after it is money; a smaller grouped figure ("1.000 suất") is more often a count.
  const isGroupedThousands = /^\d{1,3}(?:[.,]\d{3})+$/.test(groups.bare!);
  if (isGroupedThousands && figure >= 10_000) {
    return { kind: "amount", value: figure, token: amountToken(figure), text };
  }
  return { kind: "number", value: figure, token: `num${groups.bare!.replace(/[.,]/g, "")}`, text };
}

export interface ReadNumbers {
  /** The text with each number replaced by its token (lower case, NFC). */
  text: string;
  elements: NumberElement[];
}

/** Finds the numbers of a lower-case NFC text and writes each as its token. */
export function readNumbers(lowerText: string): ReadNumbers {
  const folded = foldDiacritics(lowerText);
  const elements: NumberElement[] = [];
  let out = "";
  let last = 0;
  NUMBER_PATTERN.lastIndex = 0;
  for (let match = NUMBER_PATTERN.exec(folded); match !== null; match = NUMBER_PATTERN.exec(folded)) {
    const groups = match.groups ?? {};
    if (groups.phone) continue;
    const source = lowerText.slice(match.index, match.index + match[0].length);
    const element = readMatch(groups, source);
    if (!element) continue;
    elements.push(element);
    out += `${lowerText.slice(last, match.index)} ${element.token} `;
    last = match.index + match[0].length;
  }
  return { text: out + lowerText.slice(last), elements };
}

/** A word as staff read it: a number token written back as a number ("vnd300000" → "300.000 đ"). */
export function describeWord(word: string): string {
  const amount = /^vnd(\d+)$/.exec(word);
  if (amount) return `${formatCount(Number(amount[1]))} đ`;
  const date = /^d(\d+)m(\d+)$/.exec(word);
  if (date) return `${date[1]}/${date[2]}`;
  const number = /^num(\d+)$/.exec(word);
  return number ? number[1]! : word;
}

/** Whether a token stands for a number element. */
export function isNumberToken(token: string): boolean {
  return /^(?:vnd\d+|d\d+m\d+|num\d+)$/.test(token);
}

/** Whether a token stands for an amount of money. */
export function isAmountToken(token: string): boolean {
  return token.startsWith("vnd") && /^vnd\d+$/.test(token);
}
