import {
  addCounts,
  can,
  daysLeft,
  emptyCounts,
  matchesSearch,
  oversees,
  slotStatus,
  type TActor,
  type TChaseRequest,
  type TChaseResult,
  type TCompleteness,
  type TCompletenessCounts,
  type TCompletenessIndicator,
  type TCompletenessPage,
  type TCompletenessQuery,
  type TCompletenessSlot,
  type TCompletenessUnit,
  type TCompletenessUnitSlots,
  type TScopeRef,
  unitsLed,
  vietnamWallClock,
} from "@chiso/core";
import type { TServiceContext } from "../../http/context.ts";
import { AppError, forbidden, notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { recordAudit } from "../audit/repo.ts";
import { claimReminderKeys, findPeriodFacts } from "../notifications/repo.ts";
import { notify } from "../notifications/service.ts";
import * as templates from "../notifications/templates.ts";
import { periodScope } from "../periods/service.ts";
import * as repo from "./repo.ts";

/** A period's completeness as one actor sees it: who oversees the cycle every unit, a lead agency its share. */
interface TView {
  period: NonNullable<Awaited<ReturnType<typeof findPeriodFacts>>>;
  scope: TScopeRef;
  seesAll: boolean;
  filter: repo.TSlotFilter;
}

async function openView(ctx: TServiceContext, periodId: string): Promise<TView> {
  const period = await findPeriodFacts(ctx.db, periodId);
  if (!period) throw notFound("kỳ báo cáo");
  const scope = await periodScope(ctx.db, periodId);
  ensureCan(ctx.actor, "completeness.view", scope);
  // Who oversees the cycle sees every unit; a unit sees its own slots and every unit on the indicators it leads.
  const seesAll = oversees(ctx.actor, scope.scopePath);
  return { period, scope, seesAll, filter: seesAll ? {} : { leadUnitId: ctx.actor.unitId } };
}

/**
 * Whose missing report the actor may chase: the cycle's coordinator any unit's; a lead agency's lead only its
 * cooperating units' reports on the indicators it leads (its own reports are its own business). Given to the
 * queries as data (`leadsUnit` as the list of units the actor leads).
 */
function chaseReach(actor: TActor, scope: TScopeRef): repo.TChaseReach {
  return { all: can(actor, "completeness.chaseAll", scope), leadUnitIds: unitsLed(actor) };
}

/** Totals, units (by name) and indicators (by code) of the view, counted by the database. */
async function summarize(ctx: TServiceContext, view: TView): Promise<Omit<TCompleteness, "slots">> {
  const { period } = view;
  const now = ctx.clock();
  const [summary, lastChases] = await Promise.all([
    repo.summarizeSlots(ctx.db, period.id, {
      now,
      filter: view.filter,
      // nothing is chased in a closed period
      chase: period.is_closed ? undefined : chaseReach(ctx.actor, view.scope),
    }),
    repo.listLastChases(ctx.db, period.id),
  ]);
  const units = summary.units.map(
    (row): TCompletenessUnit => ({
      unitId: row.unit_id,
      unitName: row.unit_name,
      deadline: row.deadline,
      extended: row.extended,
      daysLeft: daysLeft(row.deadline, now),
      counts: countsOf(row),
      lastChasedAt: lastChases.get(row.unit_id) ?? null,
      chaseable: row.chaseable,
    }),
  );
  const indicators = summary.indicators
    .map(
      (row): TCompletenessIndicator => ({
        indicatorId: row.indicator_id,
        code: row.indicator_code,
        name: row.indicator_name,
        leadUnitName: row.lead_unit_name,
        counts: countsOf(row),
      }),
    )
    .sort((a, b) => compareCodes(a.code, b.code));
  return {
    period: {
      id: period.id,
      label: period.label,
      frameworkName: period.framework_name,
      deadline: period.deadline,
      isClosed: period.is_closed,
    },
    scope: view.seesAll ? "all" : "lead",
    totals: units.reduce((totals, u) => addCounts(totals, u.counts), emptyCounts()),
    units,
    indicators,
  };
}

function countsOf(row: repo.TUnitSummaryRow | repo.TIndicatorSummaryRow): TCompletenessCounts {
  return {
    expected: row.expected,
    submitted: row.submitted,
    onTime: row.on_time,
    late: row.late,
    missing: row.missing,
    overdue: row.overdue,
    withEvidence: row.with_evidence,
  };
}

/** The slots of the view (of some units only, if given), judged against the period's common deadline. */
async function listViewSlots(ctx: TServiceContext, view: TView, unitIds?: string[]): Promise<TCompletenessSlot[]> {
  const rows = await repo.listSlots(ctx.db, view.period.id, { ...view.filter, unitIds });
  return rows.map((row) => ({
    unitId: row.unit_id,
    indicatorId: row.indicator_id,
    role: row.role,
    status: slotStatus(row.first_submitted_at, view.period.deadline),
    reportId: row.report_id,
    reportStatus: row.status,
    firstSubmittedAt: row.first_submitted_at,
    evidenceCount: row.evidence_count,
  }));
}

/** Overdue reports weigh most (points are being lost now), then missing ones, then those sent late; ties by name. */
function furthestBehindFirst(a: TCompletenessUnit, b: TCompletenessUnit): number {
  return (
    b.counts.overdue - a.counts.overdue ||
    b.counts.missing - a.counts.missing ||
    b.counts.late - a.counts.late ||
    a.unitName.localeCompare(b.unitName, "vi")
  );
}

/** "4.10" after "4.9": codes compare part by part as numbers. */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, "vi", { numeric: true });
}

