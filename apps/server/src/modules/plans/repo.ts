import type { TVisibleScopes } from "@chiso/core";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, type TDbOrTx } from "../../db/client.ts";
import {
  documents,
  frameworks,
  indicators,
  periods,
  planReviews,
  plans,
  planTargets,
  reports,
  taskIndicators,
  tasks,
  taskUnits,
  taskUpdateDocuments,
  taskUpdates,
  units,
  users,
} from "../../db/schema.ts";
import { ownerVisible } from "../../db/scope-sql.ts";

// ---------- plans ----------

/** The path of the scope owning a plan ([] for the province). */
const planOwnerPath = sql<
  string[]
>`coalesce((select o.path from units o where o.id = ${plans.ownerUnitId}), '{}'::uuid[])`;
/** Plans of the scopes a user sees. */
const plansVisible = (visible: TVisibleScopes) => ownerVisible(plans.ownerUnitId, planOwnerPath, visible);

const parentPlan = alias(plans, "parent_plan");

const planColumns = {
  id: plans.id,
  code: plans.code,
  title: plans.title,
  issuerUnitId: plans.issuerUnitId,
  issuerName: units.name,
  issuerText: plans.issuerText,
  issuedOn: plans.issuedOn,
  signer: plans.signer,
  startYear: plans.startYear,
  endYear: plans.endYear,
  legalBases: plans.legalBases,
  parentPlanId: plans.parentPlanId,
  progressCalendar: plans.progressCalendar,
  parentCode: parentPlan.code,
  parentTitle: parentPlan.title,
  ownerUnitId: plans.ownerUnitId,
  ownerPath: planOwnerPath,
  createdAt: plans.createdAt,
};
export type TPlanRow = Awaited<ReturnType<typeof listPlanRows>>[number];

function selectPlans(db: TDbOrTx) {
  return db
    .select(planColumns)
    .from(plans)
    .leftJoin(units, eq(units.id, plans.issuerUnitId))
    .leftJoin(parentPlan, eq(parentPlan.id, plans.parentPlanId));
}

/** The plans of the scopes a user sees, newest first. */
export function listPlanRows(db: TDbOrTx, visible: TVisibleScopes) {
  return selectPlans(db).where(plansVisible(visible)).orderBy(desc(plans.createdAt), asc(plans.code));
}

export async function findPlanRow(db: TDbOrTx, id: string) {
  const [row] = await selectPlans(db).where(eq(plans.id, id));
  return row ?? null;
}

/** Số hiệu are compared without spaces and case: "17a /KH-SCT" is "17A/KH-SCT". */
export async function findPlanByCode(db: TDbOrTx, code: string) {
  const [row] = await db
    .select({ id: plans.id, code: plans.code, title: plans.title })
    .from(plans)
    .where(sql`upper(replace(${plans.code}, ' ', '')) = upper(replace(${code}, ' ', ''))`);
  return row ?? null;
}

export async function insertPlan(db: TDbOrTx, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id });
  return row!.id;
}

export async function updatePlan(db: TDbOrTx, id: string, values: Partial<typeof plans.$inferInsert>) {
  await db
    .update(plans)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(plans.id, id));
}

export async function deletePlan(db: TDbOrTx, id: string) {
  await db.delete(plans).where(eq(plans.id, id));
}

export function listChildPlans(db: TDbOrTx, id: string) {
  return db
    .select({ id: plans.id, code: plans.code, title: plans.title })
    .from(plans)
    .where(eq(plans.parentPlanId, id))
    .orderBy(asc(plans.code));
}

