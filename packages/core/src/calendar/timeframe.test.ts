import { describe, expect, it } from "vitest";
import { isOverdue, parseTimeframe, type TParsedTimeframe, ZParsedTimeframe } from "./timeframe.ts";

const range = (start: string | null, end: string): TParsedTimeframe => ({ kind: "range", start, end });
const unparsed = (text: string): TParsedTimeframe => ({ kind: "unparsed", text });

/**
 * Every distinct "Thời gian thực hiện" cell of the seeds' task tables.
 * Seed 001's appendices have no timeframe column (Phụ lục I assigns indicators, Phụ lục II is prose), so its
 * timeframes are the phrases in the text, listed in the next table.
 */
const SEED_TABLE_CELLS: [seed: string, cell: string, expected: TParsedTimeframe][] = [
  ["000", "Năm 2025 và các năm tiếp theo", { kind: "recurring_yearly", fromYear: 2025 }],
  ["000", "Năm 2025", range("2025-01-01", "2025-12-31")],
  ["003", "Năm 2025", range("2025-01-01", "2025-12-31")],
  ["003", "Quý I-IV/2025", range("2025-01-01", "2025-12-31")],
  ["003", "Quý I-II/2025", range("2025-01-01", "2025-06-30")],
  ["003", "Quý III-IV/2025", range("2025-07-01", "2025-12-31")],
  ["003", "Quý I/2025", range("2025-01-01", "2025-03-31")],
  ["003", "QI/2025", range("2025-01-01", "2025-03-31")],
  ["003", "Quý III/2025", range("2025-07-01", "2025-09-30")],
  ["003", "Quý IV/2025", range("2025-10-01", "2025-12-31")],
  ["003", "Tháng 1-2/2025", range("2025-01-01", "2025-02-28")],
  ["003", "Thường xuyên", { kind: "ongoing" }],
];

/** Cells the parser must leave as text, each with the reason. */
const SEED_UNPARSED_CELLS: [seed: string, cell: string, reason: string][] = [
  [
    "003",
    "Quý II, Quý IV/2025",
    "two separate quarters: a single range Q2–Q4 would wrongly include Q3; the user must split the task",
  ],
  ["000", "Năm 2025 và các", "half of a cell cut by a page break; the importer must join the continuation row first"],
  ["000", "năm tiếp theo", "the other half of the same page-broken cell: no year at all"],
  ["003", "", "empty cell of a sub-row that inherits the timeframe of the row above"],
];

/** Timeframe phrases inside the seeds' text (seed 001 Phụ lục II, seed 003 sections II and IV). */
const SEED_TEXT_PHRASES: [seed: string, phrase: string, expected: TParsedTimeframe][] = [
  ["001", "giai đoạn 2026-2030", range("2026-01-01", "2030-12-31")],
  ["001", "năm 2025 - 2026", range("2025-01-01", "2026-12-31")],
  ["001", "năm 2025-2026", range("2025-01-01", "2026-12-31")],
  ["001", "giai đoạn 2025 - 2026", range("2025-01-01", "2026-12-31")],
  ["003", "giai đoạn 2025 – 2030", range("2025-01-01", "2030-12-31")],
  ["003", "giai đoạn 2022-2025", range("2022-01-01", "2025-12-31")],
  ["003", "trước ngày 10/6/2025", range(null, "2025-06-09")],
  ["003", "trước ngày 10/12/2025", range(null, "2025-12-09")],
];

describe("parseTimeframe on the seeds", () => {
  it.each(SEED_TABLE_CELLS)("seed %s table cell %j", (_seed, cell, expected) => {
    expect(parseTimeframe(cell)).toEqual(expected);
  });

  it.each(SEED_UNPARSED_CELLS)("seed %s cell %j stays text: %s", (_seed, cell) => {
    expect(parseTimeframe(cell)).toEqual(unparsed(cell));
  });

  it.each(SEED_TEXT_PHRASES)("seed %s phrase %j", (_seed, phrase, expected) => {
    expect(parseTimeframe(phrase)).toEqual(expected);
  });
});

