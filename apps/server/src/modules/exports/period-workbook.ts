import type { Writable } from "node:stream";
import { REPORT_STATUS_LABELS } from "@chiso/core";
import { scoreFormat } from "../frameworks/excel.ts";
import type { TProvinceScores } from "./province-scores.ts";
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  excelDate,
  INDEX_FORMAT,
  INTEGER_FORMAT,
  openStreamingWorkbook,
  openTableSheet,
  POINTS_FORMAT,
  type TSheetColumn,
  type TSheetRow,
  type TTableSheet,
  vietnamExcelTime,
  writeInfoSheet,
  writeTableSheet,
} from "./workbook-stream.ts";

/*
 * A period's reports as a workbook. Sheets:
 *   "Tổng hợp"            (province export only) every indicator with max, self-assessed and appraised points,
 *                         then the total and the index — the numbers of the period report;
 *   "Báo cáo"             one row per report: unit, role, status, values, points, explanation, appraisal comment;
 *   "Tài liệu kiểm chứng" one row per cited document: số hiệu, ngày ban hành, issuer, sha256;
 *   "Thông tin"           period, framework, scope, time of export.
 */

export const SUMMARY_SHEET = "Tổng hợp";
export const REPORTS_SHEET = "Báo cáo";
export const EVIDENCE_SHEET = "Tài liệu kiểm chứng";
export const INFO_SHEET = "Thông tin";

export interface TWorkbookReport {
  indicatorCode: string;
  indicatorName: string;
  unitName: string;
  roleLabel: string;
  statusLabel: string;
  valuesText: string;
  maxScore: number;
  selfPoints: number | null;
  appraisedPoints: number | null;
  explanation: string | null;
  appraisalComment: string | null;
  note: string | null;
  evidenceCount: number;
  submittedAt: string | null;
  /** The lead's report: each cooperating unit's figures, the total and any override with its reason. */
  consolidationText: string | null;
}

export interface TWorkbookEvidence {
  indicatorCode: string;
  unitName: string;
  fileName: string;
  docNumber: string | null;
  issuedOn: string | null;
  issuer: string | null;
  summary: string | null;
  citation: string | null;
  size: number;
  sha256: string;
}

export interface TPeriodWorkbook {
  periodLabel: string;
  frameworkName: string;
  /** "Toàn tỉnh Khánh Hòa" or the unit's name. */
  scopeLabel: string;
  exportedAt: Date;
  /** Province exports only. */
  scores: TProvinceScores | null;
  /**
   * Batches read as the sheet is written (from a database cursor): a province's 40,000 reports are never all in
   * memory. Batches, not single rows: a wait per row made the workbook half again slower to write.
   */
  reports: AsyncIterable<readonly TWorkbookReport[]>;
  evidence: AsyncIterable<readonly TWorkbookEvidence[]>;
}

const SUMMARY_COLUMNS = [
  { key: "code", header: "Mã", width: 9 },
  { key: "name", header: "Chỉ số", width: 60, wrap: true },
  { key: "maxScore", header: "Điểm tối đa", width: 11 },
  { key: "selfPoints", header: "Điểm tự đánh giá", width: 13, numFmt: POINTS_FORMAT },
  { key: "appraisedPoints", header: "Điểm thẩm định", width: 13, numFmt: POINTS_FORMAT },
  { key: "appraised", header: "Đã thẩm định", width: 11 },
  { key: "lead", header: "Cơ quan chủ trì", width: 30, wrap: true },
  { key: "status", header: "Trạng thái báo cáo", width: 18 },
] as const satisfies readonly TSheetColumn<string>[];
type TSummaryKey = (typeof SUMMARY_COLUMNS)[number]["key"];

const REPORT_COLUMNS = [
  { key: "code", header: "Mã", width: 9 },
  { key: "name", header: "Chỉ số", width: 45, wrap: true },
  { key: "unit", header: "Đơn vị", width: 30, wrap: true },
  { key: "role", header: "Vai trò", width: 10 },
  { key: "status", header: "Trạng thái", width: 16 },
  { key: "values", header: "Số liệu báo cáo", width: 36, wrap: true },
  { key: "maxScore", header: "Điểm tối đa", width: 11 },
  { key: "selfPoints", header: "Điểm tự đánh giá", width: 13, numFmt: POINTS_FORMAT },
  { key: "appraisedPoints", header: "Điểm thẩm định", width: 13, numFmt: POINTS_FORMAT },
  { key: "explanation", header: "Diễn giải điểm", width: 45, wrap: true },
  { key: "comment", header: "Ý kiến thẩm định", width: 36, wrap: true },
  { key: "note", header: "Ghi chú, thuyết minh", width: 36, wrap: true },
  { key: "evidence", header: "Số tài liệu kiểm chứng", width: 12, numFmt: INTEGER_FORMAT },
  { key: "submittedAt", header: "Ngày gửi", width: 17, numFmt: DATE_TIME_FORMAT },
  { key: "consolidation", header: "Tổng hợp từ đơn vị phối hợp", width: 60, wrap: true },
] as const satisfies readonly TSheetColumn<string>[];
type TReportKey = (typeof REPORT_COLUMNS)[number]["key"];

