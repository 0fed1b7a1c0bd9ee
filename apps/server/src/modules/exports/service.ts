import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import {
  AUDIT_OBJECT_TYPES,
  buildTree,
  foldVietnamese,
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  isPastDeadline,
  isTaskOverdue,
  LOSS_REASON_LABELS,
  REPORT_STATUS_LABELS,
  type TActor,
  type TAuditFilter,
  type TConsolidationRecord,
  type TDashboard,
  type TFrameworkDetail,
  type TIndicator,
  type TReportStatus,
  type TReportVisibility,
  type TTree,
  vietnamWallClock,
} from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TClock } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import type { TFileStore } from "../../storage/file-store.ts";
import { auditForExport } from "../audit/service.ts";
import { summarizeSlots } from "../completeness/repo.ts";
import { dashboardFor } from "../dashboard/service.ts";
import { getFrameworkDetail } from "../frameworks/service.ts";
import { findPeriod } from "../periods/repo.ts";
import { getProvinceSettings } from "../settings/service.ts";
import { findUnit } from "../units/repo.ts";
import { writeAuditWorkbook } from "./audit-workbook.ts";
import { buildZipIndex, estimateZipSize, planEvidenceZip, writeEvidenceZip, ZIP_TYPE } from "./evidence-zip.ts";
import type { TPeriodAnalysis } from "./period-report-docx.ts";
import { type TWorkbookReport, writePeriodWorkbook } from "./period-workbook.ts";
import { scoresFromDashboard } from "./province-scores.ts";
import * as repo from "./repo.ts";
import { type TWorkbookTask, writeTasksWorkbook } from "./tasks-workbook.ts";
import { XLSX_TYPE } from "./workbook-stream.ts";

/*
 * Every export is prepared in two steps: everything that can fail for a reason the user should read (unknown
 * period, unit or plan) is loaded first, before a byte is sent; then `write` streams the file. A failure while
 * streaming can only cut the download short — the headers are gone by then.
 */

export interface TExportDeps {
  db: TDbOrTx;
  files: TFileStore;
  clock: TClock;
}

export interface TExportFile {
  fileName: string;
  contentType: string;
  /** Exact size when the file is built in memory (small), else null: sent chunked. */
  length: number | null;
  /** The expected size of a streamed file, for the download's progress bar. */
  expectedLength: number | null;
  /** Writes the whole file into `output` and ends it. */
  write(output: Writable): Promise<void>;
}

export type TExportFormat = "xlsx" | "docx" | "zip";

/** What the caller may see. Null is the operator's command line, which sees everything. */
/** What the reader may see of a period's reports (core reportVisibility); null for the command line: everything. */
type TViewer = TReportVisibility | null;

const ROLE_LABELS = { lead: "Chủ trì", cooperate: "Phối hợp" } as const;

// ─── Period workbook ───────────────────────────────────────────────────────────────────────────────────────

export async function periodWorkbook(
  deps: TExportDeps,
  input: { periodId: string; unitId?: string },
  viewer: TViewer,
): Promise<TExportFile> {
  const { period, unitName } = await loadScope(deps.db, input);
  const framework = await getFrameworkDetail(deps.db, period.frameworkId);
  const settings = await getProvinceSettings(deps.db);
  const indicatorById = new Map(framework.indicators.map((i) => [i.id, i]));
  const visible = visibleTo(viewer);
  const header = {
    periodLabel: period.label,
    frameworkName: framework.name,
    scopeLabel: unitName ?? `Toàn tỉnh ${settings.province}`,
    exportedAt: deps.clock(),
    scores: unitName ? null : await provinceScores(deps.db, framework, input.periodId, viewer),
  };
  return {
    fileName: `${exportBaseName(period.label, unitName)}.xlsx`,
    contentType: XLSX_TYPE,
    length: null,
    expectedLength: null,
    // The rows come from cursors while the workbook is written: the first bytes leave before the last row is read.
    write: async (output) => {
      await repo.readPeriodExport(deps.db, input, ({ reports, evidence }) =>
        writePeriodWorkbook(
          {
            ...header,
            reports: mapVisible(
              reports,
              (r) => visible({ status: r.status, unit_id: r.unit_id }),
              (r) => workbookReport(r, indicatorById.get(r.indicator_id)),
            ),
            evidence: mapVisible(
              evidence,
              (e) => visible({ status: e.report_status, unit_id: e.report_unit_id }),
              (e) => ({
                indicatorCode: e.indicator_code,
                unitName: e.report_unit_name,
                fileName: e.file_name,
                docNumber: e.doc_number,
                issuedOn: e.issued_on,
                issuer: e.issuer,
                summary: e.summary,
                citation: e.citation,
                size: e.size,
                sha256: e.sha256,
              }),
            ),
          },
          output,
        ),
      );
      await finished(output, { readable: false });
    },
  };
}

