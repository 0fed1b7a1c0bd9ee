import type { TReportVisibility, TVisibleScopes } from "@chiso/core";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { isoUtc, queryRows, type TDbOrTx } from "../../db/client.ts";
import { frameworks, units } from "../../db/schema.ts";
import { ownerVisible, reportsVisible } from "../../db/scope-sql.ts";
import { mayBeLate, mayHaveSubmits } from "../completeness/repo.ts";

/** The framework a dashboard shows by default: the newest published one the user sees, the province's first. */
export async function findDefaultFramework(db: TDbOrTx, visible: TVisibleScopes) {
  const [row] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .leftJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(and(eq(frameworks.status, "published"), ownerVisible(frameworks.ownerUnitId, units.path, visible)))
    .orderBy(sql`${frameworks.ownerUnitId} is not null`, desc(frameworks.year))
    .limit(1);
  return row ?? null;
}

/** Periods of a framework, latest first. */
export function listPeriodsOfFramework(db: TDbOrTx, frameworkId: string) {
  return queryRows<{ id: string; label: string; deadline: string; year: number }>(
    db,
    sql`select id, label, ${isoUtc("deadline")} as deadline, year from periods
        where framework_id = ${frameworkId} order by deadline desc`,
  );
}

/** The lead agencies' consolidated reports of a period the reader may see, with their evidence counts (one query). */
export function listLeadReports(db: TDbOrTx, periodId: string, visibility: TReportVisibility | null) {
  return queryRows<{
    id: string;
    indicator_id: string;
    status: string;
    values: Record<string, number | boolean | string | null>;
    self_points: string | null;
    proposed_points: string | null;
    appraised_points: string | null;
    evidence_count: number;
  }>(
    db,
    sql`select r.id, r.indicator_id, r.status, r.values, r.self_points, r.proposed_points, r.appraised_points,
          (select count(*)::int from report_documents rd where rd.report_id = r.id) as evidence_count
        from reports r where r.period_id = ${periodId} and r.role = 'lead' and ${reportsVisible(visibility)}`,
  );
}

/** Sum of the lead agencies' points (as the reader may see them) per period of a scope's frameworks of a level. */
export function listTrend(
  db: TDbOrTx,
  framework: { ownerUnitId: string | null; level: string },
  visibility: TReportVisibility | null,
) {
  return queryRows<{ period_id: string; label: string; year: number; self_total: string; total: string }>(
    db,
    sql`select p.id as period_id, p.label, p.year,
          coalesce(sum(r.self_points), 0) as self_total,
          coalesce(sum(coalesce(r.appraised_points, r.self_points)), 0) as total
        from periods p
        join frameworks f on f.id = p.framework_id and f.level = ${framework.level}
          and f.owner_unit_id is not distinct from ${framework.ownerUnitId}
        left join reports r on r.period_id = p.id and r.role = 'lead' and ${reportsVisible(visibility)}
        group by p.id, p.label, p.year, p.deadline
        order by p.deadline`,
  );
}

/**
 * The first submission (`first_at`) of the reports of some periods whose latest submission is after the period's
 * common deadline or unknown, by `report_id`: only these can have been first sent on time. The others are settled by
 * `submitted_at` alone, from the index, so their events are not read (as the completeness page, ADR 0023).
 */
const firstSubmitsAfterDeadline = (periodIds: SQL) => sql`(
          select e.report_id, min(e.at) as first_at
          from periods p
          join reports r on r.period_id = p.id
          join report_events e on e.report_id = r.id and e.action = 'submit'
          where p.id in (${periodIds}) and ${mayHaveSubmits} and ${mayBeLate}
          group by e.report_id
        )`;

/** Report `r`'s first submission, with `fs` joined from `firstSubmitsAfterDeadline`; null if never submitted. */
const FIRST_SUBMITTED = sql.raw("least(r.submitted_at, fs.first_at)");

/**
 * Whether a slot is late: first submitted after the period's common deadline (core's `slotStatus`, whole seconds),
 * or not submitted once its unit's own deadline (an extension's, if later) has passed.
 */
const lateSql = (now: Date) => sql`(case
             when ${FIRST_SUBMITTED} is not null
               then floor(extract(epoch from ${FIRST_SUBMITTED})) > floor(extract(epoch from p.deadline))
             else ${now.toISOString()}::timestamptz > greatest(p.deadline, coalesce(x.deadline, p.deadline))
           end)`;

/** Reports of a period counted by unit group (kind) × indicator: expected, left draft, late (one query). */
export function listHeatmapGroups(db: TDbOrTx, periodId: string, now: Date) {
  return queryRows<{
    kind: string;
    indicator_id: string;
    expected: number;
    submitted: number;
    late: number;
    unit_count: number;
  }>(
    db,
    sql`with cells as (
          select u.kind, a.indicator_id, a.unit_id,
            r.status is not null and r.status <> 'draft' as submitted, ${lateSql(now)} as late
          from periods p
          join assignments a on a.framework_id = p.framework_id
          join units u on u.id = a.unit_id
          left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
          left join reports r on r.period_id = p.id and r.indicator_id = a.indicator_id and r.unit_id = a.unit_id
          left join ${firstSubmitsAfterDeadline(sql`${periodId}::uuid`)} fs on fs.report_id = r.id
          where p.id = ${periodId}
        ),
        group_sizes as (select kind, count(distinct unit_id)::int as unit_count from cells group by kind)
        select c.kind, c.indicator_id, count(*)::int as expected,
          count(*) filter (where c.submitted)::int as submitted,
          count(*) filter (where c.late)::int as late,
          g.unit_count
        from cells c join group_sizes g on g.kind = c.kind
        group by c.kind, c.indicator_id, g.unit_count`,
  );
}

