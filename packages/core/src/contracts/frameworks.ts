import { z } from "zod";
import { ZReportingCalendar } from "../calendar/deadlines.ts";
import { ZIndicatorInput, ZScoringRule, ZValueKind } from "../framework/indicator.ts";
import { ZFrameworkAdjustment } from "../scoring/aggregate.ts";
import { zLine, zText } from "../text/clean.ts";

export const FRAMEWORK_LEVELS = ["province", "department", "commune", "office"] as const;
export const ZFrameworkLevel = z.enum(FRAMEWORK_LEVELS);
export type TFrameworkLevel = z.infer<typeof ZFrameworkLevel>;

export const FRAMEWORK_STATUSES = ["draft", "published", "archived"] as const;
export const ZFrameworkStatus = z.enum(FRAMEWORK_STATUSES);
export type TFrameworkStatus = z.infer<typeof ZFrameworkStatus>;

export const ZFrameworkSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  level: ZFrameworkLevel,
  legalBasis: z.string().nullable(),
  status: ZFrameworkStatus,
  builtin: z.boolean(),
  maxTotal: z.number(),
  indicatorCount: z.number().int(),
  adjustments: z.array(ZFrameworkAdjustment),
  clonedFromId: z.uuid().nullable(),
  /** The scope that runs this framework's cycle: null is the province, else an agency. */
  ownerUnitId: z.uuid().nullable(),
  ownerName: z.string(),
  /** Its reporting calendar: the period kinds it sets a rule for (the rest follow the defaults). */
  deadlineRules: ZReportingCalendar,
  /** The owning agency's path from the top of the unit tree ([] for the province), for the policy's scope rules. */
  ownerPath: z.array(z.uuid()),
});
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;

export const ZAssignedUnit = z.object({ unitId: z.uuid(), unitName: z.string(), shortName: z.string().nullable() });
export type TAssignedUnit = z.infer<typeof ZAssignedUnit>;

/** Indicators travel as a flat, ordered list with parent ids; clients build the tree. */
export const ZIndicator = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  maxScore: z.number(),
  valueKind: ZValueKind.nullable(),
  inputs: z.array(ZIndicatorInput),
  rule: ZScoringRule.nullable(),
  unitOfMeasure: z.string().nullable(),
  evidenceText: z.string().nullable(),
  evidenceRequired: z.boolean(),
  guidance: z.string().nullable(),
  dataSource: z.string().nullable(),
  autoMeasured: z.boolean(),
  leadText: z.string().nullable(),
  cooperatingText: z.string().nullable(),
  lead: ZAssignedUnit.nullable(),
  /**
   * The first cooperating units by name, at most COOPERATING_PREVIEW_LIMIT in what the API sends; all of them
   * inside the server (getFrameworkDetail). The whole list of one indicator: its assignment endpoint.
   */
  cooperating: z.array(ZAssignedUnit),
  /** How many cooperating units the indicator has, whether or not `cooperating` lists them all. */
  cooperatingCount: z.number().int().min(0),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZFrameworkDetail = ZFrameworkSummary.extend({ indicators: z.array(ZIndicator) });
export type TFrameworkDetail = z.infer<typeof ZFrameworkDetail>;

/**
 * How many cooperating units of each indicator the framework detail carries. At province scale an indicator
 * "Các sở, ban, ngành, địa phương" has ~800 cooperating units and the whole detail weighed 4.4 MB (issue 15); the
 * tree shows a few names and a count, so 20 is plenty for it and keeps the detail near 100 KB. The assignment
 * editor loads an indicator's whole list when it is longer (ZIndicatorAssignment).
 */
export const COOPERATING_PREVIEW_LIMIT = 20;

/** Whether `cooperating` lists every cooperating unit of the indicator (false: the list is a preview). */
export function hasAllCooperating(indicator: Pick<TIndicator, "cooperating" | "cooperatingCount">): boolean {
  return indicator.cooperating.length >= indicator.cooperatingCount;
}

