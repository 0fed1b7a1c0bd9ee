import { daysLeft, isPastDeadline } from "../calendar/deadlines.ts";
import type { TInstantInput } from "../calendar/zone.ts";

/**
 * Chasing (đôn đốc) as pure rules: which deadline reminder is due, and whether a report slot was submitted on
 * time, late, or not at all. The server decides who receives what; these decide when and how it is counted.
 */

/** Days before a deadline on which owners are reminded ("còn 7 ngày", "còn 3 ngày", "còn 1 ngày"). */
export const DEADLINE_MILESTONES = [7, 3, 1] as const;
export type TDeadlineMilestone = (typeof DEADLINE_MILESTONES)[number];

/**
 * How many days after a deadline the scheduler still sends its one "deadline passed" notice. Later than that the
 * coordinator chases by hand (the completeness page): an old period left open must not wake up with a mail storm.
 */
export const OVERDUE_NOTICE_DAYS = 3;

export type TDeadlineReminder =
  | { kind: "soon"; milestone: TDeadlineMilestone; daysLeft: number }
  | { kind: "passed"; daysLate: number }
  | null;

/**
 * The reminder due now for a deadline: the nearest milestone not yet behind us (7 from 7 days down to 4, 3 on days
 * 3 and 2, 1 on the last two days), "passed" during the first days after it, otherwise none. Callers send each
 * milestone once (the reminder log), so a scheduler that was down on day 7 still sends the 7-day reminder on day 6
 * — with the true number of days — rather than skipping it, and never sends it twice.
 */
export function deadlineReminder(deadline: TInstantInput, now: TInstantInput): TDeadlineReminder {
  const left = daysLeft(deadline, now);
  if (isPastDeadline(deadline, now)) {
    const daysLate = Math.max(0, -left);
    return daysLate <= OVERDUE_NOTICE_DAYS ? { kind: "passed", daysLate } : null;
  }
  const milestone = [...DEADLINE_MILESTONES].reverse().find((m) => m >= left);
  return milestone === undefined ? null : { kind: "soon", milestone, daysLeft: left };
}

/** A report slot (unit × indicator × period): submitted by its deadline, after it, or not yet. */
export type TSlotStatus = "on_time" | "late" | "missing";

/**
 * Timeliness is judged on the first submission against the period's common deadline: an extension lets a unit still
 * submit, but the province needed the report by then, so a report sent under an extension counts as late (the page
 * shows the extension beside it). A report sent on time and later reopened for an explanation stays on time.
 */
export function slotStatus(firstSubmittedAt: TInstantInput | null, deadline: TInstantInput): TSlotStatus {
  if (firstSubmittedAt === null) return "missing";
  return isPastDeadline(deadline, firstSubmittedAt) ? "late" : "on_time";
}

export interface TCompletenessCounts {
  /** Reports the assignment expects: one per unit and indicator it leads or cooperates on. */
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  /** Never submitted (still in draft, or not started). */
  missing: number;
  /** Missing and past the unit's own deadline (its extension, if it has one). */
  overdue: number;
  /** Submitted with at least one evidence document. */
  withEvidence: number;
}

export function emptyCounts(): TCompletenessCounts {
  return { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, overdue: 0, withEvidence: 0 };
}

/** Adds one slot to running counts (mutates and returns `counts`, so grouping stays one pass). */
export function addSlot(
  counts: TCompletenessCounts,
  slot: { status: TSlotStatus; evidenceCount: number; pastDeadline: boolean },
): TCompletenessCounts {
  counts.expected++;
  if (slot.status === "missing") {
    counts.missing++;
    if (slot.pastDeadline) counts.overdue++;
    return counts;
  }
  counts.submitted++;
  if (slot.status === "on_time") counts.onTime++;
  else counts.late++;
  if (slot.evidenceCount > 0) counts.withEvidence++;
  return counts;
}

/** Adds counts made elsewhere (a unit's, counted by the database) to running totals (mutates and returns `into`). */
export function addCounts(into: TCompletenessCounts, more: TCompletenessCounts): TCompletenessCounts {
  for (const key of Object.keys(into) as (keyof TCompletenessCounts)[]) into[key] += more[key];
  return into;
}

/** Share of `part` in `whole`, 0..1; null when nothing was expected (shown as "—", not as 0%). */
export function ratioOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
