import type { TRawTable } from "@chiso/core";
import type ExcelJS from "exceljs";
import { loadExcel } from "../../excel.ts";
import { damagedFile } from "./file-errors.ts";

const MAX_ROWS = 5000;
const MAX_COLUMNS = 50;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** What a cell shows, as text: rich text joined, a formula's result, a date as dd/mm/yyyy, a number as JS writes it. */
function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates are calendar days stored as UTC midnight.
    return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return valueText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return String(value.text);
  return "";
}

/**
 * The text of a cell on the sheet's grid. Of a merged range, the top-left cell holds the value: the cells below it
 * in the same column repeat it (a lead unit merged over several rows leads each of them), the cells to its right
 * stay empty (a section title spanning the row is one cell).
 */
function cellText(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  const cell = sheet.getCell(row, col);
  const master = cell.isMerged ? cell.master : cell;
  if (master !== cell && Number(master.col) !== col) return "";
  return valueText(master.value).replace(/\r\n?/g, "\n").trim();
}

/** Each visible sheet as a table (the sheet name as its title); the importer finds the task tables inside. */
export async function readWorkbook(content: Buffer, fileName: string): Promise<TRawTable[]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    throw damagedFile(fileName);
  }
  return workbook.worksheets
    .filter((sheet) => sheet.state === "visible")
    .map((sheet) => {
      const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
      const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
      const rows: string[][] = [];
      for (let r = 1; r <= rowCount; r++) {
        rows.push(Array.from({ length: columnCount }, (_, c) => cellText(sheet, r, c + 1)));
      }
      return { title: sheet.name, rows };
    });
}
