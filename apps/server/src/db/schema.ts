import type {
  TConsolidationRecord,
  TDeadlineRule,
  TFrameworkAdjustment,
  TFrameworkLevel,
  TFrameworkStatus,
  TGradeBand,
  TIndicatorInput,
  TProgressCalendar,
  TReportingCalendar,
  TReportStatus,
  TRole,
  TRoundResults,
  TRoundStatus,
  TScoringRule,
  TUnitKind,
  TValueKind,
} from "@chiso/core";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind").$type<TUnitKind>().notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => units.id, { onDelete: "restrict" }),
    /** Ids from the top agency down to this unit (core TPath); kept in step with parent_id by the units repo. */
    path: uuid("path").array().notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("units_name_unique").on(sql`lower(${t.name})`),
    index("units_path_idx").using("gin", t.path),
    check(
      "units_kind_check",
      sql`${t.kind} in ('department','commune','central_branch','enterprise','office','other')`,
    ),
  ],
);

/**
 * A named group of units ("Sở, ban, ngành", "Xã, phường, đặc khu") kept by a scope's coordinator; a framework's
 * cooperating text that names the group assigns its members. owner_unit_id null = the province.
 */
export const unitGroups = pgTable(
  "unit_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerUnitId: uuid("owner_unit_id").references(() => units.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("unit_groups_name_unique").on(
      sql`coalesce(${t.ownerUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
  ],
);

export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    fullName: text("full_name").notNull(),
    /** Chức vụ ("Chánh Văn phòng"), as the accounts sheet gives it. */
    position: text("position"),
    email: text("email"),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    isDisabled: boolean("is_disabled").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_unique").on(t.username), index("users_unit_idx").on(t.unitId)],
);

/** Roles held in a scope: `scope_unit_id` null is the province; unit roles are held in the user's own unit. */
export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<TRole>().notNull(),
    scopeUnitId: uuid("scope_unit_id").references(() => units.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("user_roles_unique").on(
      t.userId,
      t.role,
      sql`coalesce(${t.scopeUnitId}, '00000000-0000-0000-0000-000000000000')`,
    ),
    index("user_roles_scope_idx").on(t.scopeUnitId),
    check("user_roles_role_check", sql`${t.role} in ('coordinator','unit_lead','unit_reporter','appraiser','viewer')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a database leak does not leak live sessions. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Login back-off counters (modules/auth/throttle.ts): one row per account, per account and address, and per
 * address. Keyed by the name typed, so an unknown username is throttled exactly like a real one.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    /** "account:<username>", "account-address:<username>|<ip>" or "address:<ip>". */
    key: text("key").primaryKey(),
    /** The username of an account counter, so the coordinator can lift every block of an account at once. */
    username: text("username"),
    attempts: integer("attempts").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    blocks: integer("blocks").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("login_throttles_username_idx").on(t.username), index("login_throttles_updated_idx").on(t.updatedAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_at_idx").on(t.at)],
);

export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    level: text("level").$type<TFrameworkLevel>().notNull(),
    legalBasis: text("legal_basis"),
    /** The scope that runs this framework's cycle: null is the province, else an agency. */
    ownerUnitId: uuid("owner_unit_id").references(() => units.id, { onDelete: "restrict" }),
    status: text("status").$type<TFrameworkStatus>().notNull().default("draft"),
    builtin: boolean("builtin").notNull().default(false),
    clonedFromId: uuid("cloned_from_id").references((): AnyPgColumn => frameworks.id, {
      onDelete: "set null",
    }),
    adjustments: jsonb("adjustments").$type<TFrameworkAdjustment[]>().notNull().default([]),
    /** Its reporting calendar ("trước ngày 10 tháng cuối quý"…): the kinds it sets; the rest follow the defaults. */
    deadlineRules: jsonb("deadline_rules").$type<TReportingCalendar>().notNull().default({}),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("frameworks_code_unique").on(t.code),
    check("frameworks_status_check", sql`${t.status} in ('draft','published','archived')`),
    check("frameworks_level_check", sql`${t.level} in ('province','department','commune','office')`),
  ],
);

