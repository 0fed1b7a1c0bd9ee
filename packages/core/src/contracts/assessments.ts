import { z } from "zod";
import { ZIndicatorInput, ZScoringRule, ZValueKind } from "../framework/indicator.ts";
import { DEFAULT_GRADE_BANDS, ZGradeBand, ZGradeBands } from "../scoring/grade.ts";
import { SCORE_STATUSES } from "../scoring/score-indicator.ts";
import { zLine, zText } from "../text/clean.ts";

const isoInstant = z.iso.datetime({ offset: true, message: "Thời điểm không hợp lệ" });
const isoDate = z.iso.date("Ngày không hợp lệ");

/** draft → open (self-assessment) → appraising → published. */
export const ROUND_STATUSES = ["draft", "open", "appraising", "published"] as const;
export const ZRoundStatus = z.enum(ROUND_STATUSES);
export type TRoundStatus = z.infer<typeof ZRoundStatus>;
export const ROUND_STATUS_LABELS: Record<TRoundStatus, string> = {
  draft: "Đang chuẩn bị",
  open: "Đang tự đánh giá",
  appraising: "Đang thẩm định",
  published: "Đã công bố",
};

export const ZRoundCreate = z
  .object({
    name: zLine().min(5, "Vui lòng nhập tên đợt đánh giá").max(300),
    year: z.number().int().min(2000).max(2100),
    /** The scope that runs the round; omitted: the coordinator's own scope. */
    ownerUnitId: z.uuid().nullish(),
    frameworkId: z.uuid("Vui lòng chọn bộ chỉ số"),
    groupName: zLine().min(3, "Vui lòng nhập tên nhóm cơ quan").max(200),
    unitIds: z.array(z.uuid()).min(1, "Vui lòng chọn ít nhất một cơ quan được đánh giá").max(2000),
    gradeBands: ZGradeBands.default([...DEFAULT_GRADE_BANDS]),
    selfStart: isoDate,
    selfDeadline: isoInstant,
    appraisalStart: isoDate,
    appraisalEnd: isoDate,
  })
  .refine((r) => r.appraisalStart <= r.appraisalEnd, {
    message: "Ngày bắt đầu thẩm định phải trước ngày kết thúc.",
    path: ["appraisalEnd"],
  });
export type TRoundCreate = z.infer<typeof ZRoundCreate>;

export const ZPublicationSummary = z.object({
  version: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
});
export type TPublicationSummary = z.infer<typeof ZPublicationSummary>;

export const ZRound = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  ownerUnitId: z.uuid().nullable(),
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  groupName: z.string(),
  gradeBands: z.array(ZGradeBand),
  selfStart: z.string(),
  selfDeadline: z.string(),
  appraisalStart: z.string(),
  appraisalEnd: z.string(),
  status: ZRoundStatus,
  agencyCount: z.number().int(),
  submittedCount: z.number().int(),
  /** The agencies of the group the user belongs to: where "Tự đánh giá" leads. */
  myUnitIds: z.array(z.uuid()),
  /** The latest publication (the one in force), null before publication. */
  publication: ZPublicationSummary.nullable(),
  /** What the user may do with the round, as the policy says (the web shows only that). */
  allowed: z.object({ manage: z.boolean(), results: z.boolean() }),
});
export type TRound = z.infer<typeof ZRound>;

export const ZRoundStatusChange = z.object({ status: z.enum(["open", "appraising"]) });

export const ZEntrySave = z.object({
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string().max(200), z.null()])).default({}),
  /** The agency's proposal; required on judgement (manual) criteria, ignored on the others. */
  proposedPoints: z.number().min(0).max(10_000).nullable().default(null),
  explanation: zText().max(4000).nullable().default(null),
  documentIds: z.array(z.uuid()).max(50).default([]),
});
export type TEntrySave = z.infer<typeof ZEntrySave>;

export const ZSheetAction = z.object({ version: z.number().int().min(1) });

export const ZExtensionGrant = z.object({
  unitId: z.uuid("Vui lòng chọn cơ quan"),
  deadline: isoInstant,
  reason: zText().min(5, "Vui lòng ghi lý do gia hạn (ít nhất 5 ký tự)").max(1000),
});
export type TExtensionGrant = z.infer<typeof ZExtensionGrant>;

export const ZAppraisal = z.object({
  points: z.number().min(0).max(10_000),
  reason: zText().max(2000).nullable().default(null),
});
export type TAppraisal = z.infer<typeof ZAppraisal>;

export const ZAppraiserAssign = z.object({
  userId: z.uuid("Vui lòng chọn thành viên hội đồng"),
  indicatorIds: z.array(z.uuid()).min(1, "Vui lòng chọn chỉ số được giao").max(500),
});

