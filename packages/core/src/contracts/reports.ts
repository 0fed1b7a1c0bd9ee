import { z } from "zod";
import { ZDeadlineRule } from "../calendar/deadlines.ts";
import { REPORTING_PERIOD_KINDS } from "../calendar/periods.ts";
import { ZConsolidationRule } from "../reporting/consolidate.ts";
import { ZReportAction, ZReportStatus } from "../reporting/workflow.ts";
import { zLine, zText } from "../text/clean.ts";
import { ZIndicator } from "./frameworks.ts";
import { ZPageQuery, zPage } from "./paging.ts";

const isoInstant = z.iso.datetime({ offset: true, message: "Thời điểm không hợp lệ" });
const isoDate = z.iso.date("Ngày không hợp lệ");

export const ZPeriodExtension = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  deadline: z.string(),
  reason: z.string(),
});

export const ZPeriod = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  kind: z.enum(REPORTING_PERIOD_KINDS),
  year: z.number().int(),
  index: z.number().int(),
  label: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  deadline: z.string(),
  /** The calendar rule the deadline came from, and in words ("Trước ngày 10 tháng cuối quý"); null when typed. */
  deadlineRule: ZDeadlineRule.nullable(),
  deadlineRuleText: z.string().nullable(),
  /** Why the period lies outside its framework's year, as the coordinator wrote it. */
  outOfYearReason: z.string().nullable(),
  isClosed: z.boolean(),
  extensions: z.array(ZPeriodExtension),
});
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZPeriodCreate = z.object({
  frameworkId: z.uuid("Vui lòng chọn bộ chỉ số"),
  kind: z.enum(REPORTING_PERIOD_KINDS),
  year: z.number().int().min(2000).max(2100),
  index: z.number().int().min(1).max(4),
  /** Defaults to the rule of the period kind ("trước ngày 25 tháng cuối quý", "trước 10/01 năm sau"). */
  deadline: isoInstant.optional(),
  windowStart: isoDate.optional(),
  windowEnd: isoDate.optional(),
  /** Required when the period is not in the framework's year. */
  outOfYearReason: zText().max(500).optional(),
});
export type TPeriodCreate = z.infer<typeof ZPeriodCreate>;

export const ZPeriodUpdate = z.object({ deadline: isoInstant.optional(), isClosed: z.boolean().optional() });
export type TPeriodUpdate = z.infer<typeof ZPeriodUpdate>;

export const ZExtensionCreate = z.object({
  unitId: z.uuid("Vui lòng chọn đơn vị"),
  deadline: isoInstant,
  reason: zText().min(5, "Vui lòng ghi lý do gia hạn (ít nhất 5 ký tự)").max(1000),
});
export type TExtensionCreate = z.infer<typeof ZExtensionCreate>;

/** What still stands between a report and full points. */
export const MISSING_KINDS = ["values", "evidence", "doc_metadata"] as const;
export type TMissing = (typeof MISSING_KINDS)[number];

export const ZWorkItem = z.object({
  periodId: z.uuid(),
  periodLabel: z.string(),
  frameworkName: z.string(),
  indicatorId: z.uuid(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  maxScore: z.number(),
  role: z.enum(["lead", "cooperate"]),
  reportId: z.uuid().nullable(),
  status: ZReportStatus.nullable(),
  selfPoints: z.number().nullable(),
  deadline: z.string(),
  daysLeft: z.number().int(),
  open: z.boolean(),
  explanationDueAt: z.string().nullable(),
  missing: z.array(z.enum(MISSING_KINDS)),
});
export type TWorkItem = z.infer<typeof ZWorkItem>;

export const ZReportDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  summary: z.string().nullable(),
  citation: z.string().nullable(),
  unitId: z.uuid(),
});
export type TReportDocument = z.infer<typeof ZReportDocument>;

/**
 * Reporting up: an office's report, in its agency's own cycle, on the item that carries the same code as a
 * province indicator the agency reports on (plan 17a numbers its items after the province's index).
 */
export const ZOfficeWork = z.object({
  reportId: z.uuid(),
  unitName: z.string(),
  frameworkCode: z.string(),
  periodLabel: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  status: ZReportStatus,
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  selfPoints: z.number().nullable(),
  maxScore: z.number(),
  documents: z.array(ZReportDocument),
});
export type TOfficeWork = z.infer<typeof ZOfficeWork>;

export const ZReportEvent = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  comment: z.string().nullable(),
});

export const ZReportComment = z.object({
  id: z.number(),
  at: z.string(),
  authorName: z.string().nullable(),
  authorUnit: z.string().nullable(),
  kind: z.enum(["comment", "request", "answer"]),
  body: z.string(),
});

const ZValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

/** One cooperating unit's figures beside the lead's report; `counted` once it has left the unit. */
export const ZConsolidationRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  status: ZReportStatus.nullable(),
  values: z.record(z.string(), ZValue),
  counted: z.boolean(),
});
export type TConsolidationRow = z.infer<typeof ZConsolidationRow>;

/** A row as the lead sees it now: also the report to open (none before the period opened it) and its documents. */
export const ZCooperatingRow = ZConsolidationRow.extend({
  reportId: z.uuid().nullable(),
  evidenceCount: z.number().int(),
});
export type TCooperatingRow = z.infer<typeof ZCooperatingRow>;

