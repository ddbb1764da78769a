import { seededRandom } from "@loa-phuong/bot-server/demo";
import { type Db, tables } from "@loa-phuong/bot-server/store";
import { sql } from "drizzle-orm";
import { BENCH_WARD, seedBenchBase } from "./bench-ward.js";
import type { SimProcess } from "./sim-process.js";

/** The ward `npm run bench:reach` sends to: a seeded draw from a documented mix (docs/BENCHMARKS.md). */
/** The share of residents with each permission, drawn independently (docs/BENCHMARKS.md). */
export const MIX = {
  follows: 0.45,
  /** Of all residents: followers who interacted within 7 days (half of them within 48 h). */
  interacted7d: 0.15,
  /** Of all residents: people who followed once and left (the OA still knows their id). */
  formerFollowers: 0.05,
  notifications: 0.3,
  phoneConsent: 0.25,
  /** In a group whose head relays (18 of 20 groups have a head). */
  relayingGroup: 0.9,
};
export const GROUPS = 20;
export const TEMPLATES = {
  "bench-zbs": ["title", "summary", "link"],
  "bench-zbs-phone": ["title", "summary", "link"],
  "bench-notify": ["title", "contentTitle", "contentDescription", "buttonText", "buttonUrl"],
};
/** Zalo's quotas as the simulator enforces them, and the ward's configuration saying the same. */
export const QUOTAS = { zbsPerDay: 2000, notificationsPerUserPerDay: 1 };

export interface MixResident {
  label: string;
  group: number;
  hasOaId: boolean;
  isFollower: boolean;
  hoursSinceInteraction: number | null;
  notifications: boolean;
  phone: string | null;
}

export function drawWard(count: number, seed: number): MixResident[] {
  const random = seededRandom(seed);
  const out: MixResident[] = [];
  for (let i = 0; i < count; i++) {
    const follow = random();
    const isFollower = follow < MIX.follows;
    const formerFollower = !isFollower && follow < MIX.follows + MIX.formerFollowers;
    const interacted = isFollower && random() < MIX.interacted7d / MIX.follows;
    const hours = interacted
      ? random() < 0.5
        ? 1 + random() * 46
        : 49 + random() * 110
      : isFollower
        ? 8 * 24 + random() * 60 * 24
        : null;
    const relaying = random() < MIX.relayingGroup;
    out.push({
      label: `Người dân ${i + 1}`,
      // Groups 0–17 have a head who relays; 18 and 19 have none.
      group: relaying ? Math.floor(random() * (GROUPS - 2)) : GROUPS - 2 + Math.floor(random() * 2),
      hasOaId: isFollower || formerFollower,
      isFollower,
      hoursSinceInteraction: hours,
      notifications: random() < MIX.notifications,
      phone: random() < MIX.phoneConsent ? `849${String(10_000_000 + i).slice(-8)}` : null,
    });
  }
  return out;
}

export async function seed(db: Db, sim: SimProcess, people: MixResident[]) {
  const { groupIds, staffId } = await seedBenchBase(db, GROUPS);
  const now = Date.now();
  const interactedAt = (p: MixResident) => now - Math.round((p.hoursSinceInteraction ?? 0) * 3.6e6);
  const ids: string[] = [];
  for (let start = 0; start < people.length; start += 2000) {
    const part = people.slice(start, start + 2000);
    const rows = part.map((p, k) => {
      const n = String(start + k).padStart(12, "0");
      return {
        wardId: BENCH_WARD,
        fullName: p.label,
        zaloAppUserId: `51${n}`,
        zaloOaUserId: p.hasOaId ? `61${n}` : null,
        isFollower: p.isFollower,
        lastInteractionAt:
          p.hoursSinceInteraction === null ? null : new Date(now - p.hoursSinceInteraction * 3.6e6),
        residentialGroupId: groupIds[p.group]!,
        membershipStatus: "confirmed" as const,
        notificationsAllowed: p.notifications,
        phone: p.phone,
        phoneConsentedAt: p.phone ? new Date(now - 86_400_000) : null,
      };
    });
    const inserted = await db.insert(tables.residents).values(rows).returning({ id: tables.residents.id });
    ids.push(...inserted.map((r) => r.id));
    await sim.admin("POST", "/users", {
      users: part.map((p, k) => {
        const n = String(start + k).padStart(12, "0");
        return {
          idByApp: `51${n}`,
          idByOa: `61${n}`,
          name: p.label,
          isFollower: p.isFollower,
          lastInteractionAt: p.hoursSinceInteraction === null ? 0 : interactedAt(p),
          notificationsAllowed: p.notifications,
          ...(p.phone && { phone: p.phone }),
        };
      }),
    });
  }
  // The first resident of each of the first 18 groups is its head.
  const heads = new Map<number, string>();
  people.forEach((p, i) => {
    if (p.group < GROUPS - 2 && !heads.has(p.group)) heads.set(p.group, ids[i]!);
  });
  await db
    .insert(tables.residentRoles)
    .values([...heads.values()].map((id) => ({ residentId: id, role: "group_head" as const })));
  await db.execute(sql`analyze`);
  return { groupIds, staffId, residentIds: ids };
}
