import {
  addSlot,
  can,
  daysLeft,
  emptyCounts,
  isPastDeadline,
  leadsUnit,
  matchesSearch,
  oversees,
  slotStatus,
  type TActor,
  type TChaseRequest,
  type TChaseResult,
  type TCompleteness,
  type TCompletenessIndicator,
  type TCompletenessPage,
  type TCompletenessQuery,
  type TCompletenessSlot,
  type TCompletenessUnit,
  type TScopeRef,
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

/**
 * Whose missing report the actor may chase: the cycle's coordinator any unit's; a lead agency's lead only its
 * cooperating units' reports on the indicators it leads (its own reports are its own business).
 */
function mayChaseSlot(actor: TActor, scope: TScopeRef, row: repo.TSlotRow): boolean {
  if (can(actor, "completeness.chaseAll", scope)) return true;
  return leadsUnit(actor, row.lead_unit_id) && row.role === "cooperate" && row.unit_id !== row.lead_unit_id;
}

interface TLoaded {
  data: TCompleteness;
  /** Per unit, the codes of missing reports the actor may chase. */
  chaseable: Map<string, string[]>;
}

async function load(ctx: TServiceContext, periodId: string): Promise<TLoaded> {
  const period = await findPeriodFacts(ctx.db, periodId);
  if (!period) throw notFound("kỳ báo cáo");
  const scope = await periodScope(ctx.db, periodId);
  ensureCan(ctx.actor, "completeness.view", scope);
  // Who oversees the cycle sees every unit; a unit sees its own slots and every unit on the indicators it leads.
  const seesAll = oversees(ctx.actor, scope.scopePath);
  const [rows, lastChases] = await Promise.all([
    repo.listSlots(ctx.db, periodId, seesAll ? undefined : ctx.actor.unitId),
    repo.listLastChases(ctx.db, periodId),
  ]);
  const now = ctx.clock();
  const totals = emptyCounts();
  const units = new Map<string, TCompletenessUnit>();
  const indicators = new Map<string, TCompletenessIndicator>();
  const chaseable = new Map<string, string[]>();
  const slots: TCompletenessSlot[] = [];

  for (const row of rows) {
    const status = slotStatus(row.first_submitted_at, period.deadline);
    const counted = { status, evidenceCount: row.evidence_count, pastDeadline: isPastDeadline(row.deadline, now) };
    addSlot(totals, counted);
    const unit = getOrAdd(units, row.unit_id, () => ({
      unitId: row.unit_id,
      unitName: row.unit_name,
      deadline: row.deadline,
      extended: row.extended,
      daysLeft: daysLeft(row.deadline, now),
      counts: emptyCounts(),
      lastChasedAt: lastChases.get(row.unit_id) ?? null,
      chaseable: false,
    }));
    addSlot(unit.counts, counted);
    const indicator = getOrAdd(indicators, row.indicator_id, () => ({
      indicatorId: row.indicator_id,
      code: row.indicator_code,
      name: row.indicator_name,
      leadUnitName: row.lead_unit_name,
      counts: emptyCounts(),
    }));
    addSlot(indicator.counts, counted);
    if (status === "missing" && !period.is_closed && mayChaseSlot(ctx.actor, scope, row)) {
      unit.chaseable = true;
      chaseable.set(row.unit_id, [...(chaseable.get(row.unit_id) ?? []), row.indicator_code]);
    }
    slots.push({
      unitId: row.unit_id,
      indicatorId: row.indicator_id,
      role: row.role,
      status,
      reportId: row.report_id,
      reportStatus: row.status,
      firstSubmittedAt: row.first_submitted_at,
      evidenceCount: row.evidence_count,
    });
  }

  return {
    chaseable,
    data: {
      period: {
        id: period.id,
        label: period.label,
        frameworkName: period.framework_name,
        deadline: period.deadline,
        isClosed: period.is_closed,
      },
      scope: seesAll ? "all" : "lead",
      totals,
      units: [...units.values()],
      indicators: [...indicators.values()].sort((a, b) => compareCodes(a.code, b.code)),
      slots,
    },
  };
}

function getOrAdd<T>(map: Map<string, T>, key: string, create: () => T): T {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const created = create();
  map.set(key, created);
  return created;
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

export async function getCompleteness(ctx: TServiceContext, periodId: string): Promise<TCompleteness> {
  return (await load(ctx, periodId)).data;
}

/** The page: totals and indicators, one page of the units matching the search, and those units' open slots. */
export async function getCompletenessPage(ctx: TServiceContext, query: TCompletenessQuery): Promise<TCompletenessPage> {
  const { data } = await load(ctx, query.periodId);
  const found = query.q ? data.units.filter((u) => matchesSearch(u.unitName, query.q ?? "")) : data.units;
  const matching = query.order === "behind" ? [...found].sort(furthestBehindFirst) : found;
  const units = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const shown = new Set(units.map((u) => u.unitId));
  return {
    ...data,
    units,
    slots: data.slots.filter((s) => shown.has(s.unitId) && s.status !== "on_time"),
    unitsTotal: matching.length,
    chaseableUnits: data.units.filter((u) => u.chaseable).length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * "Đôn đốc ngay": one reminder to every unit that still owes reports the actor answers for, listing them. Each
 * chase is recorded in the reminder log (also how the page shows "last chased") and in the audit log. The same
 * agency chasing the same unit twice within the hour (a double click, a second tab) sends one reminder.
 */
export async function chaseUnits(ctx: TServiceContext, input: TChaseRequest): Promise<TChaseResult> {
  const { data, chaseable } = await load(ctx, input.periodId);
  if (data.period.isClosed) throw new AppError("CONFLICT", "Kỳ báo cáo đã đóng nên không đôn đốc được.");
  const requested = input.unitIds ?? [...chaseable.keys()];
  const outside = requested.filter((id) => !chaseable.has(id));
  if (input.unitIds && outside.length) {
    throw forbidden("Chỉ đôn đốc được đơn vị còn thiếu báo cáo thuộc các chỉ số bạn phụ trách.");
  }
  const targets = data.units.filter((u) => requested.includes(u.unitId) && chaseable.has(u.unitId));
  if (!targets.length) return { chased: [], skipped: [] };
  const now = ctx.clock();
  const hour = vietnamWallClock(now).format("YYYY-MM-DDTHH");
  const keyOf = (unitId: string) => `chase:${data.period.id}:${unitId}:${ctx.actor.unitId}:${hour}`;

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
      const codes = chaseable.get(unit.unitId) ?? [];
      const recipients = await notify(tx, {
        at: now,
        to: { unitIds: [unit.unitId] },
        notice: templates.chase({
          periodId: data.period.id,
          label: data.period.label,
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
      entityId: data.period.id,
      after: {
        chased: result.chased.map((c) => ({ ...c, codes: chaseable.get(c.unitId) })),
        skipped: result.skipped,
      },
      ip: ctx.ip,
    });
    return result;
  });
}