/** The chain of parents above a plan (to refuse a cycle). */
export async function planAncestors(db: TDbOrTx, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up(id, parent_plan_id, depth) as (
          select id, parent_plan_id, 0 from plans where id = ${id}
          union all
          select p.id, p.parent_plan_id, up.depth + 1 from plans p join up on p.id = up.parent_plan_id where up.depth < 50)
        select id from up`,
  );
  return rows.map((r) => r.id);
}

// ---------- targets ----------

export function listTargets(db: TDbOrTx, planId: string) {
  return db
    .select({
      id: planTargets.id,
      label: planTargets.label,
      metric: planTargets.metric,
      comparator: planTargets.comparator,
      targetValue: planTargets.targetValue,
      unit: planTargets.unit,
      indicatorId: indicators.id,
      indicatorCode: indicators.code,
      indicatorName: indicators.name,
      maxScore: indicators.maxScore,
      rule: indicators.rule,
      valueKind: indicators.valueKind,
    })
    .from(planTargets)
    .leftJoin(indicators, eq(indicators.id, planTargets.indicatorId))
    .where(eq(planTargets.planId, planId))
    .orderBy(asc(planTargets.sortOrder));
}

export async function replaceTargets(
  db: TDbOrTx,
  planId: string,
  values: Omit<typeof planTargets.$inferInsert, "planId">[],
) {
  await db.delete(planTargets).where(eq(planTargets.planId, planId));
  if (values.length) await db.insert(planTargets).values(values.map((v) => ({ ...v, planId })));
}

/** The indicator's latest consolidated (lead) report that has left draft, by period end then last change. */
export async function latestLeadReport(db: TDbOrTx, indicatorId: string) {
  const [row] = await db
    .select({
      values: reports.values,
      selfPoints: reports.selfPoints,
      appraisedPoints: reports.appraisedPoints,
      periodLabel: periods.label,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(and(eq(reports.indicatorId, indicatorId), eq(reports.role, "lead"), ne(reports.status, "draft")))
    .orderBy(desc(periods.windowEnd), desc(reports.updatedAt))
    .limit(1);
  return row ?? null;
}

// ---------- tasks ----------

const taskColumns = {
  id: tasks.id,
  planId: tasks.planId,
  planCode: plans.code,
  planTitle: plans.title,
  planStartYear: plans.startYear,
  planProgressCalendar: plans.progressCalendar,
  createdAt: tasks.createdAt,
  parentId: tasks.parentId,
  number: tasks.number,
  isSection: tasks.isSection,
  content: tasks.content,
  leadText: tasks.leadText,
  cooperatingText: tasks.cooperatingText,
  outputText: tasks.outputText,
  timeframeText: tasks.timeframeText,
  timeframe: tasks.timeframe,
  directingLeader: tasks.directingLeader,
  budgetAmount: tasks.budgetAmount,
  budgetSource: tasks.budgetSource,
  budgetBasis: tasks.budgetBasis,
  status: tasks.status,
  percent: tasks.percent,
  sortOrder: tasks.sortOrder,
  planOwnerPath,
};
export type TTaskRow = Awaited<ReturnType<typeof findTaskRow>> & {};

export interface TTaskFilter {
  planIds?: readonly string[];
  taskIds?: readonly string[];
  /** Tasks this unit leads or cooperates on. */
  unitId?: string;
  /** Only tasks of the plans of these scopes. */
  visible?: TVisibleScopes;
}

/** Tasks in plan order (plan, then the plan's own row order). */
export function listTaskRows(db: TDbOrTx, filter: TTaskFilter) {
  const conditions = [];
  if (filter.planIds) conditions.push(filter.planIds.length ? inArray(tasks.planId, [...filter.planIds]) : sql`false`);
  if (filter.taskIds) conditions.push(filter.taskIds.length ? inArray(tasks.id, [...filter.taskIds]) : sql`false`);
  if (filter.visible) conditions.push(plansVisible(filter.visible));
  if (filter.unitId) {
    conditions.push(
      inArray(tasks.id, db.select({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.unitId, filter.unitId))),
    );
  }
  return db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(plans.createdAt), asc(tasks.planId), asc(tasks.sortOrder));
}

export async function findTaskRow(db: TDbOrTx, id: string) {
  const [row] = await db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, id));
  return row ?? null;
}

/** The outline of some plans (to name each task's sections): every row, in order. */
export function listOutline(db: TDbOrTx, planIds: readonly string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      parentId: tasks.parentId,
      isSection: tasks.isSection,
      number: tasks.number,
      content: tasks.content,
    })
    .from(tasks)
    .where(inArray(tasks.planId, [...planIds]))
    .orderBy(asc(tasks.sortOrder));
}

export async function insertTask(db: TDbOrTx, values: typeof tasks.$inferInsert) {
  const [row] = await db.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

export async function updateTask(db: TDbOrTx, id: string, values: Partial<typeof tasks.$inferInsert>) {
  await db
    .update(tasks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(tasks.id, id));
}

export async function deleteTask(db: TDbOrTx, id: string) {
  await db.delete(tasks).where(eq(tasks.id, id));
}

export async function nextSortOrder(db: TDbOrTx, planId: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${tasks.sortOrder})` })
    .from(tasks)
    .where(eq(tasks.planId, planId));
  return (row?.max ?? -1) + 1;
}