export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => indicators.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    maxScore: numeric("max_score", { precision: 10, scale: 2, mode: "number" }).notNull().default(0),
    valueKind: text("value_kind").$type<TValueKind>(),
    inputs: jsonb("inputs").$type<TIndicatorInput[]>().notNull().default([]),
    rule: jsonb("rule").$type<TScoringRule>(),
    unitOfMeasure: text("unit_of_measure"),
    evidenceText: text("evidence_text"),
    evidenceRequired: boolean("evidence_required").notNull().default(false),
    guidance: text("guidance"),
    dataSource: text("data_source"),
    autoMeasured: boolean("auto_measured").notNull().default(false),
    leadText: text("lead_text"),
    cooperatingText: text("cooperating_text"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("indicators_framework_code_unique").on(t.frameworkId, t.code),
    index("indicators_parent_idx").on(t.parentId),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    role: text("role").$type<"lead" | "cooperate">().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.unitId] }),
    // one lead agency per indicator
    uniqueIndex("assignments_one_lead").on(t.indicatorId).where(sql`${t.role} = 'lead'`),
    index("assignments_unit_idx").on(t.unitId),
    index("assignments_framework_idx").on(t.frameworkId),
    check("assignments_role_check", sql`${t.role} in ('lead','cooperate')`),
  ],
);

export const periods = pgTable(
  "periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    kind: text("kind").$type<"quarter" | "half" | "year">().notNull(),
    year: integer("year").notNull(),
    index: integer("index").notNull(),
    label: text("label").notNull(),
    windowStart: text("window_start").notNull(),
    windowEnd: text("window_end").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    /** The calendar rule the deadline came from; null when the coordinator typed the deadline. */
    deadlineRule: jsonb("deadline_rule").$type<TDeadlineRule>(),
    /** Why a period outside its framework's year was opened (the coordinator must say). */
    outOfYearReason: text("out_of_year_reason"),
    isClosed: boolean("is_closed").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("periods_unique").on(t.frameworkId, t.kind, t.year, t.index),
    check("periods_kind_check", sql`${t.kind} in ('quarter','half','year')`),
  ],
);

/** A later deadline for one unit in one period, granted by the coordinator with a reason. */
export const periodExtensions = pgTable(
  "period_extensions",
  {
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] })],
);

export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "restrict" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    /** lead = the lead agency's consolidated report for the province; cooperate = a cooperating unit's. */
    role: text("role").$type<"lead" | "cooperate">().notNull(),
    status: text("status").$type<TReportStatus>().notNull().default("draft"),
    values: jsonb("values").$type<Record<string, number | boolean | string | null>>().notNull().default({}),
    note: text("note"),
    selfPoints: numeric("self_points", { precision: 10, scale: 2, mode: "number" }),
    selfExplanation: text("self_explanation"),
    /** Judgement (manual-rule) indicators only: the points the unit proposes and why; scored as its self points. */
    proposedPoints: numeric("proposed_points", { precision: 10, scale: 2, mode: "number" }),
    proposedExplanation: text("proposed_explanation"),
    appraisedPoints: numeric("appraised_points", { precision: 10, scale: 2, mode: "number" }),
    appraisalComment: text("appraisal_comment"),
    /** Set while a request to explain or add evidence (giải trình, bổ sung) is open. */
    explanationDueAt: timestamp("explanation_due_at", { withTimezone: true }),
    /** The lead's report: the consolidated values it accepted or overrode (with why) and the units' breakdown. */
    consolidation: jsonb("consolidation").$type<TConsolidationRecord>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * How many documents the report cites, kept by a trigger on report_documents (migration 0012): the ranking and
     * the completeness counts read it from the period's covering index instead of probing the citations of 40,000
     * reports one by one.
     */
    evidenceCount: integer("evidence_count").notNull().default(0),
    /** Optimistic concurrency: every save must name the version it started from. */
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reports_unique").on(t.periodId, t.indicatorId, t.unitId),
    index("reports_unit_idx").on(t.unitId, t.periodId),
    index("reports_period_idx").on(t.periodId, t.status),
    // The lead agencies' reports of a period (dashboard, trend, latest values) without reading the cooperating ones.
    index("reports_lead_period_idx").on(t.periodId, t.indicatorId).where(sql`${t.role} = 'lead'`),
    check("reports_role_check", sql`${t.role} in ('lead','cooperate')`),
    check(
      "reports_status_check",
      sql`${t.status} in ('draft','submitted','returned','accepted','verified','appraised','final')`,
    ),
  ],
);

