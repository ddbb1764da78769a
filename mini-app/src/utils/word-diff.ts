/**
 * A small word diff for the approver: a shortest edit script (Myers) over words, whitespace kept
 * as its own tokens so the text reads back exactly. The unchanged head and tail are trimmed first;
 * when too much changed it falls back to lines, then to "all of it was replaced", so a
 * 20,000-character body never costs more than a few MB.
 */

export type DiffPart = { type: "same" | "added" | "removed"; text: string };

/** Changed tokens beyond which a word diff gives way to a line diff (memory grows with its square). */
const maxEdits = 1500;

function tokenizeWords(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== "");
}

function tokenizeLines(text: string): string[] {
  // Not a lookbehind split: older iOS webviews inside Zalo cannot parse one.
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function push(parts: DiffPart[], type: DiffPart["type"], text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/**
 * Myers' O((N+M)·D) diff: fast when the edit is small against a long text, which is what a
 * reviewer usually sees. Keeps, for each step d, the furthest reaches for diagonals -d-1..d+1
 * (about D² numbers in all); null when more than `maxEdits` tokens changed.
 */
function myersDiff(before: string[], after: string[]): DiffPart[] | null {
  const n = before.length;
  const m = after.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(n + m, maxEdits) && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && before[x] === after[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return null;

  // Walk back from the end, reading each step's snapshot; parts come out in reverse.
  const reversed: DiffPart[] = [];
  const emit = (type: DiffPart["type"], text: string) => reversed.push({ type, text });
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      emit("same", before[x]!);
    }
    if (d === 0) break;
    if (x === previousX) emit("added", after[--y]!);
    else emit("removed", before[--x]!);
  }
  const parts: DiffPart[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(parts, reversed[i]!.type, reversed[i]!.text);
  return parts;
}

function diffTokens(
  before: string[],
  after: string[],
  fallback: (before: string[], after: string[]) => DiffPart[],
): DiffPart[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const middleBefore = before.slice(head, before.length - tail);
  const middleAfter = after.slice(head, after.length - tail);
  const parts: DiffPart[] = [];
  push(parts, "same", before.slice(0, head).join(""));
  for (const part of myersDiff(middleBefore, middleAfter) ?? fallback(middleBefore, middleAfter))
    push(parts, part.type, part.text);
  push(parts, "same", before.slice(before.length - tail).join(""));
  return parts;
}

function replaceAll(before: string[], after: string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  push(parts, "removed", before.join(""));
  push(parts, "added", after.join(""));
  return parts;
}

/** The changes from `before` to `after`, word by word (line by line for very long rewrites). */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === "" ? [] : [{ type: "same", text: before }];
  return diffTokens(tokenizeWords(before), tokenizeWords(after), (b, a) =>
    diffTokens(tokenizeLines(b.join("")), tokenizeLines(a.join("")), replaceAll),
  );
}
