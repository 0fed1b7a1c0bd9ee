import type { TConsolidationRecord, TParsedTimeframe } from "@chiso/core";
import { eq, sql } from "drizzle-orm";
import { isoUtc, queryRows, type TDbOrTx } from "../../db/client.ts";
import { plans, settings } from "../../db/schema.ts";

export interface TExportReportRow {
  id: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  unit_id: string;
  unit_name: string;
  role: "lead" | "cooperate";
  status: string;
  values: Record<string, number | boolean | string | null>;
  note: string | null;
  self_points: string | null;
  self_explanation: string | null;
  appraised_points: string | null;
  appraisal_comment: string | null;
  max_score: string;
  evidence_required: boolean;
  submitted_at: string | null;
  explanation_due_at: string | null;
  evidence_count: number;
  consolidation: TConsolidationRecord | null;
}

type TPeriodFilter = { periodId: string; unitId?: string };

/**
 * Every report of a period (of one unit when `unitId` is given), in indicator order, with the texts an export
 * shows that the review list leaves out (explanation, appraisal comment, note).
 */
function periodReportsQuery(filter: TPeriodFilter) {
  return sql`
    select r.id, r.indicator_id, i.code as indicator_code, i.name as indicator_name, r.unit_id, u.name as unit_name,
           r.role, r.status, r.values, r.note, r.self_points, r.self_explanation, r.appraised_points,
           r.appraisal_comment, r.consolidation, i.max_score, i.evidence_required, ${isoUtc("r.submitted_at")} as submitted_at,
           ${isoUtc("r.explanation_due_at")} as explanation_due_at, coalesce(cited.n, 0)::int as evidence_count
    from reports r
    join indicators i on i.id = r.indicator_id
    join units u on u.id = r.unit_id
    left join (
      select rd.report_id, count(*) as n
      from report_documents rd join reports cr on cr.id = rd.report_id
      where cr.period_id = ${filter.periodId} ${filter.unitId ? sql`and cr.unit_id = ${filter.unitId}` : sql``}
      group by rd.report_id
    ) cited on cited.report_id = r.id
    where r.period_id = ${filter.periodId}
      ${filter.unitId ? sql`and r.unit_id = ${filter.unitId}` : sql``}
    order by i.sort_order, i.code, r.role, u.name, r.id`;
}

export interface TExportEvidenceRow {
  report_id: string;
  /** Of the citing report: who may see the citation follows who may see the report. */
  report_status: string;
  report_unit_id: string;
  indicator_code: string;
  report_unit_name: string;
  document_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  doc_number: string | null;
  issued_on: string | null;
  issuer: string | null;
  summary: string | null;
  citation: string | null;
}

/** Every document cited as evidence by a report of the period (of one unit when `unitId` is given). */
function periodEvidenceQuery(filter: TPeriodFilter) {
  return sql`
    select r.id as report_id, r.status as report_status, r.unit_id as report_unit_id, i.code as indicator_code,
           u.name as report_unit_name, d.id as document_id, d.file_name, d.mime_type, d.size, d.sha256, d.doc_number,
           d.issued_on, d.issuer, d.summary, rd.citation
    from report_documents rd
    join reports r on r.id = rd.report_id
    join indicators i on i.id = r.indicator_id
    join units u on u.id = r.unit_id
    join documents d on d.id = rd.document_id
    where r.period_id = ${filter.periodId}
      ${filter.unitId ? sql`and r.unit_id = ${filter.unitId}` : sql``}
    order by i.sort_order, i.code, r.role, u.name, r.id, rd.created_at, d.file_name, d.id`;
}

export function listPeriodEvidence(db: TDbOrTx, filter: TPeriodFilter) {
  return queryRows<TExportEvidenceRow>(db, periodEvidenceQuery(filter));
}

/** Rows fetched per round trip from an export's cursor: small enough to keep memory flat, large enough to be cheap. */
const CURSOR_BATCH = 1000;

/**
 * Hands `use` a period's reports and their evidence in batches as they are read from two database cursors, in one read-only
 * repeatable-read transaction: the first rows arrive after one sort instead of after the whole result, memory
 * holds one batch, and both sheets of the export see the same moment of the data even while users keep saving.
 */
