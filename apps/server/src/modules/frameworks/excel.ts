import {
  FRAMEWORK_TRANSFER_FORMAT,
  foldVietnamese,
  formatIssuePath,
  fromSpreadsheet,
  safeParseVi,
  splitUnitList,
  type TFrameworkAdjustment,
  type TFrameworkIssue,
  type TFrameworkLevel,
  type TFrameworkTransfer,
  type TRuleType,
  type TScoringRule,
  type TTransferIndicator,
  type TTransferRead,
  type TValueKind,
  transferToValidatable,
  validateFramework,
  ZFrameworkAdjustment,
  ZFrameworkCreate,
  ZIndicatorInput,
  ZScoringRule,
  ZTransferIndicator,
} from "@chiso/core";
import type ExcelJS from "exceljs";
import { z } from "zod";
import { loadExcel } from "../../excel.ts";
import { inspectOfficeFile, isDamagedArchive } from "../../storage/office-file.ts";
import { neutraliseFormulaText } from "../exports/safe-cells.ts";

/*
 * A framework with its assignment as an Excel workbook, for coordinators who prepare frameworks in Excel.
 *
 * Sheet "Bộ chỉ số": a header row, then one row per indicator in tree order. The tree is implied by the codes:
 * "6.6" is under "6", "6.6.a" under "6.6"; a code without a dot is a main indicator. (A stored framework whose
 * indicator was moved without renaming it loses that move in Excel; the JSON form keeps `parentCode`.)
 * Sheet "Thông tin": label | value rows (code, name, year, level, legal basis).
 * Sheet "Điểm thưởng, điểm trừ": Mã | Nội dung | Điểm, only when the framework has adjustments.
 *
 * Reading is lenient about what people do to a file (columns reordered, headers without accents, a title row
 * above the header, "10,5", "x" for yes) and strict about what it cannot understand: every such cell is an
 * issue naming its row, never a guess.
 */

const INDICATOR_SHEET = "Bộ chỉ số";
const INFO_SHEET = "Thông tin";
const ADJUSTMENT_SHEET = "Điểm thưởng, điểm trừ";
const NOT_XLSX = "Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.";
const NO_INDICATOR_SHEET = `Không tìm thấy trang "${INDICATOR_SHEET}" (hoặc trang có dòng tiêu đề gồm cột "Mã" và "Điểm tối đa").`;
/** How far down a title or a note above the header row may push it. */
const HEADER_SEARCH_ROWS = 10;

// One label per value, written to the file and read back; the same wording as the web (i18n/vi.ts).
const VALUE_KIND_LABELS: Record<TValueKind, string> = {
  boolean: "Có/không",
  percent: "Tỷ lệ %",
  count: "Số lượng",
  number: "Số có đơn vị tính",
  money: "Số tiền (triệu đồng)",
  choice: "Lựa chọn trong danh sách",
  multi: "Nhiều ô nhập (tử số, mẫu số…)",
};
const RULE_TYPE_LABELS: Record<TRuleType, string> = {
  yes_no: "Có/không",
  ratio: "Tỷ lệ",
  target: "So với mục tiêu",
  bands: "Theo ngưỡng",
  choice: "Theo lựa chọn",
  parts: "Cộng điểm từng nội dung",
  manual: "Thẩm định chấm",
  not_scored: "Không tính điểm",
};
const LEVEL_LABELS: Record<TFrameworkLevel, string> = {
  province: "Cấp tỉnh",
  department: "Sở, ban, ngành",
  commune: "Xã, phường",
  office: "Phòng thuộc sở",
};

interface TColumn<K extends string> {
  key: K;
  header: string;
  /** Other headers people write for the same column. */
  synonyms?: readonly string[];
  width?: number;
}

