import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../store/database.js";
import { sessions } from "../store/schema/index.js";

export type SessionSubject = { type: "resident" | "staff"; id: string };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opens a session; only the token's hash is stored, so a leaked table cannot be replayed. */
export async function createSession(
  db: Db,
  subject: SessionSubject,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), subjectType: subject.type, subjectId: subject.id, expiresAt });
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
