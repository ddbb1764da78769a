import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { signals } from "../store/schema/index.js";
import { buildWard } from "../testing/factories.js";
import { openTestStore } from "../testing/test-stores.js";
import { OpinionClassifier } from "./classify.js";
import { readStoreCorrections, STAFF_CORRECTION_WEIGHT } from "./store-corrections.js";
import { TINY_TASK, tinyCorpus } from "./tiny-corpus.js";
import { trainOpinionModel } from "./train.js";

/** What `opinion:train -- --store` learns: the staff's corrections kept in the ward's store. */
describe("training on the staff's corrections in the store", () => {
  let store: Store;
  const corrected = "phòng máy ồn ào";

  beforeAll(async () => {
    store = await openTestStore("pglite");
    const ward = await buildWard(store.db);
    const signal = (text: string, sentiment: "negative" | "positive", source: string) => ({
      wardId: ward.id,
      kind: "comment" as const,
      source: "mini_app" as const,
      text,
      sentAt: new Date(),
      sentiment,
      labelSources: { sentiment: source, toxicity: "toxicity-model" },
    });
    await store.db.insert(signals).values([
      // Three residents wrote it; staff corrected each (a model had said otherwise).
      ...Array.from({ length: 3 }, () => signal(corrected, "negative", "staff")),
      // A label no one corrected is the model's: not a lesson.
      signal("thầy dạy rất hay", "positive", "sentiment-model"),
    ]);
  });
  afterAll(async () => store?.close());

  it("reads each corrected label of the task, weighted, and nothing a model gave", async () => {
    const examples = await readStoreCorrections(store.db, "sentiment", TINY_TASK.labels);
    expect(examples).toEqual(
      Array.from({ length: 3 }, () => ({ text: corrected, label: 0, weight: STAFF_CORRECTION_WEIGHT })),
    );
    expect(await readStoreCorrections(store.db, "toxicity", ["clean", "offensive", "hate"])).toEqual([]);
  });

  it("changes the model's label for the corrected text", async () => {
    const train = (extra = [] as Awaited<ReturnType<typeof readStoreCorrections>>) =>
      new OpinionClassifier(
        trainOpinionModel({
          definition: TINY_TASK,
          train: tinyCorpus(),
          extra,
          seed: 7,
          command: "t",
          day: "2026.01.01",
        }).model,
      );
    const before = train().classify(corrected).label;
    expect(before).not.toBe("negative");
    const after = train(await readStoreCorrections(store.db, "sentiment", TINY_TASK.labels));
    expect(after.classify(corrected).label).toBe("negative");
    expect(after.classify("ban lop truong day rat hay").label).toBe("positive");
  });
});
