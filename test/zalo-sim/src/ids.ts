import { randomInt } from "node:crypto";

/**
 * Seedable pseudo-random source (sfc32 seeded through splitmix32). A fixed `seed` makes ids,
 * tokens and fault draws repeatable; without one every run differs.
 */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  uint32(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandomSource(seed: number = randomInt(0, 2 ** 32 - 1)): RandomSource {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  return { uint32, next: () => uint32() / 2 ** 32 };
}

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export interface IdGenerator {
  /** 20 lowercase hex characters, like Zalo's message ids. */
  messageId(): string;
  /** Opaque base64url-looking token. */
  token(length?: number): string;
}

export function createIdGenerator(random: RandomSource): IdGenerator {
  const hex8 = (): string => random.uint32().toString(16).padStart(8, "0");
  return {
    messageId: () => (hex8() + hex8() + hex8()).slice(0, 20),
    token: (length = 64) => {
      let out = "";
      for (let i = 0; i < length; i++) out += TOKEN_ALPHABET[random.uint32() & 63];
      return out;
    },
  };
}