/** What the lead accepted: the values, the proposal it was offered, the keys it overrode and why, the breakdown. */
export const ZConsolidationRecord = z.object({
  values: z.record(z.string(), z.number().nullable()),
  proposed: z.record(z.string(), z.number().nullable()),
  overridden: z.array(z.string()),
  reason: z.string().nullable(),
  breakdown: z.array(ZConsolidationRow),
  at: z.string(),
  byName: z.string().nullable(),
});
export type TConsolidationRecord = z.infer<typeof ZConsolidationRecord>;

/** The lead's view: every cooperating unit side by side, the sums proposed under the framework's rules. */
export const ZConsolidation = z.object({
  rules: z.record(z.string(), ZConsolidationRule),
  rows: z.array(ZCooperatingRow),
  proposed: z.record(z.string(), z.number().nullable()),
  record: ZConsolidationRecord.nullable(),
});
export type TConsolidation = z.infer<typeof ZConsolidation>;

export const ZConsolidate = z.object({
  values: z
    .record(z.string().max(40), z.number().min(0, "Giá trị không được âm").nullable())
    .refine((v) => Object.keys(v).length <= 50, "Quá nhiều ô nhập"),
  reason: zText().max(2000).optional(),
  version: z.number().int().min(1),
});
export type TConsolidate = z.infer<typeof ZConsolidate>;

export const ZReportDetail = z.object({
  id: z.uuid(),
  role: z.enum(["lead", "cooperate"]),
  status: ZReportStatus,
  values: z.record(z.string(), ZValue),
  note: z.string().nullable(),
  selfPoints: z.number().nullable(),
  selfExplanation: z.string().nullable(),
  /** Judgement criteria: the unit's proposed points and its explanation (they are its self points). */
  proposedPoints: z.number().nullable(),
  proposedExplanation: z.string().nullable(),
  appraisedPoints: z.number().nullable(),
  appraisalComment: z.string().nullable(),
  explanationDueAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  period: z.object({ id: z.uuid(), label: z.string(), frameworkId: z.uuid(), frameworkName: z.string() }),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  leadUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  indicator: ZIndicator,
  window: z.object({ deadline: z.string(), open: z.boolean(), daysLeft: z.number().int() }),
  editable: z.boolean(),
  allowedActions: z.array(ZReportAction),
  /** May post in the thread (rule "report.comment"): the page hides the box from those who only read. */
  canComment: z.boolean(),
  documents: z.array(ZReportDocument),
  events: z.array(ZReportEvent),
  comments: z.array(ZReportComment),
  /** The lead agency's report only: its cooperating units' figures and the consolidation kept. */
  consolidation: ZConsolidation.nullable(),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;

export const ZReportOpen = z.object({ periodId: z.uuid(), indicatorId: z.uuid(), unitId: z.uuid().optional() });
export type TReportOpen = z.infer<typeof ZReportOpen>;

export const ZReportSave = z.object({
  values: z.record(z.string().max(40), ZValue).refine((v) => Object.keys(v).length <= 50, "Quá nhiều ô nhập"),
  note: z.string().max(4000).nullable().optional(),
  /**
   * Judgement criteria (rule "manual") only: the points the unit proposes, with why. Refused, never clamped, above
   * the indicator's maximum (the service knows it); null withdraws the proposal, undefined keeps it.
   */
  proposedPoints: z.number().finite().min(0, "Điểm đề xuất không được âm.").nullable().optional(),
  proposedExplanation: zText().max(2000).nullable().optional(),
  version: z.number().int().min(1),
});
export type TReportSave = z.infer<typeof ZReportSave>;

/** What a draft save answers: only what the save changed (the page keeps the rest of the report it has). */
export const ZReportSaved = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: ZReportStatus,
  selfPoints: z.number().nullable(),
  selfExplanation: z.string().nullable(),
  updatedAt: z.string(),
});
export type TReportSaved = z.infer<typeof ZReportSaved>;

export const ZReportActionRequest = z.object({
  action: ZReportAction,
  comment: zText().max(4000).optional(),
  // Refused, never clamped: the service checks the indicator's maximum.
  appraisedPoints: z.number().finite().min(0, "Điểm thẩm định không được âm.").optional(),
  explanationDueAt: isoInstant.optional(),
  version: z.number().int().min(1),
});
export type TReportActionRequest = z.infer<typeof ZReportActionRequest>;

export const ZCommentCreate = z.object({ body: zText().min(1, "Vui lòng nhập nội dung").max(4000) });
/** `version`, when sent, must be the report's current one (409 otherwise), like saves and workflow steps. */
export const ZAttachDocument = z.object({
  documentId: z.uuid(),
  citation: zLine().max(200).nullish(),
  version: z.number().int().min(1).optional(),
});
export const ZDetachDocumentQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export type TAttachDocument = z.infer<typeof ZAttachDocument>;

export const ZReportSummary = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  indicatorId: z.uuid(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  role: z.enum(["lead", "cooperate"]),
  status: ZReportStatus,
  values: z.record(z.string(), ZValue),
  selfPoints: z.number().nullable(),
  appraisedPoints: z.number().nullable(),
  maxScore: z.number(),
  evidenceCount: z.number().int(),
  docsWithoutMetadata: z.number().int(),
  evidenceRequired: z.boolean(),
  submittedAt: z.string().nullable(),
  explanationDueAt: z.string().nullable(),
});
export type TReportSummary = z.infer<typeof ZReportSummary>;

/** The review table's query: a period, optional filters (a search over code, name and unit), a page. */
export const ZReportListQuery = ZPageQuery.extend({
  periodId: z.uuid(),
  unitId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  role: z.enum(["lead", "cooperate"]).optional(),
  status: ZReportStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TReportListQuery = z.infer<typeof ZReportListQuery>;
export const ZReportPage = zPage(ZReportSummary);