/**
 * One page of a unit group's units (by name) × the indicators they are assigned, with each report's state and
 * lateness, and how many units the group has (one query).
 */
export function listHeatmapCells(
  db: TDbOrTx,
  filter: { periodId: string; kind: string; limit: number; offset: number },
  now: Date,
) {
  return queryRows<{
    unit_id: string;
    unit_name: string;
    unit_kind: string;
    indicator_id: string;
    code: string;
    name: string;
    sort_order: number;
    role: "lead" | "cooperate";
    report_id: string | null;
    status: string | null;
    late: boolean;
    units_total: number;
  }>(
    db,
    sql`with group_units as (
          select u.id, u.name, count(*) over ()::int as total
          from units u
          where u.kind = ${filter.kind} and exists (
            select 1 from assignments a join periods p on p.framework_id = a.framework_id
            where p.id = ${filter.periodId} and a.unit_id = u.id)
          order by u.name, u.id
          limit ${filter.limit} offset ${filter.offset}
        )
        select u.id as unit_id, u.name as unit_name, u.kind as unit_kind,
          i.id as indicator_id, i.code, i.name, i.sort_order, a.role,
          r.id as report_id, r.status, ${lateSql(now)} as late, g.total as units_total
        from group_units g
        join units u on u.id = g.id
        join periods p on p.id = ${filter.periodId}
        join assignments a on a.framework_id = p.framework_id and a.unit_id = u.id
        join indicators i on i.id = a.indicator_id
        left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
        left join reports r on r.period_id = p.id and r.indicator_id = a.indicator_id and r.unit_id = a.unit_id
        left join lateral (
          select min(e.at) as first_at from report_events e
          where e.report_id = r.id and e.action = 'submit' and ${mayHaveSubmits} and ${mayBeLate}
        ) fs on true
        order by u.name, u.id, i.sort_order`,
  );
}

/** The indicators a period's framework assigns, in order (the heatmap's columns). */
export function listAssignedIndicators(db: TDbOrTx, periodId: string) {
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select i.id, i.code, i.name from indicators i
        join periods p on p.framework_id = i.framework_id
        where p.id = ${periodId} and exists (select 1 from assignments a where a.indicator_id = i.id)
        order by i.sort_order, i.code`,
  );
}

/**
 * What each unit did in the given periods: reports owed and submitted on time, complete ones, returns,
 * and the points of the indicators it leads — aggregated in SQL.
 */
export function listUnitActivity(db: TDbOrTx, periodIds: readonly string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  const ids = sql.join(
    periodIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return queryRows<{
    unit_id: string;
    unit_name: string;
    expected: number;
    on_time: number;
    complete: number;
    returns: number;
    lead_points: string;
    lead_max: string;
  }>(
    db,
    sql`with owed as (
          select p.id as period_id, p.deadline, a.unit_id, a.indicator_id, a.role, i.max_score, i.evidence_required
          from periods p
          join assignments a on a.framework_id = p.framework_id
          join indicators i on i.id = a.indicator_id
          where p.id in (${ids})
        ),
        -- Returns grouped once (a partial index holds them) instead of a count per report.
        returned as (
          select e.report_id, count(*) as n from report_events e
          join reports r on r.id = e.report_id
          where r.period_id in (${ids}) and e.action in ('return', 'request_explanation')
          group by e.report_id
        ),
        -- On time as core's slotStatus and the completeness page: the first submission by the common deadline.
        first_submits as ${firstSubmitsAfterDeadline(ids)},
        lead_points as (
          select r.unit_id, sum(coalesce(r.appraised_points, r.self_points)) as points
          from reports r where r.period_id in (${ids}) and r.role = 'lead'
          group by r.unit_id
        ),
        -- Only the columns of reports_period_state_idx: the reports are read from the index, not the table.
        activity as (
          select o.unit_id,
            count(*)::int as expected,
            count(*) filter (where floor(extract(epoch from ${FIRST_SUBMITTED}))
                                   <= floor(extract(epoch from o.deadline)))::int as on_time,
            count(*) filter (where r.status is not null and r.status <> 'draft'
                               and (not o.evidence_required or r.evidence_count > 0))::int as complete,
            coalesce(sum(rt.n), 0)::int as returns,
            coalesce(sum(o.max_score) filter (where o.role = 'lead'), 0) as lead_max
          from owed o
          left join reports r on r.period_id = o.period_id and r.indicator_id = o.indicator_id and r.unit_id = o.unit_id
          left join first_submits fs on fs.report_id = r.id
          left join returned rt on rt.report_id = r.id
          group by o.unit_id
        )
        select u.id as unit_id, u.name as unit_name, a.expected, a.on_time, a.complete, a.returns,
          coalesce(lp.points, 0) as lead_points, a.lead_max
        from activity a
        join units u on u.id = a.unit_id
        left join lead_points lp on lp.unit_id = a.unit_id`,
  );
}

/** The periods of a year of the frameworks a scope owns (null: the province). */
export function listPeriodIdsOfYear(db: TDbOrTx, year: number, ownerUnitId: string | null) {
  return queryRows<{ id: string }>(
    db,
    sql`select p.id from periods p join frameworks f on f.id = p.framework_id
        where p.year = ${year} and f.owner_unit_id is not distinct from ${ownerUnitId}`,
  );
}

export function listOfficialOfProvinceYears(db: TDbOrTx) {
  return queryRows<{
    year: number;
    province: string;
    dti_index: string;
    rank: number;
    main_values: Record<string, { value: number; rank?: number | null }>;
    note: string | null;
  }>(db, sql`select year, province, dti_index, rank, main_values, note from official_results order by year`);
}