async function* mapVisible<T, R>(batches: AsyncIterable<T[]>, keep: (row: T) => boolean, map: (row: T) => R) {
  for await (const batch of batches) yield batch.filter(keep).map(map);
}

/** The command line (no viewer) exports everything; a user what the screens show them. */
function visibleTo(viewer: TViewer) {
  return (report: { status: string; unit_id: string }) =>
    viewer === null || viewer.allDrafts || report.status !== "draft" || viewer.memberUnitIds.includes(report.unit_id);
}

function workbookReport(r: repo.TExportReportRow, indicator: TIndicator | undefined): TWorkbookReport {
  const number = (v: string | null) => (v === null ? null : Number(v));
  return {
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name,
    unitName: r.unit_name,
    roleLabel: ROLE_LABELS[r.role],
    statusLabel: REPORT_STATUS_LABELS[r.status as TReportStatus]?.vi ?? r.status,
    valuesText: valuesText(r.values, indicator),
    maxScore: Number(r.max_score),
    selfPoints: number(r.self_points),
    appraisedPoints: number(r.appraised_points),
    explanation: r.self_explanation,
    appraisalComment: r.appraisal_comment,
    note: r.note,
    evidenceCount: r.evidence_count,
    submittedAt: r.submitted_at,
    consolidationText: r.consolidation ? consolidationText(r.consolidation, indicator) : null,
  };
}

/**
 * "Phường Nha Trang (Đã gửi): Tử số: 4; Mẫu số: 120 | … → Tổng hợp: Tử số: 9; Mẫu số: 260 (sửa Mẫu số, đề xuất
 * 245: lý do)": the breakdown the lead accepted, readable in one cell.
 */
export function consolidationText(
  record: TConsolidationRecord,
  indicator: Pick<TIndicator, "inputs"> | undefined,
): string {
  const units = record.breakdown
    .filter((row) => row.counted)
    .map((row) => `${row.unitName}: ${valuesText(row.values, indicator) || "—"}`);
  const labelOf = (key: string) => indicator?.inputs.find((i) => i.key === key)?.label ?? key;
  const overrides = record.overridden.map(
    (key) => `${labelOf(key)} sửa từ ${record.proposed[key] === null ? "—" : formatNumberVi(record.proposed[key]!)}`,
  );
  const total = `Tổng hợp: ${valuesText(record.values, indicator)}`;
  return [
    ...units,
    overrides.length ? `${total} (${overrides.join(", ")}; lý do: ${record.reason ?? ""})` : total,
  ].join("\n");
}

