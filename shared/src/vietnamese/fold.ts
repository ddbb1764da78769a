// Diacritic folding by table: one character in, one character out, so a folded string lines up with
// its source character by character (the analyser folds a whole sentence once and splits it).

const TABLE_END = 0x1f00;

/** For each code unit below U+1F00 with a Latin base letter: that letter; 0 where the unit stays. */
const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(TABLE_END);
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const base = String.fromCharCode(code)
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "");
      if (base.length === 1 && /[a-zA-Z]/.test(base)) table[code] = base.charCodeAt(0);
    }
  }
  // đ and Đ are letters of their own in Unicode, not d with a mark: NFD leaves them whole.
  table[0x0111] = 0x64;
  table[0x0110] = 0x44;
  return table;
}

/**
 * The text without Vietnamese tone and vowel marks, đ → d (NFC input; case is kept). The fast table
 * form of `stripDiacritics` for the analyser, which folds every message it reads.
 */
export function foldDiacritics(text: string): string {
  const firstMarked = firstMarkedIndex(text);
  if (firstMarked < 0) return text;
  const out = new Array<string>(text.length - firstMarked);
  for (let i = firstMarked; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < TABLE_END ? FOLD[code]! : 0;
    out[i - firstMarked] = folded === 0 ? text[i]! : String.fromCharCode(folded);
  }
  return text.slice(0, firstMarked) + out.join("");
}

function firstMarkedIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xc0 && code < TABLE_END && FOLD[code] !== 0) return i;
  }
  return -1;
}

/** Whether any letter carries a mark that folding removes (đ included). */
export function hasDiacritics(text: string): boolean {
  return firstMarkedIndex(text) >= 0;
}

/** The letter a character is written on (`ấ` → `a`), for comparing letters whatever their marks. */
export function baseLetterCode(code: number): number {
  return code < TABLE_END && FOLD[code] !== 0 ? FOLD[code]! : code;
}