const INDICATOR_COLUMNS = [
  { key: "code", header: "Mã", synonyms: ["Mã chỉ số", "Mã số"], width: 9 },
  { key: "name", header: "Tên chỉ số", synonyms: ["Tên", "Chỉ số", "Nội dung"], width: 60 },
  { key: "maxScore", header: "Điểm tối đa", synonyms: ["Điểm chuẩn"], width: 11 },
  { key: "valueKind", header: "Loại giá trị", width: 22 },
  { key: "ruleType", header: "Quy tắc chấm", synonyms: ["Quy tắc chấm điểm", "Cách chấm"], width: 20 },
  { key: "params", header: "Tham số", width: 40 },
  { key: "evidenceText", header: "Tài liệu kiểm chứng", synonyms: ["Kiểm chứng"], width: 40 },
  { key: "evidenceRequired", header: "Bắt buộc kiểm chứng", width: 12 },
  {
    key: "lead",
    header: "Cơ quan phụ trách",
    synonyms: ["Cơ quan chủ trì", "Đơn vị chủ trì", "Đơn vị phụ trách", "Chủ trì", "Phụ trách"],
    width: 28,
  },
  { key: "cooperating", header: "Cơ quan phối hợp", synonyms: ["Đơn vị phối hợp", "Phối hợp"], width: 36 },
  { key: "unitOfMeasure", header: "Đơn vị tính", width: 12 },
  { key: "guidance", header: "Hướng dẫn", synonyms: ["Hướng dẫn chấm"], width: 40 },
  { key: "dataSource", header: "Nguồn số liệu", width: 24 },
  { key: "autoMeasured", header: "Đo tự động", width: 11 },
] as const satisfies readonly TColumn<string>[];
type TIndicatorColumn = (typeof INDICATOR_COLUMNS)[number]["key"];
/** Each column's header as it reads inside a sentence: "điểm tối đa". */
const FIELD = Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c.key, fieldName(c.header)])) as Record<
  TIndicatorColumn,
  string
>;
const REQUIRED_COLUMNS: readonly TIndicatorColumn[] = ["code", "name", "maxScore"];
const WRAPPED_COLUMNS: readonly TIndicatorColumn[] = [
  "name",
  "params",
  "evidenceText",
  "lead",
  "cooperating",
  "guidance",
];

const ADJUSTMENT_COLUMNS = [
  { key: "code", header: "Mã", width: 9 },
  { key: "label", header: "Nội dung", synonyms: ["Tên", "Mô tả"], width: 70 },
  { key: "points", header: "Điểm", synonyms: ["Số điểm"], width: 10 },
] as const satisfies readonly TColumn<string>[];
type TAdjustmentColumn = (typeof ADJUSTMENT_COLUMNS)[number]["key"];
const ADJUSTMENT_KEYS = ADJUSTMENT_COLUMNS.map((c) => c.key);

const INFO_ROWS = [
  { key: "code", header: "Mã bộ chỉ số" },
  { key: "name", header: "Tên bộ chỉ số" },
  { key: "year", header: "Năm" },
  { key: "level", header: "Phạm vi", synonyms: ["Phạm vi đánh giá", "Cấp"] },
  { key: "legalBasis", header: "Căn cứ", synonyms: ["Căn cứ pháp lý"] },
] as const satisfies readonly TColumn<string>[];
type TInfoKey = (typeof INFO_ROWS)[number]["key"];
const REQUIRED_INFO: readonly TInfoKey[] = ["code", "name", "year", "level"];

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────────────────

/** The workbook a coordinator downloads; `readFrameworkWorkbook` reads it back to the same transfer. */
export async function writeFrameworkWorkbook(transfer: TFrameworkTransfer): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  addIndicatorSheet(workbook, transfer.indicators);
  addInfoSheet(workbook, transfer.framework);
  if (transfer.framework.adjustments.length) addAdjustmentSheet(workbook, transfer.framework.adjustments);
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addIndicatorSheet(workbook: ExcelJS.Workbook, indicators: readonly TTransferIndicator[]) {
  const sheet = workbook.addWorksheet(INDICATOR_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = INDICATOR_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  // Text format on codes keeps Excel from turning a typed "6.10" into the number 6.1.
  sheet.getColumn("code").numFmt = "@";
  for (const indicator of indicators) {
    const row = sheet.addRow(indicatorCells(indicator));
    row.alignment = { vertical: "top" };
    if (indicator.parentCode === null) row.font = { bold: true };
    row.getCell("maxScore").numFmt = scoreFormat(indicator.maxScore);
  }
  for (const key of WRAPPED_COLUMNS) sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };
  styleHeader(sheet, INDICATOR_COLUMNS.length);
  sheet.getCell("A1").note =
    'Mã thể hiện cây chỉ số: "6.6" thuộc "6", "6.6.a" thuộc "6.6"; mã không có dấu chấm là chỉ số chính.';
}

