import { spreadsheetSafe } from "@chiso/core";
import type ExcelJS from "exceljs";

/** A cell as exported: text a spreadsheet would run as a formula is marked as text (core spreadsheetSafe). */
export function safeCell(value: ExcelJS.CellValue): ExcelJS.CellValue {
  return typeof value === "string" ? spreadsheetSafe(value) : value;
}

export function safeCells<T extends Partial<Record<string, ExcelJS.CellValue>>>(cells: T): T {
  return Object.fromEntries(Object.entries(cells).map(([key, value]) => [key, safeCell(value ?? null)])) as T;
}

/** Every text cell of an in-memory workbook made safe, just before it is written (framework, completeness…). */
export function neutraliseFormulaText(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") cell.value = spreadsheetSafe(cell.value);
      }),
    ),
  );
}
