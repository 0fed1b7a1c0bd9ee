import { randomUUID } from "node:crypto";
import type { TPath, TVisibleScopes } from "@chiso/core";
import { asc, count, eq, inArray, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { assignments, units, users } from "../../db/schema.ts";
import { ownerVisible, pathWithin } from "../../db/scope-sql.ts";
import { forgetSessions } from "../auth/session-cache.ts";

const unitColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  parentId: units.parentId,
  path: units.path,
  isActive: units.isActive,
  // Correlated subquery with explicit names: drizzle leaves column references unqualified here.
  userCount: sql<number>`(select count(*)::int from users u where u.unit_id = "units"."id")`,
};

/** The units a user may see (core rule "unit.view", said in SQL). */
export function listUnits(db: TDbOrTx, visible: TVisibleScopes) {
  return db
    .select(unitColumns)
    .from(units)
    .where(ownerVisible(units.parentId, units.path, visible))
    .orderBy(asc(units.kind), asc(units.name));
}

/** Every unit inside a scope (the whole province for the empty path), for matching names in imports. */
export function listUnitsWithin(db: TDbOrTx, scopePath: TPath) {
  return db
    .select(unitColumns)
    .from(units)
    .where(pathWithin(units.path, [scopePath]))
    .orderBy(asc(units.kind), asc(units.name));
}

/** A unit's place in the tree, or null when there is no such unit. */
export async function findUnitPath(db: TDbOrTx, id: string): Promise<TPath | null> {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path ?? null;
}

/** The places in the tree of several units at once (missing ids are absent from the map). */
export async function findUnitPaths(db: TDbOrTx, ids: readonly string[]): Promise<Map<string, TPath>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(inArray(units.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.path]));
}

/**
 * Moves a unit and its whole subtree under a new parent path: every descendant's path is rewritten in one
 * statement, so a move keeps the units' ids (and with them their reports, accounts and history).
 */
export async function moveSubtree(db: TDbOrTx, id: string, oldPath: TPath, newParentPath: TPath) {
  const depth = oldPath.length;
  const prefix =
    newParentPath.length > 0
      ? sql`ARRAY[${sql.join(
          newParentPath.map((p) => sql`${p}`),
          sql`, `,
        )}]::uuid[]`
      : sql`'{}'::uuid[]`;
  forgetSessions();
  await db.execute(
    sql`update units set path = ${prefix} || path[${depth}:array_length(path, 1)] where ${id} = any(path)`,
  );
}

export async function findUnit(db: TDbOrTx, id: string) {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function findUnitByName(db: TDbOrTx, name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(sql`lower(${units.name}) = lower(${name})`);
  return row ?? null;
}

/** Inserts a unit with its path worked out from its parent (every writer of units goes through here). */
export async function insertUnit(db: TDbOrTx, values: Omit<typeof units.$inferInsert, "path">) {
  const id = values.id ?? randomUUID();
  const parentPath = values.parentId ? ((await findUnitPath(db, values.parentId)) ?? []) : [];
  await db.insert(units).values({ ...values, id, path: [...parentPath, id] });
  return id;
}

export async function updateUnit(db: TDbOrTx, id: string, values: Partial<typeof units.$inferInsert>) {
  forgetSessions();
  await db
    .update(units)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(units.id, id));
}

export async function deleteUnit(db: TDbOrTx, id: string) {
  forgetSessions();
  await db.delete(units).where(eq(units.id, id));
}

/** How many rows still point at a unit: it can be deleted only when nothing does. */
export async function countUnitReferences(db: TDbOrTx, id: string) {
  const [u] = await db.select({ n: count() }).from(users).where(eq(users.unitId, id));
  const [a] = await db.select({ n: count() }).from(assignments).where(eq(assignments.unitId, id));
  const [c] = await db.select({ n: count() }).from(units).where(eq(units.parentId, id));
  return { users: u?.n ?? 0, assignments: a?.n ?? 0, children: c?.n ?? 0 };
}