export function listTaskUnits(db: TDbOrTx, taskIds: readonly string[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .select({ taskId: taskUnits.taskId, unitId: units.id, unitName: units.name, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, [...taskIds]))
    .orderBy(asc(units.name));
}

export async function replaceTaskUnits(
  db: TDbOrTx,
  taskId: string,
  lead: readonly string[],
  cooperating: readonly string[],
) {
  await db.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
  const rows = [
    ...lead.map((unitId) => ({ taskId, unitId, role: "lead" as const })),
    ...cooperating.filter((id) => !lead.includes(id)).map((unitId) => ({ taskId, unitId, role: "cooperate" as const })),
  ];
  if (rows.length) await db.insert(taskUnits).values(rows);
}

export function listTaskIndicators(db: TDbOrTx, taskIds: readonly string[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .select({ taskId: taskIndicators.taskId, id: indicators.id, code: indicators.code, name: indicators.name })
    .from(taskIndicators)
    .innerJoin(indicators, eq(indicators.id, taskIndicators.indicatorId))
    .where(inArray(taskIndicators.taskId, [...taskIds]))
    .orderBy(asc(indicators.code));
}

/** Tasks linked to any of these indicators, in the plans of the scopes a user sees (an agency's result lists them). */
export function listTasksLinkedTo(db: TDbOrTx, indicatorIds: readonly string[], visible: TVisibleScopes) {
  if (!indicatorIds.length) return Promise.resolve([]);
  return db
    .select({
      indicatorId: taskIndicators.indicatorId,
      taskId: tasks.id,
      number: tasks.number,
      content: tasks.content,
      status: tasks.status,
      percent: tasks.percent,
      planId: plans.id,
      planCode: plans.code,
    })
    .from(taskIndicators)
    .innerJoin(tasks, eq(tasks.id, taskIndicators.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(inArray(taskIndicators.indicatorId, [...indicatorIds]), plansVisible(visible)))
    .orderBy(asc(plans.code), asc(tasks.sortOrder));
}

export async function replaceTaskIndicators(db: TDbOrTx, taskId: string, indicatorIds: readonly string[]) {
  await db.delete(taskIndicators).where(eq(taskIndicators.taskId, taskId));
  if (indicatorIds.length) {
    await db.insert(taskIndicators).values([...new Set(indicatorIds)].map((indicatorId) => ({ taskId, indicatorId })));
  }
}

/** Time of each task's latest progress update. */
export function listLastUpdates(db: TDbOrTx, taskIds: readonly string[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .select({ taskId: taskUpdates.taskId, at: sql<Date>`max(${taskUpdates.at})` })
    .from(taskUpdates)
    .where(inArray(taskUpdates.taskId, [...taskIds]))
    .groupBy(taskUpdates.taskId);
}

export async function countUpdatesInPlan(db: TDbOrTx, planId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskUpdates)
    .innerJoin(tasks, eq(tasks.id, taskUpdates.taskId))
    .where(eq(tasks.planId, planId));
  return row?.n ?? 0;
}

/** Progress updates of a task and of the tasks below it (deleting a task deletes its sub-tasks). */
export async function countUpdatesUnder(db: TDbOrTx, taskId: string) {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with recursive below(id) as (
          select id from tasks where id = ${taskId}
          union all select t.id from tasks t join below on t.parent_id = below.id)
        select count(*)::int as n from task_updates u join below on below.id = u.task_id`,
  );
  return Number(rows[0]?.n ?? 0);
}

// ---------- progress updates ----------

export async function insertTaskUpdate(db: TDbOrTx, values: typeof taskUpdates.$inferInsert) {
  const [row] = await db.insert(taskUpdates).values(values).returning({ id: taskUpdates.id });
  return row!.id;
}

export async function insertTaskUpdateDocuments(db: TDbOrTx, updateId: string, documentIds: readonly string[]) {
  if (documentIds.length) {
    await db.insert(taskUpdateDocuments).values(documentIds.map((documentId) => ({ updateId, documentId })));
  }
}

/** Newest first, with who posted them. */
export function listTaskUpdates(db: TDbOrTx, taskId: string) {
  return db
    .select({
      id: taskUpdates.id,
      at: taskUpdates.at,
      authorName: users.fullName,
      status: taskUpdates.status,
      percent: taskUpdates.percent,
      note: taskUpdates.note,
    })
    .from(taskUpdates)
    .leftJoin(users, eq(users.id, taskUpdates.authorId))
    .where(eq(taskUpdates.taskId, taskId))
    .orderBy(desc(taskUpdates.at), desc(taskUpdates.id));
}

export function listUpdateDocuments(db: TDbOrTx, updateIds: readonly string[]) {
  if (!updateIds.length) return Promise.resolve([]);
  return db
    .select({
      updateId: taskUpdateDocuments.updateId,
      id: documents.id,
      fileName: documents.fileName,
      docNumber: documents.docNumber,
      issuedOn: documents.issuedOn,
      unitName: units.name,
    })
    .from(taskUpdateDocuments)
    .innerJoin(documents, eq(documents.id, taskUpdateDocuments.documentId))
    .innerJoin(units, eq(units.id, documents.unitId))
    .where(inArray(taskUpdateDocuments.updateId, [...updateIds]))
    .orderBy(asc(documents.fileName));
}

// ---------- cascade ----------

/**
 * Tasks of the parent plan that a cascaded plan answers: the child plan's issuer, or a unit leading one of its
 * tasks, leads or cooperates on them, or one of the child's tasks raises the same indicator.
 */
export async function parentTaskIdsAnswered(
  db: TDbOrTx,
  parentId: string,
  childId: string,
  issuerUnitId: string | null,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select t.id from tasks t
        where t.plan_id = ${parentId} and not t.is_section and (
          exists (
            select 1 from task_units tu where tu.task_id = t.id and (
              tu.unit_id = ${issuerUnitId}
              or tu.unit_id in (
                select cu.unit_id from task_units cu join tasks c on c.id = cu.task_id
                where c.plan_id = ${childId} and cu.role = 'lead')))
          or exists (
            select 1 from task_indicators ti where ti.task_id = t.id and ti.indicator_id in (
              select ci.indicator_id from task_indicators ci join tasks c on c.id = ci.task_id
              where c.plan_id = ${childId})))
        order by t.sort_order`,
  );
  return rows.map((r) => r.id);
}

// ---------- lookups ----------

export async function existingUnitIds(db: TDbOrTx, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(inArray(units.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export function findIndicatorRefs(db: TDbOrTx, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: indicators.id, code: indicators.code, name: indicators.name })
    .from(indicators)
    .where(inArray(indicators.id, [...ids]));
}

/** The province framework of a year (a published one first), whose indicators plans of that year raise. */
export async function findProvinceFrameworkOfYear(db: TDbOrTx, year: number) {
  const [row] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.year, year), eq(frameworks.level, "province"), ne(frameworks.status, "archived")))
    .orderBy(sql`case when ${frameworks.status} = 'published' then 0 else 1 end`, desc(frameworks.createdAt))
    .limit(1);
  return row ?? null;
}

