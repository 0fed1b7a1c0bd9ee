import { z } from "zod";
import { ZProgressCalendar, ZProgressCalendarInput } from "../calendar/progress.ts";
import { ZParsedTimeframe } from "../calendar/timeframe.ts";
import { ZTaskField } from "../plans/columns.ts";
import { ZMoneyUnit } from "../plans/money.ts";
import { ZTaskStatus } from "../plans/progress.ts";
import { ZTargetComparator } from "../plans/targets.ts";
import { zLine, zText } from "../text/clean.ts";

// ---------- responses (no one-way transforms: the server encodes them) ----------

const ZUnitRef = z.object({ id: z.uuid(), name: z.string() });
export const ZIndicatorRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type TIndicatorRef = z.infer<typeof ZIndicatorRef>;
export const ZPlanRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });
export type TPlanRef = z.infer<typeof ZPlanRef>;

export const ZProgressGroup = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  percent: z.number(),
});

/** A task as the plan writes it: content, units, output, timeframe (as written and parsed), leader, budget. */
const ZTaskWritten = z.object({
  content: z.string(),
  leadText: z.string().nullable(),
  cooperatingText: z.string().nullable(),
  outputText: z.string().nullable(),
  timeframeText: z.string().nullable(),
  timeframe: ZParsedTimeframe.nullable(),
  directingLeader: z.string().nullable(),
  budgetAmount: z.number().nullable(),
  budgetSource: z.string().nullable(),
  budgetBasis: z.string().nullable(),
});

