import { describe, expect, it } from "vitest";
import {
  DEFAULT_DEADLINE_RULES,
  daysLeft,
  deadlineFor,
  defaultDeadline,
  describeDeadlineRule,
  HALF_YEARLY_BEFORE_10TH,
  isPastDeadline,
  lastDayOnTime,
  parseDeadlineText,
  QUARTERLY_BEFORE_25TH,
  type TDeadlineRule,
  YEARLY_BEFORE_10_JANUARY,
  YEARLY_BEFORE_30_JANUARY,
  YEARLY_BY_30_NOVEMBER,
  ZDeadlineRule,
  ZDeadlineRules,
} from "./deadlines.ts";
import type { TReportingPeriodKind } from "./periods.ts";

describe("defaultDeadline (plans' defaults, end of day in Vietnam)", () => {
  it.each<[TReportingPeriodKind, number, number, string]>([
    // "trước ngày 25 tháng cuối quý": the 25th is already late
    ["quarter", 2025, 1, "2025-03-24T23:59:59+07:00"],
    ["quarter", 2025, 2, "2025-06-24T23:59:59+07:00"],
    ["quarter", 2025, 3, "2025-09-24T23:59:59+07:00"],
    ["quarter", 2025, 4, "2025-12-24T23:59:59+07:00"],
    // seed 003: "trước ngày 10/6", "trước ngày 10/12"
    ["half", 2025, 1, "2025-06-09T23:59:59+07:00"],
    ["half", 2025, 2, "2025-12-09T23:59:59+07:00"],
    // "trước ngày 10/01 của năm kế tiếp"
    ["year", 2025, 1, "2026-01-09T23:59:59+07:00"],
    ["year", 2024, 1, "2025-01-09T23:59:59+07:00"],
  ])("%s %i #%i → %s", (kind, year, index, expected) => {
    expect(defaultDeadline(kind, year, index)).toBe(expected);
  });

  it.each<[TDeadlineRule, string]>([
    [YEARLY_BY_30_NOVEMBER, "2025-11-30T23:59:59+07:00"],
    [YEARLY_BEFORE_30_JANUARY, "2026-01-29T23:59:59+07:00"],
    [YEARLY_BEFORE_10_JANUARY, "2026-01-09T23:59:59+07:00"],
  ])("a plan's own yearly rule %j → %s", (rule, expected) => {
    expect(defaultDeadline("year", 2025, 1, { year: rule })).toBe(expected);
  });

  it("overrides only the kinds it is given", () => {
    const rules = { year: YEARLY_BY_30_NOVEMBER };
    expect(defaultDeadline("quarter", 2025, 1, rules)).toBe("2025-03-24T23:59:59+07:00");
  });

  it("rejects a period that does not exist", () => {
    expect(() => defaultDeadline("quarter", 2025, 5)).toThrow(RangeError);
  });
});

describe("lastDayOnTime: rule arithmetic", () => {
  it.each<[TDeadlineRule, TReportingPeriodKind, number, number, string]>([
    [{ kind: "day_of_last_month", day: 25, before: false }, "quarter", 2025, 1, "2025-03-25"],
    [{ kind: "day_of_last_month", day: 1, before: true }, "quarter", 2025, 1, "2025-02-28"], // previous month
    [{ kind: "day_of_last_month", day: 1, before: true }, "quarter", 2024, 1, "2024-02-29"], // leap year
    [{ kind: "day_of_last_month", day: 31, before: false }, "quarter", 2025, 4, "2025-12-31"],
    [{ kind: "day_of_last_month", day: 10, before: true }, "year", 2025, 1, "2025-12-09"], // December
    [{ kind: "fixed_date", month: 1, day: 1, yearOffset: 1, before: true }, "year", 2025, 1, "2025-12-31"],
    [{ kind: "fixed_date", month: 2, day: 29, yearOffset: 1, before: false }, "year", 2023, 1, "2024-02-29"],
    [{ kind: "fixed_date", month: 3, day: 1, yearOffset: 0, before: true }, "half", 2024, 1, "2024-02-29"],
  ])("%j for %s %i #%i → %s", (rule, kind, year, index, expected) => {
    expect(lastDayOnTime(rule, kind, year, index)).toBe(expected);
  });

  it.each<[TDeadlineRule, TReportingPeriodKind, number, number]>([
    [{ kind: "day_of_last_month", day: 31, before: false }, "quarter", 2025, 2], // 31 June
    [{ kind: "day_of_last_month", day: 31, before: true }, "half", 2025, 1],
    [{ kind: "fixed_date", month: 2, day: 29, yearOffset: 1, before: false }, "year", 2024, 1], // 29/02/2025
  ])("a rule naming a day that does not exist throws: %j for %s %i #%i", (rule, kind, year, index) => {
    expect(() => deadlineFor(rule, kind, year, index)).toThrow(RangeError);
  });
});

describe("ZDeadlineRule", () => {
  it("accepts every default and named rule", () => {
    expect(ZDeadlineRules.parse(DEFAULT_DEADLINE_RULES)).toEqual(DEFAULT_DEADLINE_RULES);
    for (const rule of [QUARTERLY_BEFORE_25TH, HALF_YEARLY_BEFORE_10TH, YEARLY_BY_30_NOVEMBER]) {
      expect(ZDeadlineRule.safeParse(rule).success).toBe(true);
    }
  });

  it.each([
    [{ kind: "fixed_date", month: 2, day: 30, yearOffset: 0, before: false }],
    [{ kind: "fixed_date", month: 4, day: 31, yearOffset: 0, before: false }],
    [{ kind: "fixed_date", month: 13, day: 1, yearOffset: 0, before: false }],
    [{ kind: "fixed_date", month: 1, day: 10, yearOffset: 2, before: true }],
    [{ kind: "fixed_date", month: 1, day: 10, before: true }],
    [{ kind: "day_of_last_month", day: 0, before: true }],
    [{ kind: "day_of_last_month", day: 32, before: true }],
    [{ kind: "day_of_last_month", day: 25 }],
    [{ kind: "days_after_end", days: 10 }],
  ])("rejects %j", (rule) => {
    expect(ZDeadlineRule.safeParse(rule).success).toBe(false);
  });
});

