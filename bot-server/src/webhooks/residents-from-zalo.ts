import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../store/database.js";
import { residents } from "../store/schema/index.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * The resident behind an OA user id, linking by the app-scoped id when the resident is only known
 * from the Mini App, and creating one when Zalo tells us about somebody new.
 */
export async function residentForOaUser(
  db: Db | Tx,
  args: { wardId: string; oaUserId: string; appUserId?: string | undefined },
): Promise<ResidentRow> {
  const [byOa] = await db.select().from(residents).where(eq(residents.zaloOaUserId, args.oaUserId));
  if (byOa) return byOa;
  if (args.appUserId) {
    const [linked] = await db
      .update(residents)
      .set({ zaloOaUserId: args.oaUserId, updatedAt: new Date() })
      .where(sql`${residents.zaloAppUserId} = ${args.appUserId} and ${residents.zaloOaUserId} is null`)
      .returning();
    if (linked) return linked;
  }
  const created = await insertZaloResident(db, args.wardId, args.oaUserId, args.appUserId);
  if (created) return created;
  // Lost a race with a concurrent event for the same user.
  const [again] = await db.select().from(residents).where(eq(residents.zaloOaUserId, args.oaUserId));
  if (again) return again;
  // The app-scoped id already belongs to a resident linked to another OA id. Zalo gives a user one id
  // per OA, so this is not that resident: the message is kept under a resident of its own, and the
  // link of the other is not taken over.
  const unlinked = await insertZaloResident(db, args.wardId, args.oaUserId, undefined);
  if (unlinked) return unlinked;
  const [last] = await db.select().from(residents).where(eq(residents.zaloOaUserId, args.oaUserId));
  if (!last) throw new Error(`resident for OA user ${args.oaUserId} could not be created`);
  return last;
}

async function insertZaloResident(
  db: Db | Tx,
  wardId: string,
  oaUserId: string,
  appUserId: string | undefined,
): Promise<ResidentRow | undefined> {
  const [created] = await db
    .insert(residents)
    .values({ wardId, fullName: "Người dùng Zalo", zaloOaUserId: oaUserId, zaloAppUserId: appUserId ?? null })
    .onConflictDoNothing()
    .returning();
  return created;
}

/** Interaction time only moves forward (events can arrive out of order). */
export async function touchInteraction(db: Db | Tx, residentId: string, at: Date): Promise<void> {
  await db
    .update(residents)
    .set({
      lastInteractionAt: sql`greatest(${residents.lastInteractionAt}, ${at.toISOString()}::timestamptz)`,
      updatedAt: new Date(),
    })
    .where(eq(residents.id, residentId));
}

/**
 * A follow or unfollow as of `at` (the event's own time). A retried event older than the state we
 * already hold changes nothing: a follow retried after a later unfollow leaves the resident unfollowed.
 */
export async function setFollowState(
  db: Db | Tx,
  residentId: string,
  isFollower: boolean,
  at: Date,
): Promise<void> {
  await db
    .update(residents)
    .set({ isFollower, followChangedAt: at, updatedAt: new Date() })
    .where(
      and(
        eq(residents.id, residentId),
        or(isNull(residents.followChangedAt), lte(residents.followChangedAt, at)),
      ),
    );
}
