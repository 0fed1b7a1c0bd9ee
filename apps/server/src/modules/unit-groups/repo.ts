import type { TVisibleScopes } from "@chiso/core";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { unitGroupMembers, unitGroups, units } from "../../db/schema.ts";
import { ownerVisible } from "../../db/scope-sql.ts";

const owner = sql<readonly string[] | null>`(select u.path from units u where u.id = ${unitGroups.ownerUnitId})`;

/** The groups an actor may see, each with its owner's path (null = the province) and its members by name. */
export async function listGroups(db: TDbOrTx, visible: TVisibleScopes) {
  const rows = await db
    .select({ id: unitGroups.id, ownerUnitId: unitGroups.ownerUnitId, name: unitGroups.name, ownerPath: owner })
    .from(unitGroups)
    .where(ownerVisible(unitGroups.ownerUnitId, owner, visible))
    .orderBy(sql`${unitGroups.ownerUnitId} is not null`, asc(unitGroups.name));
  return withMembers(db, rows);
}

/** The groups a scope keeps (null = the province), with member ids: what assignment resolves group texts with. */
export async function listScopeGroups(db: TDbOrTx, ownerUnitId: string | null) {
  const rows = await db
    .select({ id: unitGroups.id, ownerUnitId: unitGroups.ownerUnitId, name: unitGroups.name, ownerPath: owner })
    .from(unitGroups)
    .where(ownerUnitId ? eq(unitGroups.ownerUnitId, ownerUnitId) : sql`${unitGroups.ownerUnitId} is null`);
  return withMembers(db, rows);
}

async function withMembers<R extends { id: string }>(db: TDbOrTx, rows: R[]) {
  if (rows.length === 0) return [];
  const members = await db
    .select({ groupId: unitGroupMembers.groupId, id: units.id, name: units.name })
    .from(unitGroupMembers)
    .innerJoin(units, eq(units.id, unitGroupMembers.unitId))
    .where(
      inArray(
        unitGroupMembers.groupId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(units.name));
  return rows.map((r) => ({
    ...r,
    members: members.filter((m) => m.groupId === r.id).map(({ id, name }) => ({ id, name })),
  }));
}

export async function findGroup(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ id: unitGroups.id, ownerUnitId: unitGroups.ownerUnitId, name: unitGroups.name, ownerPath: owner })
    .from(unitGroups)
    .where(eq(unitGroups.id, id));
  if (!row) return null;
  return (await withMembers(db, [row]))[0]!;
}

/** Another group of the same scope with the same name (case-insensitive), if any. */
export async function findGroupByName(db: TDbOrTx, ownerUnitId: string | null, name: string) {
  const [row] = await db
    .select({ id: unitGroups.id })
    .from(unitGroups)
    .where(
      sql`${unitGroups.ownerUnitId} is not distinct from ${ownerUnitId} and lower(${unitGroups.name}) = lower(${name})`,
    );
  return row ?? null;
}

export async function insertGroup(db: TDbOrTx, values: { ownerUnitId: string | null; name: string }) {
  const [row] = await db.insert(unitGroups).values(values).returning({ id: unitGroups.id });
  return row!.id;
}

export async function renameGroup(db: TDbOrTx, id: string, name: string) {
  await db.update(unitGroups).set({ name, updatedAt: new Date() }).where(eq(unitGroups.id, id));
}

export async function replaceMembers(db: TDbOrTx, groupId: string, unitIds: readonly string[]) {
  await db.delete(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId));
  if (unitIds.length) await db.insert(unitGroupMembers).values(unitIds.map((unitId) => ({ groupId, unitId })));
}

export async function deleteGroup(db: TDbOrTx, id: string) {
  await db.delete(unitGroups).where(eq(unitGroups.id, id));
}