/** The detail as the API sends it: each indicator's cooperating list cut to its first COOPERATING_PREVIEW_LIMIT. */
export function withCooperatingPreview(detail: TFrameworkDetail): TFrameworkDetail {
  return {
    ...detail,
    indicators: detail.indicators.map((i) =>
      i.cooperating.length > COOPERATING_PREVIEW_LIMIT
        ? { ...i, cooperating: i.cooperating.slice(0, COOPERATING_PREVIEW_LIMIT) }
        : i,
    ),
  };
}

/** One indicator's whole assignment: its lead and every cooperating unit, by name. */
export const ZIndicatorAssignment = z.object({
  indicatorId: z.uuid(),
  lead: ZAssignedUnit.nullable(),
  cooperating: z.array(ZAssignedUnit),
});
export type TIndicatorAssignment = z.infer<typeof ZIndicatorAssignment>;

// No transform here: response schemas are encoded too, and zod cannot encode a one-way transform.
// Blank strings become null where they are saved (see blankToNull).
const optionalText = (max: number) => zText().max(max).nullish();

/** Optional text fields of a framework or indicator, blank → null before saving. */
export function blankToNull<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "" ? null : v])) as T;
}

export const ZFrameworkCode = z
  .string()
  .trim()
  .min(2, "Mã bộ chỉ số phải có ít nhất 2 ký tự")
  .max(50, "Mã bộ chỉ số tối đa 50 ký tự")
  .regex(/^[A-Za-z0-9._-]+$/, "Mã bộ chỉ số chỉ gồm chữ không dấu, số và . _ -");

export const ZFrameworkCreate = z.object({
  code: ZFrameworkCode,
  name: zLine().min(3, "Vui lòng nhập tên bộ chỉ số").max(300),
  year: z.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ"),
  level: ZFrameworkLevel,
  legalBasis: optionalText(1000),
  /** The agency whose own cycle this is; omitted or null for the province's. */
  ownerUnitId: z.uuid().nullish(),
  deadlineRules: ZReportingCalendar.optional(),
});
export type TFrameworkCreate = z.infer<typeof ZFrameworkCreate>;

export const ZFrameworkUpdate = ZFrameworkCreate.omit({ ownerUnitId: true })
  .partial()
  .extend({
    adjustments: z.array(ZFrameworkAdjustment).max(100).optional(),
  });
export type TFrameworkUpdate = z.infer<typeof ZFrameworkUpdate>;

/** The reporting calendar alone: it changes the deadlines of periods opened later, never a score. */
export const ZFrameworkCalendar = z.object({ deadlineRules: ZReportingCalendar });
export type TFrameworkCalendar = z.infer<typeof ZFrameworkCalendar>;

export const ZFrameworkClone = z.object({
  code: ZFrameworkCode,
  name: zLine().min(3, "Vui lòng nhập tên bộ chỉ số").max(300),
  year: z.number().int().min(2000).max(2100),
  /** The scope of the copy; omitted keeps the original's (a province framework copied for an agency's own cycle). */
  ownerUnitId: z.uuid().nullish(),
});
export type TFrameworkClone = z.infer<typeof ZFrameworkClone>;

/** The fields a coordinator edits on one indicator (a branch leaves value kind and rule empty). */
export const ZIndicatorFields = z.object({
  code: zLine()
    .min(1, "Vui lòng nhập mã chỉ số")
    .max(20, "Mã chỉ số tối đa 20 ký tự")
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, "Mã chỉ số có dạng 6 hoặc 6.6 hoặc 6.6.a"),
  name: zLine().min(2, "Vui lòng nhập tên chỉ số").max(1000),
  maxScore: z.number().min(0, "Điểm tối đa không được âm").max(10_000),
  valueKind: ZValueKind.nullable().default(null),
  inputs: z.array(ZIndicatorInput).default([]),
  rule: ZScoringRule.nullable().default(null),
  unitOfMeasure: optionalText(50),
  evidenceText: optionalText(2000),
  evidenceRequired: z.boolean().default(false),
  guidance: optionalText(4000),
  dataSource: optionalText(500),
  autoMeasured: z.boolean().default(false),
});
export type TIndicatorFields = z.infer<typeof ZIndicatorFields>;