/** Every transition of a report: who, when, from → to, and the comment given. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    comment: text("comment"),
  },
  (t) => [
    index("report_events_report_idx").on(t.reportId),
    // First submission of each report (completeness: on time or late).
    index("report_events_submit_idx").on(t.reportId, t.at).where(sql`${t.action} = 'submit'`),
    // Returns and requests to explain, counted per unit in the ranking.
    index("report_events_return_idx").on(t.reportId).where(sql`${t.action} in ('return', 'request_explanation')`),
  ],
);

/** The thread of a report: review comments, requests to explain, and the unit's answers. */
export const reportComments = pgTable(
  "report_comments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<"comment" | "request" | "answer">().notNull().default("comment"),
    body: text("body").notNull(),
  },
  (t) => [index("report_comments_report_idx").on(t.reportId)],
);

/** An evidence document, stored once by content (sha256) and described by its official metadata. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mimeType: text("mime_type").notNull(),
    fileName: text("file_name").notNull(),
    /** Số hiệu văn bản, e.g. "123/QĐ-UBND". */
    docNumber: text("doc_number"),
    /** Ngày ban hành, ISO date. */
    issuedOn: text("issued_on"),
    /** Cơ quan ban hành. */
    issuer: text("issuer"),
    /** Trích yếu. */
    summary: text("summary"),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("documents_unit_idx").on(t.unitId), index("documents_sha_idx").on(t.sha256)],
);

export const reportDocuments = pgTable(
  "report_documents",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
    /** Page or section of the document that proves the value ("Điều 2", "tr. 5"). */
    citation: text("citation"),
    attachedBy: uuid("attached_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.documentId] }), index("report_documents_doc_idx").on(t.documentId)],
);

/** Province-wide settings the coordinator sets (province name for national comparisons, DTI targets). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

/** Published national DTI results: one row per province and year, as the ministry publishes them. */
export const officialResults = pgTable(
  "official_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    province: text("province").notNull(),
    /** DTI index 0..1 as published (e.g. 0.5123). */
    dtiIndex: numeric("dti_index", { precision: 8, scale: 4, mode: "number" }).notNull(),
    rank: integer("rank").notNull(),
    /** Main indicator code → value 0..1 (and its rank when published). */
    mainValues: jsonb("main_values")
      .$type<Record<string, { value: number; rank?: number | null }>>()
      .notNull()
      .default({}),
    /** Pillar (trụ cột) name → value 0..1, when given. */
    pillarValues: jsonb("pillar_values").$type<Record<string, number>>().notNull().default({}),
    note: text("note"),
    importedBy: uuid("imported_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("official_results_unique").on(t.year, t.province)],
);

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Số hiệu, e.g. "17a/KH-SCT". */
    code: text("code").notNull(),
    title: text("title").notNull(),
    issuerUnitId: uuid("issuer_unit_id").references(() => units.id, { onDelete: "set null" }),
    issuerText: text("issuer_text"),
    issuedOn: text("issued_on"),
    signer: text("signer"),
    startYear: integer("start_year"),
    endYear: integer("end_year"),
    legalBases: text("legal_bases"),
    parentPlanId: uuid("parent_plan_id").references((): AnyPgColumn => plans.id, { onDelete: "set null" }),
    /** When each task's lead unit reports its progress (seed 003: "06 tháng, trước ngày 10/6 và ngày 10/12"); null: never asked. */
    progressCalendar: jsonb("progress_calendar").$type<TProgressCalendar>(),
    /** The scope whose plan this is: null is the province, else an agency. */
    ownerUnitId: uuid("owner_unit_id").references(() => units.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("plans_code_unique").on(t.code)],
);

/** A quantitative target of a plan ("DTI ≥ 800/1000"), optionally tracked through an indicator's reports. */
export const planTargets = pgTable("plan_targets", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  label: text("label").notNull(),
  /** A province-wide measure the dashboard tracks, instead of an indicator: total score, rank, mains in the top 10. */
  metric: text("metric").$type<"dti_total" | "dti_rank" | "mains_top10">(),
  indicatorId: uuid("indicator_id").references(() => indicators.id, { onDelete: "set null" }),
  comparator: text("comparator").$type<">=" | "<=" | "=">().notNull().default(">="),
  targetValue: numeric("target_value", { precision: 14, scale: 4, mode: "number" }),
  unit: text("unit"),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => tasks.id, { onDelete: "cascade" }),
    /** The plan's own numbering: "I", "1", "1.1", "a)". */
    number: text("number"),
    /** A heading row ("I | Hoạt động Kinh tế số") that groups tasks rather than being one. */
    isSection: boolean("is_section").notNull().default(false),
    content: text("content").notNull(),
    leadText: text("lead_text"),
    cooperatingText: text("cooperating_text"),
    outputText: text("output_text"),
    timeframeText: text("timeframe_text"),
    /** Parsed timeframe (core parseTimeframe); kind "unparsed" is kept as text and flagged. */
    timeframe: jsonb("timeframe"),
    directingLeader: text("directing_leader"),
    /** Million đồng, to the đồng (a plan stating "Đơn vị tính: đồng" is converted on import). */
    budgetAmount: numeric("budget_amount", { precision: 20, scale: 6, mode: "number" }),
    budgetSource: text("budget_source"),
    budgetBasis: text("budget_basis"),
    status: text("status").$type<"not_started" | "in_progress" | "done" | "late">().notNull().default("not_started"),
    percent: integer("percent").notNull().default(0),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_plan_idx").on(t.planId),
    check("tasks_status_check", sql`${t.status} in ('not_started','in_progress','done','late')`),
    check("tasks_percent_check", sql`${t.percent} between 0 and 100`),
  ],
);