const EVIDENCE_COLUMNS = [
  { key: "code", header: "Mã chỉ số", width: 9 },
  { key: "unit", header: "Đơn vị báo cáo", width: 30, wrap: true },
  { key: "fileName", header: "Tên tệp", width: 36, wrap: true },
  { key: "docNumber", header: "Số hiệu văn bản", width: 18 },
  { key: "issuedOn", header: "Ngày ban hành", width: 13, numFmt: DATE_FORMAT },
  { key: "issuer", header: "Cơ quan ban hành", width: 28, wrap: true },
  { key: "summary", header: "Trích yếu", width: 45, wrap: true },
  { key: "citation", header: "Phần trích dẫn", width: 18, wrap: true },
  { key: "size", header: "Dung lượng (byte)", width: 14, numFmt: INTEGER_FORMAT },
  { key: "sha256", header: "Mã băm SHA-256", width: 66 },
] as const satisfies readonly TSheetColumn<string>[];
type TEvidenceKey = (typeof EVIDENCE_COLUMNS)[number]["key"];

/** Streams the workbook into `output`; resolves once the last byte is written. */
export async function writePeriodWorkbook(data: TPeriodWorkbook, output: Writable): Promise<void> {
  const workbook = await openStreamingWorkbook(output);
  if (data.scores)
    writeTableSheet(workbook, SUMMARY_SHEET, SUMMARY_COLUMNS, summaryRows(data.scores), { indentColumn: "name" });
  await writeBatches(openTableSheet(workbook, REPORTS_SHEET, REPORT_COLUMNS), data.reports, reportRow);
  await writeBatches(openTableSheet(workbook, EVIDENCE_SHEET, EVIDENCE_COLUMNS), data.evidence, evidenceRow);
  writeInfoSheet(workbook, INFO_SHEET, [
    ["Kỳ báo cáo", data.periodLabel],
    ["Bộ chỉ số", data.frameworkName],
    ["Phạm vi", data.scopeLabel],
    ["Thời điểm xuất", vietnamExcelTime(data.exportedAt), DATE_TIME_FORMAT],
    ...(data.scores
      ? ([
          [
            "Ghi chú",
            "Điểm thẩm định của chỉ số chưa được thẩm định lấy bằng điểm tự đánh giá. Điểm của tỉnh là điểm báo cáo tổng hợp của cơ quan chủ trì đã gửi.",
          ],
        ] as [string, string][])
      : []),
  ]);
  await workbook.commit();
}

function* summaryRows(scores: TProvinceScores): Generator<TSheetRow<TSummaryKey>> {
  for (const row of scores.rows) {
    yield {
      cells: {
        code: row.code,
        name: row.name,
        maxScore: row.maxScore,
        selfPoints: row.selfPoints,
        appraisedPoints: row.appraisedPoints,
        appraised: row.isLeaf ? (row.appraised ? "Có" : "Chưa") : null,
        lead: row.leadUnitName,
        status: row.isLeaf ? (row.status ? REPORT_STATUS_LABELS[row.status].vi : "Chưa báo cáo") : null,
      },
      bold: row.depth === 0,
      indent: row.depth,
      formats: { maxScore: scoreFormat(row.maxScore) },
    };
  }
  if (scores.adjustmentTotal !== 0) {
    yield {
      cells: {
        name: "Điểm thưởng, điểm trừ",
        selfPoints: scores.adjustmentTotal,
        appraisedPoints: scores.adjustmentTotal,
      },
    };
  }
  yield {
    cells: {
      name: "Tổng điểm",
      maxScore: scores.maxTotal,
      selfPoints: scores.selfTotal,
      appraisedPoints: scores.appraisedTotal,
    },
    bold: true,
    formats: { maxScore: scoreFormat(scores.maxTotal) },
  };
  yield {
    cells: { name: "Chỉ số DTI (0–1)", selfPoints: scores.selfIndex, appraisedPoints: scores.appraisedIndex },
    bold: true,
    formats: { selfPoints: INDEX_FORMAT, appraisedPoints: INDEX_FORMAT },
  };
}

async function writeBatches<T, K extends string>(
  sheet: TTableSheet<K>,
  batches: AsyncIterable<readonly T[]>,
  toRow: (item: T) => TSheetRow<K>,
): Promise<void> {
  for await (const batch of batches) for (const item of batch) sheet.add(toRow(item));
  sheet.commit();
}

function reportRow(r: TWorkbookReport): TSheetRow<TReportKey> {
  return {
    cells: {
      code: r.indicatorCode,
      name: r.indicatorName,
      unit: r.unitName,
      role: r.roleLabel,
      status: r.statusLabel,
      values: r.valuesText || null,
      maxScore: r.maxScore,
      selfPoints: r.selfPoints,
      appraisedPoints: r.appraisedPoints,
      explanation: r.explanation,
      comment: r.appraisalComment,
      note: r.note,
      evidence: r.evidenceCount,
      submittedAt: vietnamExcelTime(r.submittedAt),
      consolidation: r.consolidationText,
    },
    formats: { maxScore: scoreFormat(r.maxScore) },
  };
}

function evidenceRow(e: TWorkbookEvidence): TSheetRow<TEvidenceKey> {
  return {
    cells: {
      code: e.indicatorCode,
      unit: e.unitName,
      fileName: e.fileName,
      docNumber: e.docNumber,
      issuedOn: excelDate(e.issuedOn) ?? e.issuedOn,
      issuer: e.issuer,
      summary: e.summary,
      citation: e.citation,
      size: e.size,
      sha256: e.sha256,
    },
  };
}
