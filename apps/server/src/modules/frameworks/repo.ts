import { PROVINCE_SCOPE_NAME, type TVisibleScopes } from "@chiso/core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import { assignments, frameworks, indicators, periods, units } from "../../db/schema.ts";
import { ownerVisible } from "../../db/scope-sql.ts";

const summaryColumns = {
  id: frameworks.id,
  code: frameworks.code,
  name: frameworks.name,
  year: frameworks.year,
  level: frameworks.level,
  legalBasis: frameworks.legalBasis,
  status: frameworks.status,
  builtin: frameworks.builtin,
  adjustments: frameworks.adjustments,
  deadlineRules: frameworks.deadlineRules,
  clonedFromId: frameworks.clonedFromId,
  ownerUnitId: frameworks.ownerUnitId,
  ownerName: sql<string>`coalesce(${units.name}, ${PROVINCE_SCOPE_NAME})`,
  /** The owning agency's path ([] for the province): what the policy's scope rules look at. */
  ownerPath: sql<string[]>`coalesce(${units.path}, '{}'::uuid[])`,
  // Correlated subqueries name their tables explicitly: drizzle leaves column references unqualified here.
  maxTotal: sql<number>`coalesce((select sum(i.max_score) from indicators i
    where i.framework_id = "frameworks"."id" and i.parent_id is null), 0)::float8`,
  indicatorCount: sql<number>`(select count(*)::int from indicators i where i.framework_id = "frameworks"."id")`,
};

/** The frameworks of the scopes a user sees. */
export function listFrameworks(db: TDbOrTx, visible: TVisibleScopes) {
  return (
    db
      .select(summaryColumns)
      .from(frameworks)
      .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
      .where(ownerVisible(frameworks.ownerUnitId, units.path, visible))
      // The province's frameworks first (the national index), then the agencies' own; newest year first.
      .orderBy(sql`${frameworks.ownerUnitId} is not null`, sql`${frameworks.year} desc`, asc(frameworks.name))
  );
}

export async function findFramework(db: TDbOrTx, id: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(frameworks)
    .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(eq(frameworks.id, id));
  return row ?? null;
}

/** The path of the scope owning a framework ([] for the province), or null when there is no such framework. */
export async function findFrameworkOwnerPath(db: TDbOrTx, id: string): Promise<string[] | null> {
  const [row] = await db
    .select({ path: sql<string[]>`coalesce(${units.path}, '{}'::uuid[])` })
    .from(frameworks)
    .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(eq(frameworks.id, id));
  return row?.path ?? null;
}

export async function findFrameworkByCode(db: TDbOrTx, code: string) {
  const [row] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, code));
  return row ?? null;
}

/**
 * What a framework's detail depends on, as one text: status, last edit of the framework and its indicators,
 * its assignment rows (count and newest) and the newest unit change. Null when there is no such framework.
 */
export async function findDetailStamp(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      status: frameworks.status,
      key: sql<string>`concat_ws('|', ${frameworks.updatedAt}::text,
        (select count(*) || ':' || coalesce(max(a.created_at)::text, '') from assignments a where a.framework_id = ${id}),
        (select max(i.updated_at)::text from indicators i where i.framework_id = ${id}),
        (select max(u.updated_at)::text from units u))`,
    })
    .from(frameworks)
    .where(eq(frameworks.id, id));
  return row ? { published: row.status === "published", key: `${row.status}|${row.key}` } : null;
}

export function listIndicators(db: TDbOrTx, frameworkId: string) {
  return db.select().from(indicators).where(eq(indicators.frameworkId, frameworkId)).orderBy(asc(indicators.sortOrder));
}

export function listAssignments(db: TDbOrTx, frameworkId: string) {
  return db
    .select({
      indicatorId: assignments.indicatorId,
      unitId: assignments.unitId,
      role: assignments.role,
      unitName: units.name,
      shortName: units.shortName,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.frameworkId, frameworkId))
    .orderBy(asc(units.name));
}

/** One indicator's lead and cooperating units, by name. */
export function listIndicatorAssignments(db: TDbOrTx, indicatorId: string) {
  return db
    .select({ unitId: assignments.unitId, role: assignments.role, unitName: units.name, shortName: units.shortName })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.indicatorId, indicatorId))
    .orderBy(asc(units.name));
}

export async function insertFramework(db: TDbOrTx, values: typeof frameworks.$inferInsert) {
  const [row] = await db.insert(frameworks).values(values).returning({ id: frameworks.id });
  return row!.id;
}

export async function insertIndicator(db: TDbOrTx, values: typeof indicators.$inferInsert) {
  const [row] = await db.insert(indicators).values(values).returning({ id: indicators.id });
  return row!.id;
}

export async function insertAssignments(db: TDbOrTx, rows: (typeof assignments.$inferInsert)[]) {
  if (rows.length) await db.insert(assignments).values(rows).onConflictDoNothing();
}

export async function updateFramework(db: TDbOrTx, id: string, values: Partial<typeof frameworks.$inferInsert>) {
  await db
    .update(frameworks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(frameworks.id, id));
}

export async function deleteFramework(db: TDbOrTx, id: string) {
  await db.delete(frameworks).where(eq(frameworks.id, id));
}

export async function findIndicator(db: TDbOrTx, id: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row ?? null;
}

export async function findIndicatorByCode(db: TDbOrTx, frameworkId: string, code: string) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.frameworkId, frameworkId), eq(indicators.code, code)));
  return row ?? null;
}

export function listSiblings(db: TDbOrTx, frameworkId: string, parentId: string | null) {
  return db
    .select({ id: indicators.id, sortOrder: indicators.sortOrder })
    .from(indicators)
    .where(
      and(
        eq(indicators.frameworkId, frameworkId),
        parentId ? eq(indicators.parentId, parentId) : isNull(indicators.parentId),
      ),
    )
    .orderBy(asc(indicators.sortOrder));
}

export async function updateIndicator(db: TDbOrTx, id: string, values: Partial<typeof indicators.$inferInsert>) {
  await db
    .update(indicators)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(indicators.id, id));
}

export async function deleteIndicator(db: TDbOrTx, id: string) {
  await db.delete(indicators).where(eq(indicators.id, id));
}

export async function replaceAssignment(
  db: TDbOrTx,
  frameworkId: string,
  indicatorId: string,
  lead: string | null,
  cooperating: readonly string[],
) {
  await db.delete(assignments).where(eq(assignments.indicatorId, indicatorId));
  const rows = [
    ...(lead ? [{ frameworkId, indicatorId, unitId: lead, role: "lead" as const }] : []),
    ...cooperating
      .filter((u) => u !== lead)
      .map((unitId) => ({ frameworkId, indicatorId, unitId, role: "cooperate" as const })),
  ];
  await insertAssignments(db, rows);
}

/** How many reporting periods use a framework (then its tree can no longer change). */
export async function countPeriodsUsing(db: TDbOrTx, frameworkId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(periods)
    .where(eq(periods.frameworkId, frameworkId));
  return row?.n ?? 0;
}