export const taskUnits = pgTable(
  "task_units",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    role: text("role").$type<"lead" | "cooperate">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("task_units_unit_idx").on(t.unitId)],
);

export const taskIndicators = pgTable(
  "task_indicators",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.indicatorId] })],
);

/**
 * A review meeting of a plan (seed 001: "hội nghị sơ kết đánh giá DTI 06 tháng/lần"): when, who took part, what it
 * concluded. Its conclusions are tasks of the plan under a section of their own, so they are tracked like any task.
 */
export const planReviews = pgTable(
  "plan_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** ISO date the meeting was held. */
    heldOn: text("held_on").notNull(),
    title: text("title").notNull(),
    participants: text("participants").notNull(),
    summary: text("summary"),
    /** The section task holding the conclusions. */
    sectionTaskId: uuid("section_task_id").references(() => tasks.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("plan_reviews_plan_idx").on(t.planId)],
);

/** A progress update posted by a task's lead unit. */
export const taskUpdates = pgTable(
  "task_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status").$type<"not_started" | "in_progress" | "done" | "late">().notNull(),
    percent: integer("percent").notNull(),
    note: text("note"),
  },
  (t) => [index("task_updates_task_idx").on(t.taskId)],
);

export const taskUpdateDocuments = pgTable(
  "task_update_documents",
  {
    updateId: uuid("update_id")
      .notNull()
      .references(() => taskUpdates.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.documentId] })],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailSentAt: timestamp("email_sent_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

/** Per user and event kind: whether to also send e-mail (in-app notifications are always kept). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * One row per reminder sent (user × item × milestone): inserting it is what claims the right to send, so
 * restarts and several server instances never send twice.
 */
export const reminderLog = pgTable("reminder_log", {
  key: text("key").primaryKey(),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An assessment round (đợt đánh giá): one year's assessment of an agency group on an agency-level framework,
 * owned by a scope (null = the province). Grading bands are the round's own; status moves
 * draft → open (self-assessment) → appraising → published.
 */
export const assessmentRounds = pgTable(
  "assessment_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    ownerUnitId: uuid("owner_unit_id").references(() => units.id, { onDelete: "restrict" }),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    /** The agency group's name as decisions print it: "Sở, ban, ngành cấp tỉnh". */
    groupName: text("group_name").notNull(),
    gradeBands: jsonb("grade_bands").$type<TGradeBand[]>().notNull(),
    selfStart: text("self_start").notNull(),
    selfDeadline: timestamp("self_deadline", { withTimezone: true }).notNull(),
    appraisalStart: text("appraisal_start").notNull(),
    appraisalEnd: text("appraisal_end").notNull(),
    status: text("status").$type<TRoundStatus>().notNull().default("draft"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assessment_rounds_owner_idx").on(t.ownerUnitId, t.year),
    check("assessment_rounds_status_check", sql`${t.status} in ('draft','open','appraising','published')`),
  ],
);

/** An agency of a round's group, its sheet's state and any later deadline the coordinator granted it. */
export const assessmentAgencies = pgTable(
  "assessment_agencies",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    status: text("status").$type<"draft" | "submitted">().notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    extendedDeadline: timestamp("extended_deadline", { withTimezone: true }),
    extensionReason: text("extension_reason"),
    /** Optimistic concurrency of the sheet as a whole (submit, recall, save). */
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.unitId] }),
    index("assessment_agencies_unit_idx").on(t.unitId),
    check("assessment_agencies_status_check", sql`${t.status} in ('draft','submitted')`),
  ],
);

