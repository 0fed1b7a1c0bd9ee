import {
  detectColumns,
  headerSignature,
  isColumnNumberRow,
  isHeaderRow,
  type TColumnMapping,
  type TTaskField,
} from "./columns.ts";
import { looksLikeTaskNumber } from "./numbering.ts";

/** A table as a reader found it: a Word table or an Excel sheet, cells as text, merged cells already resolved. */
export interface TRawTable {
  /** What stands before it: the paragraph above a Word table ("PHỤ LỤC 1: …"), or the sheet name. */
  title: string | null;
  rows: string[][];
}

/** A row of a task table, with where it came from. */
export interface TTableRow {
  cells: string[];
  /** First row after a page break: after the header repeated, or at the top of the next table of the group. */
  afterBreak: boolean;
  /** 1-based table (or sheet) and row, for messages the user can find in the file. */
  table: number;
  row: number;
}

/** A task table: one header, and the rows of every table part that repeats it (a table split across pages). */
export interface TTaskTable {
  title: string | null;
  header: string[];
  mapping: TColumnMapping;
  rows: TTableRow[];
}

export interface TFoundTables {
  tables: TTaskTable[];
  /** Text above the first task table in the same tables (an Excel sheet's title rows), for the plan header. */
  preamble: string[];
}

const clean = (cell: string) => cell.replace(/\s+/g, " ").trim();
const isBlank = (cells: readonly string[]) => cells.every((c) => clean(c) === "");

/**
 * A header split over two rows ("Kinh phí" above "Tổng mức đầu tư | Nguồn vốn") is read as one: the second row
 * is joined to the first when it names a field the first did not and is not data.
 */
function joinSubHeader(header: string[], next: string[] | undefined): string[] | null {
  if (!next || isColumnNumberRow(next) || looksLikeTaskNumber(next.find((c) => clean(c) !== ""))) return null;
  const before = new Set(detectColumns(header).filter((f): f is TTaskField => f !== null));
  const joined = header.map((cell, i) => clean(`${cell} ${next[i] ?? ""}`));
  const added = detectColumns(next).some((f) => f !== null && !before.has(f));
  return added && next.every((c) => clean(c).length <= 60) ? joined : null;
}

function pad(cells: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? "");
}

/**
 * Finds the task tables of a document. A table whose header equals the current table's header continues it (Word
 * repeats the header on each page, or the author split the table); a table without a header and of the same width
 * continues it too. The repeated header rows stay in `rows` so the preview can show every row; mapping skips them.
 */
export function findTaskTables(raw: readonly TRawTable[]): TFoundTables {
  const tables: TTaskTable[] = [];
  const preamble: string[] = [];
  let current: (TTaskTable & { signature: string; width: number }) | null = null;

  raw.forEach((table, t) => {
    // A new table while a task table is open is a page or table break; without a header of its own it continues
    // the open table only when it has the same number of columns (a signature block or a layout table does not).
    let afterBreak = current !== null;
    let continues = current !== null && tableWidth(table) === current.width;
    for (let r = 0; r < table.rows.length; r++) {
      const cells = table.rows[r] ?? [];
      if (isBlank(cells)) continue;
      if (isHeaderRow(cells)) {
        const sub = joinSubHeader(cells.map(clean), table.rows[r + 1]);
        const header = sub ?? cells.map(clean);
        const signature = headerSignature(header);
        const repeated = current !== null && current.signature === signature;
        if (current && repeated) {
          current.rows.push({ cells: pad(cells, current.width), afterBreak: false, table: t + 1, row: r + 1 });
        } else {
          current = {
            title: table.title,
            header,
            mapping: detectColumns(header),
            rows: [],
            signature,
            width: header.length,
          };
          tables.push(current);
        }
        if (sub) r++;
        afterBreak = repeated;
        continues = true;
        continue;
      }
      if (!current) {
        // Text above any task table: an Excel sheet's title rows.
        preamble.push(cells.map(clean).filter(Boolean).join(" "));
        continue;
      }
      if (!continues) continue;
      current.rows.push({ cells: pad(cells, current.width), afterBreak, table: t + 1, row: r + 1 });
      afterBreak = false;
    }
  });
  return {
    tables: tables.map(({ title, header, mapping, rows }) => ({ title, header, mapping, rows })),
    preamble,
  };
}

function tableWidth(table: TRawTable): number {
  return Math.max(0, ...table.rows.map((cells) => cells.length));
}
