import {
  aggregateScores,
  buildTree,
  competitionRanks,
  foldVietnamese,
  gapToPlace,
  pointLoss,
  rankUnits,
  reportVisibility,
  scoreIndicator,
  type TDashboard,
  type TDashboardIndicator,
  type TFrameworkDetail,
  type THeatmap,
  type THeatmapQuery,
  type TIndicator,
  type TIndicatorNode,
  type TIndicatorScore,
  type TOfficialStanding,
  type TReportStatus,
  type TReportVisibility,
  type TTree,
  type TUnitKind,
  UNIT_KINDS,
  UNIT_RANKING_FORMULA_VI,
  visibleScopes,
} from "@chiso/core";
import { readAll, type TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { frameworkScope, getFrameworkDetail, ownerScope } from "../frameworks/service.ts";
import { periodScope } from "../periods/service.ts";
import { getProvinceSettings } from "../settings/service.ts";
import * as repo from "./repo.ts";

const num = (v: string | null) => (v === null ? null : Number(v));
const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

function toNodes(tree: TTree<TIndicator>[]): TIndicatorNode[] {
  return tree.map((n) => ({ code: n.code, maxScore: n.maxScore, children: toNodes(n.children) }));
}

type TLeadReport = Awaited<ReturnType<typeof repo.listLeadReports>>[number];

/** Each indicator's standing in the period: the engine's score of the lead report, the points lost and why. */
function standings(detail: TFrameworkDetail, reports: TLeadReport[]): TDashboardIndicator[] {
  const byIndicator = new Map(reports.map((r) => [r.indicator_id, r]));
  const parents = new Set(detail.indicators.map((i) => i.parentId).filter(Boolean));
  return detail.indicators.map((indicator) => {
    const isLeaf = !parents.has(indicator.id);
    const report = isLeaf ? byIndicator.get(indicator.id) : undefined;
    const score: TIndicatorScore | null =
      report && indicator.rule
        ? scoreIndicator({
            code: indicator.code,
            maxScore: indicator.maxScore,
            rule: indicator.rule,
            values: report.values,
            // a judgement criterion scores the points its lead agency proposed
            manualPoints: num(report.proposed_points),
            evidence: { required: indicator.evidenceRequired, count: report.evidence_count },
            unitLabel: indicator.unitOfMeasure ?? undefined,
          })
        : null;
    const appraised = num(report?.appraised_points ?? null);
    const loss = isLeaf
      ? pointLoss({
          maxScore: indicator.maxScore,
          report: report ? { status: report.status as TReportStatus, appraisedPoints: appraised } : null,
          score,
        })
      : { points: 0, pointsLost: 0, reason: null, recoverable: 0 };
    return {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      parentId: indicator.parentId,
      maxScore: indicator.maxScore,
      isLeaf,
      selfPoints: score ? score.points : null,
      appraisedPoints: appraised,
      points: loss.points,
      pointsLost: loss.pointsLost,
      reason: loss.reason,
      recoverable: loss.recoverable,
      status: (report?.status as TReportStatus | undefined) ?? null,
      reportId: report?.id ?? null,
      leadUnit: indicator.lead?.unitName ?? null,
      evidenceCount: report?.evidence_count ?? 0,
      evidenceRequired: indicator.evidenceRequired,
      explanation: score?.explanation ?? null,
    };
  });
}

/** The national standing of the province for the framework's year, with its history and the gaps above it. */
async function officialStanding(
  db: TDbOrTx,
  year: number,
): Promise<{ standing: TOfficialStanding | null; mains: Map<string, { value: number; rank: number | null }> }> {
  const { province } = await getProvinceSettings(db);
  const rows = await repo.listOfficialOfProvinceYears(db);
  const mine = (r: { province: string }) => foldVietnamese(r.province) === foldVietnamese(province);
  const ofYear = rows.filter((r) => r.year === year);
  const own = ofYear.find(mine);
  const mains = new Map<string, { value: number; rank: number | null }>();
  if (!own) return { standing: null, mains };
  for (const [code, v] of Object.entries(own.main_values)) {
    const ranks = competitionRanks(ofYear, (r) => r.main_values[code]?.value ?? -1);
    mains.set(code, { value: v.value, rank: v.rank ?? ranks.get(own) ?? null });
  }
  const indexes = ofYear.map((r) => Number(r.dti_index));
  const gap = (place: number) => {
    const g = gapToPlace(Number(own.dti_index), indexes, place);
    return g ? { indexGap: g.indexGap, pointGap: g.pointGap } : null;
  };
  return {
    mains,
    standing: {
      year,
      province: own.province,
      index: Number(own.dti_index),
      rank: own.rank,
      provinceCount: ofYear.length,
      gapTo10: gap(10),
      gapTo20: gap(20),
      note: own.note,
      mainsInTop10: [...mains.values()].filter((m) => m.rank !== null && m.rank <= 10).length,
      history: rows.filter(mine).map((r) => ({ year: r.year, index: Number(r.dti_index), rank: r.rank })),
    },
  };
}

/**
 * The whole province dashboard in one call: totals (self-assessed and appraised), main indicators, every
 * indicator with the points it loses and why, the trend over periods, and the official national standing.
 * A fixed number of queries whatever the size of the framework.
 */
export async function buildDashboard(
  ctx: TServiceContext,
  query: { frameworkId?: string; periodId?: string },
): Promise<TDashboard> {
  const { db } = ctx;
  const frameworkId = query.frameworkId ?? (await repo.findDefaultFramework(db, visibleScopes(ctx.actor)))?.id;
  if (!frameworkId) throw new AppError("NOT_FOUND", "Chưa có bộ chỉ số nào được ban hành trong phạm vi của bạn.");
  const scope = await frameworkScope(db, frameworkId);
  ensureCan(ctx.actor, "dashboard.view", scope);
  return dashboardFor(db, { frameworkId, periodId: query.periodId }, reportVisibility(ctx.actor, scope.scopePath));
}

/** The dashboard of a framework and period as a reader sees it (null: everything, for the command line). */
export async function dashboardFor(
  db: TDbOrTx,
  query: { frameworkId: string; periodId?: string | undefined },
  visibility: TReportVisibility | null,
): Promise<TDashboard> {
  const { frameworkId } = query;
  const detail = await getFrameworkDetail(db, frameworkId);
  const periods = await repo.listPeriodsOfFramework(db, frameworkId);
  const period = query.periodId ? periods.find((p) => p.id === query.periodId) : periods[0];
  if (query.periodId && !period) throw new AppError("NOT_FOUND", "Không tìm thấy kỳ báo cáo của bộ chỉ số này.");
  const [reports, trend, settings, official] = await readAll(db, [
    () => (period ? repo.listLeadReports(db, period.id, visibility) : Promise.resolve([])),
    () => repo.listTrend(db, detail, visibility),
    () => getProvinceSettings(db),
    () => officialStanding(db, detail.year),
  ]);
  const indicators = standings(detail, reports);
  const tree = toNodes(buildTree(detail.indicators));
  const leaves = indicators.filter((i) => i.isLeaf);
  const counted = aggregateScores({
    indicators: tree,
    scores: leaves.map((l) => ({ code: l.code, points: l.points, status: "scored" })),
    adjustments: detail.adjustments,
  });
  const self = aggregateScores({
    indicators: tree,
    scores: leaves.map((l) => ({ code: l.code, points: l.selfPoints ?? 0, status: "scored" })),
    adjustments: detail.adjustments,
  });
  const selfByCode = new Map(self.nodes.map((n) => [n.code, n.points]));
  return {
    framework: { id: detail.id, name: detail.name, year: detail.year, maxTotal: detail.maxTotal },
    period: period ? { id: period.id, label: period.label, deadline: period.deadline } : null,
    periods: periods.map((p) => ({ id: p.id, label: p.label })),
    target: {
      total: settings.targetTotal,
      rank: settings.targetRank,
      mainsTop10: settings.targetMainsTop10 ?? null,
    },
    totals: {
      selfTotal: self.total,
      total: counted.total,
      maxTotal: counted.maxTotal,
      selfIndex: self.index,
      index: counted.index,
      pointsLost: round2(leaves.reduce((s, l) => s + l.pointsLost, 0)),
      recoverable: round2(leaves.reduce((s, l) => s + l.recoverable, 0)),
    },
    mains: counted.nodes.map((n) => ({
      code: n.code,
      name: detail.indicators.find((i) => i.parentId === null && i.code === n.code)?.name ?? n.code,
      maxScore: n.maxScore,
      selfPoints: selfByCode.get(n.code) ?? 0,
      points: n.points,
      value: n.value,
      officialValue: official.mains.get(n.code)?.value ?? null,
      officialRank: official.mains.get(n.code)?.rank ?? null,
    })),
    indicators,
    trend: trend.map((t) => ({
      periodId: t.period_id,
      label: t.label,
      year: t.year,
      selfTotal: Number(t.self_total),
      total: Number(t.total),
    })),
    official: official.standing,
  };
}

/** The heatmap: unit groups × indicators, and one page of the group drilled into, unit by unit. */
export async function buildHeatmap(ctx: TServiceContext, query: THeatmapQuery): Promise<THeatmap> {
  const { db } = ctx;
  ensureCan(ctx.actor, "dashboard.view", await periodScope(db, query.periodId));
  const now = ctx.clock();
  const [indicators, groupRows, cellRows] = await Promise.all([
    repo.listAssignedIndicators(db, query.periodId),
    repo.listHeatmapGroups(db, query.periodId, now),
    query.kind
      ? repo.listHeatmapCells(
          db,
          {
            periodId: query.periodId,
            kind: query.kind,
            limit: query.pageSize,
            offset: (query.page - 1) * query.pageSize,
          },
          now,
        )
      : Promise.resolve([]),
  ]);
  const groups = new Map<TUnitKind, THeatmap["groups"][number]>();
  for (const r of groupRows) {
    const kind = r.kind as TUnitKind;
    const group = groups.get(kind) ?? { kind, unitCount: r.unit_count, cells: [] };
    group.cells.push({ indicatorId: r.indicator_id, expected: r.expected, submitted: r.submitted, late: r.late });
    groups.set(kind, group);
  }
  const units = new Map<string, { id: string; name: string; kind: string }>();
  for (const r of cellRows) units.set(r.unit_id, { id: r.unit_id, name: r.unit_name, kind: r.unit_kind });
  return {
    groups: UNIT_KINDS.flatMap((kind) => groups.get(kind) ?? []),
    kind: query.kind ?? null,
    unitsTotal: query.kind ? (cellRows[0]?.units_total ?? groups.get(query.kind)?.unitCount ?? 0) : 0,
    page: query.page,
    pageSize: query.pageSize,
    units: [...units.values()],
    indicators,
    cells: cellRows.map((r) => ({
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      role: r.role,
      state: (r.status ?? "not_started") as THeatmap["cells"][number]["state"],
      // Submitted after the deadline that applied to the unit, or still not submitted once it passed.
      late: r.late,
      reportId: r.report_id,
    })),
  };
}

/** Thi đua – khen thưởng: units ranked for a period, or a whole year of a scope's periods (the province's by default). */
export async function buildUnitRanking(
  ctx: TServiceContext,
  scope: { periodId?: string; year?: number; ownerUnitId?: string },
) {
  const { db } = ctx;
  ensureCan(
    ctx.actor,
    "dashboard.view",
    scope.periodId ? await periodScope(db, scope.periodId) : await ownerScope(db, scope.ownerUnitId),
  );
  const periodIds = scope.periodId
    ? [scope.periodId]
    : (await repo.listPeriodIdsOfYear(db, scope.year ?? 0, scope.ownerUnitId ?? null)).map((p) => p.id);
  const activity = await repo.listUnitActivity(db, periodIds);
  const rows = rankUnits(
    activity.map((a) => ({
      unitId: a.unit_id,
      unitName: a.unit_name,
      expected: a.expected,
      onTime: a.on_time,
      complete: a.complete,
      returns: a.returns,
      leadPoints: Number(a.lead_points),
      leadMax: Number(a.lead_max),
    })),
  );
  return { formula: UNIT_RANKING_FORMULA_VI, rows };
}
