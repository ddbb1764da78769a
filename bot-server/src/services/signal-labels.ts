import type { LabelCorrection, Signal } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { invalidFields, notFound } from "../errors/app-error.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import { signalLabelCorrections } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { oneSignal } from "./signals-inbox.js";
import type { StaffActor } from "./staff.js";

const tasks = ["sentiment", "toxicity", "kind", "themes"] as const;
type Task = (typeof tasks)[number];

/** A set of themes as a correction keeps it: the ids, sorted, joined by "," (none: ""). */
const themeLabel = (ids: readonly string[] | null) => (ids ? [...ids].sort().join(",") : null);

/**
 * A staff correction of what the models read in a signal (its feeling, its words, what it does and
 * which themes it is about): the label changes at once (the labeller never overwrites it: the signal
 * counts as labelled), and each change is kept with the label it replaced, for the ward's own training
 * data; the kind and theme labellers learn from them at their next run. Choosing the label it already
 * has changes nothing; a theme that is not the ward's is refused.
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
      message_kind: string | null;
      themes: string[] | null;
      label_sources: Record<string, string> | null;
    }>(
      tx,
      sql`select sentiment, toxicity, message_kind, themes, label_sources from signals
          where id = ${id} and ward_id = ${actor.wardId} and text is not null for update`,
    );
    if (!current) throw notFound("ý kiến có nội dung chữ");
    if (correction.themes?.length) await requireWardThemes(tx, actor.wardId, correction.themes);
    const before: Record<Task, string | null> = {
      sentiment: current.sentiment,
      toxicity: current.toxicity,
      kind: current.message_kind,
      themes: themeLabel(current.themes),
    };
    const after: Record<Task, string | undefined> = {
      sentiment: correction.sentiment,
      toxicity: correction.toxicity,
      kind: correction.kind,
      themes: correction.themes && themeLabel(correction.themes)!,
    };
    const changed = tasks.filter((task) => after[task] !== undefined && after[task] !== before[task]);
    if (changed.length === 0) return;
    await tx.insert(signalLabelCorrections).values(
      changed.map((task) => ({
        signalId: id,
        task,
        label: after[task]!,
        previousLabel: before[task],
        previousSource: current.label_sources?.[task] ?? null,
        staffId: actor.id,
      })),
    );
    const sources = { ...current.label_sources, ...Object.fromEntries(changed.map((t) => [t, "staff"])) };
    const themes = correction.themes ?? current.themes;
    await tx.execute(sql`
      update signals set labelled_at = coalesce(labelled_at, now()),
        label_sources = ${JSON.stringify(sources)}::jsonb,
        sentiment = ${correction.sentiment ?? current.sentiment},
        toxicity = ${correction.toxicity ?? current.toxicity},
        message_kind = ${correction.kind ?? current.message_kind},
        themes = ${themes ? sqlArray(themes, "uuid") : sql`null`}
      where id = ${id}`);
    await recordAudit(tx, {
      entityType: "signal",
      entityId: String(id),
      action: "correct_labels",
      actor: { type: "staff", id: actor.id },
      details: Object.fromEntries(changed.map((t) => [t, { from: before[t], to: after[t] }])),
    });
  });
  return oneSignal(db, actor.wardId, id);
}

/** Every theme named must be one of the ward's (a retired one may stay on a signal, not be added). */
async function requireWardThemes(db: Db, wardId: string, ids: readonly string[]): Promise<void> {
  const found = await queryRows<{ id: string }>(
    db,
    sql`select id from opinion_themes where ward_id = ${wardId} and id = any(${sqlArray([...ids], "uuid")})`,
  );
  const known = new Set(found.map((r) => r.id));
  const unknown = ids.filter((themeId) => !known.has(themeId));
  if (unknown.length > 0)
    throw invalidFields([{ field: "body.themes", message: "Chủ đề không thuộc phường hoặc đã bị xóa." }]);
}