/** Leaf indicators of a framework (those a task can raise). */
export function listLeafIndicators(db: TDbOrTx, frameworkId: string) {
  const child = alias(indicators, "child");
  return db
    .select({ id: indicators.id, code: indicators.code, name: indicators.name })
    .from(indicators)
    .leftJoin(child, eq(child.parentId, indicators.id))
    .where(and(eq(indicators.frameworkId, frameworkId), isNull(child.id)))
    .orderBy(asc(indicators.sortOrder));
}

// ---------- review meetings ----------

export async function insertReview(db: TDbOrTx, values: typeof planReviews.$inferInsert) {
  const [row] = await db.insert(planReviews).values(values).returning({ id: planReviews.id });
  return row!.id;
}

export function listReviews(db: TDbOrTx, planId: string) {
  return db
    .select()
    .from(planReviews)
    .where(eq(planReviews.planId, planId))
    .orderBy(desc(planReviews.heldOn), desc(planReviews.createdAt));
}

/** The conclusions (tasks under each review's section) with their status and lead units. */
export function listReviewConclusions(db: TDbOrTx, sectionIds: readonly string[]) {
  if (!sectionIds.length) return Promise.resolve([]);
  return db
    .select({
      sectionId: tasks.parentId,
      taskId: tasks.id,
      content: tasks.content,
      status: tasks.status,
      percent: tasks.percent,
      leadUnits: sql<
        { id: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from task_units tu join units u on u.id = tu.unit_id where tu.task_id = "tasks"."id" and tu.role = 'lead'), '[]'::json)`,
    })
    .from(tasks)
    .where(inArray(tasks.parentId, [...sectionIds]))
    .orderBy(asc(tasks.sortOrder));
}
