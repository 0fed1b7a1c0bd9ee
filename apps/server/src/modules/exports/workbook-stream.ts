import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcel } from "../../excel.ts";
import { styleHeader } from "../frameworks/excel.ts";
import { safeCell, safeCells } from "./safe-cells.ts";

/*
 * Excel exports written row by row into the response (exceljs's streaming writer): a province's reports or a
 * plan's tasks never sit in memory as a whole workbook. Every table sheet looks the same as the framework
 * workbook — bold tinted header row with a filter (frozen), fixed widths, number formats per column.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Points as published: always two decimals ("41,20" in a Vietnamese Excel). */
export const POINTS_FORMAT = "0.00";
export const INDEX_FORMAT = "0.0000";
export const DATE_FORMAT = "dd/mm/yyyy";
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
export const INTEGER_FORMAT = "#,##0";
export const PERCENT_FORMAT = "0%";

export interface TSheetColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

export interface TSheetRow<K extends string> {
  cells: Partial<Record<K, ExcelJS.CellValue>>;
  bold?: boolean;
  /** Per-cell number formats that differ from the column's (a maximum score's own decimals). */
  formats?: Partial<Record<K, string>>;
  /** Indent of the first text column (tree depth). */
  indent?: number;
}

export async function openStreamingWorkbook(output: Writable): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Chỉ số";
  return workbook;
}

/** A table sheet being written: rows are committed (and leave memory) as they are added. */
export interface TTableSheet<K extends string> {
  add(row: TSheetRow<K>): void;
  commit(): void;
}

/** Opens a table sheet with its styled, frozen header row; rows follow with `add`, possibly as they are read. */
export function openTableSheet<K extends string>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly TSheetColumn<K>[],
  options: { indentColumn?: K } = {},
): TTableSheet<K> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const column of columns) {
    const sheetColumn = sheet.getColumn(column.key);
    if (column.numFmt) sheetColumn.numFmt = column.numFmt;
    sheetColumn.alignment = { vertical: "top", wrapText: column.wrap ?? false };
  }
  styleHeader(sheet, columns.length);
  sheet.getRow(1).commit();
  return {
    add(row) {
      const added = sheet.addRow(safeCells(row.cells));
      if (row.bold) added.font = { bold: true };
      for (const [key, numFmt] of Object.entries(row.formats ?? {}) as [K, string][])
        added.getCell(key).numFmt = numFmt;
      if (options.indentColumn && row.indent) {
        added.getCell(options.indentColumn).alignment = { vertical: "top", wrapText: true, indent: row.indent };
      }
      added.commit();
    },
    commit: () => sheet.commit(),
  };
}

/** One table sheet, written and committed row by row. */
export function writeTableSheet<K extends string>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly TSheetColumn<K>[],
  rows: Iterable<TSheetRow<K>>,
  options: { indentColumn?: K } = {},
): void {
  const sheet = openTableSheet(workbook, name, columns, options);
  for (const row of rows) sheet.add(row);
  sheet.commit();
}

/** A two-column "label | value" sheet (period, scope, time of export). */
export function writeInfoSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  rows: readonly [string, ExcelJS.CellValue, string?][],
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 28 }, { width: 80 }];
  for (const [label, value, numFmt] of rows) {
    const row = sheet.addRow([label, safeCell(value)]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: "left", wrapText: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  }
  sheet.commit();
}

/**
 * An instant as Excel shows it: Excel dates have no zone, so the value carries Vietnam's wall-clock time
 * (UTC+7 all year, no daylight saving) — 24/06/2025 23:59 is what the user saw on screen.
 */
export function vietnamExcelTime(iso: string | Date | null): Date | null {
  if (iso === null) return null;
  const instant = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime() + 7 * 3600_000);
}

/** "2025-05-10" (a calendar day) as an Excel date; null for anything else. */
export function excelDate(isoDay: string | null): Date | null {
  if (!isoDay || !/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) return null;
  const date = new Date(`${isoDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
