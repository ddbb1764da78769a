import { randomBytes } from "node:crypto";
import type { CivicRole, StaffRole } from "@loa-phuong/shared";
import { approvePost, createPost, submitPost } from "../services/posts.js";
import { createStaffAccount, type StaffActor } from "../services/staff.js";
import type { Db } from "../store/database.js";
import {
  broadcasts,
  residentialGroups,
  residentRoles,
  residents,
  schools,
  wards,
} from "../store/schema/index.js";

const unique = () => randomBytes(4).toString("hex");

/** Factories for tests: each builds a valid row and takes overrides. Passwords use a cheap scrypt cost. */
export async function buildWard(db: Db, overrides: Partial<typeof wards.$inferInsert> = {}) {
  const [row] = await db
    .insert(wards)
    .values({ id: `ward-${unique()}`, name: "Phường Thử Nghiệm", city: "Hải Phòng", ...overrides })
    .returning();
  return row!;
}

export async function buildGroup(
  db: Db,
  wardId: string,
  overrides: Partial<typeof residentialGroups.$inferInsert> = {},
) {
  const code = `TDP-${unique()}`;
  const [row] = await db
    .insert(residentialGroups)
    .values({ wardId, code, name: `Tổ dân phố ${code}`, ...overrides })
    .returning();
  return row!;
}

export async function buildSchool(
  db: Db,
  wardId: string,
  overrides: Partial<typeof schools.$inferInsert> = {},
) {
  const [row] = await db
    .insert(schools)
    .values({ wardId, name: `Trường ${unique()}`, level: "tieu_hoc", ...overrides })
    .returning();
  return row!;
}

let residentCounter = 0;

export async function buildResident(
  db: Db,
  wardId: string,
  overrides: Partial<typeof residents.$inferInsert> & {
    roles?: { role: CivicRole; schoolId?: string }[];
  } = {},
) {
  const { roles = [], ...values } = overrides;
  residentCounter += 1;
  const n = `${Date.now()}${residentCounter}`.slice(-16).padStart(16, "0");
  const [row] = await db
    .insert(residents)
    .values({
      wardId,
      fullName: `Người dân ${residentCounter}`,
      zaloAppUserId: `51${n}`,
      zaloOaUserId: `61${n}`,
      isFollower: true,
      lastInteractionAt: new Date(Date.now() - 3_600_000),
      membershipStatus: values.residentialGroupId ? "confirmed" : null,
      ...values,
    })
    .returning();
  if (roles.length)
    await db
      .insert(residentRoles)
      .values(roles.map((r) => ({ residentId: row!.id, role: r.role, schoolId: r.schoolId ?? null })));
  return row!;
}

export async function buildStaff(
  db: Db,
  wardId: string,
  roles: StaffRole[],
  overrides: { username?: string; password?: string } = {},
): Promise<StaffActor & { username: string; password: string }> {
  const username = overrides.username ?? `staff-${unique()}`;
  const password = overrides.password ?? "mat-khau-thu-nghiem";
  const row = await createStaffAccount(db, {
    wardId,
    username,
    displayName: `Cán bộ ${username}`,
    password,
    roles,
    passwordCost: 1024,
  });
  return { id: row.id, wardId, roles: row.roles, username: row.username, password };
}

/** A broadcast in `sending` of an approved post (written and approved by two accounts), to the whole ward. */
export async function buildSendingBroadcast(db: Db, wardId: string) {
  const editor = await buildStaff(db, wardId, ["editor"]);
  const approver = await buildStaff(db, wardId, ["approver"]);
  const post = await createPost(db, editor, {
    kind: "announcement",
    title: "Lịch tiêm chủng",
    body: "Tiêm chủng tại trạm y tế phường.",
    isUrgent: false,
  });
  await submitPost(db, editor, post.id);
  await approvePost(db, approver, post.id, post.version);
  const [broadcast] = await db
    .insert(broadcasts)
    .values({
      wardId,
      postId: post.id,
      postVersion: 1,
      audience: { include: [{ wholeWard: true }], exclude: [] },
      scheduledAt: new Date(),
      status: "sending",
      createdById: editor.id,
    })
    .returning();
  return broadcast!;
}