export const ZRequestCreate = z.object({
  kind: z.enum(["explain", "supplement"]),
  body: zText().min(5, "Vui lòng ghi nội dung yêu cầu").max(4000),
  dueAt: isoInstant,
});
export type TRequestCreate = z.infer<typeof ZRequestCreate>;
export const ZRequestAnswer = z.object({
  answer: zText().min(2, "Vui lòng nhập nội dung giải trình").max(4000),
  documentIds: z.array(z.uuid()).max(50).default([]),
});
export const ZRequest = z.object({
  id: z.uuid(),
  kind: z.enum(["explain", "supplement"]),
  body: z.string(),
  dueAt: z.string(),
  status: z.enum(["open", "answered", "closed"]),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TRequest = z.infer<typeof ZRequest>;

export const ZAdjustmentCreate = z.object({
  unitId: z.uuid("Vui lòng chọn cơ quan"),
  points: z
    .number()
    .min(-500)
    .max(500)
    .refine((p) => p !== 0, "Điểm cộng/trừ phải khác 0"),
  reason: zText().min(5, "Vui lòng ghi lý do cộng/trừ điểm").max(1000),
});
export type TAdjustmentCreate = z.infer<typeof ZAdjustmentCreate>;

export const ZPublish = z.object({
  decisionNumber: zLine().min(3, "Vui lòng nhập số quyết định").max(100),
  decisionDate: isoDate,
});
export type TPublish = z.infer<typeof ZPublish>;

export const ZCorrection = ZPublish.extend({
  reason: zText().min(5, "Vui lòng ghi lý do đính chính").max(2000),
  changes: z
    .array(
      z.object({
        unitId: z.uuid(),
        indicatorId: z.uuid(),
        points: z.number().min(0).max(10_000),
        reason: zText().min(2).max(2000),
      }),
    )
    .max(1000)
    .default([]),
});
export type TCorrection = z.infer<typeof ZCorrection>;

export const ZCitedDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  summary: z.string().nullable(),
});

export const ZSheetCriterion = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  /** The main indicator it belongs to. */
  mainCode: z.string(),
  maxScore: z.number(),
  valueKind: ZValueKind.nullable(),
  inputs: z.array(ZIndicatorInput),
  rule: ZScoringRule.nullable(),
  unitOfMeasure: z.string().nullable(),
  evidenceText: z.string().nullable(),
  evidenceRequired: z.boolean(),
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  proposedPoints: z.number().nullable(),
  explanation: z.string().nullable(),
  documents: z.array(ZCitedDocument),
  selfPoints: z.number(),
  selfStatus: z.enum(SCORE_STATUSES),
  selfExplanation: z.string(),
  appraisedPoints: z.number().nullable(),
  appraisalReason: z.string().nullable(),
  /** Appraised once appraised, else self-assessed. */
  finalPoints: z.number(),
  requests: z.array(ZRequest),
});
export type TSheetCriterion = z.infer<typeof ZSheetCriterion>;

export const ZSheet = z.object({
  roundId: z.uuid(),
  roundName: z.string(),
  roundStatus: ZRoundStatus,
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(["draft", "submitted"]),
  submittedAt: z.string().nullable(),
  /** The deadline that applies to this agency (its extension, else the round's). */
  deadline: z.string(),
  extensionReason: z.string().nullable(),
  /** Past the deadline or not in self-assessment: the agency can no longer change it. */
  locked: z.boolean(),
  version: z.number().int(),
  progress: z.object({ answered: z.number().int(), total: z.number().int(), missingEvidence: z.number().int() }),
  selfTotal: z.number(),
  finalTotal: z.number(),
  maxTotal: z.number(),
  adjustments: z.array(z.object({ id: z.uuid(), points: z.number(), reason: z.string() })),
  criteria: z.array(ZSheetCriterion),
});
export type TSheet = z.infer<typeof ZSheet>;

/** One agency's row of a round's result table (what the decision publishes). */
export const ZResultRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  selfTotal: z.number(),
  scoredTotal: z.number(),
  adjustmentTotal: z.number(),
  total: z.number(),
  maxTotal: z.number(),
  percent: z.number(),
  grade: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  /** Points per main indicator, by code. */
  mains: z.record(z.string(), z.number()),
  /** Per criterion, by code: self-assessed, final and maximum (0 when not applicable). */
  criteria: z.record(z.string(), z.object({ self: z.number(), final: z.number(), max: z.number() })),
});
export type TResultRow = z.infer<typeof ZResultRow>;

export const ZRoundResults = z.object({
  mains: z.array(z.object({ code: z.string(), name: z.string(), maxScore: z.number() })),
  criteria: z.array(z.object({ code: z.string(), name: z.string(), maxScore: z.number(), mainCode: z.string() })),
  rows: z.array(ZResultRow),
});
export type TRoundResults = z.infer<typeof ZRoundResults>;

/** An agency's total and rank against the previous published round of the same owner and group. */
export const ZResultChange = z.object({
  previousTotal: z.number(),
  previousRank: z.number().int(),
  /** Total now minus total then. */
  points: z.number(),
  /** Places gained: rank then minus rank now (positive = up). */
  ranks: z.number().int(),
});
export type TResultChange = z.infer<typeof ZResultChange>;

