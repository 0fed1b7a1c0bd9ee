import { asc, count, eq, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { assignments, units, users } from "../../db/schema.ts";

const unitColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  parentId: units.parentId,
  isActive: units.isActive,
  // Correlated subquery with explicit names: drizzle leaves column references unqualified here.
  userCount: sql<number>`(select count(*)::int from users u where u.unit_id = "units"."id")`,
};

export function listUnits(db: TDbOrTx) {
  return db.select(unitColumns).from(units).orderBy(asc(units.kind), asc(units.name));
}

export async function findUnit(db: TDbOrTx, id: string) {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function findUnitByName(db: TDbOrTx, name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(sql`lower(${units.name}) = lower(${name})`);
  return row ?? null;
}

export async function insertUnit(db: TDbOrTx, values: typeof units.$inferInsert) {
  const [row] = await db.insert(units).values(values).returning({ id: units.id });
  return row!.id;
}

export async function updateUnit(db: TDbOrTx, id: string, values: Partial<typeof units.$inferInsert>) {
  await db
    .update(units)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(units.id, id));
}

export async function deleteUnit(db: TDbOrTx, id: string) {
  await db.delete(units).where(eq(units.id, id));
}

/** How many rows still point at a unit: it can be deleted only when nothing does. */
export async function countUnitReferences(db: TDbOrTx, id: string) {
  const [u] = await db.select({ n: count() }).from(users).where(eq(users.unitId, id));
  const [a] = await db.select({ n: count() }).from(assignments).where(eq(assignments.unitId, id));
  const [c] = await db.select({ n: count() }).from(units).where(eq(units.parentId, id));
  return { users: u?.n ?? 0, assignments: a?.n ?? 0, children: c?.n ?? 0 };
}
