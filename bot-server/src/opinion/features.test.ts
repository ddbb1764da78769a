import { analyzeVietnamese } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { type FeatureConfig, FeatureExtractor } from "./features.js";

const vector = (config: FeatureConfig, text: string) => {
  const v = new FeatureExtractor(config).extract(analyzeVietnamese(text));
  return { indices: [...v.indices.subarray(0, v.length)], values: [...v.values.subarray(0, v.length)] };
};

const ALL: FeatureConfig = {
  bits: 16,
  words: { ngrams: 3, weight: 1 },
  foldedWords: { ngrams: 2, weight: 0.5 },
  chars: { min: 2, max: 5, weight: 2 },
  negation: { window: 4, weight: 0.5 },
};

describe("hashed n-gram features", () => {
  it("puts every feature in a bucket and gives each block its weight as its length", () => {
    const { indices, values } = vector(ALL, "Giảng viên không nhiệt tình, dạy chán");
    expect(indices.every((i) => i >= 0 && i < 2 ** 16)).toBe(true);
    const squared = values.reduce((sum, v) => sum + v * v, 0);
    expect(squared).toBeCloseTo(1 + 0.25 + 4 + 0.25, 4);
  });

  it("reads the folded words of text with and without diacritics alike", () => {
    const folded: FeatureConfig = { ...ALL, words: null, negation: null };
    expect(vector(folded, "Thầy dạy rất hay")).toEqual(vector(folded, "thay day rat hay"));
    expect(vector(ALL, "Thầy dạy rất hay")).not.toEqual(vector(ALL, "thay day rat hay"));
  });

  it("marks the words a negation reaches, up to its window", () => {
    const negation: FeatureConfig = {
      bits: 16,
      words: null,
      foldedWords: null,
      chars: null,
      negation: ALL.negation,
    };
    expect(vector(negation, "thầy dạy hay").indices).toHaveLength(0);
    expect(vector(negation, "thầy không dạy hay").indices).toHaveLength(2);
    // Punctuation closes the scope.
    expect(vector(negation, "không , dạy hay").indices).toHaveLength(0);
  });

  it("refuses a bucket count it cannot address", () => {
    expect(() => new FeatureExtractor({ ...ALL, bits: 30 })).toThrow(/bits/);
  });
});
