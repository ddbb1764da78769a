import { type SignalKind, searchKey } from "@loa-phuong/shared";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../store/database.js";
import { residents, signals } from "../store/schema/index.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * Records something a resident sent back from the Mini App as a signal linked to the resident, their
 * group and the post, and counts it as an interaction.
 */
export async function recordMiniAppSignal(
  db: Db | Tx,
  resident: ResidentRow,
  signal: {
    kind: SignalKind;
    text?: string | null;
    postId?: string | null;
    payload?: Record<string, unknown>;
  },
): Promise<number> {
  const text = signal.text ?? null;
  const [row] = await db
    .insert(signals)
    .values({
      wardId: resident.wardId,
      residentId: resident.id,
      residentialGroupId: resident.residentialGroupId,
      postId: signal.postId ?? null,
      kind: signal.kind,
      source: "mini_app",
      text,
      searchText: text ? searchKey(text) : null,
      payload: signal.payload ?? {},
      sentAt: new Date(),
    })
    .returning({ id: signals.id });
  await db.update(residents).set({ updatedAt: sql`now()` }).where(eq(residents.id, resident.id));
  return row!.id;
}
