import { parseTimeframe, type TParsedTimeframe } from "../calendar/timeframe.ts";
import { parseNumberVi } from "../text/number.ts";
import { splitUnitList } from "../text/unit-names.ts";
import { headerSignature, isColumnNumberRow, isHeaderRow, type TColumnMapping, type TTaskField } from "./columns.ts";
import { nestsUnder, parseTaskNumber, type TTaskNumber } from "./numbering.ts";
import type { TTableRow } from "./tables.ts";

export type TRowKind = "task" | "section" | "skipped";
export type TSkipReason = "header" | "column_numbers" | "empty" | "continuation";

/** A row of an imported task table after the column mapping: a task, a section heading, or a skipped row. */
export interface TMappedRow {
  /** Position in the table's rows. */
  index: number;
  kind: TRowKind;
  skip: TSkipReason | null;
  /** For a continuation row: the row it was joined to. */
  mergedInto: number | null;
  number: string | null;
  /** The section or numbered task it nests under (index of that row), as the numbering says. */
  parentIndex: number | null;
  depth: number;
  content: string;
  leadText: string | null;
  cooperatingText: string | null;
  outputText: string | null;
  timeframeText: string | null;
  timeframe: TParsedTimeframe | null;
  directingLeader: string | null;
  budgetAmount: number | null;
  budgetSource: string | null;
  budgetBasis: string | null;
  /** Unit names read from the lead and cooperating cells (splitUnitList). */
  leadNames: string[];
  cooperatingNames: string[];
  /** Things done to the row that the user should know (a continuation joined). */
  notes: string[];
  /** Things the user should check (no lead unit, a timeframe that could not be read). */
  warnings: string[];
  table: number;
  row: number;
}

export interface TMapRowsInput {
  header: readonly string[];
  rows: readonly TTableRow[];
  mapping: TColumnMapping;
  /** Year for timeframes that omit it ("Quý I"), usually the plan's first year. */
  defaultYear?: number;
}

export interface TMappedTable {
  rows: TMappedRow[];
  /** About the table as a whole (a column that is missing). */
  warnings: string[];
}

type TFields = Record<TTaskField, string>;

/** Fields that make a row a task rather than a heading: a heading row only has a number and a title. */
const TASK_COLUMNS: readonly TTaskField[] = [
  "lead",
  "cooperating",
  "output",
  "timeframe",
  "leader",
  "budgetAmount",
  "budgetSource",
  "budgetBasis",
];

