import type { StaffProfile, StaffRole } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { staffAccounts } from "../store/schema/index.js";
import { hashPassword, verifyPassword } from "./passwords.js";

/** The signed-in staff member a service acts for. */
export interface StaffActor {
  id: string;
  wardId: string;
  roles: StaffRole[];
}

type StaffRow = typeof staffAccounts.$inferSelect;

export const toStaffProfile = (row: StaffRow): StaffProfile => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  roles: row.roles,
});

export async function createStaffAccount(
  db: Db,
  input: {
    wardId: string;
    username: string;
    displayName: string;
    password: string;
    roles: StaffRole[];
    passwordCost?: number;
  },
): Promise<StaffRow> {
  const passwordHash = await hashPassword(
    input.password,
    input.passwordCost ? { n: input.passwordCost } : {},
  );
  const [row] = await db
    .insert(staffAccounts)
    .values({
      wardId: input.wardId,
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Checks a password; the same work is done for unknown users so timing does not reveal usernames. */
export async function authenticateStaff(
  db: Db,
  username: string,
  password: string,
): Promise<StaffRow | undefined> {
  const [row] = await db
    .select()
    .from(staffAccounts)
    .where(eq(staffAccounts.username, username.toLowerCase()));
  if (!row || row.isDisabled) {
    await verifyPassword(password, DUMMY_HASH);
    return undefined;
  }
  return (await verifyPassword(password, row.passwordHash)) ? row : undefined;
}

export async function findStaff(db: Db, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id));
  return row && !row.isDisabled ? row : undefined;
}

// A valid hash of a random password, with the production cost.
const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
