import { z } from "zod";
import { foldVietnamese } from "../text/fold.ts";
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

/** "Trước ngày 30/11 hằng năm" (the economic-zone plan; Sở Công Thương's own year): 29/11 is the last day on time. */
export const YEARLY_BEFORE_30_NOVEMBER: TDeadlineRule = {
  kind: "fixed_date",
  month: 11,
  day: 30,
  yearOffset: 0,
  before: true,
};

/** A framework's or plan's own calendar: the kinds it sets; the others follow DEFAULT_DEADLINE_RULES. */
export const ZReportingCalendar = ZDeadlineRules.partial();
export type TReportingCalendar = z.infer<typeof ZReportingCalendar>;

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

const KIND_WORDS: Record<TReportingPeriodKind, { last: string; every: string }> = {
  quarter: { last: "tháng cuối quý", every: "hằng quý" },
  half: { last: "tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)", every: "6 tháng" },
  year: { last: "tháng 12", every: "hằng năm" },
};

/**
 * A rule in the plans' own words: "Trước ngày 10 tháng cuối quý", "Trước ngày 10/12 hằng năm",
 * "Trước ngày 10/01 năm sau", "Chậm nhất ngày 30/11 hằng năm".
 */
export function describeDeadlineRule(rule: TDeadlineRule, kind: TReportingPeriodKind): string {
  const lead = rule.before ? "Trước ngày" : "Chậm nhất ngày";
  if (rule.kind === "day_of_last_month") return `${lead} ${rule.day} ${KIND_WORDS[kind].last}`;
  const date = `${pad(rule.day)}/${pad(rule.month)}`;
  return `${lead} ${date} ${rule.yearOffset === 1 ? "năm sau" : KIND_WORDS[kind].every}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Reads a deadline as the plans write it, for a period kind; null when the text says no rule this reader knows
 * (the coordinator then types the deadline). "trước ngày D" is read literally (day D is already late), as
 * everywhere else; "chậm nhất", "đến ngày", "trong ngày" mean day D itself is on time.
 *   "trước ngày 10 tháng cuối quý" → day 10 of the quarter's last month, before;
 *   "trước ngày 10/6 và ngày 10/12" (6 tháng) → day 10 of June / December, before;
 *   "trước ngày 10/12 hằng năm", "trước ngày 30/11" → that date of the reported year;
 *   "trước ngày 10/01 của năm kế tiếp", "… năm sau" → that date of the next year.
 */
export function parseDeadlineText(text: string, kind: TReportingPeriodKind): TDeadlineRule | null {
  const folded = foldVietnamese(text);
  const before = !/\b(?:cham nhat|den ngay|trong ngay|han cuoi)\b/.test(folded);
  const lastMonth = /ngay (\d{1,2}) (?:cua )?thang cuoi (?:quy|ky|nam)/.exec(folded);
  if (lastMonth) return checked({ kind: "day_of_last_month", day: Number(lastMonth[1]), before });
  const dates = [...folded.matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*\/\s*\d)/g)].map((m) => ({
    day: Number(m[1]),
    month: Number(m[2]),
  }));
  if (dates.length === 0) return null;
  // A half-year rule names June and December with the same day: that is "day D of the half's last month".
  if (kind === "half" && dates.length >= 2 && dates.every((d) => d.day === dates[0]!.day)) {
    const months = dates.map((d) => d.month).sort((a, b) => a - b);
    if (months[0] === 6 && months[1] === 12) return checked({ kind: "day_of_last_month", day: dates[0]!.day, before });
  }
  if (kind === "quarter") return null;
  const nextYear = /\b(?:nam sau|nam ke tiep|nam tiep theo)\b/.test(folded);
  const target = kind === "half" ? dates : [dates.at(-1)!];
  if (kind === "half" && target.length !== 1) return null;
  const { day, month } = target[0]!;
  return checked({ kind: "fixed_date", day, month, yearOffset: nextYear ? 1 : 0, before });
}

function checked(rule: TDeadlineRule): TDeadlineRule | null {
  const parsed = ZDeadlineRule.safeParse(rule);
  return parsed.success ? parsed.data : null;
}
