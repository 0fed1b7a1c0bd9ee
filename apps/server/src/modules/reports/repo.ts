import type { TReportStatus, TReportVisibility } from "@chiso/core";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  isoUtc,
  preparedOnce,
  queryPrepared,
  queryRows,
  searchCondition,
  type TDb,
  type TDbOrTx,
} from "../../db/client.ts";
import {
  assignments,
  documents,
  frameworks,
  indicators,
  periodExtensions,
  periods,
  reportComments,
  reportDocuments,
  reportEvents,
  reports,
  units,
  users,
} from "../../db/schema.ts";
import { reportsVisible } from "../../db/scope-sql.ts";

export type TReportRow = typeof reports.$inferSelect;

export async function findReport(db: TDbOrTx, id: string) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row ?? null;
}

export async function findReportBySlot(db: TDbOrTx, periodId: string, indicatorId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.indicatorId, indicatorId), eq(reports.unitId, unitId)));
  return row ?? null;
}

/** Inserts a draft unless one exists (two tabs opening the same report at once both get the same row). */
export async function insertReport(db: TDbOrTx, values: typeof reports.$inferInsert) {
  await db.insert(reports).values(values).onConflictDoNothing();
  return findReportBySlot(db, values.periodId, values.indicatorId, values.unitId);
}

/** Updates only if nobody saved since `version`; answers what changed, or null when the version was stale. */
export async function updateReportIfVersion(
  db: TDbOrTx,
  id: string,
  version: number,
  values: Partial<typeof reports.$inferInsert>,
) {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(reports.id, id), eq(reports.version, version)))
    .returning({
      id: reports.id,
      version: reports.version,
      status: reports.status,
      selfPoints: reports.selfPoints,
      selfExplanation: reports.selfExplanation,
      updatedAt: reports.updatedAt,
    });
  return row ?? null;
}

/**
 * The deadline-day write: a draft's values, score and note, only if nobody saved since `version`, and its audit
 * row — one statement, so one round trip and one transaction. Null when the version was stale (nothing written).
 */
export async function saveDraftIfVersion(
  db: TDb,
  save: {
    reportId: string;
    version: number;
    /** The evidence count the score was computed with: the write is refused if it changed meanwhile. */
    evidenceCount: number;
    values: Record<string, unknown>;
    /** undefined keeps the note as it is. */
    note: string | null | undefined;
    proposedPoints: number | null;
    proposedExplanation: string | null;
    selfPoints: number | null;
    selfExplanation: string | null;
    actorId: string;
    ip: string | null;
    before: unknown;
    after: unknown;
  },
) {
  const [row] = await queryPrepared<{
    id: string;
    version: number;
    status: TReportStatus;
    self_points: string | null;
    self_explanation: string | null;
    updated_at: string;
  }>(db, "save_draft", SAVE_DRAFT, [
    JSON.stringify(save.values),
    save.note === undefined,
    save.note ?? null,
    save.selfPoints,
    save.selfExplanation,
    save.proposedPoints,
    save.proposedExplanation,
    save.actorId,
    save.reportId,
    save.version,
    JSON.stringify(save.before),
    JSON.stringify(save.after),
    save.ip,
    save.evidenceCount,
  ]);
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    selfPoints: row.self_points === null ? null : Number(row.self_points),
    selfExplanation: row.self_explanation,
    updatedAt: row.updated_at,
  };
}

// $2: keep the note as it is ($3 ignored). Written only while the report is the version the save started from, is
// still editable and cites as many documents as the score counted ($14). The audit row is recordAudit's
// (modules/audit), written by the same statement.
const SAVE_DRAFT = `with saved as (
    update reports set values = $1::jsonb,
      note = case when $2::boolean then note else $3::text end,
      self_points = $4, self_explanation = $5, proposed_points = $6, proposed_explanation = $7,
      updated_by = $8, version = version + 1, updated_at = now()
    where id = $9 and version = $10 and status in ('draft', 'returned') and evidence_count = $14
    returning id, version, status, self_points, self_explanation, updated_at
  ),
  audit as (
    insert into audit_log (actor_id, action, entity_type, entity_id, before, after, ip)
    select $8, 'report.save', 'report', saved.id::text, $11::jsonb, $12::jsonb, $13 from saved
  )
  select id, version, status, self_points, self_explanation,
    to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at from saved`;

const leadAssignment = alias(assignments, "lead_assignment");

