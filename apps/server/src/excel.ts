import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded with the first Excel file rather than at start: it takes about a second to load (a third of
 * the server's start-up), and most processes serve pages long before anyone imports or exports a workbook.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((module) => module.default);
  return loading;
}
