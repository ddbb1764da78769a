import type { LabelCorrection, Signal } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { signalLabelCorrections } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { oneSignal } from "./signals-inbox.js";
import type { StaffActor } from "./staff.js";

const tasks = ["sentiment", "toxicity"] as const;

/**
 * A staff correction of what the models read in a signal: the label changes at once (the labeller
 * never overwrites it: the signal counts as labelled), and each change is kept with the label it
 * replaced, for the ward's own training data. Choosing the label it already has changes nothing.
 */
export async function correctLabels(
  db: Db,
  actor: StaffActor,
  id: number,
  correction: LabelCorrection,
): Promise<Signal> {
  await db.transaction(async (tx) => {
    const [current] = await queryRows<{
      sentiment: string | null;
      toxicity: string | null;
      label_sources: Record<string, string> | null;
    }>(
      tx,
      sql`select sentiment, toxicity, label_sources from signals
          where id = ${id} and ward_id = ${actor.wardId} and text is not null for update`,
    );
    if (!current) throw notFound("ý kiến có nội dung chữ");
    const changed = tasks.filter(
      (task) => correction[task] !== undefined && correction[task] !== current[task],
    );
    if (changed.length === 0) return;
    await tx.insert(signalLabelCorrections).values(
      changed.map((task) => ({
        signalId: id,
        task,
        label: correction[task]!,
        previousLabel: current[task],
        previousSource: current.label_sources?.[task] ?? null,
        staffId: actor.id,
      })),
    );
    const sources = { ...current.label_sources, ...Object.fromEntries(changed.map((t) => [t, "staff"])) };
    await tx.execute(sql`
      update signals set labelled_at = coalesce(labelled_at, now()), label_sources = ${JSON.stringify(sources)}::jsonb,
        sentiment = ${correction.sentiment ?? current.sentiment}, toxicity = ${correction.toxicity ?? current.toxicity}
      where id = ${id}`);
    await recordAudit(tx, {
      entityType: "signal",
      entityId: String(id),
      action: "correct_labels",
      actor: { type: "staff", id: actor.id },
      details: Object.fromEntries(changed.map((t) => [t, { from: current[t], to: correction[t] }])),
    });
  });
  return oneSignal(db, actor.wardId, id);
}
