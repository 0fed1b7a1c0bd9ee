import type { TReportStatus } from "@chiso/core";
import { sql } from "drizzle-orm";
import { isoUtc, queryRows, type TDbOrTx } from "../../db/client.ts";

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
 * Every report a period expects (one per assignment: unit × indicator), with the report if one exists, its first
 * submission, the unit's deadline and its evidence count — in one query. `leadUnitId` narrows it to a lead agency's
 * view: its own reports and every report on the indicators it leads.
 *
 * The first submission is the earliest "submit" event; `submitted_at` (the latest submission) is taken when it is
 * earlier still, which happens only for rows written by another clock (data imports, tests with a fake clock).
 */
export function listSlots(db: TDbOrTx, periodId: string, leadUnitId?: string) {
  return queryRows<TSlotRow>(
    db,
    sql`with rs as (
          -- the period's reports, from reports_period_state_idx
          select r.id, r.indicator_id, r.unit_id, r.status, r.submitted_at from reports r where r.period_id = ${periodId}
        )
        select a.unit_id, u.name as unit_name, a.indicator_id, i.code as indicator_code, i.name as indicator_name,
               a.role, lead.unit_id as lead_unit_id, lu.name as lead_unit_name,
               r.id as report_id, r.status,
               ${isoUtc("least(r.submitted_at, fs.first_at)")} as first_submitted_at,
               ${isoUtc("greatest(p.deadline, coalesce(x.deadline, p.deadline))")} as deadline,
               coalesce(x.deadline > p.deadline, false) as extended,
               coalesce(ev.n, 0)::int as evidence_count
        from periods p
        join assignments a on a.framework_id = p.framework_id
        join units u on u.id = a.unit_id and u.is_active
        join indicators i on i.id = a.indicator_id
        left join assignments lead on lead.indicator_id = a.indicator_id and lead.role = 'lead'
        left join units lu on lu.id = lead.unit_id
        left join period_extensions x on x.period_id = p.id and x.unit_id = a.unit_id
        left join rs r on r.indicator_id = a.indicator_id and r.unit_id = a.unit_id
        -- One index probe per report (report_events_submit_idx, the evidence key): joining the whole tables
        -- would read every event and citation of every period.
        left join lateral (
          select min(e.at) as first_at from report_events e where e.report_id = r.id and e.action = 'submit'
        ) fs on true
        left join lateral (select count(*) as n from report_documents rd where rd.report_id = r.id) ev on true
        where p.id = ${periodId}
          ${leadUnitId ? sql`and (a.unit_id = ${leadUnitId} or lead.unit_id = ${leadUnitId})` : sql``}
        order by u.name, i.sort_order, i.code`,
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