/**
 * What the rules of a draft save need, in one query: the report, its period's deadline, the indicator's
 * inputs and rule, its lead unit and the unit's extension. (Not the other units' assignment rows.)
 */
export async function findSaveContext(db: TDb, reportId: string) {
  const [row] = await preparedOnce(preparedSaveContexts, db, prepareSaveContext).execute({ reportId });
  return row ?? null;
}

/** Prepared once per database: the save runs it on every keystroke pause of every reporter. */
const preparedSaveContexts = new WeakMap<TDb, ReturnType<typeof prepareSaveContext>>();

function prepareSaveContext(db: TDb) {
  return db
    .select({
      report: {
        id: reports.id,
        unitId: reports.unitId,
        status: reports.status,
        values: reports.values,
        note: reports.note,
        proposedPoints: reports.proposedPoints,
        proposedExplanation: reports.proposedExplanation,
        explanationDueAt: reports.explanationDueAt,
      },
      period: {
        deadline: periods.deadline,
        isClosed: periods.isClosed,
        /** The path of the scope running the cycle ([] for the province). */
        scopePath: sql<string[]>`coalesce((select u.path from units u join frameworks f on f.owner_unit_id = u.id
          where f.id = ${periods.frameworkId}), '{}'::uuid[])`,
      },
      /** The reporting unit's place in the tree, for the policy. */
      unitPath: sql<readonly string[]>`(select u.path from units u where u.id = ${reports.unitId})`,
      indicator: {
        code: indicators.code,
        maxScore: indicators.maxScore,
        rule: indicators.rule,
        valueKind: indicators.valueKind,
        inputs: indicators.inputs,
        evidenceRequired: indicators.evidenceRequired,
        unitOfMeasure: indicators.unitOfMeasure,
      },
      leadUnitId: leadAssignment.unitId,
      extension: periodExtensions.deadline,
      evidenceCount: reports.evidenceCount,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .innerJoin(indicators, eq(indicators.id, reports.indicatorId))
    .leftJoin(leadAssignment, and(eq(leadAssignment.indicatorId, reports.indicatorId), eq(leadAssignment.role, "lead")))
    .leftJoin(
      periodExtensions,
      and(eq(periodExtensions.periodId, reports.periodId), eq(periodExtensions.unitId, reports.unitId)),
    )
    .where(eq(reports.id, sql.placeholder("reportId")))
    .prepare("save_context");
}

/**
 * Locks a report row until the transaction ends and answers its current state. Every change to a report (values,
 * workflow step, evidence link) takes this lock first, so they happen one after another and each sees the last.
 */
export async function lockReport(tx: TDbOrTx, id: string) {
  const [row] = await tx
    .select({ status: reports.status, version: reports.version, values: reports.values })
    .from(reports)
    .where(eq(reports.id, id))
    .for("update");
  return row ?? null;
}

export async function updateReport(db: TDbOrTx, id: string, values: Partial<typeof reports.$inferInsert>) {
  await db
    .update(reports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(reports.id, id));
}

/** The unit's role on an indicator (null when it is not assigned) and the indicator's lead unit. */
export async function findAssignment(db: TDbOrTx, indicatorId: string) {
  return db
    .select({ unitId: assignments.unitId, role: assignments.role, unitName: units.name })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.indicatorId, indicatorId))
    .orderBy(asc(units.name));
}

export async function findPeriodForReport(db: TDbOrTx, periodId: string) {
  const [row] = await db
    .select({
      id: periods.id,
      label: periods.label,
      year: periods.year,
      deadline: periods.deadline,
      isClosed: periods.isClosed,
      frameworkId: periods.frameworkId,
      frameworkName: frameworks.name,
      /** The path of the scope running the cycle ([] for the province). */
      scopePath: sql<
        string[]
      >`coalesce((select u.path from units u where u.id = ${frameworks.ownerUnitId}), '{}'::uuid[])`,
    })
    .from(periods)
    .innerJoin(frameworks, eq(frameworks.id, periods.frameworkId))
    .where(eq(periods.id, periodId));
  return row ?? null;
}

export async function findExtensionDeadline(db: TDbOrTx, periodId: string, unitId: string) {
  const [row] = await db
    .select({ deadline: periodExtensions.deadline })
    .from(periodExtensions)
    .where(and(eq(periodExtensions.periodId, periodId), eq(periodExtensions.unitId, unitId)));
  return row?.deadline ?? null;
}

export async function findIndicatorRow(db: TDbOrTx, id: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row ?? null;
}

