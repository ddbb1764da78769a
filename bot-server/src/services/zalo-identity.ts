import { eq } from "drizzle-orm";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import { residents, staffAccounts } from "../store/schema/index.js";
import type { GraphClient } from "../zalo/graph-client.js";
import { ZaloError } from "../zalo/zalo-error.js";
import type { GraphMe } from "../zalo/zalo-schemas.js";
import { toStaffProfile } from "./staff.js";

type ResidentRow = typeof residents.$inferSelect;

/** The Zalo user behind a Mini App access token, as Zalo's Graph API vouches for them. */
export async function verifiedZaloUser(graph: GraphClient, accessToken: string): Promise<GraphMe> {
  try {
    return await graph.getMe(accessToken);
  } catch (error) {
    if (error instanceof ZaloError && error.kind === "api") throw new AppError("zalo_token_invalid");
    if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
    throw error;
  }
}

/**
 * Exchanges the getPhoneNumber() token with Graph /v2.0/me/info and keeps the number with the time
 * the resident consented; the Mini App never reads the number itself.
 */
export async function savePhoneNumber(
  db: Db,
  graph: GraphClient,
  resident: ResidentRow,
  tokens: { accessToken: string; phoneToken: string },
): Promise<void> {
  let phone: string;
  try {
    const me = await graph.getMe(tokens.accessToken);
    if (me.id !== resident.zaloAppUserId) throw new AppError("forbidden", "Mã truy cập không thuộc về bạn.");
    phone = await graph.getPhoneNumber(tokens.accessToken, tokens.phoneToken);
  } catch (error) {
    if (error instanceof ZaloError && error.kind === "api")
      throw new AppError("validation_failed", "Mã số điện thoại không hợp lệ hoặc đã hết hạn (2 phút).", [
        { field: "body.phoneToken", message: error.message },
      ]);
    if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
    throw error;
  }
  await db
    .update(residents)
    .set({ phone, phoneConsentedAt: new Date(), updatedAt: new Date() })
    .where(eq(residents.id, resident.id));
}

/** The staff account linked to this Zalo user, if enabled: inside Zalo, staff sign in as themselves. */
export async function staffForZaloUser(db: Db, me: GraphMe) {
  const [staff] = await db.select().from(staffAccounts).where(eq(staffAccounts.zaloAppUserId, me.id));
  if (!staff || staff.isDisabled)
    throw new AppError("forbidden", "Tài khoản Zalo này chưa được liên kết với tài khoản cán bộ.");
  return staff;
}

/** Links the Zalo account a staff member uses; one Zalo account belongs to one staff member. */
export async function linkStaffZalo(db: Db, staffId: string, me: GraphMe) {
  const [taken] = await db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(eq(staffAccounts.zaloAppUserId, me.id));
  if (taken && taken.id !== staffId)
    throw new AppError("conflict", "Tài khoản Zalo này đã liên kết với cán bộ khác.");
  const [updated] = await db
    .update(staffAccounts)
    .set({ zaloAppUserId: me.id })
    .where(eq(staffAccounts.id, staffId))
    .returning();
  return toStaffProfile(updated!);
}
