import { z } from "zod";
import { ZIndicatorInput, ZScoringRule, ZValueKind } from "../framework/indicator.ts";

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
  evidenceText: z.string().nullable(),
  evidenceRequired: z.boolean(),
  guidance: z.string().nullable(),
  dataSource: z.string().nullable(),
  autoMeasured: z.boolean(),
  leadText: z.string().nullable(),
  cooperatingText: z.string().nullable(),
  lead: ZAssignedUnit.nullable(),
  cooperating: z.array(ZAssignedUnit),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZFrameworkDetail = ZFrameworkSummary.extend({ indicators: z.array(ZIndicator) });
export type TFrameworkDetail = z.infer<typeof ZFrameworkDetail>;
