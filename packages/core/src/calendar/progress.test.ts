import { describe, expect, it } from "vitest";
import { describeProgressCalendar, progressDue, readProgressCalendar, type TProgressCalendar } from "./progress.ts";

// Seed 003: "Báo cáo kết quả thực hiện chỉ tiêu 06 tháng (trước ngày 10/6 và ngày 10/12)".
const half = readProgressCalendar({ kind: "half", text: "trước ngày 10/6 và ngày 10/12" }) as TProgressCalendar;
const since = "2025-01-01T00:00:00+07:00";

describe("a plan's progress-report calendar", () => {
  it("reads seed 003's words as day 10 of June and December, 10 itself late, and says so in words", () => {
    expect(half).toEqual({ kind: "half", rule: { kind: "day_of_last_month", day: 10, before: true } });
    expect(describeProgressCalendar(half)).toBe("06 tháng: trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)");
    expect(readProgressCalendar({ kind: "quarter", text: "khi có yêu cầu" })).toBeNull();
  });

  it("puts the next deadline at 09/06 and 09/12 end of day, Vietnam time", () => {
    expect(progressDue(half, { now: "2025-05-01T10:00:00+07:00", lastUpdateAt: null, since }).nextDue).toBe(
      "2025-06-09T23:59:59+07:00",
    );
    // 09/06 23:59 in Vietnam is still on time; 00:00 on 10/06 moves to December.
    expect(progressDue(half, { now: "2025-06-09T23:59:00+07:00", lastUpdateAt: null, since }).nextDue).toBe(
      "2025-06-09T23:59:59+07:00",
    );
    expect(progressDue(half, { now: "2025-06-09T17:00:00Z", lastUpdateAt: null, since }).nextDue).toBe(
      "2025-12-09T23:59:59+07:00",
    );
    expect(progressDue(half, { now: "2025-12-20T09:00:00+07:00", lastUpdateAt: null, since }).nextDue).toBe(
      "2026-06-09T23:59:59+07:00",
    );
  });

  it("counts an update after the previous deadline as this period's report", () => {
    const now = "2025-06-01T09:00:00+07:00";
    expect(progressDue(half, { now, lastUpdateAt: "2025-05-20T09:00:00+07:00", since }).reported).toBe(true);
    // Posted in the previous window (before 09/12/2024's deadline ended): not this period's.
    expect(progressDue(half, { now, lastUpdateAt: "2024-12-09T20:00:00+07:00", since }).reported).toBe(false);
  });

  it("flags a task whose deadline passed without an update, not one that reported or did not exist yet", () => {
    const now = "2025-06-15T09:00:00+07:00";
    expect(progressDue(half, { now, lastUpdateAt: null, since }).missedDue).toBe("2025-06-09T23:59:59+07:00");
    expect(progressDue(half, { now, lastUpdateAt: "2025-03-01T09:00:00+07:00", since }).missedDue).toBeNull();
    // A late update clears the flag.
    expect(progressDue(half, { now, lastUpdateAt: "2025-06-12T09:00:00+07:00", since }).missedDue).toBeNull();
    expect(progressDue(half, { now, lastUpdateAt: null, since: "2025-06-12T09:00:00+07:00" }).missedDue).toBeNull();
  });

  it("works for a quarterly calendar", () => {
    const quarter = readProgressCalendar({
      kind: "quarter",
      text: "trước ngày 10 tháng cuối quý",
    }) as TProgressCalendar;
    expect(progressDue(quarter, { now: "2025-07-01T09:00:00+07:00", lastUpdateAt: null, since }).nextDue).toBe(
      "2025-09-09T23:59:59+07:00",
    );
  });
});
