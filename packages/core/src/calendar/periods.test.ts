import { describe, expect, it } from "vitest";
import {
  periodContaining,
  periodCount,
  periodLabel,
  periodMonths,
  periodsOfYear,
  periodWindow,
  quarterRoman,
  type TReportingPeriodKind,
  ZReportingPeriodKind,
} from "./periods.ts";

describe("periodWindow", () => {
  it.each<[TReportingPeriodKind, number, number, string, string]>([
    ["quarter", 2025, 1, "2025-01-01", "2025-03-31"],
    ["quarter", 2025, 2, "2025-04-01", "2025-06-30"],
    ["quarter", 2025, 3, "2025-07-01", "2025-09-30"],
    ["quarter", 2025, 4, "2025-10-01", "2025-12-31"],
    ["half", 2025, 1, "2025-01-01", "2025-06-30"],
    ["half", 2025, 2, "2025-07-01", "2025-12-31"],
    ["year", 2025, 1, "2025-01-01", "2025-12-31"],
    ["year", 2024, 1, "2024-01-01", "2024-12-31"],
  ])("%s %i #%i → %s..%s", (kind, year, index, start, end) => {
    expect(periodWindow(kind, year, index)).toEqual({ start, end });
  });

  it("defaults the index to 1, the only year period", () => {
    expect(periodWindow("year", 2026)).toEqual({ start: "2026-01-01", end: "2026-12-31" });
  });

  it.each<[TReportingPeriodKind, number, number]>([
    ["quarter", 2025, 0],
    ["quarter", 2025, 5],
    ["half", 2025, 3],
    ["year", 2025, 2],
    ["quarter", 2025, 1.5],
    ["quarter", 25, 1],
    ["quarter", Number.NaN, 1],
  ])("%s %s #%s is rejected", (kind, year, index) => {
    expect(() => periodWindow(kind, year, index)).toThrow(RangeError);
  });
});

describe("periodLabel", () => {
  it.each<[TReportingPeriodKind, number, number, string]>([
    ["quarter", 2025, 1, "Quý I/2025"],
    ["quarter", 2025, 2, "Quý II/2025"],
    ["quarter", 2025, 3, "Quý III/2025"],
    ["quarter", 2025, 4, "Quý IV/2025"],
    ["half", 2025, 1, "6 tháng đầu năm 2025"],
    ["half", 2025, 2, "6 tháng cuối năm 2025"],
    ["year", 2025, 1, "Năm 2025"],
  ])("%s %i #%i → %j", (kind, year, index, expected) => {
    expect(periodLabel(kind, year, index)).toBe(expected);
  });
});

describe("period arithmetic", () => {
  it.each<[TReportingPeriodKind, number]>([
    ["quarter", 4],
    ["half", 2],
    ["year", 1],
  ])("%s: %i per year, listed in order", (kind, count) => {
    expect(periodCount(kind)).toBe(count);
    expect(periodsOfYear(kind, 2025).map((p) => p.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it.each<[TReportingPeriodKind, number, number, number]>([
    ["quarter", 1, 1, 3],
    ["quarter", 4, 10, 12],
    ["half", 2, 7, 12],
    ["year", 1, 1, 12],
  ])("periodMonths(%s, %i) → %i..%i", (kind, index, first, last) => {
    expect(periodMonths(kind, index)).toEqual({ first, last });
  });

  it.each<[TReportingPeriodKind, string, number, number]>([
    ["quarter", "2025-03-31", 2025, 1],
    ["quarter", "2025-04-01", 2025, 2],
    ["quarter", "2025-12-31", 2025, 4],
    ["half", "2025-06-30", 2025, 1],
    ["half", "2025-07-01", 2025, 2],
    ["year", "2024-02-29", 2024, 1],
  ])("periodContaining(%s, %s) → %i #%i", (kind, date, year, index) => {
    expect(periodContaining(kind, date)).toEqual({ kind, year, index });
  });

  it("rejects a malformed date and an unknown quarter", () => {
    expect(() => periodContaining("quarter", "2025-02-30")).toThrow(RangeError);
    expect(quarterRoman(3)).toBe("III");
    expect(() => quarterRoman(5)).toThrow(RangeError);
  });

  it("the kind schema accepts only the three kinds", () => {
    expect(ZReportingPeriodKind.safeParse("half").success).toBe(true);
    expect(ZReportingPeriodKind.safeParse("month").success).toBe(false);
  });
});
