import type { TVisibleScopes } from "@chiso/core";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { frameworks, periodExtensions, periods, units } from "../../db/schema.ts";
import { ownerVisible } from "../../db/scope-sql.ts";

const periodColumns = {
  id: periods.id,
  frameworkId: periods.frameworkId,
  frameworkName: frameworks.name,
  kind: periods.kind,
  year: periods.year,
  index: periods.index,
  label: periods.label,
  windowStart: periods.windowStart,
  windowEnd: periods.windowEnd,
  deadline: periods.deadline,
  deadlineRule: periods.deadlineRule,
  outOfYearReason: periods.outOfYearReason,
  isClosed: periods.isClosed,
};

/** The periods of the frameworks of the scopes a user sees. */
export function listPeriods(db: TDbOrTx, visible: TVisibleScopes, frameworkId?: string) {
  return db
    .select(periodColumns)
    .from(periods)
    .innerJoin(frameworks, eq(frameworks.id, periods.frameworkId))
    .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(
      and(
        frameworkId ? eq(periods.frameworkId, frameworkId) : undefined,
        ownerVisible(frameworks.ownerUnitId, units.path, visible),
      ),
    )
    .orderBy(desc(periods.year), desc(periods.deadline));
}

/** The path of the scope that runs a period's cycle ([] for the province), or null when there is no such period. */
export async function findPeriodOwnerPath(db: TDbOrTx, id: string): Promise<string[] | null> {
  const [row] = await db
    .select({ path: sql<string[]>`coalesce(${units.path}, '{}'::uuid[])` })
    .from(periods)
    .innerJoin(frameworks, eq(frameworks.id, periods.frameworkId))
    .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(eq(periods.id, id));
  return row?.path ?? null;
}

export async function findPeriod(db: TDbOrTx, id: string) {
  const [row] = await db
    .select(periodColumns)
    .from(periods)
    .innerJoin(frameworks, eq(frameworks.id, periods.frameworkId))
    .where(eq(periods.id, id));
  return row ?? null;
}

export async function findPeriodBySlot(db: TDbOrTx, frameworkId: string, kind: string, year: number, index: number) {
  const [row] = await db
    .select({ id: periods.id })
    .from(periods)
    .where(
      and(
        eq(periods.frameworkId, frameworkId),
        eq(periods.kind, kind as "quarter"),
        eq(periods.year, year),
        eq(periods.index, index),
      ),
    );
  return row ?? null;
}

export async function insertPeriod(db: TDbOrTx, values: typeof periods.$inferInsert) {
  const [row] = await db.insert(periods).values(values).returning({ id: periods.id });
  return row!.id;
}

export async function updatePeriod(db: TDbOrTx, id: string, values: Partial<typeof periods.$inferInsert>) {
  await db
    .update(periods)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(periods.id, id));
}

export function listExtensions(db: TDbOrTx, periodIds: string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  return db
    .select({
      periodId: periodExtensions.periodId,
      unitId: periodExtensions.unitId,
      unitName: units.name,
      deadline: periodExtensions.deadline,
      reason: periodExtensions.reason,
    })
    .from(periodExtensions)
    .innerJoin(units, eq(units.id, periodExtensions.unitId))
    .where(inArray(periodExtensions.periodId, periodIds))
    .orderBy(asc(units.name));
}

export async function findExtension(db: TDbOrTx, periodId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(periodExtensions)
    .where(and(eq(periodExtensions.periodId, periodId), eq(periodExtensions.unitId, unitId)));
  return row ?? null;
}

export async function upsertExtension(db: TDbOrTx, values: typeof periodExtensions.$inferInsert) {
  await db
    .insert(periodExtensions)
    .values(values)
    .onConflictDoUpdate({
      target: [periodExtensions.periodId, periodExtensions.unitId],
      set: { deadline: values.deadline, reason: values.reason, grantedBy: values.grantedBy, createdAt: new Date() },
    });
}
