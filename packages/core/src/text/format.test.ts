import { describe, expect, it } from "vitest";
import {
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatPoints,
  MISSING_VALUE,
  parseDateVi,
  type TNumberFormatOptions,
} from "./format.ts";

describe("formatNumberVi", () => {
  it.each<[number | null | undefined, TNumberFormatOptions, string]>([
    [1234.5, {}, "1.234,5"],
    [1234567.891, {}, "1.234.567,89"],
    [1000, {}, "1.000"],
    [999, {}, "999"],
    [0, {}, "0"],
    [-1234.5, {}, "-1.234,5"],
    [-0.001, {}, "0"], // rounds to zero: no "-0"
    [999.999, {}, "1.000"], // rounding carries into the thousands
    [1.005, {}, "1,01"], // half away from zero despite 1.005 being 1.00499… in binary
    [2, { decimals: 2 }, "2,00"],
    [41.2, { decimals: 2 }, "41,20"],
    [12.5, { decimals: 0 }, "13"],
    [-12.5, { decimals: 0 }, "-13"],
    [0.125, { maxDecimals: 3 }, "0,125"],
    [0.1 + 0.2, {}, "0,3"],
    [1234567, { decimals: 1 }, "1.234.567,0"],
    [Number.NaN, {}, MISSING_VALUE],
    [Number.POSITIVE_INFINITY, {}, MISSING_VALUE],
    [null, {}, MISSING_VALUE],
    [undefined, {}, MISSING_VALUE],
  ])("%s with %j → %j", (value, options, expected) => {
    expect(formatNumberVi(value, options)).toBe(expected);
  });
});

describe("formatPercentVi", () => {
  it.each<[number | null, Parameters<typeof formatPercentVi>[1], string]>([
    [85.3, {}, "85,3%"],
    [90, {}, "90%"],
    [100, {}, "100%"],
    [33.3333, { decimals: 1 }, "33,3%"],
    [0.853, { fromRatio: true }, "85,3%"],
    [1, { fromRatio: true }, "100%"],
    [0.5, { fromRatio: true, decimals: 2 }, "50,00%"],
    [null, {}, MISSING_VALUE],
  ])("%s with %j → %j", (value, options, expected) => {
    expect(formatPercentVi(value, options)).toBe(expected);
  });
});

describe("formatDateVi (Asia/Ho_Chi_Minh)", () => {
  it.each<[string | number | Date | null, string]>([
    ["2026-01-05", "05/01/2026"], // a calendar date is shown as is
    ["2024-02-29", "29/02/2024"],
    ["2025-03-24T16:59:59Z", "24/03/2025"], // 23:59:59 in Vietnam
    ["2025-03-24T17:00:00Z", "25/03/2025"], // midnight in Vietnam, still the 24th in UTC
    ["2025-12-31T17:00:00.000Z", "01/01/2026"], // new year arrives 7 hours earlier in Vietnam
    ["2025-03-24T23:30:00+07:00", "24/03/2025"],
    ["2025-03-24T10:00:00", "24/03/2025"], // no offset: Vietnam wall-clock time
    [new Date(Date.UTC(2025, 0, 1, 16, 59)), "01/01/2025"],
    [Date.UTC(2025, 0, 1, 17, 0), "02/01/2025"],
    ["2025-02-30", MISSING_VALUE],
    ["05/01/2026", MISSING_VALUE], // display input must be ISO; use parseDateVi for user input
    ["không rõ", MISSING_VALUE],
    [new Date(Number.NaN), MISSING_VALUE],
    [null, MISSING_VALUE],
  ])("%j → %j", (value, expected) => {
    expect(formatDateVi(value)).toBe(expected);
  });
});

describe("formatDateTimeVi (Asia/Ho_Chi_Minh)", () => {
  it.each<[string | number | null, string]>([
    ["2025-03-24T16:59:00Z", "24/03/2025 23:59"],
    ["2025-03-24T17:00:00Z", "25/03/2025 00:00"],
    ["2025-03-24T07:05:00Z", "24/03/2025 14:05"], // 24-hour clock
    ["2026-01-09T23:59:59+07:00", "09/01/2026 23:59"],
    ["2025-06-01", "01/06/2025 00:00"],
    [Date.UTC(2024, 1, 28, 17, 30), "29/02/2024 00:30"],
    ["2025-13-01T00:00:00Z", MISSING_VALUE],
    [null, MISSING_VALUE],
  ])("%j → %j", (value, expected) => {
    expect(formatDateTimeVi(value)).toBe(expected);
  });
});

describe("parseDateVi", () => {
  it.each<[string, string | null]>([
    ["05/01/2026", "2026-01-05"],
    ["5/1/2026", "2026-01-05"],
    [" 10/6/2025 ", "2025-06-10"],
    ["31/12/2025", "2025-12-31"],
    ["29/02/2024", "2024-02-29"], // leap year
    ["29/02/2000", "2000-02-29"], // divisible by 400: leap
    ["29/02/1900", null], // divisible by 100 only: not leap
    ["29/02/2025", null],
    ["31/02/2026", null],
    ["31/04/2026", null],
    ["00/01/2026", null],
    ["32/01/2026", null],
    ["05/13/2026", null], // month first is not how Vietnamese dates are written
    ["05/01/26", null],
    ["2026-01-05", null],
    ["05-01-2026", null],
    ["05/01/2026 10:00", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseDateVi(text)).toBe(expected);
  });
});

describe("formatPoints", () => {
  it.each([
    [41.2, "41,20"],
    [10, "10,00"],
    [1234.5, "1.234,50"],
    [41.205, "41,21"],
    [-0, "0,00"],
    [-0.001, "0,00"],
  ])("%d → %s", (value, expected) => {
    expect(formatPoints(value)).toBe(expected);
  });
});
