import { jobIds, type Sentiment, type Toxicity } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { loadClassifier, type OpinionClassifier } from "../opinion/index.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { queryRows, sqlArray } from "../store/database.js";
import type { JobHandler } from "./job-context.js";

/** Signals labelled per statement: ~25 ms of the models' time, one update. */
const BATCH = 500;

let models: Promise<{ sentiment: OpinionClassifier; toxicity: OpinionClassifier }> | undefined;

/** The committed models, read once per process (a failed read is tried again by the next run). */
function opinionModels() {
  models ??= Promise.all([loadClassifier("sentiment"), loadClassifier("toxicity")])
    .then(([sentiment, toxicity]) => ({ sentiment, toxicity }))
    .catch((error: unknown) => {
      models = undefined;
      throw error;
    });
  return models;
}

/**
 * Labels what residents wrote, oldest first, until nothing is left: each signal with words gets its
 * sentiment and toxicity and the versions of the models that gave them. A label staff set first is
 * kept (only unlabelled rows are written).
 */
export const handleOpinionLabel: JobHandler<"opinion.label"> = async (ctx) => {
  const { sentiment, toxicity } = await opinionModels();
  for (;;) {
    const rows = await queryRows<{ id: number; text: string }>(
      ctx.db,
      sql`select id, text from signals where labelled_at is null and text is not null order by id limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    const sentiments: Sentiment[] = [];
    const toxicities: Toxicity[] = [];
    for (const row of rows) {
      sentiments.push(sentiment.labels[sentiment.labelIdOf(row.text)] as Sentiment);
      toxicities.push(toxicity.labels[toxicity.labelIdOf(row.text)] as Toxicity);
    }
    await ctx.db.execute(sql`
      update signals s set sentiment = v.sentiment, toxicity = v.toxicity, labelled_at = now(),
        label_sources = jsonb_build_object('sentiment', ${sentiment.modelVersion}::text,
                                           'toxicity', ${toxicity.modelVersion}::text)
      from unnest(${sqlArray(
        rows.map((r) => Number(r.id)),
        "bigint",
      )}, ${sqlArray(sentiments, "text")}, ${sqlArray(toxicities, "text")}) as v(id, sentiment, toxicity)
      where s.id = v.id and s.labelled_at is null`);
    if (rows.length < BATCH) return;
  }
};

/**
 * Wakes the labeller after residents' words were recorded. At most one run is queued per second; a
 * signal recorded while a run ends, or while Redis is away, is taken by the next wake-up or by the
 * reconciler: what was recorded is never at stake, so this never fails its caller.
 */
export async function wakeLabeller(ctx: { queues: Queues; logger: Logger }): Promise<void> {
  try {
    await enqueue(ctx.queues, "opinion.label", {}, { jobId: jobIds.opinionLabel(Date.now()) });
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not wake the opinion labeller; the reconciler will");
  }
}
