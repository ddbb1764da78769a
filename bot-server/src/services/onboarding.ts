import type { onboardingRequestSchema } from "@loa-phuong/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { AppError, notFound } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import { residentialGroups, residentRoles, residents, schools } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";

type ResidentRow = typeof residents.$inferSelect;

async function groupOf(db: Db, wardId: string, groupId: string) {
  const [group] = await db
    .select()
    .from(residentialGroups)
    .where(and(eq(residentialGroups.id, groupId), eq(residentialGroups.wardId, wardId)));
  if (!group)
    throw new AppError("validation_failed", "Tổ dân phố không thuộc phường.", [
      { field: "body.residentialGroupId", message: "Không có tổ dân phố này" },
    ]);
  return group;
}

/**
 * The resident's group (pending until its head confirms, unless it is already their confirmed group)
 * and self-declared civic roles, with the consent recorded. Group head is never self-declared.
 */
export async function completeOnboarding(
  db: Db,
  resident: ResidentRow,
  data: z.output<typeof onboardingRequestSchema>,
): Promise<ResidentRow> {
  await groupOf(db, resident.wardId, data.residentialGroupId);
  await assertHeadStays(db, resident, data.residentialGroupId);
  const schoolIds = [...new Set(data.civicRoles.flatMap((r) => (r.schoolId ? [r.schoolId] : [])))];
  if (schoolIds.length) {
    const found = await db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.wardId, resident.wardId), inArray(schools.id, schoolIds)));
    if (found.length !== schoolIds.length)
      throw new AppError("validation_failed", "Trường học không thuộc phường.", [
        { field: "body.civicRoles", message: "Không có trường này" },
      ]);
  }
  return db.transaction(async (tx) => {
    const keepsMembership =
      resident.residentialGroupId === data.residentialGroupId && resident.membershipStatus === "confirmed";
    const [updated] = await tx
      .update(residents)
      .set({
        residentialGroupId: data.residentialGroupId,
        membershipStatus: keepsMembership ? "confirmed" : "pending",
        membershipChangedAt: keepsMembership ? resident.membershipChangedAt : new Date(),
        consentedAt: resident.consentedAt ?? new Date(),
        updatedAt: new Date(),
      })
      .where(eq(residents.id, resident.id))
      .returning();
    // Self-declared roles are replaced; a group-head role (given by the ward) is kept.
    const declared = ["parent", "teacher", "party_member"] as const;
    await tx
      .delete(residentRoles)
      .where(and(eq(residentRoles.residentId, resident.id), inArray(residentRoles.role, [...declared])));
    if (data.civicRoles.length) {
      await tx
        .insert(residentRoles)
        .values(
          data.civicRoles.map((r) => ({
            residentId: resident.id,
            role: r.role,
            schoolId: r.schoolId ?? null,
          })),
        )
        .onConflictDoNothing();
    }
    await recordAudit(tx, {
      entityType: "resident",
      entityId: resident.id,
      action: "onboarding",
      actor: { type: "resident", id: resident.id },
      details: { residentialGroupId: data.residentialGroupId, roles: data.civicRoles.map((r) => r.role) },
    });
    return updated!;
  });
}

/**
 * A group head is the ward's appointment for one group: moving them to another group is the ward's
 * doing, never their own (they would take a head's rights over a group that did not choose them).
 */
async function assertHeadStays(db: Db, resident: ResidentRow, groupId: string): Promise<void> {
  if (resident.residentialGroupId === null || resident.residentialGroupId === groupId) return;
  const [head] = await db
    .select({ role: residentRoles.role })
    .from(residentRoles)
    .where(and(eq(residentRoles.residentId, resident.id), eq(residentRoles.role, "group_head")));
  if (head)
    throw new AppError(
      "conflict",
      "Bạn đang là tổ trưởng tổ dân phố hiện tại: việc chuyển sang tổ khác của tổ trưởng do cán bộ phường thực hiện.",
    );
}

/** A resident who arrived through a head's link asks to join that group (pending until confirmed). */
export async function joinGroup(db: Db, resident: ResidentRow, groupId: string): Promise<ResidentRow> {
  await groupOf(db, resident.wardId, groupId);
  if (resident.residentialGroupId === groupId) return resident;
  await assertHeadStays(db, resident, groupId);
  const [updated] = await db
    .update(residents)
    .set({
      residentialGroupId: groupId,
      membershipStatus: "pending",
      membershipChangedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(residents.id, resident.id))
    .returning();
  if (!updated) throw notFound("người dân");
  return updated;
}
