import { z } from "zod";
import { ZReportStatus } from "../reporting/workflow.ts";
import { ZPageQuery } from "./paging.ts";

/** The events a user is notified of; each can have its e-mail turned off (the in-app notice always stays). */
export const NOTIFICATION_KINDS = [
  "period_opened",
  "deadline_soon",
  "deadline_passed",
  "report_returned",
  "review_requested",
  "comment_reply",
  "task_deadline",
  "task_overdue",
  "task_progress_due",
  "chase",
  "login_blocked",
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotification = z.object({
  id: z.uuid(),
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string().nullable(),
  /** A path inside the web UI ("/reports/…"). */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(30),
  unreadOnly: z.enum(["true", "false"]).optional(),
});

export const ZNotificationPreference = z.object({ kind: ZNotificationKind, email: z.boolean() });
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

export const ZNotificationPreferences = z.object({
  /** False when the server has no SMTP configured: notices stay in the app only. */
  emailConfigured: z.boolean(),
  /** The user's own address (set by the coordinator on the account); null means no e-mail can reach them. */
  email: z.string().nullable(),
  kinds: z.array(ZNotificationPreference),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZNotificationPreferencesUpdate = z.object({
  kinds: z.array(ZNotificationPreference).min(1).max(NOTIFICATION_KINDS.length),
});
export type TNotificationPreferencesUpdate = z.infer<typeof ZNotificationPreferencesUpdate>;

// ——— Completeness and timeliness of a period (tỷ lệ báo cáo) ———

export const ZCompletenessCounts = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  overdue: z.number().int(),
  withEvidence: z.number().int(),
});

export const ZCompletenessSlot = z.object({
  unitId: z.uuid(),
  indicatorId: z.uuid(),
  role: z.enum(["lead", "cooperate"]),
  status: z.enum(["on_time", "late", "missing"]),
  reportId: z.uuid().nullable(),
  reportStatus: ZReportStatus.nullable(),
  firstSubmittedAt: z.string().nullable(),
  evidenceCount: z.number().int(),
});
export type TCompletenessSlot = z.infer<typeof ZCompletenessSlot>;

export const ZCompletenessUnit = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  /** The unit's own deadline: the period's, or its extension. */
  deadline: z.string(),
  extended: z.boolean(),
  daysLeft: z.number().int(),
  counts: ZCompletenessCounts,
  lastChasedAt: z.string().nullable(),
  /** Whether the viewer may chase this unit now (it has missing reports the viewer is responsible for). */
  chaseable: z.boolean(),
});
export type TCompletenessUnit = z.infer<typeof ZCompletenessUnit>;

export const ZCompletenessIndicator = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  leadUnitName: z.string().nullable(),
  counts: ZCompletenessCounts,
});
export type TCompletenessIndicator = z.infer<typeof ZCompletenessIndicator>;

export const ZCompleteness = z.object({
  period: z.object({
    id: z.uuid(),
    label: z.string(),
    frameworkName: z.string(),
    deadline: z.string(),
    isClosed: z.boolean(),
  }),
  /** Whose slots these are: every unit, or (a lead agency) its own and its cooperating units on indicators it leads. */
  scope: z.enum(["all", "lead"]),
  totals: ZCompletenessCounts,
  units: z.array(ZCompletenessUnit),
  indicators: z.array(ZCompletenessIndicator),
  slots: z.array(ZCompletenessSlot),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;

/**
 * The page's query: a period, a search over unit names (without accents), a page of the unit table, by name or
 * with the units furthest behind first (overdue, then missing, then late reports: the coordinator's home page).
 */
export const ZCompletenessQuery = ZPageQuery.extend({
  periodId: z.uuid("Vui lòng chọn kỳ báo cáo"),
  q: z.string().trim().max(200).optional(),
  order: z.enum(["name", "behind"]).default("name"),
});
export type TCompletenessQuery = z.infer<typeof ZCompletenessQuery>;

/**
 * What the page shows: the totals and every indicator, and one page of the units matching the search. A unit's late
 * and missing reports (its expandable row) come apart, when the row is opened (ZCompletenessUnitSlots): sent with
 * the page they made it 400 KB at province scale. The Excel export has every slot.
 */
export const ZCompletenessPage = ZCompleteness.omit({ slots: true }).extend({
  unitsTotal: z.number().int(),
  /** Units the viewer may chase now, over every page ("đôn đốc tất cả"). */
  chaseableUnits: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TCompletenessPage = z.infer<typeof ZCompletenessPage>;

/** One unit's late and missing reports in a period, as the viewer may see them (the page's expandable row). */
export const ZCompletenessUnitSlots = z.object({ unitId: z.uuid(), slots: z.array(ZCompletenessSlot) });
export type TCompletenessUnitSlots = z.infer<typeof ZCompletenessUnitSlots>;

export const ZChaseRequest = z.object({
  periodId: z.uuid("Vui lòng chọn kỳ báo cáo"),
  /** Only these units (e.g. one row's button); default every unit the caller may chase. */
  unitIds: z.array(z.uuid()).max(1000).optional(),
});
export type TChaseRequest = z.infer<typeof ZChaseRequest>;

export const ZChaseResult = z.object({
  chased: z.array(
    z.object({ unitId: z.uuid(), unitName: z.string(), missing: z.number().int(), recipients: z.number().int() }),
  ),
  /** Units already chased by the same agency within the hour (a double click, two tabs). */
  skipped: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
});
export type TChaseResult = z.infer<typeof ZChaseResult>;
