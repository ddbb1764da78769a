import { describe, expect, it } from "vitest";
import { OpinionClassifier } from "./classify.js";
import { decodeModel, encodeModel } from "./model-file.js";
import { TINY_TASK, tinyCorpus } from "./tiny-corpus.js";
import { trainOpinionModel } from "./train.js";

const trained = trainOpinionModel({
  definition: TINY_TASK,
  train: tinyCorpus(),
  seed: 3,
  command: "npm run opinion:train -- --task sentiment --seed 3",
  day: "2026.12.03",
});

describe("the model file", () => {
  it("reads back to a model that gives the same labels and scores", () => {
    const written = new OpinionClassifier(trained.model);
    const read = new OpinionClassifier(decodeModel(trained.bytes));
    const texts = [...tinyCorpus().map((e) => e.text), "thay day rat hay", "Phòng máy QUÁ TỆ!!!", ""];
    for (const text of texts) expect(read.classify(text)).toEqual(written.classify(text));
    expect(new Set(texts.map((t) => read.labelIdOf(t))).size).toBe(3);
  });

  it("records the version, the labels, the command, the seed and the data on every label", () => {
    const { header } = decodeModel(trained.bytes);
    expect(header).toMatchObject({
      task: "sentiment",
      labels: ["negative", "neutral", "positive"],
      provenance: { command: "npm run opinion:train -- --task sentiment --seed 3", seed: 3, examples: 54 },
    });
    expect(header.version).toMatch(/^sentiment-2026\.12\.03-[0-9a-f]{8}$/);
    expect(new OpinionClassifier(trained.model).classify("cô dạy rất hay").modelVersion).toBe(header.version);
  });

  it("names the weights in the version: other weights, another version", () => {
    const { model } = trained;
    const members = model.members.map((m, i) => ({
      model: { ...m, weights: m.weights.map((w, j) => (j === 0 ? w + 1 : w)) },
      features: model.header.members[i]!.features,
      share: 1,
    }));
    const draft = {
      task: "sentiment",
      labels: model.header.labels,
      classBias: model.header.classBias,
      provenance: model.header.provenance,
      dev: null,
      day: "2026.12.03",
    };
    const changed = encodeModel({ ...draft, members });
    expect(changed.model.header.version).not.toBe(model.header.version);
    const same = encodeModel({
      ...draft,
      members: members.map((m, i) => ({ ...m, model: model.members[i]! })),
    });
    expect(same.model.header.version).toBe(model.header.version);
  });

  it("refuses bytes that are not a model", () => {
    expect(() => decodeModel(Buffer.from("not a model at all"))).toThrow(/not an opinion model/);
    const truncated = trained.bytes.subarray(0, trained.bytes.length - 10);
    expect(() => decodeModel(truncated)).toThrow();
  });
});
