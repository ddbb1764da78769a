// Staff corrections kept in the store, read as training examples for `npm run opinion:train -- --store`:
// the ward's own words with the label staff gave them.
import { sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import type { Example } from "./datasets.js";
import type { OpinionTask } from "./tasks.js";

/**
 * How much a correction counts beside a corpus example: a staff member's considered reading of the
 * ward's own words, and rare among thousands of corpus sentences.
 */
export const STAFF_CORRECTION_WEIGHT = 3;

/**
 * Every signal whose label for the task staff set, with that label (the latest correction: the signal
 * holds it), oldest first. A label the task does not know (a table edited by hand) is skipped.
 */
export async function readStoreCorrections(
  db: Db,
  task: OpinionTask,
  labels: readonly string[],
): Promise<Example[]> {
  const column = task === "sentiment" ? sql`sentiment` : sql`toxicity`;
  // db.execute as queryRows does it: the store's module (and its drivers) stays out of opinion:classify.
  const { rows } = (await db.execute(
    sql`select text, ${column} as label from signals
        where text is not null and label_sources->>${task} = 'staff' order by id`,
  )) as unknown as { rows: { text: string; label: string | null }[] };
  return rows.flatMap((row) => {
    const label = row.label === null ? -1 : labels.indexOf(row.label);
    return label < 0 ? [] : [{ text: row.text, label, weight: STAFF_CORRECTION_WEIGHT }];
  });
}