export async function findUnitName(db: TDbOrTx, id: string) {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return row?.name ?? null;
}

export async function insertEvent(db: TDbOrTx, values: typeof reportEvents.$inferInsert) {
  await db.insert(reportEvents).values(values);
}

export function listEvents(db: TDbOrTx, reportId: string) {
  return db
    .select({
      at: reportEvents.at,
      actorName: users.fullName,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      comment: reportEvents.comment,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.id));
}

export async function insertComment(db: TDbOrTx, values: typeof reportComments.$inferInsert) {
  await db.insert(reportComments).values(values);
}

export function listComments(db: TDbOrTx, reportId: string) {
  return db
    .select({
      id: reportComments.id,
      at: reportComments.at,
      authorName: users.fullName,
      authorUnit: units.name,
      kind: reportComments.kind,
      body: reportComments.body,
    })
    .from(reportComments)
    .leftJoin(users, eq(users.id, reportComments.authorId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(reportComments.reportId, reportId))
    .orderBy(asc(reportComments.id));
}

/** A document as cited by a report: its metadata and the page or section the report points to. */
const citedDocumentColumns = {
  id: documents.id,
  fileName: documents.fileName,
  mimeType: documents.mimeType,
  size: documents.size,
  docNumber: documents.docNumber,
  issuedOn: documents.issuedOn,
  issuer: documents.issuer,
  summary: documents.summary,
  citation: reportDocuments.citation,
  unitId: documents.unitId,
};

export function listReportDocuments(db: TDbOrTx, reportId: string) {
  return db
    .select(citedDocumentColumns)
    .from(reportDocuments)
    .innerJoin(documents, eq(documents.id, reportDocuments.documentId))
    .where(eq(reportDocuments.reportId, reportId))
    .orderBy(asc(reportDocuments.createdAt));
}

export async function findDocumentOwner(db: TDbOrTx, documentId: string) {
  const [row] = await db.select({ unitId: documents.unitId }).from(documents).where(eq(documents.id, documentId));
  return row ?? null;
}

/** Whether a document is evidence of another report of the same period and indicator (a cooperating unit's). */
export async function isCitedBySiblingReport(db: TDbOrTx, documentId: string, periodId: string, indicatorId: string) {
  const rows = await db
    .select({ id: reports.id })
    .from(reportDocuments)
    .innerJoin(reports, eq(reports.id, reportDocuments.reportId))
    .where(
      and(
        eq(reportDocuments.documentId, documentId),
        eq(reports.periodId, periodId),
        eq(reports.indicatorId, indicatorId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function attachDocument(db: TDbOrTx, values: typeof reportDocuments.$inferInsert) {
  await db
    .insert(reportDocuments)
    .values(values)
    .onConflictDoUpdate({
      target: [reportDocuments.reportId, reportDocuments.documentId],
      set: { citation: values.citation ?? null },
    });
}

export async function detachDocument(db: TDbOrTx, reportId: string, documentId: string) {
  const rows = await db
    .delete(reportDocuments)
    .where(and(eq(reportDocuments.reportId, reportId), eq(reportDocuments.documentId, documentId)))
    .returning({ id: reportDocuments.documentId });
  return rows.length > 0;
}

export async function countEvidence(db: TDbOrTx, reportId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportDocuments)
    .where(eq(reportDocuments.reportId, reportId));
  return row?.n ?? 0;
}

/** Per report `r`: how many documents it cites (ev.total) and how many lack a number or date. */
const evidenceCounts = sql`left join lateral (
      select count(*) as total,
             count(*) filter (where d.doc_number is null or d.issued_on is null) as without_metadata
      from report_documents rd join documents d on d.id = rd.document_id
      where rd.report_id = r.id
    ) ev on true`;

/**
 * Every indicator a unit leads or cooperates on, in every open period of its framework, with the report if
 * one was started and what it still lacks — in one query.
 */
export function listWorkItems(db: TDbOrTx, unitId: string) {
  return queryRows<{
    period_id: string;
    period_label: string;
    framework_name: string;
    period_deadline: string;
    extension_deadline: string | null;
    is_closed: boolean;
    indicator_id: string;
    indicator_code: string;
    indicator_name: string;
    max_score: string;
    evidence_required: boolean;
    role: "lead" | "cooperate";
    report_id: string | null;
    status: string | null;
    values: Record<string, unknown> | null;
    self_points: string | null;
    explanation_due_at: string | null;
    evidence_count: number;
    docs_without_metadata: number;
  }>(
    db,
    sql`
    select p.id as period_id, p.label as period_label, f.name as framework_name, ${isoUtc("p.deadline")} as period_deadline,
           ${isoUtc("x.deadline")} as extension_deadline, p.is_closed,
           i.id as indicator_id, i.code as indicator_code, i.name as indicator_name, i.max_score,
           i.evidence_required, a.role,
           r.id as report_id, r.status, r.values, r.self_points, ${isoUtc("r.explanation_due_at")} as explanation_due_at,
           coalesce(ev.total, 0)::int as evidence_count, coalesce(ev.without_metadata, 0)::int as docs_without_metadata
    from assignments a
    join indicators i on i.id = a.indicator_id
    join periods p on p.framework_id = a.framework_id and not p.is_closed
    join frameworks f on f.id = p.framework_id
    left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
    left join reports r on r.period_id = p.id and r.indicator_id = i.id and r.unit_id = a.unit_id
    ${evidenceCounts}
    where a.unit_id = ${unitId}
    order by p.deadline, i.sort_order, i.code
  `,
  );
}

export interface TReportFilter {
  periodId: string;
  unitId?: string;
  indicatorId?: string;
  role?: "lead" | "cooperate";
  status?: TReportStatus;
  q?: string;
  /** Which reports the reader may see (core reportVisibility). */
  visibility: TReportVisibility;
  limit: number;
  offset: number;
}

/**
 * One page of a period's reports for reviewers, filtered and counted in SQL, with evidence counts grouped for
 * the page's rows only (one round trip).
 */
export async function listReports(db: TDbOrTx, filter: TReportFilter) {
  const rows = await queryRows<{
    id: string;
    period_id: string;
    indicator_id: string;
    indicator_code: string;
    indicator_name: string;
    unit_id: string;
    unit_name: string;
    role: "lead" | "cooperate";
    status: string;
    values: Record<string, number | boolean | string | null>;
    self_points: string | null;
    appraised_points: string | null;
    max_score: string;
    evidence_required: boolean;
    submitted_at: string | null;
    explanation_due_at: string | null;
    evidence_count: number;
    docs_without_metadata: number;
    total: number;
  }>(
    db,
    sql`
    with page as (
      select r.id, i.sort_order, i.code, r.role, u.name, count(*) over ()::int as total
      from reports r
      join indicators i on i.id = r.indicator_id
      join units u on u.id = r.unit_id
      where r.period_id = ${filter.periodId}
        ${filter.unitId ? sql`and r.unit_id = ${filter.unitId}` : sql``}
        ${filter.indicatorId ? sql`and r.indicator_id = ${filter.indicatorId}` : sql``}
        ${filter.role ? sql`and r.role = ${filter.role}` : sql``}
        ${filter.status ? sql`and r.status = ${filter.status}` : sql``}
        and ${reportsVisible(filter.visibility)}
        and ${searchCondition(sql`i.code || ' ' || i.name || ' ' || u.name`, filter.q)}
      order by i.sort_order, i.code, r.role, u.name, r.id
      limit ${filter.limit} offset ${filter.offset}
    )
    select r.id, r.period_id, r.indicator_id, i.code as indicator_code, i.name as indicator_name,
           r.unit_id, u.name as unit_name, r.role, r.status, r.values, r.self_points, r.appraised_points,
           i.max_score, i.evidence_required, ${isoUtc("r.submitted_at")} as submitted_at,
           ${isoUtc("r.explanation_due_at")} as explanation_due_at,
           coalesce(ev.total, 0)::int as evidence_count, coalesce(ev.without_metadata, 0)::int as docs_without_metadata,
           page.total
    from page
    join reports r on r.id = page.id
    join indicators i on i.id = r.indicator_id
    join units u on u.id = r.unit_id
    ${evidenceCounts}
    order by page.sort_order, page.code, page.role, page.name, page.id
  `,
  );
  return rows;
}

/** How many reports match when the page asked for is past the end (the page is empty, the count is not). */
export async function countReports(db: TDbOrTx, filter: TReportFilter) {
  const rows = await listReports(db, { ...filter, limit: 1, offset: 0 });
  return rows[0]?.total ?? 0;
}

/** Documents other units cited for the same indicator and period: the lead agency may reuse them. */
export function listSiblingDocuments(db: TDbOrTx, report: { id: string; periodId: string; indicatorId: string }) {
  return db
    .selectDistinctOn([documents.id], citedDocumentColumns)
    .from(reportDocuments)
    .innerJoin(reports, eq(reports.id, reportDocuments.reportId))
    .innerJoin(documents, eq(documents.id, reportDocuments.documentId))
    .where(
      and(
        eq(reports.periodId, report.periodId),
        eq(reports.indicatorId, report.indicatorId),
        sql`${reports.id} <> ${report.id}`,
        sql`${reports.status} <> 'draft'`,
      ),
    )
    .orderBy(documents.id);
}

/**
 * The latest values the lead agencies reported for each indicator of a framework (the newest period with a
 * report wins): the what-if simulator starts from them.
 */
/** The latest lead-agency values per indicator; drafts only for who may read them (the cycle's coordinator). */
export function listLatestLeadValues(db: TDbOrTx, frameworkId: string, visibility: TReportVisibility | null) {
  return queryRows<{
    indicator_id: string;
    values: Record<string, number | boolean | string | null>;
    period_label: string;
  }>(
    db,
    sql`select distinct on (r.indicator_id) r.indicator_id, r.values, p.label as period_label
        from reports r join periods p on p.id = r.period_id join units u on u.id = r.unit_id
        where p.framework_id = ${frameworkId} and r.role = 'lead' and ${reportsVisible(visibility)}
        order by r.indicator_id, p.deadline desc`,
  );
}

/**
 * Reporting up: the reports an agency's offices made, in the agency's own cycles of the same year, on the item
 * with the same code as the province indicator — only those that have left draft, with the evidence they cite.
 */
export function listOfficeReports(db: TDbOrTx, slot: { agencyUnitId: string; indicatorCode: string; year: number }) {
  return queryRows<{
    report_id: string;
    unit_name: string;
    framework_code: string;
    period_label: string;
    indicator_code: string;
    indicator_name: string;
    status: TReportStatus;
    values: Record<string, number | boolean | string | null>;
    self_points: number | null;
    max_score: number;
    documents: {
      id: string;
      fileName: string;
      mimeType: string;
      size: number;
      docNumber: string | null;
      issuedOn: string | null;
      issuer: string | null;
      summary: string | null;
      citation: string | null;
      unitId: string;
    }[];
  }>(
    db,
    sql`select r.id as report_id, u.name as unit_name, f.code as framework_code, p.label as period_label,
               i.code as indicator_code, i.name as indicator_name, r.status, r.values,
               r.self_points::float8 as self_points, i.max_score::float8 as max_score,
               coalesce((select json_agg(json_build_object(
                   'id', d.id, 'fileName', d.file_name, 'mimeType', d.mime_type, 'size', d.size,
                   'docNumber', d.doc_number, 'issuedOn', d.issued_on, 'issuer', d.issuer, 'summary', d.summary,
                   'citation', rd.citation, 'unitId', d.unit_id) order by rd.created_at)
                 from report_documents rd join documents d on d.id = rd.document_id
                 where rd.report_id = r.id), '[]'::json) as documents
        from reports r
        join units u on u.id = r.unit_id
        join periods p on p.id = r.period_id
        join frameworks f on f.id = p.framework_id
        join units owner on owner.id = f.owner_unit_id
        join indicators i on i.id = r.indicator_id
        where owner.path @> array[${slot.agencyUnitId}]::uuid[]
          and u.path @> array[${slot.agencyUnitId}]::uuid[]
          and u.id <> ${slot.agencyUnitId}
          and i.code = ${slot.indicatorCode}
          and p.year = ${slot.year}
          and r.status <> 'draft'
        order by u.name, p.label`,
  );
}

/**
 * The cooperating units of an indicator with their report of a period, if any, for the lead's consolidation:
 * every assigned unit, so a unit that never opened its report shows as missing rather than vanishing.
 */
export function listCooperatingReports(db: TDbOrTx, periodId: string, indicatorId: string) {
  return db
    .select({
      unitId: assignments.unitId,
      unitName: units.name,
      reportId: reports.id,
      status: reports.status,
      values: reports.values,
      evidenceCount: reports.evidenceCount,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(
      reports,
      and(
        eq(reports.periodId, periodId),
        eq(reports.indicatorId, assignments.indicatorId),
        eq(reports.unitId, assignments.unitId),
      ),
    )
    .where(and(eq(assignments.indicatorId, indicatorId), eq(assignments.role, "cooperate")))
    .orderBy(asc(units.name));
}

export async function findUserName(db: TDbOrTx, id: string) {
  const [row] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}
