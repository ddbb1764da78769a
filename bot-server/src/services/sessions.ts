import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { sessions } from "../store/schema/index.js";

export type SessionSubject = { type: "resident" | "staff"; id: string };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Sessions one person keeps at once (phone, tablet, office computer…); the oldest go first. */
export const MAX_SESSIONS_PER_SUBJECT = 10;

/**
 * Opens a session; only the token's hash is stored, so a leaked table cannot be replayed. Beyond
 * MAX_SESSIONS_PER_SUBJECT the oldest sessions of the same person end, so signing in again and again
 * cannot fill the table.
 */
export async function createSession(
  db: Db,
  subject: SessionSubject,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx
      .insert(sessions)
      .values({ tokenHash: hashToken(token), subjectType: subject.type, subjectId: subject.id, expiresAt });
    await tx.execute(sql`
      delete from sessions where token_hash in (
        select token_hash from sessions where subject_type = ${subject.type} and subject_id = ${subject.id}::uuid
        order by created_at desc, token_hash offset ${MAX_SESSIONS_PER_SUBJECT})`);
  });
  return { token, expiresAt };
}

export async function findSession(db: Db, token: string): Promise<SessionSubject | undefined> {
  const [row] = await db
    .select({ type: sessions.subjectType, id: sessions.subjectId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
