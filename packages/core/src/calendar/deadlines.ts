import { z } from "zod";
import { addDays, daysBetween, daysInMonth, isoDate, type TIsoDate } from "./dates.ts";
import { assertPeriod, periodMonths, type TReportingPeriodKind } from "./periods.ts";
import { requireInstant, type TInstantInput, toVietnamIso, vietnamDate } from "./zone.ts";

/**
 * Deadline rules are data, because every plan sets its own (seed 000/001: quarterly "trước ngày 25 tháng cuối quý",
 * yearly "trước ngày 10/01 của năm kế tiếp"; seed 003: "trước ngày 10/6" and "10/12"; other plans: 30/11).
 *
 * `before: true` reads "trước ngày D" literally: D itself is already late, so the report is due by the end of the
 * previous day, 23:59:59 Vietnam time ("trước ngày 25/3" → due 24/3 23:59:59+07:00).
 * `before: false` means due by the end of day D itself ("chậm nhất ngày D", "đến ngày D").
 */
/** Day D of the period's last month (March, June, September, December for quarters; June/December for halves). */
const ZDayOfLastMonthRule = z.object({
  kind: z.literal("day_of_last_month"),
  day: z.number().int().min(1).max(31),
  before: z.boolean(),
});

/** The same calendar date for every period of the kind; yearOffset 1 = in the year after the reported year. */
const ZFixedDateRule = z
  .object({
    kind: z.literal("fixed_date"),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(0).max(1),
    before: z.boolean(),
  })
  // 2000 is a leap year, so 29/02 passes here and is only rejected for the years that lack it.
  .refine((rule) => rule.day <= daysInMonth(2000, rule.month), { message: "Ngày không tồn tại trong tháng" });

export const ZDeadlineRule = z.discriminatedUnion("kind", [ZDayOfLastMonthRule, ZFixedDateRule]);
export type TDeadlineRule = z.infer<typeof ZDeadlineRule>;

export const ZDeadlineRules = z.object({ quarter: ZDeadlineRule, half: ZDeadlineRule, year: ZDeadlineRule });
export type TDeadlineRules = z.infer<typeof ZDeadlineRules>;

/** "Định kỳ hàng quý (trước ngày 25 tháng cuối quý)" — plans 4636 (seed 001) and 17a (seed 000). */
export const QUARTERLY_BEFORE_25TH: TDeadlineRule = { kind: "day_of_last_month", day: 25, before: true };
/** "Định kỳ 6 tháng (trước ngày 10/6), năm (trước ngày 10/12)" — seed 003: day 10 of June and of December. */
export const HALF_YEARLY_BEFORE_10TH: TDeadlineRule = { kind: "day_of_last_month", day: 10, before: true };
/** "Định kỳ hàng năm (trước ngày 10/01 của năm kế tiếp)" — seed 001, report to the central system. */
export const YEARLY_BEFORE_10_JANUARY: TDeadlineRule = {
  kind: "fixed_date",
  month: 1,
  day: 10,
  yearOffset: 1,
  before: true,
};
/** "Trước ngày 30/01 năm sau" — seed 001, the province's report to the steering committee. */
export const YEARLY_BEFORE_30_JANUARY: TDeadlineRule = {
  kind: "fixed_date",
  month: 1,
  day: 30,
  yearOffset: 1,
  before: true,
};
/** The 30/11 rule of other plans, read as due on 30/11 itself (switch `before` if a plan says "trước ngày 30/11"). */
export const YEARLY_BY_30_NOVEMBER: TDeadlineRule = {
  kind: "fixed_date",
  month: 11,
  day: 30,
  yearOffset: 0,
  before: false,
};

export const DEFAULT_DEADLINE_RULES: TDeadlineRules = {
  quarter: QUARTERLY_BEFORE_25TH,
  half: HALF_YEARLY_BEFORE_10TH,
  year: YEARLY_BEFORE_10_JANUARY,
};

/** The last calendar day on which a report for the period is still on time. */
export function lastDayOnTime(rule: TDeadlineRule, kind: TReportingPeriodKind, year: number, index = 1): TIsoDate {
  assertPeriod(kind, year, index);
  const named =
    rule.kind === "day_of_last_month"
      ? { year, month: periodMonths(kind, index).last, day: rule.day }
      : { year: year + rule.yearOffset, month: rule.month, day: rule.day };
  // isoDate throws for 31/06 or 29/02/2025: a rule that names no real day must be fixed, not guessed around.
  const date = isoDate(named.year, named.month, named.day);
  return rule.before ? addDays(date, -1) : date;
}

/** Deadline of a period under a rule, as the last second on time: "2025-03-24T23:59:59+07:00". */
export function deadlineFor(rule: TDeadlineRule, kind: TReportingPeriodKind, year: number, index = 1): string {
  return toVietnamIso(`${lastDayOnTime(rule, kind, year, index)}T23:59:59`);
}

/** Deadline of a period under the plan's rules (defaults: before the 25th, before the 10th, before 10/01 next year). */
export function defaultDeadline(
  kind: TReportingPeriodKind,
  year: number,
  index = 1,
  rules: Partial<TDeadlineRules> = {},
): string {
  const rule = rules[kind] ?? DEFAULT_DEADLINE_RULES[kind];
  return deadlineFor(rule, kind, year, index);
}

/**
 * Calendar days from today to the deadline's day, both in Vietnam: 0 on the last day, 1 the day before,
 * negative once late. Counted in dates, not 24-hour blocks, because users read "còn 1 ngày" as "due tomorrow".
 */
export function daysLeft(deadline: TInstantInput, now: TInstantInput): number {
  return daysBetween(vietnamDate(now), vietnamDate(deadline));
}

/**
 * True once `now` is past the deadline. Compared by whole seconds: the deadline names the last second that is still
 * on time, so 23:59:59.500 is on time and 00:00:00 the next day is late.
 */
export function isPastDeadline(deadline: TInstantInput, now: TInstantInput): boolean {
  return Math.floor(requireInstant(now) / 1000) > Math.floor(requireInstant(deadline) / 1000);
}
