import {
  can,
  defaultOwnerUnitId,
  describeProgressCalendar,
  isTargetMet,
  parseTimeframe,
  progressBySection,
  progressByUnit,
  readProgressCalendar,
  readTargetValue,
  summarizeProgress,
  type TPlanDetail,
  type TPlanInput,
  type TPlanSummary,
  type TPlanTarget,
  type TPlanUpdate,
  type TProgressCalendar,
  type TProgressCalendarInput,
  type TScopeRef,
  type TTargetInput,
  type TTargetMetric,
  type TTask,
  type TTaskDetail,
  type TTaskEdit,
  type TTaskInput,
  type TTaskProgressInput,
  type TTaskRef,
  visibleScopes,
} from "@chiso/core";
import { readAll, type TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, forbidden, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { dashboardFor } from "../dashboard/service.ts";
import { findDocument } from "../evidence/repo.ts";
import { ownerScope } from "../frameworks/service.ts";
import { findUnitPath } from "../units/repo.ts";
import { ensureUnitsInScope } from "../units/service.ts";
import { loadTaskLookups, presentTask } from "./present.ts";
import * as repo from "./repo.ts";

// ---------- reading ----------

async function presentTasks(db: TDbOrTx, ctx: TServiceContext, rows: Awaited<ReturnType<typeof repo.listTaskRows>>) {
  const lookups = await loadTaskLookups(db, rows);
  const now = ctx.clock();
  return rows.map((row) => presentTask(row, lookups, ctx.actor, now));
}

function summaryOf(plan: repo.TPlanRow, tasks: readonly TTask[], now: Date): TPlanSummary {
  return {
    id: plan.id,
    code: plan.code,
    title: plan.title,
    issuer: plan.issuerUnitId && plan.issuerName ? { id: plan.issuerUnitId, name: plan.issuerName } : null,
    issuerText: plan.issuerText,
    issuedOn: plan.issuedOn,
    startYear: plan.startYear,
    endYear: plan.endYear,
    parent:
      plan.parentPlanId && plan.parentCode
        ? { id: plan.parentPlanId, code: plan.parentCode, title: plan.parentTitle ?? "" }
        : null,
    ownerUnitId: plan.ownerUnitId,
    ownerPath: plan.ownerPath,
    progressCalendar: plan.progressCalendar
      ? { ...plan.progressCalendar, words: describeProgressCalendar(plan.progressCalendar) }
      : null,
    progress: summarizeProgress(tasks, now),
  };
}

/** The scope whose plan this is, for the policy. */
export async function planScope(db: TDbOrTx, planId: string): Promise<TScopeRef> {
  const plan = await repo.findPlanRow(db, planId);
  if (!plan) throw notFound("kế hoạch");
  return { scopePath: plan.ownerPath };
}

/** A task's plan scope and lead units, for the policy. */
export async function taskScope(db: TDbOrTx, taskId: string): Promise<TTaskRef> {
  const task = await repo.findTaskRow(db, taskId);
  if (!task) throw notFound("nhiệm vụ");
  const leadUnitIds = (await repo.listTaskUnits(db, [taskId])).filter((u) => u.role === "lead").map((u) => u.unitId);
  return { scopePath: task.planOwnerPath, leadUnitIds };
}

/** The plans of the scopes the user sees, each with its overall progress. */
export async function listPlans(ctx: TServiceContext): Promise<TPlanSummary[]> {
  const plans = await repo.listPlanRows(ctx.db, visibleScopes(ctx.actor));
  const tasks = await presentTasks(ctx.db, ctx, await repo.listTaskRows(ctx.db, { planIds: plans.map((p) => p.id) }));
  const now = ctx.clock();
  return plans.map((plan) =>
    summaryOf(
      plan,
      tasks.filter((t) => t.plan.id === plan.id),
      now,
    ),
  );
}

/**
 * The province's standing a metric target reads, from the dashboard of the province framework of the plan's first
 * year: the self-assessed total of reports that have left their units (never a draft), the official rank, the main
 * indicators officially in the top 10. The same numbers the dashboard shows.
 */
async function metricReadings(db: TDbOrTx, year: number | null): Promise<Record<TTargetMetric, number | null>> {
  const none = { dti_total: null, dti_rank: null, mains_top10: null };
  const framework = year ? await repo.findProvinceFrameworkOfYear(db, year) : null;
  if (!framework) return none;
  const submittedOnly = { allSubmitted: true, allDrafts: false, memberUnitIds: [], coordinatedRoots: [] };
  const dashboard = await dashboardFor(db, { frameworkId: framework.id }, submittedOnly);
  return {
    dti_total: dashboard.period ? dashboard.totals.selfTotal : null,
    dti_rank: dashboard.official?.rank ?? null,
    mains_top10: dashboard.official?.mainsInTop10 ?? null,
  };
}

async function presentTargets(db: TDbOrTx, planId: string, year: number | null): Promise<TPlanTarget[]> {
  const rows = await repo.listTargets(db, planId);
  const metrics = rows.some((r) => r.metric) ? await metricReadings(db, year) : null;
  return readAll(
    db,
    rows.map((row) => async (): Promise<TPlanTarget> => {
      if (row.metric) {
        const current = metrics?.[row.metric] ?? null;
        return {
          id: row.id,
          label: row.label,
          metric: row.metric,
          indicator: null,
          comparator: row.comparator,
          targetValue: row.targetValue,
          unit: row.unit,
          current,
          basis: row.metric === "dti_total" ? ("points" as const) : ("value" as const),
          periodLabel: null,
          met: isTargetMet(row.comparator, row.targetValue, current),
        };
      }
      const indicator =
        row.indicatorId && row.indicatorCode && row.indicatorName
          ? { id: row.indicatorId, code: row.indicatorCode, name: row.indicatorName }
          : null;
      const report = indicator ? await repo.latestLeadReport(db, indicator.id) : null;
      const reading = indicator
        ? readTargetValue(
            {
              code: indicator.code,
              maxScore: row.maxScore ?? 0,
              rule: row.rule ?? null,
              valueKind: row.valueKind ?? null,
            },
            report && { values: report.values, points: report.appraisedPoints ?? report.selfPoints },
          )
        : { value: null, basis: null };
      return {
        id: row.id,
        label: row.label,
        metric: null,
        indicator,
        comparator: row.comparator,
        targetValue: row.targetValue,
        unit: row.unit,
        current: reading.value,
        basis: reading.basis,
        periodLabel: reading.value === null ? null : (report?.periodLabel ?? null),
        met: isTargetMet(row.comparator, row.targetValue, reading.value),
      };
    }),
  );
}

export async function getPlanDetail(ctx: TServiceContext, id: string, db: TDbOrTx = ctx.db): Promise<TPlanDetail> {
  const plan = await repo.findPlanRow(db, id);
  if (!plan) throw notFound("kế hoạch");
  const now = ctx.clock();
  const tasks = await presentTasks(db, ctx, await repo.listTaskRows(db, { planIds: [id] }));
  const parentTaskIds = plan.parentPlanId
    ? await repo.parentTaskIdsAnswered(db, plan.parentPlanId, id, plan.issuerUnitId)
    : [];
  const parentTasks = await presentTasks(db, ctx, await repo.listTaskRows(db, { taskIds: parentTaskIds }));
  return {
    ...summaryOf(plan, tasks, now),
    signer: plan.signer,
    legalBases: plan.legalBases,
    targets: await presentTargets(db, id, plan.startYear),
    tasks,
    bySection: progressBySection(tasks, now),
    byUnit: progressByUnit(tasks, now),
    children: await repo.listChildPlans(db, id),
    parentTasks,
  };
}

/**
 * Tasks across plans: with `mine`, those the user's unit leads or cooperates on; with `unitId`, another unit's
 * (the coordinator, appraisers and viewers oversee every unit; others only their own).
 */
export async function listTasks(
  ctx: TServiceContext,
  query: { mine?: "0" | "1"; unitId?: string; planId?: string; overdue?: "0" | "1" },
): Promise<TTask[]> {
  const unitId = query.unitId ?? (query.mine === "1" ? ctx.actor.unitId : undefined);
  if (unitId && unitId !== ctx.actor.unitId) {
    const unitPath = await findUnitPath(ctx.db, unitId);
    if (!unitPath) throw notFound("đơn vị");
    // Another unit's tasks: for who oversees that unit.
    ensureCan(ctx.actor, "document.read", { unitId, unitPath });
  }
  const rows = await repo.listTaskRows(ctx.db, {
    unitId,
    planIds: query.planId ? [query.planId] : undefined,
    visible: visibleScopes(ctx.actor),
  });
  const tasks = (await presentTasks(ctx.db, ctx, rows)).filter((t) => !t.isSection);
  return query.overdue === "1" ? tasks.filter((t) => t.overdue) : tasks;
}

export async function getTaskDetail(ctx: TServiceContext, id: string, db: TDbOrTx = ctx.db): Promise<TTaskDetail> {
  const row = await repo.findTaskRow(db, id);
  if (!row) throw notFound("nhiệm vụ");
  const [task] = await presentTasks(db, ctx, [row]);
  const updates = await repo.listTaskUpdates(db, id);
  const documents = await repo.listUpdateDocuments(
    db,
    updates.map((u) => u.id),
  );
  return {
    ...task!,
    updates: updates.map((u) => ({
      ...u,
      at: u.at.toISOString(),
      documents: documents.filter((d) => d.updateId === u.id).map(({ updateId: _, ...d }) => d),
    })),
  };
}

// ---------- plans: create, edit, delete (the coordinator) ----------

function audit(
  db: TDbOrTx,
  ctx: TServiceContext,
  action: string,
  entity: { type: string; id: string },
  change: object,
) {
  return recordAudit(db, {
    actorId: ctx.actor.id,
    action,
    entityType: entity.type,
    entityId: entity.id,
    ip: ctx.ip,
    ...change,
  });
}

async function checkPlanFields(db: TDbOrTx, input: TPlanUpdate, planId: string | null) {
  if (input.startYear && input.endYear && input.endYear < input.startYear) {
    throw new AppError("VALIDATION_FAILED", "Năm kết thúc phải sau năm bắt đầu.");
  }
  if (input.code) {
    const existing = await repo.findPlanByCode(db, input.code);
    if (existing && existing.id !== planId) {
      throw new AppError("CONFLICT", `Đã có kế hoạch số hiệu "${existing.code}" (${existing.title}).`);
    }
  }
  if (input.issuerUnitId && !(await repo.existingUnitIds(db, [input.issuerUnitId])).size) {
    throw notFound("cơ quan ban hành");
  }
  if (input.parentPlanId) {
    if (!(await repo.findPlanRow(db, input.parentPlanId))) throw notFound("kế hoạch cấp trên");
    // A plan cannot carry out itself, directly or through its own sub-plans.
    if (planId && (await repo.planAncestors(db, input.parentPlanId)).includes(planId)) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Kế hoạch cấp trên không được là chính kế hoạch này hoặc kế hoạch cấp dưới của nó.",
      );
    }
  }
  if (input.targets) {
    const ids = input.targets.map((t) => t.indicatorId).filter((v): v is string => Boolean(v));
    if ((await repo.findIndicatorRefs(db, ids)).length !== new Set(ids).size) throw notFound("chỉ số gắn với chỉ tiêu");
  }
}

