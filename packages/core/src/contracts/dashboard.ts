import { z } from "zod";
import { LOSS_REASONS } from "../dashboard/point-loss.ts";
import { ZReportStatus } from "../reporting/workflow.ts";
import { zLine } from "../text/clean.ts";
import { ZPageQuery } from "./paging.ts";
import { ZUnitKind } from "./units.ts";

export const ZDashboardIndicator = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  maxScore: z.number(),
  isLeaf: z.boolean(),
  selfPoints: z.number().nullable(),
  appraisedPoints: z.number().nullable(),
  points: z.number(),
  pointsLost: z.number(),
  reason: z.enum(LOSS_REASONS).nullable(),
  recoverable: z.number(),
  status: ZReportStatus.nullable(),
  reportId: z.uuid().nullable(),
  leadUnit: z.string().nullable(),
  evidenceCount: z.number().int(),
  evidenceRequired: z.boolean(),
  explanation: z.string().nullable(),
});
export type TDashboardIndicator = z.infer<typeof ZDashboardIndicator>;

export const ZDashboardMain = z.object({
  code: z.string(),
  name: z.string(),
  maxScore: z.number(),
  selfPoints: z.number(),
  points: z.number(),
  /** points ÷ max, 0..1 (appraised where given). */
  value: z.number(),
  officialValue: z.number().nullable(),
  officialRank: z.number().int().nullable(),
});
export type TDashboardMain = z.infer<typeof ZDashboardMain>;

export const ZOfficialStanding = z.object({
  year: z.number().int(),
  province: z.string(),
  index: z.number(),
  rank: z.number().int(),
  provinceCount: z.number().int(),
  gapTo10: z.object({ indexGap: z.number(), pointGap: z.number() }).nullable(),
  gapTo20: z.object({ indexGap: z.number(), pointGap: z.number() }).nullable(),
  note: z.string().nullable(),
  /** Main indicators the province has in the national top 10 (official ranks). */
  mainsInTop10: z.number().int(),
  history: z.array(z.object({ year: z.number().int(), index: z.number(), rank: z.number().int() })),
});
export type TOfficialStanding = z.infer<typeof ZOfficialStanding>;

export const ZDashboard = z.object({
  framework: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), maxTotal: z.number() }),
  period: z.object({ id: z.uuid(), label: z.string(), deadline: z.string() }).nullable(),
  periods: z.array(z.object({ id: z.uuid(), label: z.string() })),
  target: z.object({
    total: z.number().nullable(),
    rank: z.number().int().nullable(),
    mainsTop10: z.number().int().nullable(),
  }),
  totals: z.object({
    selfTotal: z.number(),
    total: z.number(),
    maxTotal: z.number(),
    selfIndex: z.number(),
    index: z.number(),
    pointsLost: z.number(),
    recoverable: z.number(),
  }),
  mains: z.array(ZDashboardMain),
  indicators: z.array(ZDashboardIndicator),
  trend: z.array(
    z.object({
      periodId: z.uuid(),
      label: z.string(),
      year: z.number().int(),
      selfTotal: z.number(),
      total: z.number(),
    }),
  ),
  official: ZOfficialStanding.nullable(),
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const HEATMAP_STATES = [
  "not_started",
  "draft",
  "submitted",
  "returned",
  "accepted",
  "verified",
  "appraised",
  "final",
] as const;

/** The heatmap's query: a period; with a unit group (kind), one page of that group's units cell by cell. */
export const ZHeatmapQuery = ZPageQuery.extend({ periodId: z.uuid(), kind: ZUnitKind.optional() });
export type THeatmapQuery = z.infer<typeof ZHeatmapQuery>;

/**
 * Reports of a period by unit group × indicator (counted in SQL), and — for the group drilled into — one page of
 * its units × indicators, each report's state. A province has ~1,000 units: the whole grid would be 8 MB.
 */
export const ZHeatmap = z.object({
  groups: z.array(
    z.object({
      kind: ZUnitKind,
      unitCount: z.number().int(),
      cells: z.array(
        z.object({
          indicatorId: z.uuid(),
          expected: z.number().int(),
          /** Left draft (submitted or further along). */
          submitted: z.number().int(),
          late: z.number().int(),
        }),
      ),
    }),
  ),
  /** The group drilled into (null: groups only), its unit count and the page shown. */
  kind: ZUnitKind.nullable(),
  unitsTotal: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
  indicators: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      indicatorId: z.uuid(),
      role: z.enum(["lead", "cooperate"]),
      state: z.enum(HEATMAP_STATES),
      late: z.boolean(),
      reportId: z.uuid().nullable(),
    }),
  ),
});
export type THeatmap = z.infer<typeof ZHeatmap>;

export const ZUnitRanking = z.object({
  formula: z.string(),
  rows: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      expected: z.number().int(),
      onTime: z.number().int(),
      complete: z.number().int(),
      returns: z.number().int(),
      leadPoints: z.number(),
      leadMax: z.number(),
      timeliness: z.number(),
      completeness: z.number(),
      leadScore: z.number().nullable(),
      score: z.number(),
      rank: z.number().int(),
    }),
  ),
});
export type TUnitRanking = z.infer<typeof ZUnitRanking>;

export const ZOfficialResult = z.object({
  year: z.number().int().min(2015).max(2100),
  province: zLine().min(2).max(100),
  index: z.number().min(0).max(1),
  rank: z.number().int().min(1).max(100),
  mainValues: z.record(
    z.string(),
    z.object({ value: z.number().min(0).max(1), rank: z.number().int().nullable().optional() }),
  ),
  pillarValues: z.record(z.string(), z.number().min(0).max(1)),
  note: z.string().nullable(),
});
export type TOfficialResult = z.infer<typeof ZOfficialResult>;

export const ZProvinceSettings = z.object({
  province: zLine().min(2, "Vui lòng nhập tên tỉnh").max(100),
  targetTotal: z.number().min(0).max(10_000).nullable(),
  targetRank: z.number().int().min(1).max(100).nullable(),
  /** "Ít nhất 04/08 chỉ số chính nằm trong nhóm 10" (plan 4636). */
  targetMainsTop10: z.number().int().min(0).max(20).nullable().optional(),
});
export type TProvinceSettings = z.infer<typeof ZProvinceSettings>;