/** Everything, every slot included: the Excel export. */
export async function getCompleteness(ctx: TServiceContext, periodId: string): Promise<TCompleteness> {
  const view = await openView(ctx, periodId);
  const [summary, slots] = await Promise.all([summarize(ctx, view), listViewSlots(ctx, view)]);
  return { ...summary, slots };
}

/** The page: totals and indicators and one page of the units matching the search, counted by the database. */
export async function getCompletenessPage(ctx: TServiceContext, query: TCompletenessQuery): Promise<TCompletenessPage> {
  const view = await openView(ctx, query.periodId);
  const data = await summarize(ctx, view);
  const found = query.q ? data.units.filter((u) => matchesSearch(u.unitName, query.q ?? "")) : data.units;
  const matching = query.order === "behind" ? [...found].sort(furthestBehindFirst) : found;
  const units = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    ...data,
    units,
    unitsTotal: matching.length,
    chaseableUnits: data.units.filter((u) => u.chaseable).length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One unit's late and missing reports, within what the viewer sees of the period (none outside it). */
export async function getUnitOpenSlots(
  ctx: TServiceContext,
  periodId: string,
  unitId: string,
): Promise<TCompletenessUnitSlots> {
  const view = await openView(ctx, periodId);
  const slots = await listViewSlots(ctx, view, [unitId]);
  return { unitId, slots: slots.filter((s) => s.status !== "on_time") };
}

/**
 * "Đôn đốc ngay": one reminder to every unit that still owes reports the actor answers for, listing them. Each
 * chase is recorded in the reminder log (also how the page shows "last chased") and in the audit log. The same
 * agency chasing the same unit twice within the hour (a double click, a second tab) sends one reminder.
 */
export async function chaseUnits(ctx: TServiceContext, input: TChaseRequest): Promise<TChaseResult> {
  const view = await openView(ctx, input.periodId);
  if (view.period.is_closed) throw new AppError("CONFLICT", "Kỳ báo cáo đã đóng nên không đôn đốc được.");
  // Per unit (by name), the codes of the missing reports the actor may chase.
  const chaseable = new Map<string, { unitId: string; unitName: string; deadline: string; codes: string[] }>();
  for (const row of await repo.listChaseableSlots(
    ctx.db,
    view.period.id,
    view.filter,
    chaseReach(ctx.actor, view.scope),
  )) {
    const unit = chaseable.get(row.unit_id);
    if (unit) unit.codes.push(row.indicator_code);
    else
      chaseable.set(row.unit_id, {
        unitId: row.unit_id,
        unitName: row.unit_name,
        deadline: row.deadline,
        codes: [row.indicator_code],
      });
  }
  const requested = input.unitIds ?? [...chaseable.keys()];
  const outside = requested.filter((id) => !chaseable.has(id));
  if (input.unitIds && outside.length) {
    throw forbidden("Chỉ đôn đốc được đơn vị còn thiếu báo cáo thuộc các chỉ số bạn phụ trách.");
  }
  const targets = [...chaseable.values()].filter((u) => requested.includes(u.unitId));
  if (!targets.length) return { chased: [], skipped: [] };
  const { period } = view;
  const now = ctx.clock();
  const hour = vietnamWallClock(now).format("YYYY-MM-DDTHH");
  const keyOf = (unitId: string) => `chase:${period.id}:${unitId}:${ctx.actor.unitId}:${hour}`;

  return ctx.db.transaction(async (tx) => {
    const claimed = await claimReminderKeys(
      tx,
      targets.map((u) => keyOf(u.unitId)),
      now,
    );
    const result: TChaseResult = { chased: [], skipped: [] };
    for (const unit of targets) {
      if (!claimed.has(keyOf(unit.unitId))) {
        result.skipped.push({ unitId: unit.unitId, unitName: unit.unitName });
        continue;
      }
      const { codes } = unit;
      const recipients = await notify(tx, {
        at: now,
        to: { unitIds: [unit.unitId] },
        notice: templates.chase({
          periodId: period.id,
          label: period.label,
          unitName: unit.unitName,
          deadline: new Date(unit.deadline),
          unfinished: codes.length,
          chaserName: ctx.actor.unitName,
          codes,
        }),
      });
      result.chased.push({
        unitId: unit.unitId,
        unitName: unit.unitName,
        missing: codes.length,
        recipients: recipients.length,
      });
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "period.chase",
      entityType: "period",
      entityId: period.id,
      after: {
        chased: result.chased.map((c) => ({ ...c, codes: chaseable.get(c.unitId)?.codes })),
        skipped: result.skipped,
      },
      ip: ctx.ip,
    });
    return result;
  });
}