/** An agency's published result in one earlier round of the same owner and group (its version in force). */
export const ZTrendPoint = z.object({
  roundId: z.uuid(),
  year: z.number().int(),
  total: z.number(),
  maxTotal: z.number(),
  grade: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
});
export type TTrendPoint = z.infer<typeof ZTrendPoint>;

/** A plan task linked to a criterion's indicator, with its progress, shown beside the points lost on it. */
export const ZLinkedTask = z.object({
  taskId: z.uuid(),
  number: z.string().nullable(),
  content: z.string(),
  status: z.enum(["not_started", "in_progress", "done", "late"]),
  percent: z.number().int(),
  planId: z.uuid(),
  planCode: z.string(),
});
export type TLinkedTask = z.infer<typeof ZLinkedTask>;

/** A row of the league table as listed: the agency's totals, grade, rank and main indicators, not its criteria. */
export const ZResultListRow = ZResultRow.omit({ criteria: true });
export type TResultListRow = z.infer<typeof ZResultListRow>;

/** The league table's query: a version (published rounds), a search over agency names without accents, a page. */
export const ZResultsQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  /** Up to every agency a round may hold (the coordinator's agency pickers list them all). */
  pageSize: z.coerce.number().int().min(1).max(2000).default(50),
});
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

/** What the whole group looks like, over every agency (not only the page): grade spread, criteria losing most. */
export const ZResultsSummary = z.object({
  /** Agencies per grade band, in the round's band order. */
  grades: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** The criteria where the group loses most points (maximum minus final, summed), at most five, most first. */
  mostLost: z.array(z.object({ code: z.string(), name: z.string(), lost: z.number() })),
});
export type TResultsSummary = z.infer<typeof ZResultsSummary>;

const ZPreviousRound = z
  .object({ roundId: z.uuid(), name: z.string(), year: z.number().int(), decisionNumber: z.string() })
  .nullable();

/**
 * The league table: one page of agencies (per-criterion points are not listed: they travel per agency, see
 * ZAgencyResult) and summaries of the whole group.
 */
export const ZRoundResultView = z.object({
  round: ZRound,
  /** Live numbers before publication (coordinator and council only), the frozen version after. */
  frozen: z.boolean(),
  version: z.number().int().nullable(),
  versions: z.array(ZPublicationSummary),
  results: z.object({ mains: ZRoundResults.shape.mains, criteria: ZRoundResults.shape.criteria }),
  /** The page of agencies matching the search, in rank order. */
  rows: z.array(ZResultListRow),
  /** How many agencies match the search (every page); `summary` is over the whole group regardless. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  summary: ZResultsSummary,
  /** Published rounds only: the previous published round of the same owner and group, its version in force. */
  previous: ZPreviousRound,
  /** By unit id, for the agencies of the page also in the previous round; the others have no entry ("—"). */
  changes: z.record(z.string(), ZResultChange),
});
export type TRoundResultView = z.infer<typeof ZRoundResultView>;

/** A criterion where an agency lost points, and the rank it would hold with them (the others unchanged). */
export const ZLostCriterion = z.object({
  code: z.string(),
  name: z.string(),
  final: z.number(),
  max: z.number(),
  lost: z.number(),
  rankIf: z.number().int(),
});
export type TLostCriterion = z.infer<typeof ZLostCriterion>;

/** One agency's result in full: its row with every criterion, against its group, its years, linked tasks. */
export const ZAgencyResult = z.object({
  frozen: z.boolean(),
  version: z.number().int().nullable(),
  row: ZResultRow,
  /** Its main indicators against the group's average and best. */
  mains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      maxScore: z.number(),
      points: z.number(),
      average: z.number(),
      best: z.number(),
      bestUnits: z.array(z.string()),
    }),
  ),
  /** Criteria where it lost points, most lost first. */
  lost: z.array(ZLostCriterion),
  previous: ZPreviousRound,
  change: ZResultChange.nullable(),
  /** Published rounds only: the agency in every earlier published round of the same owner and group, oldest first. */
  trend: z.array(ZTrendPoint),
  /** Published rounds only, by criterion code: tasks linked to its indicator in the plans the reader may see. */
  tasks: z.record(z.string(), z.array(ZLinkedTask)),
});
export type TAgencyResult = z.infer<typeof ZAgencyResult>;

/** One criterion across every agency, for the council member appraising it. */
export const ZCriterionTable = z.object({
  criterion: z.object({
    indicatorId: z.uuid(),
    code: z.string(),
    name: z.string(),
    maxScore: z.number(),
    rule: ZScoringRule.nullable(),
  }),
  rows: z.array(
    ZSheetCriterion.extend({ unitId: z.uuid(), unitName: z.string(), sheetStatus: z.enum(["draft", "submitted"]) }),
  ),
});
export type TCriterionTable = z.infer<typeof ZCriterionTable>;

/** Every difference between self-assessed and appraised points, for the council meeting. */
export const ZDifference = z.object({
  unitName: z.string(),
  code: z.string(),
  name: z.string(),
  selfPoints: z.number(),
  appraisedPoints: z.number(),
  difference: z.number(),
  reason: z.string().nullable(),
});
export type TDifference = z.infer<typeof ZDifference>;