export function styleHeader(sheet: ExcelJS.Worksheet, columnCount: number) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}

/** Whole scores without decimals, others with up to three ("0.##" would leave "10." on whole numbers). */
export function scoreFormat(score: number): string {
  return Number.isInteger(score) ? "0" : "0.0##";
}

function indicatorCells(i: TTransferIndicator): Record<TIndicatorColumn, string | number | null> {
  return {
    code: i.code,
    name: i.name,
    maxScore: i.maxScore,
    valueKind: i.valueKind ? VALUE_KIND_LABELS[i.valueKind] : null,
    ruleType: i.rule ? RULE_TYPE_LABELS[i.rule.type] : null,
    params: paramsText(i),
    evidenceText: i.evidenceText ?? null,
    evidenceRequired: yesNoText(i.evidenceRequired),
    lead: i.lead,
    cooperating: i.cooperating.join("; ") || null,
    unitOfMeasure: i.unitOfMeasure ?? null,
    guidance: i.guidance ?? null,
    dataSource: i.dataSource ?? null,
    autoMeasured: yesNoText(i.autoMeasured),
  };
}

function yesNoText(value: boolean): string {
  return value ? "Có" : "Không";
}

/** The rule's parameters (without `type`) and the indicator's inputs as one JSON object; null when both are empty. */
function paramsText(i: TTransferIndicator): string | null {
  const params = { ...(i.rule ? ruleParams(i.rule) : {}), ...(i.inputs.length ? { inputs: i.inputs } : {}) };
  return Object.keys(params).length ? JSON.stringify(params) : null;
}

/**
 * Parameters left at their default are not written (reading fills them in again), so a yes/no row has an empty
 * "Tham số" cell instead of {"input":"value"} that nobody needs to see.
 */
function ruleParams(rule: TScoringRule): Record<string, unknown> {
  const { type, ...params } = rule;
  const isDefault = ([key, value]: [string, unknown]) => {
    const { [key]: _left, ...others } = params as Record<string, unknown>;
    const parsed = ZScoringRule.safeParse({ ...others, type });
    return parsed.success && JSON.stringify((parsed.data as Record<string, unknown>)[key]) === JSON.stringify(value);
  };
  return Object.fromEntries(Object.entries(params).filter((entry) => !isDefault(entry)));
}