/** One agency's answer on one criterion: values, proposed points, explanation, then the appraised points. */
export const assessmentEntries = pgTable(
  "assessment_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "restrict" }),
    values: jsonb("values").$type<Record<string, number | boolean | string | null>>().notNull().default({}),
    proposedPoints: numeric("proposed_points", { precision: 10, scale: 2, mode: "number" }),
    explanation: text("explanation"),
    appraisedPoints: numeric("appraised_points", { precision: 10, scale: 2, mode: "number" }),
    appraisalReason: text("appraisal_reason"),
    appraisedBy: uuid("appraised_by").references(() => users.id, { onDelete: "set null" }),
    appraisedAt: timestamp("appraised_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assessment_entries_unique").on(t.roundId, t.unitId, t.indicatorId),
    index("assessment_entries_indicator_idx").on(t.roundId, t.indicatorId),
    // The live results' stamp: count, newest and sum of change times of a round's entries from the index alone.
    index("assessment_entries_round_updated_idx").on(t.roundId, t.updatedAt),
  ],
);

/** Evidence an agency cites for a criterion: documents already uploaded anywhere in the agency. */
export const assessmentEntryDocuments = pgTable(
  "assessment_entry_documents",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => assessmentEntries.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.documentId] })],
);

/** Council members and the criteria (or main indicators, covering their criteria) each appraises. */
export const assessmentAppraisers = pgTable(
  "assessment_appraisers",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId, t.indicatorId] })],
);

/** A request to explain or add evidence (giải trình, bổ sung) on one entry, its deadline and the agency's answer. */
export const assessmentRequests = pgTable(
  "assessment_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => assessmentEntries.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"explain" | "supplement">().notNull(),
    body: text("body").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<"open" | "answered" | "closed">().notNull().default("open"),
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("assessment_requests_entry_idx").on(t.entryId),
    check("assessment_requests_kind_check", sql`${t.kind} in ('explain','supplement')`),
    check("assessment_requests_status_check", sql`${t.status} in ('open','answered','closed')`),
  ],
);

/** Bonus (positive) or penalty (negative) points for one agency of a round, with the reason. */
export const assessmentAdjustments = pgTable(
  "assessment_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    points: numeric("points", { precision: 10, scale: 2, mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("assessment_adjustments_round_idx").on(t.roundId, t.unitId)],
);

/**
 * A published result of a round, frozen: version 1 is the decision, each correction a new version with its
 * reason. `results` holds every agency's scores, grade and rank as published; nothing updates a row here.
 */
export const assessmentPublications = pgTable(
  "assessment_publications",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionDate: text("decision_date").notNull(),
    reason: text("reason"),
    results: jsonb("results").$type<TRoundResults>().notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.version] })],
);