/** "Tử số: 120; Mẫu số: 400" with the indicator's own input labels; a lone "value" shows without a label. */
export function valuesText(values: Record<string, unknown>, indicator: Pick<TIndicator, "inputs"> | undefined): string {
  const labelOf = new Map((indicator?.inputs ?? []).map((input) => [input.key, input]));
  const entries = Object.entries(values).filter(([, v]) => v !== null && v !== "");
  return entries
    .map(([key, value]) => {
      const shown =
        typeof value === "boolean"
          ? value
            ? "Có"
            : "Không"
          : typeof value === "number"
            ? formatNumberVi(value, { maxDecimals: 4 })
            : String(value);
      const input = labelOf.get(key);
      const unit = input?.unit ? ` ${input.unit}` : "";
      if (!input && key === "value" && entries.length === 1) return `${shown}${unit}`;
      return `${input?.label ?? key}: ${shown}${unit}`;
    })
    .join("; ");
}

// ─── Period report (Word) ──────────────────────────────────────────────────────────────────────────────────

export async function periodReportDocx(
  deps: TExportDeps,
  input: { periodId: string },
  viewer: TViewer,
): Promise<TExportFile> {
  const { period } = await loadScope(deps.db, input);
  const framework = await getFrameworkDetail(deps.db, period.frameworkId);
  const [dashboard, settings] = await Promise.all([
    dashboardFor(deps.db, { frameworkId: framework.id, periodId: input.periodId }, viewer),
    getProvinceSettings(deps.db),
  ]);
  const scores = scoresFromDashboard(dashboard, framework.adjustments);
  const scoredLeaves = scores.rows.filter((r) => r.isLeaf && r.maxScore > 0);
  // docx is loaded with the first report rather than at start.
  const { DOCX_TYPE, writePeriodReportDocx } = await import("./period-report-docx.ts");
  const body = await writePeriodReportDocx({
    provinceName: settings.province,
    periodLabel: period.label,
    frameworkName: framework.name,
    year: vietnamWallClock(deps.clock()).year(),
    scores,
    scoredLeafCount: scoredLeaves.length,
    submittedLeafCount: scoredLeaves.filter((r) => r.status !== null && r.status !== "draft").length,
    appraisedLeafCount: scoredLeaves.filter((r) => r.appraised).length,
    analysis: await periodAnalysis(deps, input.periodId, dashboard, settings.province),
  });
  return bufferFile(`${exportBaseName(period.label, null)}.docx`, DOCX_TYPE, body);
}

/** How many recoverable indicators section III lists (the rest are in section II's table). */
const MAX_ACTIONS = 15;

/**
 * Sections III and IV from the data: the dashboard's mains and recoverable points (the same numbers the dashboard
 * shows), the official results of the framework's year and the year before, the units late in the period, and the
 * overdue tasks of the province's plans.
 */
async function periodAnalysis(
  deps: TExportDeps,
  periodId: string,
  dashboard: TDashboard,
  province: string,
): Promise<TPeriodAnalysis> {
  const now = deps.clock();
  const [completeness, tasks, official] = await Promise.all([
    summarizeSlots(deps.db, periodId, { now }),
    repo.listOpenProvinceTasks(deps.db),
    repo.listOfficialResults(deps.db),
  ]);
  const year = dashboard.framework.year;
  const own = (y: number) =>
    official.find((r) => r.year === y && foldVietnamese(r.province) === foldVietnamese(province))?.main_values ?? {};
  const lastYear = own(year - 1);
  // Late as the completeness page counts it (after the common deadline, even under an extension); missing ones
  // once the unit's own deadline has passed.
  const lateUnits = completeness.units
    .filter((u) => u.late + u.overdue > 0)
    .map((u) => ({ unitName: u.unit_name, late: u.late, missing: u.overdue }));
  const deadline = dashboard.period?.deadline;
  return {
    officialYear: year,
    mains: dashboard.mains.map((m) => ({
      code: m.code,
      name: m.name,
      maxScore: m.maxScore,
      selfPoints: m.selfPoints,
      officialValue: m.officialValue,
      officialRank: m.officialRank,
      lastYearValue: lastYear[m.code]?.value ?? null,
      lastYearRank: lastYear[m.code]?.rank ?? null,
    })),
    lateUnits: lateUnits.sort((a, b) => b.late + b.missing - (a.late + a.missing)),
    recoverable: dashboard.indicators
      .filter((i) => i.isLeaf && i.recoverable > 0)
      .sort((a, b) => b.recoverable - a.recoverable)
      .slice(0, MAX_ACTIONS)
      .map((i) => ({
        code: i.code,
        name: i.name,
        points: i.recoverable,
        reasonLabel: i.reason ? LOSS_REASON_LABELS[i.reason].vi : "Chưa đạt điểm tối đa",
        leadUnitName: i.leadUnit,
      })),
    recoverableTotal: dashboard.totals.recoverable,
    deadlineText:
      deadline && !isPastDeadline(deadline, now) ? `trước ${formatDateTimeVi(deadline)}` : "trong kỳ báo cáo tiếp theo",
    overdueTasks: tasks
      .filter((task) => isTaskOverdue({ isSection: false, status: task.status, timeframe: task.timeframe }, now))
      .map((task) => ({
        planCode: task.plan_code,
        number: task.number,
        content: task.content,
        leadNames: task.lead_names,
      })),
  };
}

