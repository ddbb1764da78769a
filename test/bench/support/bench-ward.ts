import type { Db } from "@loa-phuong/bot-server/store";
import { tables } from "@loa-phuong/bot-server/store";
import { sql } from "drizzle-orm";
import type { SimProcess } from "./sim-process.js";

export const BENCH_WARD = "hong-bang";

/**
 * A ward of `count` residents over 20 groups, all following the OA and active today, inserted in
 * chunks (a benchmark of sending should not be a benchmark of seeding), and registered in the simulator.
 */
export async function seedBenchWard(
  db: Db,
  sim: SimProcess,
  count: number,
): Promise<{ groupIds: string[]; staffId: string }> {
  const { groupIds, staffId } = await seedBenchBase(db, 20);
  const now = Date.now();
  for (let start = 0; start < count; start += 5000) {
    const rows = [];
    const users = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const id = String(i).padStart(12, "0");
      rows.push({
        wardId: BENCH_WARD,
        fullName: `Người dân ${i + 1}`,
        zaloAppUserId: `51${id}`,
        zaloOaUserId: `61${id}`,
        isFollower: true,
        lastInteractionAt: new Date(now - 3_600_000),
        residentialGroupId: groupIds[i % groupIds.length]!,
        membershipStatus: "confirmed" as const,
      });
      users.push({
        idByApp: `51${id}`,
        idByOa: `61${id}`,
        name: `Người dân ${i + 1}`,
        isFollower: true,
        lastInteractionAt: now - 3_600_000,
      });
    }
    for (let k = 0; k < rows.length; k += 1000)
      await db.insert(tables.residents).values(rows.slice(k, k + 1000));
    await sim.admin("POST", "/users", { users });
  }
  await db.execute(sql`analyze`);
  return { groupIds, staffId };
}

/** The bench ward, `groups` residential groups and a staff account that writes and approves. */
export async function seedBenchBase(
  db: Db,
  groups: number,
): Promise<{ groupIds: string[]; staffId: string }> {
  await db
    .insert(tables.wards)
    .values({ id: BENCH_WARD, name: "Phường Hồng Bàng", city: "Hải Phòng" })
    .onConflictDoNothing();
  const rows = await db
    .insert(tables.residentialGroups)
    .values(
      Array.from({ length: groups }, (_, i) => ({
        wardId: BENCH_WARD,
        code: `B-${i + 1}`,
        name: `Tổ dân phố số ${i + 1}`,
      })),
    )
    .returning({ id: tables.residentialGroups.id });
  const [staff] = await db
    .insert(tables.staffAccounts)
    .values({
      wardId: BENCH_WARD,
      username: `bench-${Date.now()}`,
      displayName: "Cán bộ đo",
      passwordHash: "scrypt$1024$8$1$x$x",
      roles: ["editor", "approver"],
    })
    .returning({ id: tables.staffAccounts.id });
  return { groupIds: rows.map((g) => g.id), staffId: staff!.id };
}

/** An approved post (author and approver are the same bench account: the approval rule is not what is measured). */
export async function benchPost(
  db: Db,
  staffId: string,
  title: string,
  isUrgent = true,
): Promise<{ postId: string }> {
  const [post] = await db
    .insert(tables.posts)
    .values({
      wardId: BENCH_WARD,
      kind: "announcement",
      status: "approved",
      title,
      body: `${title}: nội dung đo hiệu năng.`,
      authorId: staffId,
      approvedById: staffId,
      approvedVersion: 1,
      approvedAt: new Date(),
      isUrgent,
    })
    .returning({ id: tables.posts.id });
  await db.insert(tables.postVersions).values({
    postId: post!.id,
    version: 1,
    title,
    body: `${title}: nội dung đo hiệu năng.`,
    contentHash: "bench",
    createdById: staffId,
  });
  return { postId: post!.id };
}
