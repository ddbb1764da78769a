import type { CivicRole } from "@loa-phuong/shared";

/** A deterministic pseudo-random generator (mulberry32), so every demo start produces the same ward. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DemoResident {
  /** 1-based, stable across starts. */
  number: number;
  label: string;
  groupIndex: number;
  zaloAppUserId: string;
  zaloOaUserId: string;
  isFollower: boolean;
  /** Days since the last interaction with the OA. */
  daysSinceInteraction: number;
  /** Allowed Mini App notifications (about 30 %). */
  notificationsAllowed: boolean;
  /** Shared their phone number with consent (about 25 %). */
  phoneConsent: boolean;
  roles: { role: CivicRole; schoolIndex?: number }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * About 500 simulated residents spread over the groups. They are labelled by number and group, not
 * given invented names. Most follow the OA and wrote to it recently; some are outside Zalo's 7-day
 * window or do not follow, so the fallback channels have something to do.
 */
export function demoResidents(options: {
  groups: number;
  perGroup: number;
  schools: number;
  seed?: number;
}): DemoResident[] {
  const random = seededRandom(options.seed ?? 144);
  // A generator of its own for the channel permissions, so the rest of the ward stays as it was.
  const permissions = seededRandom((options.seed ?? 144) + 1);
  const residents: DemoResident[] = [];
  for (let g = 0; g < options.groups; g++) {
    for (let i = 0; i < options.perGroup; i++) {
      const number = residents.length + 1;
      const isHead = i === 0;
      const roles: DemoResident["roles"] = isHead ? [{ role: "group_head" }] : [];
      if (random() < 0.3) roles.push({ role: "parent", schoolIndex: Math.floor(random() * options.schools) });
      if (random() < 0.05)
        roles.push({ role: "teacher", schoolIndex: Math.floor(random() * options.schools) });
      if (isHead || random() < 0.1) roles.push({ role: "party_member" });
      const draw = random();
      residents.push({
        number,
        label: isHead ? `Tổ trưởng TDP số ${g + 1}` : `Người dân ${pad(number, 3)} – TDP số ${g + 1}`,
        groupIndex: g,
        zaloAppUserId: `51${pad(number, 16)}`,
        zaloOaUserId: `61${pad(number, 16)}`,
        isFollower: isHead || draw < 0.88,
        daysSinceInteraction: isHead
          ? 1
          : draw < 0.75
            ? Math.floor(random() * 6)
            : 8 + Math.floor(random() * 40),
        notificationsAllowed: permissions() < 0.3,
        phoneConsent: permissions() < 0.25,
        roles,
      });
    }
  }
  return residents;
}