function addInfoSheet(workbook: ExcelJS.Workbook, framework: TFrameworkTransfer["framework"]) {
  const sheet = workbook.addWorksheet(INFO_SHEET);
  sheet.columns = [{ width: 18 }, { width: 90 }];
  const values: Record<TInfoKey, string | number | null> = {
    code: framework.code,
    name: framework.name,
    year: framework.year,
    level: LEVEL_LABELS[framework.level],
    legalBasis: framework.legalBasis ?? null,
  };
  for (const { key, header } of INFO_ROWS) sheet.addRow([header, values[key]]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
}

function addAdjustmentSheet(workbook: ExcelJS.Workbook, adjustments: readonly TFrameworkAdjustment[]) {
  const sheet = workbook.addWorksheet(ADJUSTMENT_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ADJUSTMENT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getColumn("code").numFmt = "@";
  for (const adjustment of adjustments) {
    sheet.addRow({ code: adjustment.code, label: adjustment.label, points: adjustment.points });
    sheet.lastRow!.getCell("points").numFmt = scoreFormat(adjustment.points);
  }
  styleHeader(sheet, ADJUSTMENT_COLUMNS.length);
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads a workbook into a transfer and lists every problem (Vietnamese, with the Excel row when it has one),
 * including the framework checks. Never throws on a bad file. With issues, `transfer` may still be given
 * (the rows that could be read) for a preview; it must not be saved.
 */
export async function readFrameworkWorkbook(buffer: Buffer, fileName = "bo-chi-so.xlsx"): Promise<TTransferRead> {
  const workbook = await loadWorkbook(buffer, fileName);
  if (!workbook) return { transfer: null, issues: [fileIssue(NOT_XLSX)] };
  const info = readInfoSheet(workbook);
  const table = readIndicatorSheet(workbook);
  const adjustments = readAdjustmentSheet(workbook);
  const issues = [...info.issues, ...table.issues, ...adjustments.issues];
  if (!info.framework || !table.indicators) return { transfer: null, issues };
  const framework = { ...info.framework, adjustments: adjustments.adjustments };
  return { transfer: { format: FRAMEWORK_TRANSFER_FORMAT, framework, indicators: table.indicators }, issues };
}

async function loadWorkbook(buffer: Buffer, fileName: string): Promise<ExcelJS.Workbook | null> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // Limits first (size, entries, ratio, rows, cells): a hostile workbook is refused before exceljs inflates it.
    await inspectOfficeFile(buffer, fileName);
  } catch (err) {
    if (isDamagedArchive(err)) return null;
    throw err;
  }
  try {
    // A fresh ArrayBuffer: what exceljs's typings ask for, and it copes with any Buffer offset.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    return null; // not a zip, a truncated download, a PDF renamed to .xlsx…
  }
  return workbook.worksheets.length ? workbook : null; // a zip that is not a workbook
}

function fileIssue(message: string, row: number | null = null, code: string | null = null): TFrameworkIssue {
  return { code, row, message };
}

// Cells ──────────────────────────────────────────────────────────────────────────────────────────────────────

type TPlainValue = string | number | boolean | Date | null;

/** The value a cell shows: formula results, rich text and hyperlinks unwrapped; error values read as empty. */
function plainValue(value: ExcelJS.CellValue): TPlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return plainValue(value.text);
  if ("result" in value) return plainValue(value.result ?? null);
  return null;
}

function cellText(value: ExcelJS.CellValue): string {
  const plain = plainValue(value);
  if (plain === null) return "";
  if (plain instanceof Date) return plain.toISOString().slice(0, 10);
  return fromSpreadsheet(String(plain).trim());
}

/** Accents, case, spacing and punctuation ignored: "Điểm tối đa", "diem toi da" and "ĐIỂM TỐI ĐA:" meet. */
function looseKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, "");
}

