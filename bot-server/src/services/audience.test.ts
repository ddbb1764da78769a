import { type Audience, type AudienceSegment, type CivicRole, matchesAudience } from "@loa-phuong/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { buildGroup, buildResident, buildSchool, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds } from "../testing/test-stores.js";
import { countAudience } from "./audience.js";

describe.each(storeKinds)("audiences on %s", (kind) => {
  let store: Store;
  let wardId: string;
  let groups: string[];
  let schoolIds: string[];
  const facts: Parameters<typeof matchesAudience>[0][] = [];

  beforeAll(async () => {
    store = await openTestStore(kind);
    wardId = (await buildWard(store.db)).id;
    const otherWard = (await buildWard(store.db)).id;
    groups = [];
    for (let i = 0; i < 4; i++) groups.push((await buildGroup(store.db, wardId)).id);
    schoolIds = [(await buildSchool(store.db, wardId)).id, (await buildSchool(store.db, wardId)).id];
    const roles: CivicRole[] = ["parent", "teacher", "party_member", "group_head"];
    for (let i = 0; i < 40; i++) {
      const groupId = i % 5 === 4 ? null : groups[i % 4]!;
      const isConfirmed = groupId !== null && i % 7 !== 0;
      const residentRoles = roles
        .filter((_, r) => (i >> r) & 1)
        .map((role, r) => ({
          role,
          ...(role === "parent" || role === "teacher" ? { schoolId: schoolIds[(i + r) % 2]! } : {}),
        }));
      await buildResident(store.db, wardId, {
        residentialGroupId: groupId,
        membershipStatus: groupId ? (isConfirmed ? "confirmed" : "pending") : null,
        roles: residentRoles,
      });
      facts.push({
        wardId,
        residentialGroupId: groupId,
        isConfirmedMember: isConfirmed,
        civicRoles: residentRoles.map((r) => ({ role: r.role, schoolId: r.schoolId ?? null })),
      });
    }
    await buildResident(store.db, otherWard, {});
  });
  afterAll(async () => store.close());

  const segment = (): fc.Arbitrary<AudienceSegment> =>
    fc
      .record({
        wholeWard: fc.boolean(),
        residentialGroupIds: fc.subarray([0, 1, 2, 3]),
        civicRoles: fc.array(
          fc.record({
            role: fc.constantFrom<CivicRole>("parent", "teacher", "party_member", "group_head"),
            school: fc.constantFrom(-1, 0, 1),
          }),
          { maxLength: 2 },
        ),
      })
      .filter((s) => s.wholeWard || s.residentialGroupIds.length > 0 || s.civicRoles.length > 0)
      .map((s) => ({
        ...(s.wholeWard ? { wholeWard: true } : {}),
        ...(s.residentialGroupIds.length
          ? { residentialGroupIds: s.residentialGroupIds.map((i) => groups[i]!) }
          : {}),
        ...(s.civicRoles.length
          ? {
              civicRoles: s.civicRoles.map((r) => ({
                role: r.role,
                ...(r.school >= 0 ? { schoolId: schoolIds[r.school]! } : {}),
              })),
            }
          : {}),
      }));

  it("counts in SQL exactly whom the resident-side rule admits, for any audience", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment(), { minLength: 1, maxLength: 3 }),
        fc.array(segment(), { maxLength: 2 }),
        async (include, exclude) => {
          const audience: Audience = { include, exclude };
          const expected = facts.filter((f) => matchesAudience(f, wardId, audience)).length;
          const counted = await countAudience(store.db, wardId, audience, { dailyCap: 0 });
          expect(counted.recipients).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts only followers inside Zalo's 7-day window as reachable by OA message", async () => {
    const ward = (await buildWard(store.db)).id;
    await buildResident(store.db, ward, {});
    await buildResident(store.db, ward, { isFollower: false });
    await buildResident(store.db, ward, { lastInteractionAt: new Date(Date.now() - 8 * 86_400_000) });
    await buildResident(store.db, ward, { zaloOaUserId: null });
    expect(
      await countAudience(store.db, ward, { include: [{ wholeWard: true }], exclude: [] }, { dailyCap: 0 }),
    ).toEqual({ recipients: 4, reachableByOa: 1, cappedToday: 0 });
  });
});