const blank = <T>(value: T | undefined) => (value === undefined ? undefined : value === "" ? null : value);

function planValues(input: TPlanUpdate) {
  return {
    code: input.code,
    title: input.title,
    issuerUnitId: input.issuerUnitId,
    issuerText: blank(input.issuerText),
    issuedOn: input.issuedOn,
    signer: blank(input.signer),
    startYear: input.startYear,
    endYear: input.endYear,
    legalBases: blank(input.legalBases),
    parentPlanId: input.parentPlanId,
    progressCalendar: input.progressCalendar === undefined ? undefined : progressCalendarOf(input.progressCalendar),
  };
}

/** The plan's words read by the calendar's one reader; words it cannot read are refused, never guessed. */
function progressCalendarOf(input: TProgressCalendarInput | null): TProgressCalendar | null {
  if (input === null) return null;
  const calendar = readProgressCalendar(input);
  if (!calendar) {
    throw new AppError(
      "VALIDATION_FAILED",
      `Không đọc được hạn báo cáo tiến độ "${input.text}". Ví dụ: "trước ngày 10/6 và ngày 10/12" (06 tháng), "trước ngày 10 tháng cuối quý" (hằng quý).`,
    );
  }
  return calendar;
}

function targetValues(targets: readonly TTargetInput[]) {
  return targets.map((t, sortOrder) => ({
    label: t.label,
    metric: t.metric ?? null,
    indicatorId: t.indicatorId ?? null,
    comparator: t.comparator,
    targetValue: t.targetValue ?? null,
    unit: blank(t.unit) ?? null,
    sortOrder,
  }));
}

