import { z } from "zod";
import { foldVietnamese } from "../text/fold.ts";
import { looksLikeTaskNumber } from "./numbering.ts";

/** What a column of a task table can hold. A column mapped to nothing (null) is ignored ("Điểm tối đa", "Ghi chú"). */
export const TASK_FIELDS = [
  "number",
  "content",
  "lead",
  "cooperating",
  "output",
  "timeframe",
  "leader",
  "budgetAmount",
  "budgetSource",
  "budgetBasis",
] as const;
export const ZTaskField = z.enum(TASK_FIELDS);
export type TTaskField = z.infer<typeof ZTaskField>;

/** One entry per column of the table, in order. */
export type TColumnMapping = (TTaskField | null)[];

export const TASK_FIELD_LABELS: Record<TTaskField, { vi: string; en: string }> = {
  number: { vi: "STT", en: "No." },
  content: { vi: "Nội dung nhiệm vụ", en: "Task" },
  lead: { vi: "Đơn vị chủ trì", en: "Lead unit" },
  cooperating: { vi: "Đơn vị phối hợp", en: "Cooperating units" },
  output: { vi: "Kết quả / sản phẩm đầu ra", en: "Expected result / output" },
  timeframe: { vi: "Thời gian thực hiện", en: "Timeframe" },
  leader: { vi: "Lãnh đạo chỉ đạo", en: "Directing leader" },
  budgetAmount: { vi: "Kinh phí (triệu đồng)", en: "Budget (million VND)" },
  budgetSource: { vi: "Nguồn vốn", en: "Capital source" },
  budgetBasis: { vi: "Căn cứ pháp lý", en: "Legal basis" },
};

/**
 * Header words → field, tried in this order on the folded header text (so "Lãnh đạo Sở chỉ đạo thực hiện" is the
 * leader, not a lead unit, and "Cơ quan phối hợp (triển khai…)" is cooperating). Whole words only.
 */
const HEADER_RULES: readonly [TTaskField, RegExp][] = [
  ["number", /^(?:stt|tt|so tt|so thu tu|thu tu)$/],
  ["leader", /\blanh dao\b/],
  ["budgetSource", /\bnguon (?:von|kinh phi)\b/],
  ["budgetAmount", /\b(?:tong muc dau tu|kinh phi|du toan|so tien|tong von|von dau tu|muc dau tu)\b/],
  ["budgetBasis", /\b(?:can cu|co so phap ly|phap ly)\b/],
  ["cooperating", /\bphoi hop\b/],
  ["timeframe", /\b(?:thoi gian|thoi han|tien do|han hoan thanh)\b/],
  ["lead", /\b(?:chu tri|phu trach|phan cong|don vi thuc hien|co quan thuc hien)\b/],
  ["output", /\b(?:ket qua|san pham)\b/],
  ["content", /\b(?:nhiem vu|noi dung|chi so|tieu chi|hoat dong|du an|cong viec|giai phap|ten)\b/],
];

/** Header cells are labels; a longer cell is a sentence of a data row that happens to contain a header word. */
const MAX_HEADER_CELL = 100;

function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The field a header cell names, or null. */
export function detectColumnField(header: string): TTaskField | null {
  if (header.length > MAX_HEADER_CELL) return null;
  const key = headerKey(header);
  if (key === "") return null;
  for (const [field, pattern] of HEADER_RULES) if (pattern.test(key)) return field;
  return null;
}

/** Maps header cells to fields; a field already taken by an earlier column is not given twice. */
export function detectColumns(header: readonly string[]): TColumnMapping {
  const taken = new Set<TTaskField>();
  return header.map((cell) => {
    let field = detectColumnField(cell);
    // A budget table names the project first ("Tên dự án") and then "Mục tiêu, nội dung đầu tư": the second
    // describes what the project delivers, so it is read as the expected result rather than dropped.
    if (field === "content" && taken.has("content") && /\bmuc tieu\b/.test(headerKey(cell))) field = "output";
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * A header row names the task content and at least one other field, and is not a numbered data row. Without an
 * STT/TT column it must name three fields, so a data row whose cells happen to say "nhiệm vụ … chủ trì" is not
 * taken for a header.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim() !== "") ?? "";
  if (looksLikeTaskNumber(first)) return false;
  const mapping = detectColumns(cells);
  const fields = mapping.filter((f): f is TTaskField => f !== null);
  if (!fields.includes("content")) return false;
  return fields.includes("number") ? fields.length >= 2 : fields.length >= 3;
}

/** "1 | 2 | 3 | … | 9" (or "(1) (2) …") under the header: column numbers, not a task. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length < 3) return false;
  return filled.every((cell, i) => {
    const match = /^\(?(\d{1,2})\)?$/.exec(cell);
    return match !== null && Number(match[1]) === i + 1;
  });
}

/** Folded cells, to recognise the header row repeated on every page of a long table. */
export function headerSignature(cells: readonly string[]): string {
  return cells.map(headerKey).join("|");
}

/** Problems that make a mapping unusable (Vietnamese, for the user); empty when it can be imported. */
export function checkColumnMapping(mapping: TColumnMapping): string[] {
  const problems: string[] = [];
  if (!mapping.includes("content")) problems.push("Chưa chọn cột nội dung nhiệm vụ.");
  const seen = new Set<TTaskField>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) problems.push(`Cột "${TASK_FIELD_LABELS[field].vi}" được chọn cho nhiều cột trong tệp.`);
    seen.add(field);
  }
  return [...new Set(problems)];
}