describe("parseTimeframe: forms and spellings", () => {
  it.each<[string, TParsedTimeframe]>([
    // years and multi-year ranges
    ["Năm 2026 – 2030", range("2026-01-01", "2030-12-31")],
    ["Năm 2026 — 2030", range("2026-01-01", "2030-12-31")],
    ["2026-2030", range("2026-01-01", "2030-12-31")],
    ["2026 - 2030", range("2026-01-01", "2030-12-31")],
    ["Giai đoạn 2026-2030", range("2026-01-01", "2030-12-31")],
    ["GIAI ĐOẠN 2026–2030", range("2026-01-01", "2030-12-31")],
    ["Từ năm 2026 đến năm 2030", range("2026-01-01", "2030-12-31")],
    ["2025", range("2025-01-01", "2025-12-31")],
    ["năm 2024", range("2024-01-01", "2024-12-31")],
    ["Nam 2025", range("2025-01-01", "2025-12-31")], // accents missing
    ["  Năm   2025. ", range("2025-01-01", "2025-12-31")],
    // quarters
    ["Quý I - IV / 2025", range("2025-01-01", "2025-12-31")],
    ["Quý I – Quý IV/2025", range("2025-01-01", "2025-12-31")],
    ["quý ii/2025", range("2025-04-01", "2025-06-30")],
    ["QUÝ III/2025", range("2025-07-01", "2025-09-30")],
    ["Quy IV/2025", range("2025-10-01", "2025-12-31")],
    ["Q2/2025", range("2025-04-01", "2025-06-30")],
    ["Q4/2025", range("2025-10-01", "2025-12-31")],
    ["QIV/2025", range("2025-10-01", "2025-12-31")],
    ["Quý 3/2025", range("2025-07-01", "2025-09-30")],
    ["Quý 1-2/2025", range("2025-01-01", "2025-06-30")],
    ["Quý IV năm 2025", range("2025-10-01", "2025-12-31")],
    // halves
    ["6 tháng đầu năm 2025", range("2025-01-01", "2025-06-30")],
    ["6 tháng cuối năm 2025", range("2025-07-01", "2025-12-31")],
    ["06 tháng đầu năm 2025", range("2025-01-01", "2025-06-30")],
    ["6 thang cuoi nam 2025", range("2025-07-01", "2025-12-31")],
    // months
    ["Tháng 6/2025", range("2025-06-01", "2025-06-30")],
    ["tháng 06/2025", range("2025-06-01", "2025-06-30")],
    ["Tháng 12 năm 2025", range("2025-12-01", "2025-12-31")],
    ["Tháng 2/2024", range("2024-02-01", "2024-02-29")], // leap year
    ["Tháng 2/2025", range("2025-02-01", "2025-02-28")],
    ["Tháng 1 – 2/2025", range("2025-01-01", "2025-02-28")],
    ["Tháng 10-tháng 12/2025", range("2025-10-01", "2025-12-31")],
    ["Thang 11 nam 2025", range("2025-11-01", "2025-11-30")],
    // bare deadlines: no start is invented; "trước" ends the day before
    ["Trước 30/6/2025", range(null, "2025-06-29")],
    ["Trước ngày 30/6/2025", range(null, "2025-06-29")],
    ["trước 01/01/2026", range(null, "2025-12-31")], // year boundary
    ["Trước 1/3/2024", range(null, "2024-02-29")], // leap year
    ["30/11/2025", range(null, "2025-11-30")],
    ["Ngày 30/11/2025", range(null, "2025-11-30")],
    ["Đến ngày 30/11/2025", range(null, "2025-11-30")],
    ["Chậm nhất 15/12/2025", range(null, "2025-12-15")],
    // ongoing and recurring
    ["Thường xuyên", { kind: "ongoing" }],
    ["thuong xuyen", { kind: "ongoing" }],
    ["THƯỜNG XUYÊN", { kind: "ongoing" }],
    ["Liên tục", { kind: "ongoing" }],
    ["Thường xuyên, liên tục", { kind: "ongoing" }],
    ["Năm 2025 và các năm tiếp theo", { kind: "recurring_yearly", fromYear: 2025 }],
    ["Nam 2025 va cac nam tiep theo", { kind: "recurring_yearly", fromYear: 2025 }],
    ["Từ năm 2026 trở đi", { kind: "recurring_yearly", fromYear: 2026 }],
    ["2025 và những năm tiếp theo", { kind: "recurring_yearly", fromYear: 2025 }],
    ["Hằng năm", { kind: "recurring_yearly", fromYear: null }], // no year given and none to assume
    ["Hàng năm", { kind: "recurring_yearly", fromYear: null }],
    ["Định kỳ hằng năm", { kind: "recurring_yearly", fromYear: null }],
  ])("%j", (text, expected) => {
    expect(parseTimeframe(text)).toEqual(expected);
  });
});

