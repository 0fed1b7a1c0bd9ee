import { z } from "zod";
import { deadlineFor, describeDeadlineRule, isPastDeadline, parseDeadlineText, ZDeadlineRule } from "./deadlines.ts";
import { periodCount, type TReportingPeriodKind, ZReportingPeriodKind } from "./periods.ts";
import { requireInstant, type TInstantInput, vietnamDate } from "./zone.ts";

/**
 * A plan's progress-report calendar (seed 003: "Báo cáo kết quả thực hiện chỉ tiêu 06 tháng (trước ngày 10/6 và
 * ngày 10/12)"): every unfinished task's lead unit reports its progress once per period, by the rule's deadline.
 * The plan's own words are kept beside the rule read from them, so the page shows what the plan says.
 */
export const ZProgressCalendar = z.object({
  kind: ZReportingPeriodKind,
  rule: ZDeadlineRule,
});
export type TProgressCalendar = z.infer<typeof ZProgressCalendar>;

/** What a user types: the period kind and the plan's words ("trước ngày 10/6 và ngày 10/12"). */
export const ZProgressCalendarInput = z.object({
  kind: ZReportingPeriodKind,
  text: z.string().trim().min(1, "Vui lòng nhập hạn báo cáo tiến độ").max(300, "Hạn báo cáo tối đa 300 ký tự"),
});
export type TProgressCalendarInput = z.infer<typeof ZProgressCalendarInput>;

const EVERY: Record<TReportingPeriodKind, string> = { quarter: "Hằng quý", half: "06 tháng", year: "Hằng năm" };

/** Reads the plan's words with the calendar's one reader; null when they name no rule it knows. */
export function readProgressCalendar(input: TProgressCalendarInput): TProgressCalendar | null {
  const rule = parseDeadlineText(input.text, input.kind);
  return rule ? { kind: input.kind, rule } : null;
}

/** "06 tháng: trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)". */
export function describeProgressCalendar(calendar: TProgressCalendar): string {
  const words = describeDeadlineRule(calendar.rule, calendar.kind);
  return `${EVERY[calendar.kind]}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

/** Every progress deadline of the years around `year`, oldest first, as the last second on time. */
function deadlinesAround(calendar: TProgressCalendar, year: number): string[] {
  const all: string[] = [];
  for (let y = year - 2; y <= year + 1; y++) {
    for (let i = 1; i <= periodCount(calendar.kind); i++) all.push(deadlineFor(calendar.rule, calendar.kind, y, i));
  }
  return all.sort((a, b) => requireInstant(a) - requireInstant(b));
}

export interface TProgressDue {
  /** The next deadline still ahead (or today's, until its last second). */
  nextDue: string;
  /** The window the next deadline closes: an update posted after `windowStart` is that period's report. */
  windowStart: string;
  /** Whether an update has already been posted in the current window. */
  reported: boolean;
  /**
   * The last deadline that has passed with no update since the one before it ("Chưa báo cáo tiến độ"); null when
   * reported, or when it fell before `since` (the task did not exist yet). An update posted late clears it.
   */
  missedDue: string | null;
}

/**
 * The task's progress-report standing at `now`: which deadline is next, whether this period's update is in, and
 * whether the last one passed without one. Judged in Vietnam time, like every deadline.
 */
export function progressDue(
  calendar: TProgressCalendar,
  input: { now: TInstantInput; lastUpdateAt: TInstantInput | null; since: TInstantInput },
): TProgressDue {
  const now = requireInstant(input.now);
  const year = Number(vietnamDate(now).slice(0, 4));
  const deadlines = deadlinesAround(calendar, year);
  const nextIndex = deadlines.findIndex((d) => !isPastDeadline(d, now));
  const nextDue = deadlines[nextIndex]!;
  const lastPassed = deadlines[nextIndex - 1]!;
  const beforeLast = deadlines[nextIndex - 2]!;
  const last = input.lastUpdateAt === null ? null : requireInstant(input.lastUpdateAt);
  const reported = last !== null && last > requireInstant(lastPassed);
  const missed =
    requireInstant(lastPassed) > requireInstant(input.since) && (last === null || last <= requireInstant(beforeLast));
  return { nextDue, windowStart: lastPassed, reported, missedDue: missed ? lastPassed : null };
}