export const ZIndicatorCreate = ZIndicatorFields.extend({ parentId: z.uuid().nullable() });
export type TIndicatorCreate = z.infer<typeof ZIndicatorCreate>;

export const ZIndicatorUpdate = ZIndicatorFields.partial();
export type TIndicatorUpdate = z.infer<typeof ZIndicatorUpdate>;

/** Moves an indicator under `parentId` (null = top level) at `position` among its new siblings. */
export const ZIndicatorMove = z.object({ parentId: z.uuid().nullable(), position: z.number().int().min(0) });
export type TIndicatorMove = z.infer<typeof ZIndicatorMove>;

/**
 * Every unit of a province may cooperate on an indicator ("Sở, ban, ngành, địa phương": ~800 at the bench's
 * 1,023 units), and a save sends the whole list, so the bound is a large province's units with room to spare
 * rather than what a picker shows. 5,000 ids are ~190 KB of JSON, checked in one query (ensureUnitsInScope) and
 * written in one insert.
 */
export const MAX_COOPERATING_UNITS = 5000;

export const ZAssignmentUpdate = z.object({
  leadUnitId: z.uuid().nullable(),
  cooperatingUnitIds: z.array(z.uuid()).max(MAX_COOPERATING_UNITS, "Tối đa 5.000 cơ quan phối hợp cho một chỉ số"),
});
export type TAssignmentUpdate = z.infer<typeof ZAssignmentUpdate>;

/** A problem that blocks publishing (or importing), tied to an indicator code or a file row when known. */
export const ZFrameworkIssue = z.object({
  code: z.string().nullable(),
  row: z.number().int().nullable().optional(),
  message: z.string(),
});
export type TFrameworkIssue = z.infer<typeof ZFrameworkIssue>;

/**
 * The portable form of a framework with its assignment (JSON export, and what an Excel file is read into).
 * Units travel by name, matched to the province's units on import.
 */
export const FRAMEWORK_TRANSFER_FORMAT = "chiso.framework/v1";
export const ZTransferIndicator = ZIndicatorFields.extend({
  parentCode: z.string().nullable(),
  lead: z.string().nullable(),
  cooperating: z.array(z.string()),
});
export type TTransferIndicator = z.infer<typeof ZTransferIndicator>;
export const ZFrameworkTransfer = z.object({
  format: z.literal(FRAMEWORK_TRANSFER_FORMAT),
  framework: ZFrameworkCreate.extend({ adjustments: z.array(ZFrameworkAdjustment).default([]) }),
  indicators: z.array(ZTransferIndicator),
});
export type TFrameworkTransfer = z.infer<typeof ZFrameworkTransfer>;

/** How an unmatched unit name of an imported file is resolved: an existing unit, a new unit, or left unassigned. */
export const ZUnitResolution = z.union([
  z.object({ unitId: z.uuid() }),
  z.object({
    createKind: z.enum(["department", "commune", "central_branch", "enterprise", "office", "other"]),
    /** Where the new unit goes in the tree; omitted: under the framework's owning agency (top level for the province). */
    parentId: z.uuid().nullish(),
  }),
  z.null(),
]);
export type TUnitResolution = z.infer<typeof ZUnitResolution>;

export const ZImportPreview = z.object({
  fileName: z.string(),
  transfer: ZFrameworkTransfer.nullable(),
  issues: z.array(ZFrameworkIssue),
  matched: z.record(z.string(), z.uuid()),
  unmatched: z.array(z.string()),
  /** Cooperating texts that name one of the scope's named groups ("Sở, ban, ngành"): the member units they assign. */
  groups: z.record(z.string(), z.array(z.uuid())),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportCommit = z.object({
  transfer: ZFrameworkTransfer,
  /** Every unit name of the file that did not match a unit must be resolved here. */
  unitResolutions: z.record(z.string(), ZUnitResolution).default({}),
  /** The agency whose own framework this is; omitted or null for the province's. */
  ownerUnitId: z.uuid().nullish(),
});
export type TImportCommit = z.infer<typeof ZImportCommit>;