/** Cell text with single spaces; line breaks kept for the unit lists, where they may separate names. */
function cleanCell(text: string): string {
  const lines = text
    .normalize("NFC")
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const joined = lines.join("\n");
  // A lone dash is how plans write "none".
  return /^[-–—]$/.test(joined) ? "" : joined;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

function readFields(cells: readonly string[], mapping: TColumnMapping): TFields {
  const fields = Object.fromEntries(["number", "content", ...TASK_COLUMNS].map((f) => [f, ""])) as TFields;
  mapping.forEach((field, i) => {
    if (field) fields[field] = cleanCell(cells[i] ?? "");
  });
  return fields;
}

const hasTaskColumns = (fields: TFields) => TASK_COLUMNS.some((f) => fields[f] !== "");
const startsLowercase = (text: string) => /^\p{Ll}/u.test(text);

/**
 * "1.500" → 1500, "1.234,5" → 1234.5, "2,5" → 2.5 (Vietnamese: dot groups thousands, comma marks decimals).
 * A dot followed by other than three digits ("2.5", as an Excel number cell reads) is a decimal point.
 */
export function parseAmountVi(text: string): number | null {
  const compact = text.replace(/\s+/g, "").replace(/(?:triệuđồng|trđ|tr\.đ|đồng)$/iu, "");
  // The Vietnamese way first, by the one parser every numeric field uses; then an Excel cell's own text ("2.5").
  const parsed = /^\d[\d.,]*$/.test(compact) ? parseNumberVi(compact) : null;
  if (parsed?.kind === "number") return parsed.value;
  if (/^\d+\.(?:\d{1,2}|\d{4,})$/.test(compact)) return Number(compact);
  return null;
}

interface TWorkRow {
  index: number;
  source: TTableRow;
  fields: TFields;
  number: TTaskNumber;
  skip: TSkipReason | null;
  mergedInto: number | null;
  notes: string[];
}

/**
 * A row with no number and no lead unit continues the task above when its text carries on mid-sentence (it starts
 * in lowercase) or it only fills other cells — a row Word broke across a page. A row with its own lead unit is a
 * task of its own, even without a number (seed 003 lists unnumbered sub-tasks).
 */
function continues(row: TWorkRow, previous: TWorkRow | undefined): boolean {
  if (!previous || row.number.kind !== "none" || row.fields.lead !== "") return false;
  if (row.fields.content !== "" && !startsLowercase(row.fields.content)) return false;
  return hasTaskColumns(previous.fields) || !hasTaskColumns(row.fields);
}

function join(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return `${a} ${b}`;
}

function classifySkips(input: TMapRowsInput): TWorkRow[] {
  const headerSig = headerSignature(input.header);
  const work: TWorkRow[] = [];
  let previous: TWorkRow | undefined;
  input.rows.forEach((source, index) => {
    const fields = readFields(source.cells, input.mapping);
    const row: TWorkRow = {
      index,
      source,
      fields,
      number: parseTaskNumber(fields.number),
      skip: null,
      mergedInto: null,
      notes: [],
    };
    work.push(row);
    if (headerSignature(source.cells) === headerSig || isHeaderRow(source.cells)) row.skip = "header";
    else if (isColumnNumberRow(source.cells)) row.skip = "column_numbers";
    else if (Object.values(fields).every((v) => v === "")) row.skip = "empty";
    else if (continues(row, previous) && previous) {
      row.skip = "continuation";
      row.mergedInto = previous.index;
      for (const key of Object.keys(fields) as TTaskField[]) {
        if (key !== "number") previous.fields[key] = join(previous.fields[key], fields[key]);
      }
      const label = previous.fields.number || `ở dòng ${previous.source.row}`;
      const why = source.afterBreak ? "nội dung tiếp nối sang trang sau" : "dòng không có STT, nội dung viết tiếp";
      previous.notes.push(`Đã ghép dòng ${source.row} (bảng ${source.table}) vào nhiệm vụ ${label}: ${why}.`);
    }
    if (row.skip === null) previous = row;
  });
  return work;
}

/** A row without task cells is a heading when it is a roman section or the rows after it nest under it. */
function isSection(row: TWorkRow, next: TWorkRow | undefined): boolean {
  if (hasTaskColumns(row.fields)) return false;
  if (row.number.kind === "roman") return true;
  if (row.number.kind !== "arabic" && row.number.kind !== "letter") return false;
  if (!next) return false;
  return next.number.kind === "none" || nestsUnder(row.number, next.number);
}

function rowWarnings(fields: TFields, mapping: TColumnMapping, timeframe: TParsedTimeframe | null): string[] {
  const warnings: string[] = [];
  if (fields.content === "") warnings.push("Thiếu nội dung nhiệm vụ.");
  if (mapping.includes("lead") && fields.lead === "") warnings.push("Chưa có đơn vị chủ trì.");
  if (mapping.includes("timeframe")) {
    if (fields.timeframe === "") warnings.push("Chưa có thời gian thực hiện: không theo dõi được quá hạn.");
    else if (timeframe?.kind === "unparsed") {
      warnings.push(
        `Không đọc được thời gian "${oneLine(fields.timeframe)}": giữ nguyên văn bản, không tính quá hạn (cần kiểm tra).`,
      );
    }
  }
  if (fields.budgetAmount !== "" && parseAmountVi(fields.budgetAmount) === null) {
    warnings.push(
      `Không đọc được kinh phí "${oneLine(fields.budgetAmount)}" (ghi số triệu đồng, ví dụ 1.500 hoặc 2,5).`,
    );
  }
  return warnings;
}

const orNull = (text: string) => (text === "" ? null : text);

/**
 * Applies a column mapping to the rows of a task table: drops repeated headers, the column-number row and empty
 * rows, joins continuation rows, tells sections from tasks, nests rows by their numbering and reads timeframes,
 * amounts and unit names. Pure: the preview and the import run exactly this.
 */
export function mapTaskRows(input: TMapRowsInput): TMappedTable {
  const work = classifySkips(input);
  const kept = work.filter((w) => w.skip === null);
  const kinds = new Map<number, "task" | "section">();
  kept.forEach((row, i) => {
    kinds.set(row.index, isSection(row, kept[i + 1]) ? "section" : "task");
  });

  // Nesting: a stack of open numbered rows; an unnumbered row goes under the nearest open section.
  const stack: TWorkRow[] = [];
  const parentOf = new Map<number, number | null>();
  const depthOf = new Map<number, number>();
  const seenNumbers = new Map<string, number>();
  const duplicateWarnings = new Map<number, string>();
  for (const row of kept) {
    let parent: TWorkRow | undefined;
    if (row.number.kind === "none" || row.number.kind === "other") {
      parent = [...stack].reverse().find((open) => kinds.get(open.index) === "section");
    } else {
      while (stack.length > 0 && !nestsUnder(stack[stack.length - 1]!.number, row.number)) stack.pop();
      parent = stack[stack.length - 1];
      stack.push(row);
    }
    parentOf.set(row.index, parent?.index ?? null);
    depthOf.set(row.index, parent ? (depthOf.get(parent.index) ?? 0) + 1 : 0);
    if (row.number.kind !== "none") {
      const key = `${parent?.index ?? "root"}:${row.number.label}`;
      const earlier = seenNumbers.get(key);
      if (earlier !== undefined) duplicateWarnings.set(row.index, `Số thứ tự "${row.fields.number}" bị trùng.`);
      else seenNumbers.set(key, row.index);
    }
  }

  const rows = work.map((row): TMappedRow => {
    const { fields, source } = row;
    const kind: TRowKind = row.skip ? "skipped" : (kinds.get(row.index) ?? "task");
    const isTask = kind === "task";
    const timeframeText = oneLine(fields.timeframe);
    const timeframe =
      isTask && timeframeText !== "" ? parseTimeframe(timeframeText, { defaultYear: input.defaultYear }) : null;
    const duplicate = duplicateWarnings.get(row.index);
    return {
      index: row.index,
      kind,
      skip: row.skip,
      mergedInto: row.mergedInto,
      number: orNull(fields.number),
      parentIndex: parentOf.get(row.index) ?? null,
      depth: depthOf.get(row.index) ?? 0,
      content: oneLine(fields.content),
      leadText: orNull(oneLine(fields.lead)),
      cooperatingText: orNull(oneLine(fields.cooperating)),
      outputText: orNull(oneLine(fields.output)),
      timeframeText: orNull(timeframeText),
      timeframe,
      directingLeader: orNull(oneLine(fields.leader)),
      budgetAmount: fields.budgetAmount === "" ? null : parseAmountVi(fields.budgetAmount),
      budgetSource: orNull(oneLine(fields.budgetSource)),
      budgetBasis: orNull(oneLine(fields.budgetBasis)),
      leadNames: isTask && fields.lead ? splitUnitList(fields.lead) : [],
      cooperatingNames: isTask && fields.cooperating ? splitUnitList(fields.cooperating) : [],
      notes: row.notes,
      warnings: [
        ...(isTask ? rowWarnings(fields, input.mapping, timeframe) : []),
        ...(duplicate && kind !== "skipped" ? [duplicate] : []),
      ],
      table: source.table,
      row: source.row,
    };
  });
  return { rows, warnings: tableWarnings(input.mapping) };
}

function tableWarnings(mapping: TColumnMapping): string[] {
  const warnings: string[] = [];
  if (!mapping.includes("lead"))
    warnings.push("Chưa chọn cột đơn vị chủ trì: nhiệm vụ sẽ không có đơn vị cập nhật tiến độ.");
  if (!mapping.includes("timeframe"))
    warnings.push("Chưa chọn cột thời gian thực hiện: không theo dõi được nhiệm vụ quá hạn.");
  if (!mapping.includes("number")) warnings.push("Chưa chọn cột STT: không xác định được mục và thứ tự nhiệm vụ.");
  return warnings;
}

/** Rows that become tasks or sections, in order (what an import saves). */
export function importableRows<R extends Pick<TMappedRow, "kind">>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.kind !== "skipped");
}