/** "10", "10,5", "10.5", "1.000,5" (Vietnamese grouping); null when the text is not a number. */
function parseNumberText(text: string): number | null {
  const compact = text.replace(/\s/g, "").replace("−", "-");
  const decimal = compact.lastIndexOf(",") > compact.lastIndexOf(".") ? "," : ".";
  const plain = compact.replaceAll(decimal === "," ? "." : ",", "").replace(decimal, ".");
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/** Problems found in one row or sheet, as Vietnamese sentence fragments; the caller says where. */
type TProblems = string[];

/** A number cell, or null (with a problem) when it is empty or not a number. */
function readNumber(value: ExcelJS.CellValue, field: string, problems: TProblems): number | null {
  const plain = plainValue(value);
  if (typeof plain === "number") return plain;
  const text = cellText(value);
  const number = parseNumberText(text);
  if (number === null) problems.push(text ? `${field} "${text}" không phải là số` : `thiếu ${field}`);
  return number;
}

const YES = new Set(["co", "x", "✓", "✔", "1", "true", "yes", "dung"]);
const NO = new Set(["", "khong", "0", "false", "no", "-"]);

function readYesNo(value: ExcelJS.CellValue, field: string, problems: TProblems): boolean {
  const folded = foldVietnamese(cellText(value));
  if (YES.has(folded)) return true;
  if (!NO.has(folded)) problems.push(`${field} "${cellText(value)}" không phải là "Có" hoặc "Không"`);
  return false;
}

/** Label → value; also accepts the label without its note in parentheses ("Nhiều ô nhập") and the value itself. */
function labelReader<K extends string>(labels: Record<K, string>): (text: string) => K | undefined {
  const byKey = new Map<string, K>();
  for (const [value, label] of Object.entries(labels) as [K, string][]) {
    for (const form of [value, label, label.replace(/\s*\(.*\)\s*$/, "")]) byKey.set(looseKey(form), value);
  }
  return (text) => byKey.get(looseKey(text));
}

const readValueKindLabel = labelReader(VALUE_KIND_LABELS);
const readRuleTypeLabel = labelReader(RULE_TYPE_LABELS);
const readLevelLabel = labelReader(LEVEL_LABELS);

/** null for an empty cell, undefined (with a problem listing the labels) for an unknown one. */
function readEnum<K extends string>(
  text: string,
  read: (text: string) => K | undefined,
  labels: Record<K, string>,
  field: string,
  problems: TProblems,
): K | null | undefined {
  if (!text) return null;
  const value = read(text);
  if (!value) problems.push(`${field} "${text}" không có trong danh sách: ${Object.values(labels).join("; ")}`);
  return value;
}

// Columns ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Column number of each known header in a row; the first column wins when two carry the same header. */
function mapColumns<K extends string>(row: ExcelJS.Row, columns: readonly TColumn<K>[]): Map<K, number> {
  const keyOf = new Map<string, K>();
  for (const column of columns) {
    for (const header of [column.header, ...(column.synonyms ?? [])]) keyOf.set(looseKey(header), column.key);
  }
  const found = new Map<K, number>();
  row.eachCell((cell, columnNumber) => {
    const key = keyOf.get(looseKey(cellText(cell.value)));
    if (key && !found.has(key)) found.set(key, columnNumber);
  });
  return found;
}

function missingColumns<K extends string>(
  found: Map<K, number>,
  columns: readonly TColumn<K>[],
  required: readonly K[],
) {
  return columns.filter((c) => required.includes(c.key) && !found.has(c.key)).map((c) => c.header);
}

/** A column's header as it reads inside a sentence: "Điểm tối đa" → "điểm tối đa". */
function fieldName(header: string): string {
  return header.charAt(0).toLocaleLowerCase("vi") + header.slice(1);
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => looseKey(sheet.name) === looseKey(name));
}

// Indicator sheet ───────────────────────────────────────────────────────────────────────────────────────────

interface TIndicatorTable {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Map<TIndicatorColumn, number>;
}

/** The sheet named "Bộ chỉ số", else the first sheet with a header row holding "Mã" and "Điểm tối đa". */
function findIndicatorTable(workbook: ExcelJS.Workbook): TIndicatorTable | null {
  const named = findSheet(workbook, INDICATOR_SHEET);
  // A sheet with the expected name is the one, even when its header is incomplete: that gets "Thiếu cột: …".
  if (named) return locateHeader(named) ?? headerAt(named, 1);
  for (const sheet of workbook.worksheets) {
    const table = locateHeader(sheet);
    if (table?.columns.has("maxScore")) return table;
  }
  return null;
}

function locateHeader(sheet: ExcelJS.Worksheet): TIndicatorTable | null {
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); row++) {
    const table = headerAt(sheet, row);
    if (table.columns.has("code")) return table;
  }
  return null;
}

function headerAt(sheet: ExcelJS.Worksheet, headerRow: number): TIndicatorTable {
  return { sheet, headerRow, columns: mapColumns(sheet.getRow(headerRow), INDICATOR_COLUMNS) };
}

/** One indicator row as read: `indicator` has stand-ins (0, null, false) where a cell could not be read. */
interface TRowRead {
  row: number;
  indicator: TTransferIndicator;
  problems: TProblems;
  /** The indicator after the schema (trimmed texts…), when the row has no problem. */
  parsed: TTransferIndicator | null;
}

