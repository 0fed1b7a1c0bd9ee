import { and, eq, gt, lt } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { sessions, units, users } from "../../db/schema.ts";
import { listGrants } from "../accounts/repo.ts";

export async function findUserForLogin(db: TDbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

export async function recordFailedLogin(db: TDbOrTx, userId: string, failedCount: number, lockedUntil: Date | null) {
  await db.update(users).set({ failedLoginCount: failedCount, lockedUntil }).where(eq(users.id, userId));
}

export async function recordSuccessfulLogin(db: TDbOrTx, userId: string, at: Date) {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, userId));
}

export async function insertSession(
  db: TDbOrTx,
  session: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: TDbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (password reset, account disabled). */
export async function deleteSessionsOfUser(db: TDbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: TDbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The live session's user, or null when the session is unknown, expired or the account disabled. */
export async function findSessionUser(db: TDbOrTx, sessionId: string, now: Date) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      unitId: users.unitId,
      unitName: units.name,
      mustChangePassword: users.mustChangePassword,
      isDisabled: users.isDisabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.isDisabled) return null;
  const { isDisabled: _disabled, ...user } = row;
  const grants = (await listGrants(db, [user.id])).get(user.id) ?? [];
  return { ...user, grants };
}

export async function findPasswordHash(db: TDbOrTx, userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

export async function updatePassword(db: TDbOrTx, userId: string, passwordHash: string, mustChange: boolean) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
