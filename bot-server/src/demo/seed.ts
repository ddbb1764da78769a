import { eq } from "drizzle-orm";
import { addCampaignThemes } from "../services/opinion-themes.js";
import { createStaffAccount } from "../services/staff.js";
import type { Db } from "../store/database.js";
import {
  campaigns,
  residentialGroups,
  residentRoles,
  residents,
  schools,
  staffAccounts,
  wards,
} from "../store/schema/index.js";
import { demoResidents } from "./demo-residents.js";
import {
  DEMO_PASSWORD,
  demoCampaign,
  demoGroupCount,
  demoSchools,
  demoStaff,
  demoWard,
} from "./hong-bang.js";
import { demoKeywordsOf, wardLifeThemes } from "./opinion-themes.js";

export const DEMO_RESIDENTS_PER_GROUP = 25;

/** Seeds phường Hồng Bàng once; returns false when the ward was already there. */
export async function seedDemoWard(db: Db, options: { passwordCost?: number } = {}): Promise<boolean> {
  const [existing] = await db.select().from(wards).where(eq(wards.id, demoWard.id));
  if (existing) {
    // A ward seeded before opinion themes existed gets them now (names it has are left alone).
    await seedDemoThemes(db);
    return false;
  }
  // The whole ward in one transaction: a first start stopped half-way leaves nothing behind, and the
  // next start seeds again (a ward row alone would count as seeded and leave the demo empty).
  await db.transaction(async (tx) => {
    await tx.insert(wards).values(demoWard);
    const staff: { id: string }[] = [];
    for (const s of demoStaff) {
      staff.push(
        await createStaffAccount(tx as unknown as Db, {
          wardId: demoWard.id,
          ...s,
          password: DEMO_PASSWORD,
          ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
        }),
      );
    }
    const groups = await tx
      .insert(residentialGroups)
      .values(
        Array.from({ length: demoGroupCount }, (_, i) => ({
          wardId: demoWard.id,
          code: `TDP-${String(i + 1).padStart(2, "0")}`,
          name: `Tổ dân phố số ${i + 1}`,
          area: `Khu vực ${Math.floor(i / 5) + 1}`,
        })),
      )
      .returning();
    const schoolRows = await tx
      .insert(schools)
      .values(demoSchools.map((s) => ({ ...s, wardId: demoWard.id })))
      .returning();
    await tx.insert(campaigns).values({
      ...demoCampaign,
      wardId: demoWard.id,
      reportingCadence: "monthly",
      createdById: staff[0]?.id ?? null,
    });
    await seedDemoThemes(tx as unknown as Db);

    const people = demoResidents({
      groups: demoGroupCount,
      perGroup: DEMO_RESIDENTS_PER_GROUP,
      schools: schoolRows.length,
    });
    const now = Date.now();
    const inserted = await tx
      .insert(residents)
      .values(
        people.map((p) => ({
          wardId: demoWard.id,
          fullName: p.label,
          zaloAppUserId: p.zaloAppUserId,
          zaloOaUserId: p.zaloOaUserId,
          isFollower: p.isFollower,
          lastInteractionAt: new Date(now - p.daysSinceInteraction * 86_400_000 - 3_600_000),
          residentialGroupId: groups[p.groupIndex]!.id,
          membershipStatus: "confirmed" as const,
          consentedAt: new Date(now - 30 * 86_400_000),
          notificationsAllowed: p.notificationsAllowed,
          // The number Zalo gives the simulator's persona (start-demo.ts), kept only with consent.
          ...(p.phoneConsent && {
            phone: `8490${p.zaloAppUserId.slice(-7)}`,
            phoneConsentedAt: new Date(now - 20 * 86_400_000),
          }),
        })),
      )
      .returning({ id: residents.id, zaloAppUserId: residents.zaloAppUserId });
    const idByApp = new Map(inserted.map((r) => [r.zaloAppUserId, r.id]));
    const roleRows = people.flatMap((p) =>
      p.roles.map((r) => ({
        residentId: idByApp.get(p.zaloAppUserId)!,
        role: r.role,
        schoolId: r.schoolIndex === undefined ? null : schoolRows[r.schoolIndex]!.id,
      })),
    );
    await tx.insert(residentRoles).values(roleRows);
  });
  return true;
}

/** The campaign's themes and the ward's everyday ones, as opinion themes with their keywords. */
async function seedDemoThemes(db: Db): Promise<void> {
  const names = [...demoCampaign.themes, ...wardLifeThemes.map((t) => t.name)];
  await addCampaignThemes(db, demoWard.id, names, demoKeywordsOf);
}

/** The demo staff accounts by username. */
export async function demoStaffIds(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: staffAccounts.id, username: staffAccounts.username })
    .from(staffAccounts)
    .where(eq(staffAccounts.wardId, demoWard.id));
  return new Map(rows.map((r) => [r.username, r.id]));
}