function readIndicatorSheet(workbook: ExcelJS.Workbook): {
  indicators: TTransferIndicator[] | null;
  issues: TFrameworkIssue[];
} {
  const table = findIndicatorTable(workbook);
  if (!table) return { indicators: null, issues: [fileIssue(NO_INDICATOR_SHEET)] };
  const missing = missingColumns(table.columns, INDICATOR_COLUMNS, REQUIRED_COLUMNS);
  if (missing.length) return { indicators: null, issues: [fileIssue(`Thiếu cột: ${missing.join(", ")}`)] };
  const rows: TRowRead[] = [];
  table.sheet.eachRow((row, rowNumber) => {
    if (rowNumber > table.headerRow && !isEmptyRow(row, table.columns)) rows.push(readIndicatorRow(row, table.columns));
  });
  const rowIssues = rows.flatMap((r) => r.problems.map((p) => rowIssue(r.row, r.indicator.code, p)));
  const issues = [...rowIssues, ...checkTree(rows)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { indicators: rows.flatMap((r) => (r.parsed ? [r.parsed] : [])), issues };
}

function isEmptyRow(row: ExcelJS.Row, columns: Map<TIndicatorColumn, number>): boolean {
  return [...columns.values()].every((column) => cellText(row.getCell(column).value) === "");
}

function rowIssue(row: number, code: string, message: string): TFrameworkIssue {
  return fileIssue(`Dòng ${row}: ${message}`, row, code || null);
}

function readIndicatorRow(row: ExcelJS.Row, columns: Map<TIndicatorColumn, number>): TRowRead {
  const problems: TProblems = [];
  const value = (key: TIndicatorColumn) => {
    const column = columns.get(key);
    return column ? row.getCell(column).value : null;
  };
  const text = (key: TIndicatorColumn) => cellText(value(key));
  // Read in column order, so a row's problems are listed as the eye meets them.
  const code = text("code");
  const maxScore = readNumber(value("maxScore"), FIELD.maxScore, problems) ?? 0;
  const valueKind = readEnum(text("valueKind"), readValueKindLabel, VALUE_KIND_LABELS, FIELD.valueKind, problems);
  const ruleType = readEnum(text("ruleType"), readRuleTypeLabel, RULE_TYPE_LABELS, FIELD.ruleType, problems);
  const params = readParams(text("params"), problems);
  const indicator: TTransferIndicator = {
    code,
    name: text("name"),
    maxScore,
    valueKind: valueKind ?? null,
    inputs: readInputs(params, problems),
    rule: readRule(ruleType, params, problems),
    unitOfMeasure: text("unitOfMeasure") || null,
    evidenceText: text("evidenceText") || null,
    evidenceRequired: readYesNo(value("evidenceRequired"), FIELD.evidenceRequired, problems),
    guidance: text("guidance") || null,
    dataSource: text("dataSource") || null,
    autoMeasured: readYesNo(value("autoMeasured"), FIELD.autoMeasured, problems),
    parentCode: impliedParentCode(code),
    lead: text("lead") || null,
    cooperating: splitUnitList(text("cooperating")),
  };
  const parsed = safeParseVi(ZTransferIndicator, indicator);
  if (!parsed.success)
    problems.push(...firstIssuePerField(parsed.error).map((issue) => describeColumnIssue(issue, INDICATOR_COLUMNS)));
  return { row: row.number, indicator, problems, parsed: parsed.success && !problems.length ? parsed.data : null };
}

/** "6.6.a" → "6.6", "6" → null. */
function impliedParentCode(code: string): string | null {
  const dot = code.lastIndexOf(".");
  return dot > 0 ? code.slice(0, dot) : null;
}

/** An empty code breaks both "required" and "pattern"; the first is the one worth reading. */
function firstIssuePerField(error: z.ZodError): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return error.issues.filter((issue) => {
    const path = formatIssuePath(issue.path);
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  });
}

/**
 * A schema problem named by the column (or "Thông tin" row) it comes from: "tên chỉ số: Vui lòng nhập tên chỉ số".
 * Rules and inputs never get here: "Tham số" is checked on its own, with its own messages.
 */
function describeColumnIssue(issue: z.core.$ZodIssue, columns: readonly TColumn<string>[]): string {
  const column = columns.find((c) => c.key === issue.path[0]);
  return `${column ? fieldName(column.header) : formatIssuePath(issue.path)}: ${issue.message}`;
}

// "Tham số": the rule's parameters and the inputs of a multi-input indicator, as one JSON object.