export async function readPeriodExport<T>(
  db: TDbOrTx,
  filter: TPeriodFilter,
  use: (batches: {
    reports: AsyncIterable<TExportReportRow[]>;
    evidence: AsyncIterable<TExportEvidenceRow[]>;
  }) => Promise<T>,
  batchSize = CURSOR_BATCH,
): Promise<T> {
  return db.transaction(
    async (tx) => {
      // Planned for the whole result, as a plain query is: by default a cursor is planned for its first 10 %, which
      // here picked nested loops that made the whole file half again slower.
      await tx.execute(sql`set local cursor_tuple_fraction = 1`);
      await tx.execute(sql`declare export_reports no scroll cursor for ${periodReportsQuery(filter)}`);
      await tx.execute(sql`declare export_evidence no scroll cursor for ${periodEvidenceQuery(filter)}`);
      return use({
        reports: fetchAll<TExportReportRow>(tx, "export_reports", batchSize),
        evidence: fetchAll<TExportEvidenceRow>(tx, "export_evidence", batchSize),
      });
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function* fetchAll<T>(
  tx: TDbOrTx,
  cursor: "export_reports" | "export_evidence",
  batchSize: number,
): AsyncGenerator<T[]> {
  const fetch = sql.raw(`fetch ${Math.max(1, Math.trunc(batchSize))} from ${cursor}`);
  for (;;) {
    const rows = await queryRows<T>(tx, fetch);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The coordinator's "province" setting (`{ name, … }`), or null when it was never set. */
export async function findProvinceSetting(db: TDbOrTx): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "province"));
  return row?.value ?? null;
}

export async function findPlan(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ id: plans.id, code: plans.code, title: plans.title, issuedOn: plans.issuedOn })
    .from(plans)
    .where(eq(plans.id, id));
  return row ?? null;
}

export interface TExportTaskRow {
  id: string;
  parent_id: string | null;
  number: string | null;
  is_section: boolean;
  content: string;
  lead_text: string | null;
  cooperating_text: string | null;
  lead_units: string | null;
  cooperating_units: string | null;
  output_text: string | null;
  timeframe_text: string | null;
  directing_leader: string | null;
  budget_amount: string | null;
  budget_source: string | null;
  status: "not_started" | "in_progress" | "done" | "late";
  percent: number;
  indicator_codes: string | null;
  last_update_at: string | null;
  last_update_note: string | null;
  last_update_author: string | null;
}

/**
 * The tasks of a plan in the plan's order, with their assigned units (falling back to the plan's own wording),
 * linked indicator codes and latest progress update — read from the tables directly, as the plans module may
 * not be there yet (issue #7).
 */
export function listPlanTasks(db: TDbOrTx, planId: string) {
  return queryRows<TExportTaskRow>(
    db,
    sql`
    select t.id, t.parent_id, t.number, t.is_section, t.content, t.lead_text, t.cooperating_text,
           (select string_agg(u.name, '; ' order by u.name) from task_units tu join units u on u.id = tu.unit_id
             where tu.task_id = t.id and tu.role = 'lead') as lead_units,
           (select string_agg(u.name, '; ' order by u.name) from task_units tu join units u on u.id = tu.unit_id
             where tu.task_id = t.id and tu.role = 'cooperate') as cooperating_units,
           t.output_text, t.timeframe_text, t.directing_leader, t.budget_amount, t.budget_source, t.status, t.percent,
           (select string_agg(i.code, ', ' order by i.sort_order, i.code) from task_indicators ti
             join indicators i on i.id = ti.indicator_id where ti.task_id = t.id) as indicator_codes,
           ${isoUtc("lu.at")} as last_update_at, lu.note as last_update_note, lu.author as last_update_author
    from tasks t
    left join lateral (
      select tu.at, tu.note, us.full_name as author from task_updates tu left join users us on us.id = tu.author_id
      where tu.task_id = t.id order by tu.at desc limit 1
    ) lu on true
    where t.plan_id = ${planId}
    order by t.sort_order, t.created_at
  `,
  );
}

/** Tasks not yet done in the province's own plans, with their plan and lead units (for the overdue check). */
export function listOpenProvinceTasks(db: TDbOrTx) {
  return queryRows<{
    plan_code: string;
    number: string | null;
    content: string;
    status: "not_started" | "in_progress" | "done" | "late";
    timeframe: TParsedTimeframe | null;
    lead_names: string[];
  }>(
    db,
    sql`select p.code as plan_code, t.number, t.content, t.status, t.timeframe,
               coalesce(array(select u.name from task_units tu join units u on u.id = tu.unit_id
                              where tu.task_id = t.id and tu.role = 'lead' order by u.name), '{}') as lead_names
        from tasks t join plans p on p.id = t.plan_id
        where p.owner_unit_id is null and not t.is_section and t.status <> 'done'
        order by p.code, t.sort_order`,
  );
}

/** The province's official results of every year (to compare a year's with the one before). */
export function listOfficialResults(db: TDbOrTx) {
  return queryRows<{
    year: number;
    province: string;
    main_values: Record<string, { value: number; rank?: number | null }>;
  }>(db, sql`select year, province, main_values from official_results order by year`);
}
