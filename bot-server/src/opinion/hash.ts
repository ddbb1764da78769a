// 32-bit hashing for the feature buckets: FNV-1a over UTF-16 code units, finished by MurmurHash3's
// mixer so that short strings spread over the low bits too. Pure integer arithmetic: the same bucket
// on every machine, which is what lets a model file be read anywhere.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step: the hash so far with one more code unit. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** The hash of a string, started from a namespace seed. Not mixed: finish with `mix`. */
export function hashString(text: string, seed: number): number {
  let hash = FNV_OFFSET ^ seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Two hashes in order, as one (for word n-grams). */
export function hashPair(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x9e3779b1), FNV_PRIME) ^ (second >>> 15);
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
export function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
