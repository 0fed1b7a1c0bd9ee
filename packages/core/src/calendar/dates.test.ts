import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isoDate,
  isValidCalendarDate,
  lastDayOfMonth,
  parseIsoDate,
} from "./dates.ts";

describe("leap years and month lengths", () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true], // divisible by 400
    [1900, false], // divisible by 100 only
    [2100, false],
  ])("isLeapYear(%i) → %s", (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
    [2025, 1, 31],
  ])("daysInMonth(%i, %i) → %i", (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe("isValidCalendarDate / isoDate / parseIsoDate", () => {
  it.each([
    [2024, 2, 29, true],
    [2025, 2, 29, false],
    [2025, 4, 31, false],
    [2025, 12, 31, true],
    [2025, 13, 1, false],
    [2025, 0, 1, false],
    [2025, 1, 0, false],
    [2025, 1.5, 1, false],
    [999, 1, 1, false], // ISO dates here always have four-digit years
    [10000, 1, 1, false],
  ])("%i-%i-%i valid: %s", (year, month, day, expected) => {
    expect(isValidCalendarDate(year, month, day)).toBe(expected);
  });

  it("pads to YYYY-MM-DD and refuses to roll an impossible day over", () => {
    expect(isoDate(2025, 3, 4)).toBe("2025-03-04");
    expect(() => isoDate(2025, 2, 29)).toThrow(RangeError);
  });

  it.each([
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
    ["2025-02-29", null],
    ["2025-2-1", null],
    ["2025-02-01T00:00:00Z", null],
    ["", null],
  ])("parseIsoDate(%j) → %j", (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it.each([
    [2024, 2, "2024-02-29"],
    [2025, 2, "2025-02-28"],
    [2025, 6, "2025-06-30"],
  ])("lastDayOfMonth(%i, %i) → %s", (year, month, expected) => {
    expect(lastDayOfMonth(year, month)).toBe(expected);
  });
});

describe("addDays / daysBetween", () => {
  it.each([
    ["2025-03-25", -1, "2025-03-24"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2024-03-01", -1, "2024-02-29"], // leap year
    ["2025-12-31", 1, "2026-01-01"], // year boundary
    ["2026-01-01", -1, "2025-12-31"],
    ["2025-01-10", 365, "2026-01-10"],
    ["2024-01-10", 365, "2025-01-09"], // 2024 has 366 days
    ["2025-03-30", 0, "2025-03-30"],
  ])("addDays(%s, %i) → %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["2025-03-23", "2025-03-24", 1],
    ["2025-03-24", "2025-03-23", -1],
    ["2025-12-31", "2026-01-09", 9],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-02-28", "2025-03-01", 1],
    ["2025-01-01", "2026-01-01", 365],
    ["2024-01-01", "2025-01-01", 366],
  ])("daysBetween(%s, %s) → %i", (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it("rejects malformed dates", () => {
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("24/03/2025", "2025-03-25")).toThrow(RangeError);
  });
});