describe("daysLeft (calendar days in Vietnam)", () => {
  const deadline = "2025-03-24T23:59:59+07:00";
  it.each([
    ["2025-03-24T00:00:00+07:00", 0], // the last day
    ["2025-03-24T23:59:59+07:00", 0],
    ["2025-03-23T23:59:59+07:00", 1],
    ["2025-03-25T00:00:00+07:00", -1],
    ["2025-03-24T16:59:59Z", 0], // 23:59:59 in Vietnam
    ["2025-03-24T17:00:00Z", -1], // already the 25th in Vietnam, still the 24th in UTC
    ["2025-03-23T17:00:00Z", 0], // 00:00 on the 24th in Vietnam
    ["2025-03-23T16:59:59Z", 1],
    ["2025-03-14T09:00:00+07:00", 10],
    ["2025-04-03T09:00:00+07:00", -10],
  ])("now %s → %i", (now, expected) => {
    expect(daysLeft(deadline, now)).toBe(expected);
  });

  it.each([
    ["2026-01-09T23:59:59+07:00", "2025-12-31T12:00:00+07:00", 9], // across the new year
    ["2026-01-09T23:59:59+07:00", "2025-12-31T17:30:00Z", 8], // already 1 January in Vietnam
    ["2024-03-01T23:59:59+07:00", "2024-02-28T10:00:00+07:00", 2], // leap year: 29 February in between
    ["2025-03-01T23:59:59+07:00", "2025-02-28T10:00:00+07:00", 1],
  ])("deadline %s, now %s → %i", (deadlineIso, now, expected) => {
    expect(daysLeft(deadlineIso, now)).toBe(expected);
  });
});

describe("isPastDeadline", () => {
  const deadline = "2025-03-24T23:59:59+07:00";
  it.each([
    ["2025-03-24T23:59:58+07:00", false],
    ["2025-03-24T23:59:59+07:00", false],
    ["2025-03-24T23:59:59.999+07:00", false], // still within the last second on time
    ["2025-03-25T00:00:00+07:00", true],
    ["2025-03-24T16:59:59.999Z", false],
    ["2025-03-24T17:00:00Z", true],
    ["2025-03-24T20:00:00-03:00", true], // 25 March 06:00 in Vietnam
    ["2025-01-01T00:00:00+07:00", false],
  ])("now %s → %s", (now, expected) => {
    expect(isPastDeadline(deadline, now)).toBe(expected);
  });

  it("throws on an unreadable timestamp rather than answering", () => {
    expect(() => isPastDeadline(deadline, "yesterday")).toThrow(RangeError);
    expect(() => daysLeft("2025-02-30T23:59:59+07:00", "2025-02-01")).toThrow(RangeError);
  });
});

describe("deadline rules read from the plans' own words", () => {
  it.each([
    // seed 003: "Báo cáo định kỳ hằng quý (trước ngày 10 tháng cuối quý)" → Quý II due 09/06 end of day
    ["trước ngày 10 tháng cuối quý", "quarter", 2025, 2, "Trước ngày 10 tháng cuối quý", "2025-06-09T23:59:59+07:00"],
    // seeds 000/001: "trước ngày 25 tháng cuối quý"
    ["Trước ngày 25 tháng cuối quý", "quarter", 2025, 1, "Trước ngày 25 tháng cuối quý", "2025-03-24T23:59:59+07:00"],
    // seed 003: "06 tháng (trước ngày 10/6 và ngày 10/12)"
    [
      "trước ngày 10/6 và ngày 10/12",
      "half",
      2025,
      2,
      "Trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)",
      "2025-12-09T23:59:59+07:00",
    ],
    // seed 003: yearly "trước ngày 10/12"
    ["trước ngày 10/12 hằng năm", "year", 2025, 1, "Trước ngày 10/12 hằng năm", "2025-12-09T23:59:59+07:00"],
    // the economic-zone plan: "trước ngày 30/11 hằng năm"
    ["trước ngày 30/11 hằng năm", "year", 2025, 1, "Trước ngày 30/11 hằng năm", "2025-11-29T23:59:59+07:00"],
    // seed 001: to the central system "trước ngày 10/01 của năm kế tiếp"
    ["trước ngày 10/01 của năm kế tiếp", "year", 2025, 1, "Trước ngày 10/01 năm sau", "2026-01-09T23:59:59+07:00"],
    // "chậm nhất ngày 30/11": day 30 itself is on time
    ["chậm nhất ngày 30/11", "year", 2025, 1, "Chậm nhất ngày 30/11 hằng năm", "2025-11-30T23:59:59+07:00"],
  ] as const)("%s (%s %i/%i) → %s, due %s", (text, kind, year, index, words, due) => {
    const rule = parseDeadlineText(text, kind);
    expect(rule).not.toBeNull();
    expect(describeDeadlineRule(rule!, kind)).toBe(words);
    expect(deadlineFor(rule!, kind, year, index)).toBe(due);
  });

  it.each([
    ["hằng quý", "quarter"],
    ["trước ngày 10/12", "quarter"],
    ["trước ngày 35 tháng cuối quý", "quarter"],
    ["trước ngày 31/02", "year"],
  ] as const)("reads no rule from %s (%s): the coordinator types the deadline", (text, kind) => {
    expect(parseDeadlineText(text, kind)).toBeNull();
  });
});