/** The JSON object of the cell; null (with a problem) when it is not one, {} when the cell is empty. */
function readParams(text: string, problems: TProblems): Record<string, unknown> | null {
  if (!text) return {};
  try {
    const params: unknown = JSON.parse(text);
    if (typeof params === "object" && params !== null && !Array.isArray(params))
      return params as Record<string, unknown>;
  } catch {
    // reported below, as for JSON that is not an object
  }
  problems.push("tham số không phải JSON hợp lệ");
  return null;
}

function readInputs(params: Record<string, unknown> | null, problems: TProblems): TTransferIndicator["inputs"] {
  if (!params?.inputs) return [];
  const parsed = safeParseVi(z.array(ZIndicatorInput), params.inputs);
  if (parsed.success) return parsed.data;
  problems.push(`tham số "inputs" không hợp lệ: ${describeIssues(parsed.error)}`);
  return [];
}

/** A rule from its type and the cell's parameters; null when there is no type or it cannot be read. */
function readRule(
  type: TRuleType | null | undefined,
  params: Record<string, unknown> | null,
  problems: TProblems,
): TScoringRule | null {
  if (!type || !params) {
    const ruleKeys = Object.keys(params ?? {}).filter((key) => key !== "inputs");
    if (type === null && ruleKeys.length) problems.push("có tham số của quy tắc chấm nhưng chưa chọn quy tắc chấm");
    return null;
  }
  const { inputs: _inputs, ...ruleParams } = params;
  const parsed = safeParseVi(ZScoringRule, { ...ruleParams, type });
  const label = RULE_TYPE_LABELS[type];
  if (!parsed.success) {
    problems.push(`tham số của quy tắc "${label}" không hợp lệ: ${describeIssues(parsed.error)}`);
    return null;
  }
  // zod drops unknown keys; a misspelt "fullAtPercnt" would otherwise silently fall back to its default.
  const unknown = Object.keys(ruleParams).filter((key) => !(key in parsed.data));
  if (unknown.length)
    problems.push(`tham số ${unknown.map((k) => `"${k}"`).join(", ")} không dùng cho quy tắc "${label}"`);
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${formatIssuePath(issue.path)}: ${issue.message}` : issue.message))
    .join("; ");
}

/**
 * The framework checks (duplicate codes, parent sums, rules) with the row of each indicator. A row that could
 * not be read was checked with stand-ins, so its own issues and its ancestors' are left out: they would report
 * the stand-in ("sum 30 ≠ 40" when the file says "mười"), not the file. They come back once the row is fixed.
 */
function checkTree(rows: readonly TRowRead[]): TFrameworkIssue[] {
  const coded = rows.filter((r) => r.indicator.code !== "");
  const checked = transferToValidatable(
    { indicators: coded.map((r) => r.indicator) },
    coded.map((r) => r.row),
  );
  const unread = rows.filter((r) => r.problems.length);
  const unreadRows = new Set(unread.map((r) => r.row));
  const ancestors = new Set(unread.flatMap((r) => ancestorCodes(r.indicator.code)));
  return validateFramework(checked)
    .filter((issue) => !unreadRows.has(issue.row ?? -1) && !ancestors.has(issue.code ?? ""))
    .map((issue) => (issue.row ? { ...issue, message: `Dòng ${issue.row}: ${issue.message}` } : issue));
}

function ancestorCodes(code: string): string[] {
  const parent = impliedParentCode(code);
  return parent ? [parent, ...ancestorCodes(parent)] : [];
}

// "Thông tin" and "Điểm thưởng, điểm trừ" ────────────────────────────────────────────────────────────────────

type TFrameworkMeta = Omit<TFrameworkTransfer["framework"], "adjustments">;

function readInfoSheet(workbook: ExcelJS.Workbook): { framework: TFrameworkMeta | null; issues: TFrameworkIssue[] } {
  const sheet = findSheet(workbook, INFO_SHEET);
  const where = `Trang "${INFO_SHEET}"`;
  if (!sheet) {
    return {
      framework: null,
      issues: [fileIssue(`Thiếu trang "${INFO_SHEET}" (mã, tên, năm, phạm vi của bộ chỉ số).`)],
    };
  }
  const values = readInfoValues(sheet);
  const missing = INFO_ROWS.filter((r) => REQUIRED_INFO.includes(r.key) && !cellText(values.get(r.key) ?? null));
  if (missing.length) {
    return { framework: null, issues: [fileIssue(`${where}: thiếu ${missing.map((r) => r.header).join(", ")}.`)] };
  }
  const problems: TProblems = [];
  const year = readNumber(values.get("year") ?? null, "năm", problems);
  const levelText = cellText(values.get("level") ?? null);
  const level = readEnum(levelText, readLevelLabel, LEVEL_LABELS, "phạm vi", problems);
  const parsed = safeParseVi(ZFrameworkCreate, {
    code: cellText(values.get("code") ?? null),
    name: cellText(values.get("name") ?? null),
    year,
    level,
    legalBasis: cellText(values.get("legalBasis") ?? null) || null,
  });
  if (!problems.length && !parsed.success)
    problems.push(...parsed.error.issues.map((issue) => describeColumnIssue(issue, INFO_ROWS)));
  const issues = problems.map((p) => fileIssue(`${where}: ${p}`));
  return { framework: parsed.success && !problems.length ? parsed.data : null, issues };
}

function readInfoValues(sheet: ExcelJS.Worksheet): Map<TInfoKey, ExcelJS.CellValue> {
  const keyOf = new Map<string, TInfoKey>();
  for (const row of INFO_ROWS) {
    for (const label of [row.header, ...("synonyms" in row ? row.synonyms : [])]) keyOf.set(looseKey(label), row.key);
  }
  const values = new Map<TInfoKey, ExcelJS.CellValue>();
  sheet.eachRow((row) => {
    const key = keyOf.get(looseKey(cellText(row.getCell(1).value)));
    if (key && !values.has(key)) values.set(key, row.getCell(2).value);
  });
  return values;
}

function readAdjustmentSheet(workbook: ExcelJS.Workbook): {
  adjustments: TFrameworkAdjustment[];
  issues: TFrameworkIssue[];
} {
  const sheet = findSheet(workbook, ADJUSTMENT_SHEET);
  if (!sheet) return { adjustments: [], issues: [] };
  const where = `Trang "${ADJUSTMENT_SHEET}"`;
  const columns = mapColumns(sheet.getRow(1), ADJUSTMENT_COLUMNS);
  const missing = missingColumns(columns, ADJUSTMENT_COLUMNS, ADJUSTMENT_KEYS);
  if (missing.length) return { adjustments: [], issues: [fileIssue(`${where}: thiếu cột ${missing.join(", ")}`)] };
  const adjustments: TFrameworkAdjustment[] = [];
  const issues: TFrameworkIssue[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = new Map(ADJUSTMENT_KEYS.map((key) => [key, row.getCell(columns.get(key)!).value]));
    if (rowNumber === 1 || [...values.values()].every((value) => !cellText(value))) return;
    const { adjustment, problems } = readAdjustmentRow(values);
    if (adjustment) adjustments.push(adjustment);
    issues.push(...problems.map((p) => fileIssue(`${where}, dòng ${rowNumber}: ${p}`)));
  });
  return { adjustments, issues };
}

function readAdjustmentRow(values: Map<TAdjustmentColumn, ExcelJS.CellValue>) {
  const problems: TProblems = [];
  const text = (key: TAdjustmentColumn) => cellText(values.get(key) ?? null);
  for (const column of ADJUSTMENT_COLUMNS) {
    if (column.key !== "points" && !text(column.key)) problems.push(`thiếu ${fieldName(column.header)}`);
  }
  const points = readNumber(values.get("points") ?? null, "điểm", problems);
  const parsed = safeParseVi(ZFrameworkAdjustment, { code: text("code"), label: text("label"), points });
  if (!problems.length && !parsed.success)
    problems.push(...parsed.error.issues.map((issue) => describeColumnIssue(issue, ADJUSTMENT_COLUMNS)));
  return { adjustment: parsed.success && !problems.length ? parsed.data : null, problems };
}
