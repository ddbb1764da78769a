import {
  analyzeVietnamese,
  jobIds,
  type MessageKind,
  type Sentiment,
  type SignalKind,
  type Toxicity,
} from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { loadClassifier, type OpinionClassifier } from "../opinion/index.js";
import { readMessageKind } from "../opinion/message-kind.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type WardReaders, wardReaders } from "../services/opinion-readers.js";
import { matchRumours, type RumourMatch } from "../services/rumour-index.js";
import { respondToRumours } from "../services/rumour-response.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
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
 * sentiment and toxicity, the known false claim it repeats, if any (bot-server/src/rumours), what it
 * does (its kind) and the ward's themes it is about, with the version of what gave each label. A label
 * staff set first is kept (only unlabelled rows are written).
 */
export const handleOpinionLabel: JobHandler<"opinion.label"> = async (ctx) => {
  const { sentiment, toxicity } = await opinionModels();
  for (;;) {
    const rows = await queryRows<{ id: number; text: string; ward_id: string; kind: SignalKind }>(
      ctx.db,
      sql`select id, text, ward_id, kind from signals
          where labelled_at is null and text is not null order by id limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    const rumours = await matchByWard(ctx.db, rows);
    const sentiments: Sentiment[] = [];
    const toxicities: Toxicity[] = [];
    for (const row of rows) {
      sentiments.push(sentiment.labels[sentiment.labelIdOf(row.text)] as Sentiment);
      toxicities.push(toxicity.labels[toxicity.labelIdOf(row.text)] as Toxicity);
    }
    const { kinds, themes } = await kindsAndThemes(ctx.db, rows, rumours);
    await ctx.db.execute(sql`
      update signals s set sentiment = v.sentiment, toxicity = v.toxicity, labelled_at = now(),
        label_sources = jsonb_build_object('sentiment', ${sentiment.modelVersion}::text,
                                           'toxicity', ${toxicity.modelVersion}::text,
                                           'kind', v.kind_source, 'themes', v.themes_source),
        rumour_claim_id = v.claim_id, rumour_match = v.rumour_match,
        message_kind = v.message_kind, themes = string_to_array(v.themes, ',')::uuid[]
      from unnest(${sqlArray(
        rows.map((r) => Number(r.id)),
        "bigint",
      )}, ${sqlArray(sentiments, "text")}, ${sqlArray(toxicities, "text")},
        ${sqlArray(
          rumours.map((m) => m?.claimId ?? null),
          "uuid",
        )}, ${sqlArray(
          rumours.map((m) => (m ? JSON.stringify({ score: m.score, reason: m.reason }) : null)),
          "jsonb",
        )}, ${sqlArray(kinds.labels, "text")}, ${sqlArray(kinds.sources, "text")},
        ${sqlArray(themes.labels, "text")}, ${sqlArray(themes.sources, "text")})
        as v(id, sentiment, toxicity, claim_id, rumour_match, message_kind, kind_source, themes, themes_source)
      where s.id = v.id and s.labelled_at is null`);
    await respondToRumours(
      ctx,
      rows.filter((_, i) => rumours[i]).map((r) => Number(r.id)),
    );
    if (rows.length < BATCH) return;
  }
};

/**
 * Each row's kind and themes (the ids joined by ","), read by its ward's readers (opinion-readers.ts),
 * with the versions that read them: a matched rumour makes the kind "rumour".
 */
async function kindsAndThemes(
  db: Db,
  rows: { text: string; ward_id: string; kind: SignalKind }[],
  rumours: (RumourMatch | null)[],
) {
  const kinds = { labels: [] as MessageKind[], sources: [] as string[] };
  const themes = { labels: [] as string[], sources: [] as string[] };
  const readersOf = new Map<string, WardReaders>();
  for (const [i, row] of rows.entries()) {
    const readers = readersOf.get(row.ward_id) ?? (await wardReaders(db, row.ward_id));
    readersOf.set(row.ward_id, readers);
    const text = analyzeVietnamese(row.text);
    const input = { text, signalKind: row.kind, rumourMatched: rumours[i] !== null };
    kinds.labels.push(readMessageKind(input, readers.kindLessons).kind);
    kinds.sources.push(readers.versions.kind);
    themes.labels.push(readers.themes.match(text).join(","));
    themes.sources.push(readers.versions.themes);
  }
  return { kinds, themes };
}

/** The rumour matcher over a batch: each ward's texts against that ward's claims, in the batch's order. */
async function matchByWard(
  db: Db,
  rows: { text: string; ward_id: string }[],
): Promise<(RumourMatch | null)[]> {
  const found: (RumourMatch | null)[] = new Array(rows.length).fill(null);
  for (const wardId of new Set(rows.map((r) => r.ward_id))) {
    const at = rows.flatMap((r, i) => (r.ward_id === wardId ? [i] : []));
    const matches = await matchRumours(
      db,
      wardId,
      at.map((i) => rows[i]!.text),
    );
    at.forEach((i, k) => {
      found[i] = matches[k]!;
    });
  }
  return found;
}

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
