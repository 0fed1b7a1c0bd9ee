import type { TReportStatus } from "@chiso/core";
import { type SQL, sql } from "drizzle-orm";
import { isoUtc, queryRows, type TDbOrTx, uuidArray } from "../../db/client.ts";

/** Which slots a query reads: a lead agency's view (its own reports and every report on the indicators it leads). */
export interface TSlotFilter {
  /** Only the slots a lead agency sees; undefined: every unit's. */
  leadUnitId?: string;
  /** Only these units' slots (the units on the shown page). */
  unitIds?: readonly string[];
}

/**
 * Whose missing report an actor may chase, as data for SQL (the service's `mayChaseSlot`): every one (`all`), or
 * the cooperating units' reports on the indicators led by one of `leadUnitIds`, never the lead's own.
 */
export interface TChaseReach {
  all: boolean;
  leadUnitIds: readonly string[];
}

/** For report `r`: a draft without `submitted_at` was never submitted, so its events need no probe. */
export const mayHaveSubmits = sql.raw("not (r.status = 'draft' and r.submitted_at is null)");
/**
 * For report `r` of period `p`, when only its status is wanted: one last sent within the deadline's last second is on
 * time whatever its events say, so only the others' first submission is looked up.
 */
export const mayBeLate = sql.raw(
  "floor(extract(epoch from r.submitted_at)) > floor(extract(epoch from p.deadline)) is not false",
);

/**
 * Every report a period expects (one per assignment of an active unit: unit × indicator), with the report if one
 * exists, its first submission and the unit's own deadline (the period's, or a later extension).
 *
 * The first submission is the earliest "submit" event; `submitted_at` (the latest submission) is taken when it is
 * earlier still, which happens only for rows written by another clock (data imports).
 *
 * Reading the events costs one index probe per report, most of the query's time, so it is skipped where the answer
 * is known: a draft without `submitted_at` was never submitted (no transition leads back to draft, and every
 * submission sets `submitted_at`); and with `statusOnly` (the counts), a report whose `submitted_at` is within the
 * deadline's last second is on time whatever its events say (`first_at` is then that `submitted_at`).
 */
function periodSlots(periodId: string, filter: TSlotFilter, options: { statusOnly?: boolean } = {}): SQL {
  const firstSubmits = options.statusOnly
    ? // Every report of the period: the probes grouped apart and hash-joined (no subplan run per slot).
      sql`left join (
          select e.report_id, min(e.at) as first_at
          from periods p
          join reports r on r.period_id = p.id
          join report_events e on e.report_id = r.id and e.action = 'submit'
          where p.id = ${periodId} and ${mayHaveSubmits} and ${mayBeLate}
          group by e.report_id
        ) fs on fs.report_id = r.id`
    : // The reports of a few units: one probe each.
      sql`left join lateral (
          select min(e.at) as first_at from report_events e
          where e.report_id = r.id and e.action = 'submit' and ${mayHaveSubmits}
        ) fs on true`;
  return sql`select a.unit_id, u.name as unit_name, a.indicator_id, i.code as indicator_code,
               i.name as indicator_name, i.sort_order, a.role, lead.unit_id as lead_unit_id, lu.name as lead_unit_name,
               r.id as report_id, r.status, r.evidence_count, least(r.submitted_at, fs.first_at) as first_at,
               p.deadline as period_deadline,
               greatest(p.deadline, coalesce(x.deadline, p.deadline)) as deadline,
               coalesce(x.deadline > p.deadline, false) as extended
        from periods p
        join assignments a on a.framework_id = p.framework_id
        join units u on u.id = a.unit_id and u.is_active
        join indicators i on i.id = a.indicator_id
        left join assignments lead on lead.indicator_id = a.indicator_id and lead.role = 'lead'
        left join units lu on lu.id = lead.unit_id
        left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
        -- the period's report of each slot, if any
        left join reports r on r.period_id = p.id and r.indicator_id = a.indicator_id and r.unit_id = a.unit_id
        -- its first submission, from report_events_submit_idx (joining the whole table would read every period's)
        ${firstSubmits}
        where p.id = ${periodId}
          ${filter.leadUnitId ? sql`and (a.unit_id = ${filter.leadUnitId} or lead.unit_id = ${filter.leadUnitId})` : sql``}
          ${filter.unitIds ? sql`and a.unit_id = any(${uuidArray(filter.unitIds)})` : sql``}`;
}

/**
 * `slotStatus` of core in SQL: a slot is missing until its first submission, then on time or late against the
 * period's common deadline, compared by whole seconds (`isPastDeadline`).
 */
const SLOT_STATUS = sql.raw(`case when s.first_at is null then 'missing'
  when floor(extract(epoch from s.first_at)) > floor(extract(epoch from s.period_deadline)) then 'late'
  else 'on_time' end`);

/** `mayChaseSlot` in SQL, for one slot `s` (whether it is missing is checked apart). */
function chaseCondition(reach: TChaseReach): SQL {
  if (reach.all) return sql`true`;
  if (!reach.leadUnitIds.length) return sql`false`;
  return sql`(s.role = 'cooperate' and s.unit_id <> s.lead_unit_id
              and s.lead_unit_id = any(${uuidArray(reach.leadUnitIds)}))`;
}

export interface TSlotRow {
  unit_id: string;
  unit_name: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  role: "lead" | "cooperate";
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  report_id: string | null;
  status: TReportStatus | null;
  first_submitted_at: string | null;
  deadline: string;
  extended: boolean;
  evidence_count: number;
}

/**
 * The slots themselves (the export's detail sheet, the page's expandable rows), in the order people read them: by
 * unit name, then by indicator.
 */
