import type { AudienceFacts, ResidentProfile } from "@loa-phuong/shared";
import { eq, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import { residentialGroups, residentRoles, residents, unitMembers } from "../store/schema/index.js";
import type { GraphMe } from "../zalo/zalo-schemas.js";
import { INTERACTION_WINDOW_DAYS } from "./audience.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * The resident a verified Zalo user is. A first visit creates the resident; a resident first known
 * through the OA (by OA-scoped id) is linked to the app-scoped id Zalo returns.
 */
export async function residentForZaloUser(db: Db, wardId: string, me: GraphMe): Promise<ResidentRow> {
  return db.transaction(async (tx) => {
    const [byApp] = await tx.select().from(residents).where(eq(residents.zaloAppUserId, me.id)).for("update");
    // Zalo's answer now is the newest follow state there is.
    const followerPatch =
      me.is_follower === undefined ? {} : { isFollower: me.is_follower, followChangedAt: new Date() };
    if (byApp) {
      const [updated] = await tx
        .update(residents)
        .set({
          ...followerPatch,
          ...(byApp.zaloOaUserId || !me.user_id_by_oa ? {} : { zaloOaUserId: me.user_id_by_oa }),
          updatedAt: new Date(),
        })
        .where(eq(residents.id, byApp.id))
        .returning();
      return updated ?? byApp;
    }
    if (me.user_id_by_oa) {
      const [linked] = await tx
        .update(residents)
        .set({
          zaloAppUserId: me.id,
          ...followerPatch,
          ...(me.name
            ? {
                fullName: sql`case when ${residents.fullName} = 'Người dùng Zalo' then ${me.name}
                              else ${residents.fullName} end`,
              }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(residents.zaloOaUserId, me.user_id_by_oa))
        .returning();
      if (linked) return linked;
    }
    const [created] = await tx
      .insert(residents)
      .values({
        wardId,
        fullName: me.name || "Người dùng Zalo",
        zaloAppUserId: me.id,
        zaloOaUserId: me.user_id_by_oa ?? null,
        isFollower: me.is_follower ?? false,
        followChangedAt: me.is_follower === undefined ? null : new Date(),
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    return created;
  });
}

export async function residentProfile(db: Db, resident: ResidentRow): Promise<ResidentProfile> {
  const [group] = resident.residentialGroupId
    ? await db
        .select({ id: residentialGroups.id, name: residentialGroups.name })
        .from(residentialGroups)
        .where(eq(residentialGroups.id, resident.residentialGroupId))
    : [];
  const [unit] = await db
    .select({ id: unitMembers.unitId })
    .from(unitMembers)
    .where(eq(unitMembers.residentId, resident.id))
    .limit(1);
  const roles = await db
    .select({ role: residentRoles.role, schoolId: residentRoles.schoolId })
    .from(residentRoles)
    .where(eq(residentRoles.residentId, resident.id));
  return {
    id: resident.id,
    fullName: resident.fullName,
    residentialGroup: group ?? null,
    membershipStatus: resident.membershipStatus,
    civicRoles: roles,
    isFollower: resident.isFollower,
    isGroupHead: resident.membershipStatus === "confirmed" && roles.some((r) => r.role === "group_head"),
    isOpinionCollaborator: roles.some((r) => r.role === "opinion_collaborator"),
    reportsForUnit: unit !== undefined,
    onboarded: resident.consentedAt !== null,
    hasPhone: resident.phone !== null,
    notificationsAllowed: resident.notificationsAllowed,
    oaMessagingUntil: oaMessagingUntil(resident)?.toISOString() ?? null,
    largeText: resident.largeText,
  };
}

/** Until when the OA may send this resident CS messages (a follower, 7 days after their last interaction). */
export function oaMessagingUntil(resident: ResidentRow, now = Date.now()): Date | null {
  if (!resident.isFollower || !resident.zaloOaUserId || !resident.lastInteractionAt) return null;
  const until = resident.lastInteractionAt.getTime() + INTERACTION_WINDOW_DAYS * 86_400_000;
  return until > now ? new Date(until) : null;
}

/**
 * The resident let the ward's OA message them (zmp-sdk `interactOA` succeeded in the Mini App): that
 * is an interaction with the OA, so the 7-day window opens now. Only a resident the OA knows (an OA
 * user id from sign-in) can be messaged; without one the app is told so.
 */
export async function recordOaInteraction(db: Db, resident: ResidentRow): Promise<ResidentProfile> {
  if (!resident.zaloOaUserId)
    throw new AppError(
      "invalid_transition",
      "Zalo chưa cho biết mã của bạn với OA của phường. Hãy quan tâm OA của phường rồi thử lại.",
    );
  const [updated] = await db
    .update(residents)
    .set({ lastInteractionAt: new Date(), updatedAt: new Date() })
    .where(eq(residents.id, resident.id))
    .returning();
  return residentProfile(db, updated!);
}

export async function audienceFacts(db: Db, resident: ResidentRow): Promise<AudienceFacts> {
  const roles = await db
    .select({ role: residentRoles.role, schoolId: residentRoles.schoolId })
    .from(residentRoles)
    .where(eq(residentRoles.residentId, resident.id));
  return {
    wardId: resident.wardId,
    residentialGroupId: resident.residentialGroupId,
    isConfirmedMember: resident.membershipStatus === "confirmed",
    civicRoles: roles,
  };
}

/** Saves the resident's display preferences and answers with their profile. */
export async function setPreferences(
  db: Db,
  resident: ResidentRow,
  preferences: { notificationsAllowed?: boolean | undefined; largeText?: boolean | undefined },
): Promise<ResidentProfile> {
  const [updated] = await db
    .update(residents)
    .set({ ...preferences, updatedAt: new Date() })
    .where(eq(residents.id, resident.id))
    .returning();
  return residentProfile(db, updated!);
}