/** A task (or a section heading, isSection) as the API returns it. */
export const ZTask = z.object({
  id: z.uuid(),
  plan: ZPlanRef,
  parentId: z.uuid().nullable(),
  number: z.string().nullable(),
  isSection: z.boolean(),
  depth: z.number().int(),
  /** The sections above it, "II.1 Nhận thức số". */
  sectionLabel: z.string().nullable(),
  ...ZTaskWritten.shape,
  status: ZTaskStatus,
  percent: z.number().int(),
  /** Past its timeframe (Vietnam's calendar) and not done. */
  overdue: z.boolean(),
  leadUnits: z.array(ZUnitRef),
  cooperatingUnits: z.array(ZUnitRef),
  indicators: z.array(ZIndicatorRef),
  lastUpdateAt: z.string().nullable(),
  /**
   * Under the plan's progress-report calendar (null without one, for sections and done tasks): the next due date,
   * whether this period's update is in, and the last due date passed without one ("Chưa báo cáo tiến độ").
   */
  progressReport: z.object({ nextDue: z.string(), reported: z.boolean(), missedDue: z.string().nullable() }).nullable(),
  /** Whether the signed-in user may post progress on it. */
  canUpdate: z.boolean(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskUpdateDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  unitName: z.string(),
});

export const ZTaskProgressUpdate = z.object({
  id: z.uuid(),
  at: z.string(),
  authorName: z.string().nullable(),
  status: ZTaskStatus,
  percent: z.number().int(),
  note: z.string().nullable(),
  documents: z.array(ZTaskUpdateDocument),
});
export type TTaskProgressUpdate = z.infer<typeof ZTaskProgressUpdate>;

export const ZTaskDetail = ZTask.extend({ updates: z.array(ZTaskProgressUpdate) });
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

/** What a target is measured by when not an indicator: the dashboard's total, official rank, mains in the top 10. */
export const TARGET_METRICS = ["dti_total", "dti_rank", "mains_top10"] as const;
export const ZTargetMetric = z.enum(TARGET_METRICS);
export type TTargetMetric = z.infer<typeof ZTargetMetric>;

export const ZPlanTarget = z.object({
  id: z.uuid(),
  label: z.string(),
  metric: ZTargetMetric.nullable(),
  indicator: ZIndicatorRef.nullable(),
  comparator: ZTargetComparator,
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  /** From the linked indicator's latest report that has left draft; null when not linked or not reported. */
  current: z.number().nullable(),
  basis: z.enum(["percent", "value", "points"]).nullable(),
  periodLabel: z.string().nullable(),
  met: z.boolean().nullable(),
});
export type TPlanTarget = z.infer<typeof ZPlanTarget>;

export const ZPlanSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  issuer: ZUnitRef.nullable(),
  issuerText: z.string().nullable(),
  issuedOn: z.string().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  parent: ZPlanRef.nullable(),
  /** The scope whose plan this is: null is the province, else an agency. */
  ownerUnitId: z.uuid().nullable(),
  /** The owning agency's path ([] for the province), for the policy's scope rules. */
  ownerPath: z.array(z.uuid()),
  /** The plan's progress-report calendar and its words ("06 tháng: trước ngày 10 tháng cuối kỳ 6 tháng …"). */
  progressCalendar: ZProgressCalendar.extend({ words: z.string() }).nullable(),
  progress: ZProgressGroup,
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanDetail = ZPlanSummary.extend({
  signer: z.string().nullable(),
  legalBases: z.string().nullable(),
  targets: z.array(ZPlanTarget),
  tasks: z.array(ZTask),
  bySection: z.array(ZProgressGroup),
  byUnit: z.array(ZProgressGroup),
  /** Plans that carry this one out. */
  children: z.array(ZPlanRef),
  /** Tasks of the parent plan this plan answers: its issuer or its lead units take part, or an indicator is shared. */
  parentTasks: z.array(ZTask),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

// ---------- requests ----------

const text = (max: number, label: string) => zText().max(max, `${label} tối đa ${max} ký tự`).nullable().optional();
const year = z.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ").nullable().optional();

export const ZTargetInput = z.object({
  label: zLine().min(1, "Vui lòng nhập chỉ tiêu").max(500, "Chỉ tiêu tối đa 500 ký tự"),
  indicatorId: z.uuid("Mã chỉ số không hợp lệ").nullable().optional(),
  metric: ZTargetMetric.nullable().optional(),
  comparator: ZTargetComparator.default(">="),
  targetValue: z.number().finite().nullable().optional(),
  unit: text(50, "Đơn vị tính"),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanInput = z.object({
  code: zLine().min(1, "Vui lòng nhập số hiệu kế hoạch").max(100, "Số hiệu tối đa 100 ký tự"),
  title: zLine().min(1, "Vui lòng nhập tên kế hoạch").max(1000, "Tên kế hoạch tối đa 1000 ký tự"),
  issuerUnitId: z.uuid("Mã đơn vị không hợp lệ").nullable().optional(),
  issuerText: text(300, "Cơ quan ban hành"),
  issuedOn: z.iso.date("Ngày ban hành không hợp lệ").nullable().optional(),
  signer: text(200, "Người ký"),
  startYear: year,
  endYear: year,
  legalBases: text(20_000, "Căn cứ"),
  parentPlanId: z.uuid("Mã kế hoạch cấp trên không hợp lệ").nullable().optional(),
  targets: z.array(ZTargetInput).max(100).optional(),
  /** The plan's words for its progress reports, read by the calendar's reader; null removes the calendar. */
  progressCalendar: ZProgressCalendarInput.nullable().optional(),
  /** The agency whose own plan this is (e.g. Sở Công Thương's 17a); omitted or null for the province's. */
  ownerUnitId: z.uuid("Mã cơ quan không hợp lệ").nullish(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanUpdate = ZPlanInput.omit({ ownerUnitId: true }).partial();
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

const ids = z.array(z.uuid()).max(200);

/** Task fields without defaults, so an edit that leaves a field out leaves it unchanged. */
const taskFields = {
  parentId: z.uuid().nullable(),
  number: text(20, "Số thứ tự"),
  isSection: z.boolean(),
  content: zText().min(1, "Vui lòng nhập nội dung nhiệm vụ").max(5000, "Nội dung tối đa 5000 ký tự"),
  leadText: text(1000, "Đơn vị chủ trì"),
  cooperatingText: text(2000, "Đơn vị phối hợp"),
  outputText: text(2000, "Kết quả"),
  timeframeText: text(200, "Thời gian thực hiện"),
  directingLeader: text(300, "Lãnh đạo chỉ đạo"),
  budgetAmount: z.number().finite().min(0, "Kinh phí không được âm").nullable(),
  budgetSource: text(300, "Nguồn vốn"),
  budgetBasis: text(1000, "Căn cứ pháp lý"),
  leadUnitIds: ids,
  cooperatingUnitIds: ids,
  indicatorIds: ids,
};

/** A conclusion of a review meeting: what to do, who leads it, by when. It becomes a task of the plan. */
export const ZReviewConclusion = z.object({
  content: zText().min(1, "Vui lòng nhập nội dung kết luận").max(5000),
  leadUnitId: z.uuid("Vui lòng chọn đơn vị chủ trì"),
  cooperatingUnitIds: z.array(z.uuid()).max(200).default([]),
  timeframeText: text(200, "Thời gian thực hiện"),
});

/** A six-monthly review (hội nghị sơ kết) of a plan: when, who took part, what it concluded. */
export const ZPlanReviewInput = z.object({
  heldOn: z.iso.date("Ngày họp không hợp lệ"),
  title: zLine().min(3, "Vui lòng nhập tên hội nghị").max(300),
  participants: zText().min(3, "Vui lòng nhập thành phần tham dự").max(4000),
  summary: zText().max(10_000).nullable().optional(),
  conclusions: z.array(ZReviewConclusion).min(1, "Vui lòng nhập ít nhất một kết luận").max(100),
});
export type TPlanReviewInput = z.infer<typeof ZPlanReviewInput>;

export const ZPlanReview = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  participants: z.string(),
  summary: z.string().nullable(),
  createdAt: z.string(),
  /** The tasks its conclusions became, tracked like any task. */
  conclusions: z.array(
    z.object({
      taskId: z.uuid(),
      content: z.string(),
      leadUnits: z.array(ZUnitRef),
      status: ZTaskStatus,
      percent: z.number().int(),
    }),
  ),
});
export type TPlanReview = z.infer<typeof ZPlanReview>;

export const ZTaskInput = z.object({
  ...taskFields,
  parentId: taskFields.parentId.optional(),
  isSection: taskFields.isSection.default(false),
  budgetAmount: taskFields.budgetAmount.optional(),
  leadUnitIds: ids.default([]),
  cooperatingUnitIds: ids.default([]),
  indicatorIds: ids.default([]),
});
export type TTaskInput = z.infer<typeof ZTaskInput>;

export const ZTaskEdit = z.object(taskFields).partial();
export type TTaskEdit = z.infer<typeof ZTaskEdit>;

export const ZTaskProgressInput = z
  .object({
    status: ZTaskStatus,
    percent: z.number().int().min(0, "Tỷ lệ hoàn thành từ 0 đến 100").max(100, "Tỷ lệ hoàn thành từ 0 đến 100"),
    note: text(4000, "Ghi chú"),
    documentIds: z.array(z.uuid("Mã văn bản không hợp lệ")).max(20).default([]),
  })
  .refine((v) => v.status !== "done" || v.percent === 100, {
    message: "Nhiệm vụ hoàn thành phải đạt 100%",
    path: ["percent"],
  })
  .refine((v) => v.status !== "not_started" || v.percent === 0, {
    message: "Nhiệm vụ chưa bắt đầu phải có tỷ lệ 0%",
    path: ["percent"],
  });
export type TTaskProgressInput = z.infer<typeof ZTaskProgressInput>;

export const ZTaskListQuery = z.object({
  /** "1": tasks the user's unit leads or cooperates on, across all plans. */
  mine: z.enum(["0", "1"]).optional(),
  unitId: z.uuid().optional(),
  planId: z.uuid().optional(),
  overdue: z.enum(["0", "1"]).optional(),
});

// ---------- import ----------

export const ZColumnMapping = z.array(ZTaskField.nullable()).max(50);

export const ZTableRow = z.object({
  cells: z.array(z.string().max(20_000)).max(50),
  afterBreak: z.boolean(),
  table: z.number().int(),
  row: z.number().int(),
});

/** A task table found in the file: its header, the detected (or chosen) mapping and every row. */
export const ZImportTable = z.object({
  title: z.string().nullable(),
  header: z.array(z.string().max(2000)).max(50),
  mapping: ZColumnMapping,
  rows: z.array(ZTableRow).max(5000),
  /** The unit of money the table states ("Đơn vị tính: đồng"); amounts are saved in million đồng. */
  moneyUnit: ZMoneyUnit.nullable().optional(),
});
export type TImportTable = z.infer<typeof ZImportTable>;

export const ZMappedRow = z.object({
  index: z.number().int(),
  kind: z.enum(["task", "section", "skipped"]),
  skip: z.enum(["header", "column_numbers", "empty", "continuation"]).nullable(),
  mergedInto: z.number().int().nullable(),
  number: z.string().nullable(),
  parentIndex: z.number().int().nullable(),
  depth: z.number().int(),
  ...ZTaskWritten.shape,
  leadNames: z.array(z.string()),
  cooperatingNames: z.array(z.string()),
  notes: z.array(z.string()),
  warnings: z.array(z.string()),
  table: z.number().int(),
  row: z.number().int(),
  /** Indicators the row names word for word (suggested links, saved when the import links indicators). */
  indicators: z.array(ZIndicatorRef),
});
export type TMappedRowOut = z.infer<typeof ZMappedRow>;

export const ZImportUnitName = z.object({
  name: z.string(),
  leadCount: z.number().int(),
  cooperateCount: z.number().int(),
  match: z
    .object({ unitId: z.uuid(), unitName: z.string(), confidence: z.enum(["exact", "normalized", "abbreviation"]) })
    .nullable(),
});
export type TImportUnitNameOut = z.infer<typeof ZImportUnitName>;

/** The rows of one table under one mapping: what would be saved. */
export const ZPlanImportMapped = z.object({
  rows: z.array(ZMappedRow),
  /** About the table as a whole (a column not chosen). */
  warnings: z.array(z.string()),
  /** What prevents the import (no content column, a field chosen twice). */
  problems: z.array(z.string()),
  units: z.array(ZImportUnitName),
  counts: z.object({ tasks: z.number().int(), sections: z.number().int(), skipped: z.number().int() }),
});
export type TPlanImportMapped = z.infer<typeof ZPlanImportMapped>;

export const ZDetectedPlanHeader = z.object({
  code: z.string().nullable(),
  issuerAbbreviation: z.string().nullable(),
  issuedOn: z.string().nullable(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  legalBases: z.string().nullable(),
  signer: z.string().nullable(),
  parentCodes: z.array(z.string()),
});

export const ZPlanImportPreview = ZPlanImportMapped.extend({
  fileName: z.string(),
  format: z.enum(["docx", "xlsx"]),
  /** Every task table found; `tableIndex` is the one mapped (the largest). */
  tables: z.array(ZImportTable),
  tableIndex: z.number().int(),
  header: ZDetectedPlanHeader,
  suggestedIssuer: ZUnitRef.nullable(),
  suggestedParent: ZPlanRef.nullable(),
  /** The framework whose indicators were suggested (the province framework of the plan's first year). */
  frameworkId: z.uuid().nullable(),
  /** A plan with the detected số hiệu already exists. */
  existingPlan: ZPlanRef.nullable(),
  /** A document without a task table (tasks written as prose): its text, to enter the tasks by hand beside it. */
  text: z.array(z.string()).max(5000),
});
export type TPlanImportPreview = z.infer<typeof ZPlanImportPreview>;

export const ZPlanImportRemap = z.object({
  table: ZImportTable,
  defaultYear: z.number().int().min(2000).max(2100).nullable().optional(),
  frameworkId: z.uuid().nullable().optional(),
});
export type TPlanImportRemap = z.infer<typeof ZPlanImportRemap>;

export const ZPlanImportCommit = z.object({
  plan: ZPlanInput,
  /** One table (the one previewed)… */
  table: ZImportTable.optional(),
  /** …or every appendix table of the document, into one plan: each becomes a section of its own. */
  tables: z.array(ZImportTable).min(1).max(20).optional(),
  /** Unit name as written → unit id, or null to keep it as text only. Names not listed keep their match. */
  unitResolutions: z.record(z.string(), z.uuid().nullable()).default({}),
  /** Link the indicators each row names (suggested in the preview) from this framework. */
  frameworkId: z.uuid().nullable().optional(),
});
export type TPlanImportCommit = z.infer<typeof ZPlanImportCommit>;
export const ZPlanImportCommitChecked = ZPlanImportCommit.refine((v) => v.table || v.tables, {
  message: "Chưa chọn bảng nào để nhập.",
});
