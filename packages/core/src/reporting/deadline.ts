import { daysLeft, isPastDeadline } from "../calendar/deadlines.ts";
import type { TInstantInput } from "../calendar/zone.ts";

export interface TSubmissionWindowInput {
  periodDeadline: TInstantInput;
  /** A later deadline the coordinator granted this unit, if any. */
  extensionDeadline?: TInstantInput | null;
  /** The deadline of an open request to explain or add evidence, if any. */
  explanationDueAt?: TInstantInput | null;
  periodClosed?: boolean;
}

/**
 * When a unit may still submit: the latest of the period deadline, its own extension and an open
 * explanation request — unless the coordinator closed the period.
 */
export function submissionWindow(input: TSubmissionWindowInput, now: TInstantInput) {
  const candidates = [input.periodDeadline, input.extensionDeadline, input.explanationDueAt].filter(
    (d): d is TInstantInput => d !== null && d !== undefined,
  );
  const deadline = candidates.reduce((latest, d) => (new Date(d) > new Date(latest) ? d : latest));
  const open = !input.periodClosed && !isPastDeadline(deadline, now);
  return {
    deadline: new Date(deadline).toISOString(),
    open,
    // Counted only when read: a draft save asks only whether the window is open, thousands of times a second.
    get daysLeft() {
      return daysLeft(deadline, now);
    },
  };
}