describe("parseTimeframe with a default year (texts that omit the year)", () => {
  it.each<[string, TParsedTimeframe]>([
    ["Quý I", range("2025-01-01", "2025-03-31")],
    ["Quý III-IV", range("2025-07-01", "2025-12-31")],
    ["Tháng 6", range("2025-06-01", "2025-06-30")],
    ["Tháng 1-2", range("2025-01-01", "2025-02-28")],
    ["6 tháng đầu năm", range("2025-01-01", "2025-06-30")],
    ["Trước 30/6", range(null, "2025-06-29")],
    ["Hằng năm", { kind: "recurring_yearly", fromYear: 2025 }],
    ["Quý I/2026", range("2026-01-01", "2026-03-31")], // an explicit year wins
  ])("%j with defaultYear 2025", (text, expected) => {
    expect(parseTimeframe(text, { defaultYear: 2025 })).toEqual(expected);
  });

  it.each(["Quý I", "Tháng 6", "6 tháng đầu năm", "Trước 30/6"])("%j without a default year stays text", (text) => {
    expect(parseTimeframe(text)).toEqual(unparsed(text));
  });

  it("rejects a default year that is not a year", () => {
    expect(() => parseTimeframe("Quý I", { defaultYear: 25 })).toThrow(RangeError);
  });
});

describe("parseTimeframe never guesses", () => {
  it.each<[string, string]>([
    ["Quý IV-I/2025", "quarters run backwards"],
    ["Quý V/2025", "there is no fifth quarter"],
    ["Q5/2025", "there is no fifth quarter"],
    ["Tháng 13/2025", "there is no 13th month"],
    ["Tháng 0/2025", "there is no month 0"],
    ["Tháng 3-1/2025", "months run backwards"],
    ["2030-2026", "years run backwards"],
    ["31/02/2026", "the day does not exist"],
    ["Trước 29/2/2025", "the day does not exist"],
    ["Tháng 11/2025 - tháng 2/2026", "a month range across years is not a recognised form"],
    ["Quý II, Quý IV/2025", "two separate quarters"],
    ["Sau khi có hướng dẫn của Bộ", "a condition, not a date"],
    ["Theo yêu cầu", "on request"],
    ["Hằng quý", "recurring quarterly has no representation yet"],
    ["06/2025", "month/year without 'tháng' could be read as a day; left to the user"],
    ["Năm 2025 và các", "incomplete"],
    ["", "empty"],
  ])("%j stays text (%s)", (text) => {
    expect(parseTimeframe(text)).toEqual(unparsed(text));
  });

  it("keeps the unparsed text readable (single spaces, trimmed) and intact otherwise", () => {
    expect(parseTimeframe("  Sau khi có\nhướng dẫn  ")).toEqual(unparsed("Sau khi có hướng dẫn"));
  });
});

describe("isOverdue (Asia/Ho_Chi_Minh)", () => {
  const q1 = parseTimeframe("Quý I/2025");
  it.each([
    ["2025-03-31T23:59:59+07:00", false], // the last day is not overdue yet
    ["2025-03-31T16:59:59Z", false],
    ["2025-03-31T17:00:00Z", true], // 1 April in Vietnam, 31 March in UTC
    ["2025-04-01T00:00:00+07:00", true],
    ["2025-01-15T09:00:00+07:00", false],
  ])("Quý I/2025 at %s → %s", (now, expected) => {
    expect(isOverdue(q1, now)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ["Trước 30/6/2025", "2025-06-29T20:00:00+07:00", false],
    ["Trước 30/6/2025", "2025-06-30T08:00:00+07:00", true], // "trước 30/6": the 30th is already late
    ["Năm 2025", "2025-12-31T23:00:00+07:00", false],
    ["Năm 2025", "2026-01-01T00:00:00+07:00", true],
    ["Thường xuyên", "2099-01-01T00:00:00+07:00", false], // never ends
    ["Năm 2025 và các năm tiếp theo", "2099-01-01T00:00:00+07:00", false],
    ["Theo yêu cầu", "2099-01-01T00:00:00+07:00", false], // cannot be late on an unreadable timeframe
  ])("%j at %s → %s", (text, now, expected) => {
    expect(isOverdue(parseTimeframe(text), now)).toBe(expected);
  });
});

describe("ZParsedTimeframe", () => {
  it("accepts every parser result, so results can be stored and read back", () => {
    for (const [, cell, expected] of [...SEED_TABLE_CELLS, ...SEED_TEXT_PHRASES]) {
      expect(ZParsedTimeframe.parse(parseTimeframe(cell))).toEqual(expected);
    }
  });

  it("rejects a range with an impossible date", () => {
    expect(ZParsedTimeframe.safeParse({ kind: "range", start: null, end: "2025-02-30" }).success).toBe(false);
  });
});
