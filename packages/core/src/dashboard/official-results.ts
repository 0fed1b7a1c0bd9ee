import type { TOfficialResult } from "../contracts/dashboard.ts";
import type { TFrameworkIssue } from "../contracts/frameworks.ts";
import { foldVietnamese } from "../text/fold.ts";

export type TCell = string | number | null;

interface TMainColumn {
  code: string;
  name: string;
}

/** Pillars of the national DTI as the ministry names them. */
const PILLARS = ["Chính quyền số", "Kinh tế số", "Xã hội số"];

type TColumn =
  | { kind: "province" }
  | { kind: "index" }
  | { kind: "rank" }
  | { kind: "note" }
  | { kind: "main"; code: string }
  | { kind: "mainRank"; code: string }
  | { kind: "pillar"; name: string };

const fold = (v: TCell) => foldVietnamese(String(v ?? ""));

/** Recognises a header cell: the province, the index, the rank, a main indicator (by code or name), a pillar. */
function classify(header: TCell, mains: readonly TMainColumn[]): TColumn | null {
  const h = fold(header);
  if (!h) return null;
  if (/^(tinh|thanh pho|tinh\/thanh pho|tinh, thanh pho|dia phuong|don vi)/.test(h)) return { kind: "province" };
  if (/^(ghi chu)/.test(h)) return { kind: "note" };
  const isRank = /(xep hang|^hang$|thu hang)/.test(h);
  for (const main of mains) {
    const byName = h.includes(fold(main.name));
    const byCode = new RegExp(`^(cs|chi so|tp)?\\s*${main.code.replace(".", "\\.")}(\\b|$)`).test(h);
    if (byName || byCode) return isRank ? { kind: "mainRank", code: main.code } : { kind: "main", code: main.code };
  }
  for (const pillar of PILLARS)
    if (h.includes(fold(pillar)) && !h.includes("hoat dong")) return { kind: "pillar", name: pillar };
  if (isRank) return { kind: "rank" };
  if (/(dti|chi so chuyen doi so|^chi so$|diem chi so)/.test(h)) return { kind: "index" };
  return null;
}

/** "0,5123", 0.5123, "51,23%" and 51.23 all mean 0.5123. */
function readValue(cell: TCell): number | null {
  if (cell === null || cell === "") return null;
  const text = String(cell).trim().replace(/\s/g, "");
  const percent = text.endsWith("%");
  const digits = percent ? text.slice(0, -1) : text;
  // "1.234,5": dots group thousands when a comma marks the decimals.
  const n = Number((digits.includes(",") ? digits.replace(/\./g, "") : digits).replace(",", "."));
  if (!Number.isFinite(n) || n < 0) return Number.NaN;
  return percent || n > 1 ? n / 100 : n;
}

function readRank(cell: TCell): number | null {
  if (cell === null || cell === "") return null;
  const n = Number(String(cell).trim());
  return Number.isInteger(n) && n >= 1 ? n : Number.NaN;
}

/** Puts one cell into the result, or reports why it cannot. */
function readCell(result: TOfficialResult, column: TColumn, cell: TCell, problem: (message: string) => void) {
  switch (column.kind) {
    case "province":
      result.province = String(cell ?? "").trim();
      return;
    case "note":
      result.note = cell === null || cell === "" ? null : String(cell);
      return;
    case "rank":
    case "mainRank": {
      const rank = readRank(cell);
      if (Number.isNaN(rank)) return problem(`thứ hạng "${cell}" không phải số nguyên dương.`);
      if (column.kind === "rank") result.rank = rank ?? 0;
      else if (rank !== null)
        result.mainValues[column.code] = { value: result.mainValues[column.code]?.value ?? 0, rank };
      return;
    }
    default: {
      const value = readValue(cell);
      if (Number.isNaN(value) || (value !== null && value > 1)) {
        return problem(`giá trị "${cell}" không hợp lệ (cần từ 0 đến 1, hoặc 0–100%).`);
      }
      if (value === null) return column.kind === "index" ? problem("thiếu chỉ số DTI.") : undefined;
      if (column.kind === "index") result.index = value;
      else if (column.kind === "main")
        result.mainValues[column.code] = { rank: result.mainValues[column.code]?.rank ?? null, value };
      else result.pillarValues[column.name] = value;
    }
  }
}

/**
 * Reads a published national results table (one row per province) into results for one year. Every problem
 * is reported with its row so that nothing is saved from a wrong file.
 */
export function parseOfficialResults(
  rows: readonly (readonly TCell[])[],
  year: number,
  mains: readonly TMainColumn[],
): { results: TOfficialResult[]; issues: TFrameworkIssue[] } {
  const headerIndex = rows.findIndex((r) => r.some((c) => classify(c, mains)?.kind === "province"));
  if (headerIndex < 0) {
    return {
      results: [],
      issues: [{ code: null, row: null, message: 'Không tìm thấy dòng tiêu đề có cột "Tỉnh/Thành phố".' }],
    };
  }
  const columns = rows[headerIndex]!.map((c) => classify(c, mains));
  const missing = (["province", "index", "rank"] as const).filter((k) => !columns.some((c) => c?.kind === k));
  if (missing.length) {
    const names = { province: "Tỉnh/Thành phố", index: "Chỉ số DTI", rank: "Xếp hạng" };
    return {
      results: [],
      issues: [{ code: null, row: headerIndex + 1, message: `Thiếu cột: ${missing.map((k) => names[k]).join(", ")}.` }],
    };
  }
  const results: TOfficialResult[] = [];
  const issues: TFrameworkIssue[] = [];
  const seen = new Set<string>();
  rows.slice(headerIndex + 1).forEach((cells, offset) => {
    const rowNumber = headerIndex + 2 + offset;
    if (cells.every((c) => c === null || String(c).trim() === "")) return;
    const problem = (message: string) => {
      issues.push({ code: null, row: rowNumber, message: `Dòng ${rowNumber}: ${message}` });
    };
    const result: TOfficialResult = {
      year,
      province: "",
      index: 0,
      rank: 0,
      mainValues: {},
      pillarValues: {},
      note: null,
    };
    columns.forEach((column, i) => {
      if (column) readCell(result, column, cells[i] ?? null, problem);
    });
    if (!result.province) {
      problem("thiếu tên tỉnh/thành phố.");
      return;
    }
    if (!result.rank) problem("thiếu xếp hạng.");
    const key = foldVietnamese(result.province);
    if (seen.has(key)) problem(`tỉnh "${result.province}" bị lặp.`);
    seen.add(key);
    results.push(result);
  });
  if (!results.length && !issues.length)
    issues.push({ code: null, row: null, message: "Tệp không có dòng số liệu nào." });
  if (results.length > 70)
    issues.push({ code: null, row: null, message: `Tệp có ${results.length} dòng: nhiều hơn số tỉnh, thành phố.` });
  return { results, issues };
}