/** The province's scores exactly as the dashboard computes them for this period. */
async function provinceScores(db: TDbOrTx, framework: TFrameworkDetail, periodId: string, viewer: TViewer) {
  const dashboard = await dashboardFor(db, { frameworkId: framework.id, periodId }, viewer);
  return scoresFromDashboard(dashboard, framework.adjustments);
}

// ─── Evidence bundle ───────────────────────────────────────────────────────────────────────────────────────

export async function periodEvidenceZip(
  deps: TExportDeps,
  input: { periodId: string; unitId?: string },
  viewer: TViewer,
): Promise<TExportFile> {
  const { period, unitName } = await loadScope(deps.db, input);
  const visible = visibleTo(viewer);
  const rows = (await repo.listPeriodEvidence(deps.db, input)).filter((e) =>
    visible({ status: e.report_status, unit_id: e.report_unit_id }),
  );
  const missing = new Set<string>();
  for (const sha256 of new Set(rows.map((r) => r.sha256))) {
    if (!(await deps.files.exists(sha256))) missing.add(sha256);
  }
  const plan = planEvidenceZip(rows, missing);
  const index = await buildZipIndex(plan);
  return {
    fileName: `${exportBaseName(period.label, unitName, "Tài liệu kiểm chứng")}.zip`,
    contentType: ZIP_TYPE,
    length: null,
    expectedLength: estimateZipSize(plan, index.length),
    write: async (output) => {
      await writeEvidenceZip(plan, index, deps.files, output, deps.clock());
      await finished(output, { readable: false });
    },
  };
}

// ─── Plan tasks ─────────────────────────────────────────────────────────────────────────────────────────────

export async function planTasksWorkbook(deps: TExportDeps, input: { planId: string }): Promise<TExportFile> {
  const plan = await repo.findPlan(deps.db, input.planId);
  if (!plan) throw notFound("kế hoạch");
  const rows = await repo.listPlanTasks(deps.db, input.planId);
  const data = { planCode: plan.code, planTitle: plan.title, exportedAt: deps.clock(), tasks: taskOrder(rows) };
  return {
    fileName: `Nhiệm vụ ${plan.code.replaceAll("/", "-")}.xlsx`,
    contentType: XLSX_TYPE,
    length: null,
    expectedLength: null,
    write: async (output) => {
      await writeTasksWorkbook(data, output);
      await finished(output, { readable: false });
    },
  };
}

