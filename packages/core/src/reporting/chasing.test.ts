import { describe, expect, it } from "vitest";
import {
  addCounts,
  addSlot,
  deadlineReminder,
  emptyCounts,
  ratioOf,
  slotStatus,
  type TDeadlineReminder,
} from "./chasing.ts";

// Quarter II/2025: the last second on time is 24/06/2025 23:59:59 in Vietnam (16:59:59Z).
const deadline = "2025-06-24T23:59:59+07:00";
/** 09:00 in Vietnam on a day of June 2025. */
const june = (day: number) => `2025-06-${String(day).padStart(2, "0")}T09:00:00+07:00`;

describe("deadlineReminder", () => {
  it.each<[string, string, TDeadlineReminder]>([
    ["10 days before: nothing yet", june(14), null],
    ["8 days before: nothing yet", june(16), null],
    ["7 days before", june(17), { kind: "soon", milestone: 7, daysLeft: 7 }],
    [
      "5 days before: still the 7-day milestone (sent once, late if it was missed)",
      june(19),
      { kind: "soon", milestone: 7, daysLeft: 5 },
    ],
    ["3 days before", june(21), { kind: "soon", milestone: 3, daysLeft: 3 }],
    ["2 days before", june(22), { kind: "soon", milestone: 3, daysLeft: 2 }],
    ["1 day before", june(23), { kind: "soon", milestone: 1, daysLeft: 1 }],
    ["the last day", june(24), { kind: "soon", milestone: 1, daysLeft: 0 }],
    ["the last second on time", "2025-06-24T23:59:59+07:00", { kind: "soon", milestone: 1, daysLeft: 0 }],
    ["the next morning", june(25), { kind: "passed", daysLate: 1 }],
    ["3 days late", june(27), { kind: "passed", daysLate: 3 }],
    ["4 days late: chasing is manual from now on", june(28), null],
  ])("%s", (_name, now, expected) => {
    expect(deadlineReminder(deadline, now)).toEqual(expected);
  });

  it("counts days in Vietnam, not in the server's zone: 17:30Z on the 16th is already the 17th there", () => {
    expect(deadlineReminder(deadline, "2025-06-16T17:30:00Z")).toEqual({ kind: "soon", milestone: 7, daysLeft: 7 });
  });
});

describe("slotStatus", () => {
  it.each([
    ["never submitted", null, "missing"],
    ["submitted the day before", "2025-06-23T10:00:00+07:00", "on_time"],
    ["submitted in the last second", "2025-06-24T23:59:59+07:00", "on_time"],
    ["submitted after midnight (possible only with an extension)", "2025-06-25T00:00:01+07:00", "late"],
  ] as const)("%s", (_name, submittedAt, expected) => {
    expect(slotStatus(submittedAt, deadline)).toBe(expected);
  });
});

describe("completeness counts", () => {
  it("adds slots up and keeps ratios undefined when nothing is expected", () => {
    const counts = emptyCounts();
    addSlot(counts, { status: "on_time", evidenceCount: 2, pastDeadline: true });
    addSlot(counts, { status: "late", evidenceCount: 0, pastDeadline: true });
    addSlot(counts, { status: "missing", evidenceCount: 0, pastDeadline: true });
    addSlot(counts, { status: "missing", evidenceCount: 0, pastDeadline: false });
    expect(counts).toEqual({ expected: 4, submitted: 2, onTime: 1, late: 1, missing: 2, overdue: 1, withEvidence: 1 });
    expect(ratioOf(counts.submitted, counts.expected)).toBe(0.5);
    expect(ratioOf(0, 0)).toBeNull();
  });

  it("adds a unit's counts to the totals", () => {
    const totals = addSlot(emptyCounts(), { status: "late", evidenceCount: 1, pastDeadline: true });
    const unit = { expected: 3, submitted: 1, onTime: 1, late: 0, missing: 2, overdue: 2, withEvidence: 0 };
    expect(addCounts(totals, unit)).toEqual({
      expected: 4,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 2,
      overdue: 2,
      withEvidence: 1,
    });
    expect(unit.expected).toBe(3);
  });
});
