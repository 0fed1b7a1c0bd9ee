import { PROVINCE_SCOPE_NAME, type TGrantView, type TRole } from "@chiso/core";
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { preparedOnce, type TDb, type TDbOrTx } from "../../db/client.ts";
import { loginThrottles, sessions, units, userRoles, users } from "../../db/schema.ts";
import { forgetSessions } from "./session-cache.ts";
import type { TThrottleState } from "./throttle.ts";

export async function findUserForLogin(db: TDbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

export async function recordSuccessfulLogin(db: TDbOrTx, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export interface TThrottleKey {
  key: string;
  username: string | null;
}

/**
 * The login counters of `keys`, created when missing and locked (FOR UPDATE, in key order so two logins never wait
 * on each other in a circle) until the caller's transaction ends.
 */
export async function lockThrottles(tx: TDbOrTx, keys: TThrottleKey[], now: Date) {
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  await tx
    .insert(loginThrottles)
    .values(sorted.map((k) => ({ key: k.key, username: k.username, windowStartedAt: now, updatedAt: now })))
    .onConflictDoNothing();
  return tx
    .select()
    .from(loginThrottles)
    .where(
      inArray(
        loginThrottles.key,
        sorted.map((k) => k.key),
      ),
    )
    .orderBy(asc(loginThrottles.key))
    .for("update");
}

export async function saveThrottle(tx: TDbOrTx, key: string, state: TThrottleState) {
  await tx.update(loginThrottles).set(state).where(eq(loginThrottles.key, key));
}

export async function deleteThrottles(db: TDbOrTx, keys: string[]) {
  if (keys.length) await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/** Lifts every block of an account (whatever the address); returns how many counters were blocked. */
export async function deleteAccountThrottles(db: TDbOrTx, username: string, now: Date): Promise<number> {
  const removed = await db
    .delete(loginThrottles)
    .where(eq(loginThrottles.username, username))
    .returning({ blockedUntil: loginThrottles.blockedUntil });
  return removed.filter((r) => r.blockedUntil && r.blockedUntil > now).length;
}

/** When the account is blocked from signing in from anywhere (the per-account counter), else null. */
export async function findAccountBlock(db: TDbOrTx, key: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.key, key), gt(loginThrottles.blockedUntil, now)));
  return row?.blockedUntil ?? null;
}

/** Counters untouched for longer than `before` that are not blocked any more: forgotten by the sweep. */
export async function deleteStaleThrottles(db: TDbOrTx, before: Date, now: Date): Promise<number> {
  const removed = await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.updatedAt, before),
        or(isNull(loginThrottles.blockedUntil), lt(loginThrottles.blockedUntil, now)),
      ),
    )
    .returning({ key: loginThrottles.key });
  return removed.length;
}

export async function insertSession(
  db: TDbOrTx,
  session: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: TDbOrTx, id: string) {
  forgetSessions();
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (password reset, account disabled). */
export async function deleteSessionsOfUser(db: TDbOrTx, userId: string, exceptSessionId?: string) {
  forgetSessions();
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}

export async function deleteExpiredSessions(db: TDbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/**
 * The signed-in user of a session with the roles it holds, or null when the session is unknown, expired or the
 * account disabled. One query: it runs on every request, so it is prepared once per database and the grants come
 * aggregated rather than as a second round trip.
 */
export async function findSessionUser(db: TDb, sessionId: string, now: Date) {
  return (await findSessionUsers(db, [sessionId], now)).get(sessionId) ?? null;
}

/**
 * The sessions of many tokens at once (also the background lookups of sessions in use, gathered): by session id, the
 * user, or null when the session ended.
 */
export async function findSessionUsers(db: TDb, sessionIds: readonly string[], now: Date) {
  const rows = await preparedOnce(sessionQueries, db, sessionUserQuery).execute({ sessionIds, now });
  const found = new Map(rows.map((row) => [row.sessionId, sessionUserOf(row)]));
  return new Map(sessionIds.map((id) => [id, found.get(id) ?? null]));
}

function sessionUserOf(row: TSessionUserRow) {
  if (row.isDisabled) return null;
  const { isDisabled: _disabled, grants, expiresAt, sessionId: _session, ...user } = row;
  return {
    expiresAt,
    user: {
      ...user,
      grants: grants.map(
        (g): TGrantView => ({
          role: g.role,
          scopeUnitId: g.scopeUnitId,
          scopePath: g.scopePath ?? [],
          scopeName: g.scopeName ?? PROVINCE_SCOPE_NAME,
        }),
      ),
    },
  };
}

type TSessionUserRow = Awaited<ReturnType<ReturnType<typeof sessionUserQuery>["execute"]>>[number];

const sessionQueries = new WeakMap<TDb, ReturnType<typeof sessionUserQuery>>();

function sessionUserQuery(db: TDb) {
  return db
    .select({
      sessionId: sessions.id,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      unitId: users.unitId,
      unitName: units.name,
      mustChangePassword: users.mustChangePassword,
      isDisabled: users.isDisabled,
      expiresAt: sessions.expiresAt,
      grants: sql<
        { role: TRole; scopeUnitId: string | null; scopePath: string[] | null; scopeName: string | null }[]
      >`coalesce((select json_agg(json_build_object('role', ur.role, 'scopeUnitId', ur.scope_unit_id,
          'scopePath', su.path, 'scopeName', su.name) order by ur.role)
        from ${userRoles} ur left join ${units} su on su.id = ur.scope_unit_id where ur.user_id = ${users.id}),
        '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        sql`${sessions.id} = any(${sql.placeholder("sessionIds")}::text[])`,
        gt(sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("session_users");
}

export async function findPasswordHash(db: TDbOrTx, userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

export async function updatePassword(db: TDbOrTx, userId: string, passwordHash: string, mustChange: boolean) {
  forgetSessions();
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
