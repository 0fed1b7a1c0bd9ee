import { PROVINCE_SCOPE_NAME, type TGrantView, type TPath, type TRole } from "@chiso/core";
import { asc, eq, inArray } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { units, userRoles, users } from "../../db/schema.ts";
import { pathWithin } from "../../db/scope-sql.ts";
import { forgetSessions } from "../auth/session-cache.ts";

const accountColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  position: users.position,
  email: users.email,
  unitId: users.unitId,
  unitName: units.name,
  unitPath: units.path,
  isDisabled: users.isDisabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

/** Accounts of the units inside these scopes, each with its roles. */
export async function listAccounts(db: TDbOrTx, scopes: readonly TPath[]) {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(pathWithin(units.path, scopes))
    .orderBy(asc(units.name), asc(users.username));
  return withGrants(db, rows);
}

export async function findAccount(db: TDbOrTx, id: string) {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return (await withGrants(db, rows))[0] ?? null;
}

async function withGrants<T extends { id: string }>(db: TDbOrTx, rows: T[]) {
  const grants = await listGrants(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const held = grants.get(r.id) ?? [];
    return { ...r, grants: held, roles: [...new Set(held.map((g) => g.role))] };
  });
}

export async function usernameTaken(db: TDbOrTx, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Boolean(row);
}

/** Inserts an account with its roles, each held in a scope (null: the province). */
export async function insertAccount(
  db: TDbOrTx,
  values: typeof users.$inferInsert,
  grants: { role: TRole; scopeUnitId: string | null }[],
) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  await replaceGrants(db, row!.id, grants);
  return row!.id;
}

export async function updateAccount(db: TDbOrTx, id: string, values: Partial<typeof users.$inferInsert>) {
  forgetSessions();
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Every role of these users, each with its scope's path and name (the province when the scope is null). */
export async function listGrants(db: TDbOrTx, userIds: string[]): Promise<Map<string, TGrantView[]>> {
  const byUser = new Map<string, TGrantView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      scopeUnitId: userRoles.scopeUnitId,
      path: units.path,
      name: units.name,
    })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.scopeUnitId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role));
  for (const row of rows) {
    const grant: TGrantView = {
      role: row.role,
      scopeUnitId: row.scopeUnitId,
      scopePath: row.path ?? [],
      scopeName: row.name ?? PROVINCE_SCOPE_NAME,
    };
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), grant]);
  }
  return byUser;
}

/** Replaces a user's roles. */
export async function replaceGrants(
  db: TDbOrTx,
  userId: string,
  grants: { role: TRole; scopeUnitId: string | null }[],
) {
  forgetSessions();
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (grants.length > 0) await db.insert(userRoles).values(grants.map((g) => ({ ...g, userId })));
}

/** The accounts with these usernames, with their unit and roles (to compare a sheet's rows against). */
export async function findAccountsByUsername(db: TDbOrTx, usernames: string[]) {
  if (usernames.length === 0) return [];
  const rows = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.username, usernames));
  return withGrants(db, rows);
}