/** Tasks depth-first (a section, its tasks, their sub-tasks), each level in the plan's order. */
function taskOrder(rows: readonly repo.TExportTaskRow[]): TWorkbookTask[] {
  const tree = buildTree(
    rows.map((row, position) => ({
      ...row,
      parentId: row.parent_id,
      code: row.number ?? "",
      sortOrder: position,
      maxScore: 0,
    })),
  );
  const out: TWorkbookTask[] = [];
  const visit = (node: TTree<(typeof tree)[number]>, depth: number) => {
    out.push({
      number: node.number,
      isSection: node.is_section,
      depth,
      content: node.content,
      lead: node.lead_units ?? node.lead_text,
      cooperating: node.cooperating_units ?? node.cooperating_text,
      output: node.output_text,
      timeframe: node.timeframe_text,
      directingLeader: node.directing_leader,
      budgetAmount: node.budget_amount === null ? null : Number(node.budget_amount),
      budgetSource: node.budget_source,
      indicatorCodes: node.indicator_codes,
      status: node.status,
      percent: node.percent,
      lastUpdateAt: node.last_update_at,
      lastUpdateNote: node.last_update_note,
      lastUpdateAuthor: node.last_update_author,
    });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of tree) visit(root, 0);
  return out;
}

// ─── Shared ─────────────────────────────────────────────────────────────────────────────────────────────────

async function loadScope(db: TDbOrTx, input: { periodId: string; unitId?: string }) {
  const period = await findPeriod(db, input.periodId);
  if (!period) throw notFound("kỳ báo cáo");
  if (!input.unitId) return { period, unitName: null };
  const unit = await findUnit(db, input.unitId);
  if (!unit) throw notFound("đơn vị");
  return { period, unitName: unit.name };
}

/** "Báo cáo DTI Quý II-2025 - Phường Nha Trang": readable, and without "/" which no file system accepts. */
function exportBaseName(periodLabel: string, unitName: string | null, what = "Báo cáo DTI"): string {
  return [what, periodLabel, unitName]
    .filter(Boolean)
    .join(" - ")
    .replaceAll(/[/\\:*?"<>|]/g, "-");
}

function bufferFile(fileName: string, contentType: string, body: Buffer): TExportFile {
  return {
    fileName,
    contentType,
    length: body.length,
    expectedLength: null,
    write: async (output) => {
      output.end(body);
      await finished(output, { readable: false });
    },
  };
}

/** The file a command-line export writes, by format. */
export function exportPeriod(
  deps: TExportDeps,
  input: { periodId: string; unitId?: string; format: TExportFormat },
): Promise<TExportFile> {
  if (input.format === "docx") return periodReportDocx(deps, input, null);
  if (input.format === "zip") return periodEvidenceZip(deps, input, null);
  return periodWorkbook(deps, input, null);
}

/** The audit log as filtered on its page, in Excel; the filters are named on the information sheet. */
export async function auditWorkbook(deps: TExportDeps, actor: TActor, filter: TAuditFilter): Promise<TExportFile> {
  const entries = await auditForExport(deps.db, actor, filter);
  const unit = filter.unitId ? await findUnit(deps.db, filter.unitId) : null;
  const filters: [string, string][] = [
    ["Đơn vị", unit?.name ?? "Tất cả"],
    // Every row is then that person's, so the first names them.
    ["Người thực hiện", filter.actorId ? (entries[0]?.actorName ?? "Một tài khoản") : "Tất cả"],
    ["Đối tượng", filter.entityType ? AUDIT_OBJECT_TYPES[filter.entityType] : "Tất cả"],
    ["Từ ngày", filter.from ? formatDateVi(filter.from) : "—"],
    ["Đến ngày", filter.to ? formatDateVi(filter.to) : "—"],
  ];
  const exportedAt = deps.clock();
  return {
    fileName: `Nhật ký thay đổi ${vietnamWallClock(exportedAt).format("YYYY-MM-DD HHmm")}.xlsx`,
    contentType: XLSX_TYPE,
    length: null,
    expectedLength: null,
    write: async (output) => {
      await writeAuditWorkbook({ entries, filters, exportedAt }, output);
      await finished(output, { readable: false });
    },
  };
}
