import { describe, expect, it } from "vitest";
import { OpinionClassifier } from "./classify.js";
import type { Example } from "./datasets.js";
import { TINY_TASK, tinyCorpus } from "./tiny-corpus.js";
import { trainOpinionModel, withoutDiacritics } from "./train.js";

const train = (seed = 7, extra: Example[] = []) =>
  trainOpinionModel({
    definition: TINY_TASK,
    train: tinyCorpus(),
    extra,
    seed,
    command: "test",
    day: "2026.12.03",
  });

describe("training an opinion model", () => {
  it("learns a small corpus, and reads new sentences by their words, with or without diacritics", () => {
    const classifier = new OpinionClassifier(train().model);
    const corpus = tinyCorpus();
    const predicted = corpus.map((e) => classifier.labelIdOf(e.text));
    expect(predicted).toEqual(corpus.map((e) => e.label));
    // Subjects and opinions paired anew, some typed without diacritics.
    expect(classifier.classify("Bạn lớp trưởng dạy rất hay").label).toBe("positive");
    expect(classifier.classify("ban lop truong noi kho hieu").label).toBe("negative");
    expect(classifier.classify("bài kiểm tra có ba chương").label).toBe("neutral");
    expect(withoutDiacritics("Đường phố")).toBe("Duong pho");
  });

  it("gives the same bytes for the same data and seed, and records the seed", () => {
    const first = train(7);
    expect(Buffer.compare(first.bytes, train(7).bytes)).toBe(0);
    expect(train(8).model.header.provenance.seed).toBe(8);
    expect(first.model.header.version).toMatch(/^sentiment-2026\.12\.03-[0-9a-f]{8}$/);
  });

  it("takes extra examples that teach it what the corpus did not", () => {
    const before = new OpinionClassifier(train().model);
    const text = "phòng máy ồn ào";
    const corrections = Array.from({ length: 3 }, () => ({ text, label: 0, weight: 5 }));
    const after = new OpinionClassifier(train(7, corrections).model);
    expect(after.model.header.provenance.extraExamples).toBe(3);
    expect(after.labelIdOf(text)).toBe(0);
    expect(before.classify(text).scores).not.toEqual(after.classify(text).scores);
  });

  it("reports dev figures of the model as stored, written and without diacritics", () => {
    const corpus = tinyCorpus();
    const result = trainOpinionModel({
      definition: TINY_TASK,
      train: corpus,
      dev: corpus.slice(0, 9),
      seed: 1,
      command: "test",
      day: "2026.12.03",
    });
    expect(result.dev).toMatchObject({ examples: 9, accuracy: 1, macroF1: 1, accentlessMacroF1: 1 });
    expect(result.model.header.dev).toEqual(result.dev);
  });
});
