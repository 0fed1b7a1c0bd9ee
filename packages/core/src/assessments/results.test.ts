import { describe, expect, it } from "vitest";
import type { TResultRow } from "../contracts/assessments.ts";
import { compareWithPrevious, formatResultChange } from "./results.ts";

const row = (unitId: string, total: number, rank: number): TResultRow => ({
  unitId,
  unitName: unitId,
  selfTotal: total,
  scoredTotal: total,
  adjustmentTotal: 0,
  total,
  maxTotal: 500,
  percent: total / 5,
  grade: "",
  rank,
  of: 20,
  mains: {},
  criteria: {},
});

describe("change against the previous round", () => {
  it("compares each agency by unit; an agency new to the group has no change", () => {
    const changes = compareWithPrevious(
      [row("snv", 432.5, 12), row("sct", 400, 17), row("new", 300, 20)],
      [row("snv", 420, 15), row("sct", 410.25, 15), row("gone", 350, 18)],
    );
    expect(changes).toEqual({
      snv: { previousTotal: 420, previousRank: 15, points: 12.5, ranks: 3 },
      sct: { previousTotal: 410.25, previousRank: 15, points: -10.25, ranks: -2 },
    });
    expect(changes.new).toBeUndefined();
  });

  it.each([
    [{ previousTotal: 420, previousRank: 15, points: 12.5, ranks: 3 }, "+12,5 điểm, ↑3 hạng"],
    [{ previousTotal: 420, previousRank: 15, points: -4, ranks: -2 }, "-4 điểm, ↓2 hạng"],
    [{ previousTotal: 420, previousRank: 15, points: 0, ranks: 0 }, "0 điểm, giữ hạng"],
    [{ previousTotal: 420, previousRank: 15, points: 1234.5, ranks: 1 }, "+1.234,5 điểm, ↑1 hạng"],
    [undefined, "—"],
  ])("writes %o as %s", (change, text) => {
    expect(formatResultChange(change)).toBe(text);
  });
});