export function listSlots(db: TDbOrTx, periodId: string, filter: TSlotFilter = {}) {
  if (filter.unitIds?.length === 0) return Promise.resolve([]);
  return queryRows<TSlotRow>(
    db,
    sql`with s as (${periodSlots(periodId, filter)})
        select s.unit_id, s.unit_name, s.indicator_id, s.indicator_code, s.indicator_name, s.role, s.lead_unit_id,
               s.lead_unit_name, s.report_id, s.status, ${isoUtc("s.first_at")} as first_submitted_at,
               ${isoUtc("s.deadline")} as deadline, s.extended, coalesce(s.evidence_count, 0)::int as evidence_count
        from s
        order by s.unit_name, s.sort_order, s.indicator_code`,
  );
}

interface TCountColumns {
  expected: number;
  submitted: number;
  on_time: number;
  late: number;
  missing: number;
  overdue: number;
  with_evidence: number;
}

export interface TUnitSummaryRow extends TCountColumns {
  unit_id: string;
  unit_name: string;
  deadline: string;
  extended: boolean;
  /** Has a missing report the actor may chase (`mayChaseSlot`). */
  chaseable: boolean;
}

export interface TIndicatorSummaryRow extends TCountColumns {
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  lead_unit_name: string | null;
}

/**
 * The period's counts (`TCompletenessCounts` of core: `slotStatus` and `addSlot` in SQL) per unit and per
 * indicator, in one pass over the slots: a unit's missing reports are overdue once `now` is past its own deadline
 * (by whole seconds), a submitted report counts "with evidence" when it cites at least one document. Units come
 * by name, as `listSlots` has them; indicators in no particular order.
 */
export async function summarizeSlots(
  db: TDbOrTx,
  periodId: string,
  options: { now: Date; filter?: TSlotFilter; chase?: TChaseReach },
): Promise<{ units: TUnitSummaryRow[]; indicators: TIndicatorSummaryRow[] }> {
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const chase = options.chase ? chaseCondition(options.chase) : sql`false`;
  const rows = await queryRows<
    TUnitSummaryRow & TIndicatorSummaryRow & { by_unit: boolean; deadline: string | null; extended: boolean | null }
  >(
    db,
    // Grouped by ids only (hashed, no sort of 40,000 wide rows); the names are joined to the thousand groups.
    sql`with s as (${periodSlots(periodId, options.filter ?? {}, { statusOnly: true })}),
        c as (
          select s.unit_id, s.indicator_id, s.deadline, s.extended,
                 ${SLOT_STATUS} as state,
                 ${nowSeconds}::bigint > floor(extract(epoch from s.deadline)) as past,
                 ${chase} as may_chase,
                 s.first_at is not null and s.evidence_count > 0 as with_evidence
          from s
        ),
        g as (
          select grouping(c.unit_id) = 0 as by_unit, c.unit_id, c.indicator_id,
                 -- one deadline per unit
                 max(c.deadline) as deadline, bool_or(c.extended) as extended,
                 count(*)::int as expected,
                 count(*) filter (where c.state <> 'missing')::int as submitted,
                 count(*) filter (where c.state = 'on_time')::int as on_time,
                 count(*) filter (where c.state = 'late')::int as late,
                 count(*) filter (where c.state = 'missing')::int as missing,
                 count(*) filter (where c.state = 'missing' and c.past)::int as overdue,
                 count(*) filter (where c.with_evidence)::int as with_evidence,
                 coalesce(bool_or(c.state = 'missing' and c.may_chase), false) as chaseable
          from c
          group by grouping sets ((c.unit_id), (c.indicator_id))
        )
        select g.by_unit, g.unit_id, u.name as unit_name, ${isoUtc("g.deadline")} as deadline, g.extended,
               g.indicator_id, i.code as indicator_code, i.name as indicator_name, lu.name as lead_unit_name,
               g.expected, g.submitted, g.on_time, g.late, g.missing, g.overdue, g.with_evidence, g.chaseable
        from g
        left join units u on u.id = g.unit_id
        left join indicators i on i.id = g.indicator_id
        left join assignments lead on lead.indicator_id = g.indicator_id and lead.role = 'lead'
        left join units lu on lu.id = lead.unit_id
        order by g.by_unit, u.name`,
  );
  return {
    units: rows.filter((r) => r.by_unit) as TUnitSummaryRow[],
    indicators: rows.filter((r) => !r.by_unit),
  };
}

export interface TChaseableSlotRow {
  unit_id: string;
  unit_name: string;
  deadline: string;
  indicator_code: string;
}

/** The missing reports the actor may chase (`mayChaseSlot`), by unit name and indicator, with the unit's deadline. */
export function listChaseableSlots(db: TDbOrTx, periodId: string, filter: TSlotFilter, reach: TChaseReach) {
  return queryRows<TChaseableSlotRow>(
    db,
    sql`with s as (${periodSlots(periodId, filter, { statusOnly: true })})
        select s.unit_id, s.unit_name, ${isoUtc("s.deadline")} as deadline, s.indicator_code
        from s
        where s.first_at is null and ${chaseCondition(reach)}
        order by s.unit_name, s.sort_order, s.indicator_code`,
  );
}

/** When each unit was last chased in a period (the chase records in the reminder log). */
export async function listLastChases(db: TDbOrTx, periodId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ unit_id: string; at: string }>(
    db,
    sql`select split_part(key, ':', 3) as unit_id, ${isoUtc("max(sent_at)")} as at
        from reminder_log where key like ${`chase:${periodId}:%`}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.unit_id, r.at]));
}