/** Inserts a plan and its targets inside the caller's transaction; returns its id. */
export async function insertPlanWithTargets(tx: TDbOrTx, ctx: TServiceContext, input: TPlanInput) {
  const ownerUnitId = defaultOwnerUnitId(ctx.actor, input.ownerUnitId);
  ensureCan(ctx.actor, "plan.manage", await ownerScope(tx, ownerUnitId));
  await checkPlanFields(tx, input, null);
  const { code, title, ...rest } = planValues(input);
  const id = await repo.insertPlan(tx, {
    code: code!,
    title: title!,
    ...rest,
    ownerUnitId,
    createdBy: ctx.actor.id,
  });
  if (input.targets?.length) await repo.replaceTargets(tx, id, targetValues(input.targets));
  return id;
}

export async function createPlan(ctx: TServiceContext, input: TPlanInput): Promise<TPlanDetail> {
  return ctx.db.transaction(async (tx) => {
    const id = await insertPlanWithTargets(tx, ctx, input);
    await audit(tx, ctx, "plan.create", { type: "plan", id }, { after: input });
    return getPlanDetail(ctx, id, tx);
  });
}

export async function updatePlan(ctx: TServiceContext, id: string, input: TPlanUpdate): Promise<TPlanDetail> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findPlanRow(tx, id);
    if (!before) throw notFound("kế hoạch");
    await checkPlanFields(tx, input, id);
    const values = Object.fromEntries(Object.entries(planValues(input)).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length) await repo.updatePlan(tx, id, values);
    if (input.targets) await repo.replaceTargets(tx, id, targetValues(input.targets));
    await audit(tx, ctx, "plan.update", { type: "plan", id }, { before, after: input });
    return getPlanDetail(ctx, id, tx);
  });
}

