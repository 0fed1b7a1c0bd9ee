import {
  reportVisibility,
  submissionWindow,
  type TMissing,
  type TPage,
  type TReportListQuery,
  type TReportStatus,
  type TReportSummary,
  type TWorkItem,
} from "@chiso/core";
import type { TServiceContext } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { ensureCan } from "../../http/policy.ts";
import { frameworkScope } from "../frameworks/service.ts";
import { findUnitPath } from "../units/repo.ts";
import * as repo from "./repo.ts";

const num = (v: string | null) => (v === null ? null : Number(v));

function missingOf(row: {
  values: Record<string, unknown> | null;
  evidence_required: boolean;
  evidence_count: number;
  docs_without_metadata: number;
}) {
  const missing: TMissing[] = [];
  const hasValue = row.values && Object.values(row.values).some((v) => v !== null && v !== "");
  if (!hasValue) missing.push("values");
  if (row.evidence_required && row.evidence_count === 0) missing.push("evidence");
  if (row.docs_without_metadata > 0) missing.push("doc_metadata");
  return missing;
}

/** Việc cần làm: what a unit must report in open periods, soonest deadline first. */
export async function listWorkItems(ctx: TServiceContext, unitId: string): Promise<TWorkItem[]> {
  const unitPath = await findUnitPath(ctx.db, unitId);
  if (!unitPath) throw notFound("đơn vị");
  // The unit's own people, or a coordinator over the unit.
  ensureCan(ctx.actor, "report.actFor", { unitId, unitPath, status: "draft", leadUnitId: null, scopePath: unitPath });
  const rows = await repo.listWorkItems(ctx.db, unitId);
  const now = ctx.clock();
  return rows.map((row) => {
    const window = submissionWindow(
      {
        periodDeadline: row.period_deadline,
        extensionDeadline: row.extension_deadline,
        explanationDueAt: row.explanation_due_at,
      },
      now,
    );
    return {
      periodId: row.period_id,
      periodLabel: row.period_label,
      frameworkName: row.framework_name,
      indicatorId: row.indicator_id,
      indicatorCode: row.indicator_code,
      indicatorName: row.indicator_name,
      maxScore: Number(row.max_score),
      role: row.role,
      reportId: row.report_id,
      status: row.status as TReportStatus | null,
      selfPoints: num(row.self_points),
      deadline: window.deadline,
      daysLeft: window.daysLeft,
      open: window.open,
      explanationDueAt: row.explanation_due_at,
      missing: missingOf(row),
    };
  });
}

/**
 * One page of a period's reports for review. The coordinator, the council and leadership see every submitted
 * report; a unit sees its own and, for indicators it leads, its cooperating units' submitted reports. Drafts
 * stay with their unit (and the coordinator). Filtered, ordered and paged in SQL.
 */
export async function listReportsForReview(
  ctx: TServiceContext,
  query: TReportListQuery,
): Promise<TPage<TReportSummary>> {
  const period = await repo.findPeriodForReport(ctx.db, query.periodId);
  if (!period) throw notFound("kỳ báo cáo");
  const { page, pageSize, ...filter } = query;
  const where: repo.TReportFilter = {
    ...filter,
    visibility: reportVisibility(ctx.actor, period.scopePath),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const rows = await repo.listReports(ctx.db, where);
  const total = rows[0]?.total ?? (page > 1 ? await repo.countReports(ctx.db, where) : 0);
  return {
    page,
    pageSize,
    total,
    items: rows.map((r) => ({
      id: r.id,
      periodId: r.period_id,
      indicatorId: r.indicator_id,
      indicatorCode: r.indicator_code,
      indicatorName: r.indicator_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      role: r.role,
      status: r.status as TReportStatus,
      values: r.values,
      selfPoints: num(r.self_points),
      appraisedPoints: num(r.appraised_points),
      maxScore: Number(r.max_score),
      evidenceCount: r.evidence_count,
      docsWithoutMetadata: r.docs_without_metadata,
      evidenceRequired: r.evidence_required,
      submittedAt: r.submitted_at,
      explanationDueAt: r.explanation_due_at,
    })),
  };
}

/** The latest values lead agencies reported on a framework (the what-if's starting point), as the reader may see them. */
export async function listLatestValues(ctx: TServiceContext, frameworkId: string) {
  const scope = await frameworkScope(ctx.db, frameworkId);
  ensureCan(ctx.actor, "framework.view", scope);
  const rows = await repo.listLatestLeadValues(ctx.db, frameworkId, reportVisibility(ctx.actor, scope.scopePath));
  return rows.map((r) => ({ indicatorId: r.indicator_id, periodLabel: r.period_label, values: r.values }));
}