/** Deletes a plan and its tasks, but never progress a unit has reported. */
export async function deletePlan(ctx: TServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findPlanRow(tx, id);
    if (!before) throw notFound("kế hoạch");
    const updates = await repo.countUpdatesInPlan(tx, id);
    if (updates > 0) {
      throw new AppError(
        "CONFLICT",
        `Không thể xóa kế hoạch "${before.code}": các đơn vị đã cập nhật tiến độ ${updates} lần. Hãy sửa kế hoạch thay vì xóa.`,
      );
    }
    await repo.deletePlan(tx, id);
    await audit(tx, ctx, "plan.delete", { type: "plan", id }, { before });
  });
}

// ---------- tasks: create, edit, delete (the coordinator) ----------

async function checkTaskRefs(tx: TDbOrTx, planId: string, input: TTaskEdit, taskId: string | null) {
  const unitIds = [...(input.leadUnitIds ?? []), ...(input.cooperatingUnitIds ?? [])];
  await ensureUnitsInScope(tx, await planScope(tx, planId), unitIds);
  const indicatorIds = input.indicatorIds ?? [];
  if ((await repo.findIndicatorRefs(tx, indicatorIds)).length !== new Set(indicatorIds).size) throw notFound("chỉ số");
  if (input.parentId) {
    const parent = await repo.findTaskRow(tx, input.parentId);
    if (!parent || parent.planId !== planId)
      throw new AppError("VALIDATION_FAILED", "Mục cha phải thuộc cùng kế hoạch.");
    if (taskId && input.parentId === taskId)
      throw new AppError("VALIDATION_FAILED", "Nhiệm vụ không thể là mục cha của chính nó.");
  }
}

function taskValues(input: TTaskEdit, defaultYear: number | null) {
  const timeframeText = blank(input.timeframeText);
  return {
    parentId: input.parentId,
    number: blank(input.number),
    isSection: input.isSection,
    content: input.content,
    leadText: blank(input.leadText),
    cooperatingText: blank(input.cooperatingText),
    outputText: blank(input.outputText),
    timeframeText,
    // The parsed range follows the text; text the parser does not read is kept and flagged ("unparsed").
    timeframe:
      timeframeText === undefined
        ? undefined
        : timeframeText === null
          ? null
          : parseTimeframe(timeframeText, { defaultYear: defaultYear ?? undefined }),
    directingLeader: blank(input.directingLeader),
    budgetAmount: input.budgetAmount,
    budgetSource: blank(input.budgetSource),
    budgetBasis: blank(input.budgetBasis),
  };
}

const definedOnly = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Adds a task to a plan inside the caller's transaction (units already checked against the plan's scope) and answers
 * its id: a review's conclusions are written this way, under the review's own audit row.
 */
export async function createTaskIn(
  tx: TDbOrTx,
  ctx: TServiceContext,
  plan: { id: string; startYear: number | null },
  input: Partial<TTaskInput> & Pick<TTaskInput, "content" | "isSection">,
): Promise<string> {
  const values = definedOnly(taskValues(input, plan.startYear));
  const id = await repo.insertTask(tx, {
    ...values,
    content: input.content,
    planId: plan.id,
    sortOrder: await repo.nextSortOrder(tx, plan.id),
    // The app's clock, not the database's: a task is asked for progress reports only from the day it exists.
    createdAt: ctx.clock(),
  });
  await repo.replaceTaskUnits(tx, id, input.leadUnitIds ?? [], input.cooperatingUnitIds ?? []);
  return id;
}

export async function createTask(ctx: TServiceContext, planId: string, input: TTaskInput): Promise<TTaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.findPlanRow(tx, planId);
    if (!plan) throw notFound("kế hoạch");
    await checkTaskRefs(tx, planId, input, null);
    const values = definedOnly(taskValues(input, plan.startYear));
    const id = await repo.insertTask(tx, {
      ...values,
      content: input.content,
      planId,
      sortOrder: await repo.nextSortOrder(tx, planId),
      createdAt: ctx.clock(),
    });
    await repo.replaceTaskUnits(tx, id, input.leadUnitIds, input.cooperatingUnitIds);
    await repo.replaceTaskIndicators(tx, id, input.indicatorIds);
    await audit(tx, ctx, "task.create", { type: "task", id }, { after: input });
    return getTaskDetail(ctx, id, tx);
  });
}

export async function editTask(ctx: TServiceContext, id: string, input: TTaskEdit): Promise<TTaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findTaskRow(tx, id);
    if (!before) throw notFound("nhiệm vụ");
    await checkTaskRefs(tx, before.planId, input, id);
    const values = definedOnly(taskValues(input, before.planStartYear));
    if (Object.keys(values).length) await repo.updateTask(tx, id, values);
    if (input.leadUnitIds || input.cooperatingUnitIds) {
      const current = (await repo.listTaskUnits(tx, [id])).reduce(
        (acc, u) => {
          acc[u.role === "lead" ? "lead" : "cooperating"].push(u.unitId);
          return acc;
        },
        { lead: [] as string[], cooperating: [] as string[] },
      );
      await repo.replaceTaskUnits(
        tx,
        id,
        input.leadUnitIds ?? current.lead,
        input.cooperatingUnitIds ?? current.cooperating,
      );
    }
    if (input.indicatorIds) await repo.replaceTaskIndicators(tx, id, input.indicatorIds);
    await audit(tx, ctx, "task.update", { type: "task", id }, { before, after: input });
    return getTaskDetail(ctx, id, tx);
  });
}

export async function deleteTask(ctx: TServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findTaskRow(tx, id);
    if (!before) throw notFound("nhiệm vụ");
    const updates = await repo.countUpdatesUnder(tx, id);
    if (updates > 0) {
      throw new AppError("CONFLICT", `Không thể xóa nhiệm vụ: đơn vị đã cập nhật tiến độ ${updates} lần.`);
    }
    await repo.deleteTask(tx, id);
    await audit(tx, ctx, "task.delete", { type: "task", id }, { before });
  });
}

// ---------- progress (a lead unit) ----------

/**
 * A lead unit (or the coordinator) reports progress: the status and percent become the task's, and the evidence
 * documents cited must be its lead unit's or the user's own unit's documents, which the user may act for.
 */
export async function postProgress(ctx: TServiceContext, id: string, input: TTaskProgressInput): Promise<TTaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const task = await repo.findTaskRow(tx, id);
    if (!task) throw notFound("nhiệm vụ");
    const { leadUnitIds } = await taskScope(tx, id);
    ensureCan(ctx.actor, "task.update", { scopePath: task.planOwnerPath, leadUnitIds });
    if (task.isSection)
      throw new AppError("VALIDATION_FAILED", "Đây là tiêu đề mục, không phải nhiệm vụ: không cập nhật tiến độ.");
    const documentIds = [...new Set(input.documentIds)];
    for (const documentId of documentIds) {
      const document = await findDocument(tx, documentId);
      if (!document) throw notFound("văn bản kiểm chứng");
      const ownedByTask = leadUnitIds.includes(document.unitId) || document.unitId === ctx.actor.unitId;
      if (!ownedByTask || !can(ctx.actor, "document.manage", document)) {
        // Another unit's document is not named: its file name is that unit's to show.
        const which = can(ctx.actor, "document.manage", document) ? `Văn bản "${document.fileName}"` : "Văn bản này";
        throw forbidden(`${which} không thuộc đơn vị chủ trì nhiệm vụ.`);
      }
    }
    const updateId = await repo.insertTaskUpdate(tx, {
      taskId: id,
      at: ctx.clock(),
      authorId: ctx.actor.id,
      status: input.status,
      percent: input.percent,
      note: blank(input.note) ?? null,
    });
    await repo.insertTaskUpdateDocuments(tx, updateId, documentIds);
    await repo.updateTask(tx, id, { status: input.status, percent: input.percent });
    await audit(
      tx,
      ctx,
      "task.progress",
      { type: "task", id },
      { before: { status: task.status, percent: task.percent }, after: { ...input, documentIds, updateId } },
    );
    return getTaskDetail(ctx, id, tx);
  });
}
