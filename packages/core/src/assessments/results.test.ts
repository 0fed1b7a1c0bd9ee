import { describe, expect, it } from "vitest";
import type { TResultRow } from "../contracts/assessments.ts";
import {
  compareWithPrevious,
  formatResultChange,
  formatTrend,
  lostCriteria,
  mainsAgainstGroup,
  resultsSummary,
} from "./results.ts";

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

describe("an agency's main indicators against its group", () => {
  const withMains = (unitId: string, mains: Record<string, number>): TResultRow => ({
    ...row(unitId, 0, 1),
    unitName: `Sở ${unitId}`,
    mains,
  });
  const results = {
    mains: [
      { code: "1", name: "Nhận thức số", maxScore: 60 },
      { code: "2", name: "Thể chế số", maxScore: 80 },
    ],
    criteria: [],
    rows: [withMains("a", { "1": 40, "2": 80 }), withMains("b", { "1": 55, "2": 20 }), withMains("c", { "1": 55 })],
  };

  it("gives its points, the group's average and the best with who holds it (ties all named)", () => {
    expect(mainsAgainstGroup(results, "a")).toEqual([
      { code: "1", name: "Nhận thức số", maxScore: 60, points: 40, average: 50, best: 55, bestUnits: ["Sở b", "Sở c"] },
      { code: "2", name: "Thể chế số", maxScore: 80, points: 80, average: 33.33, best: 80, bestUnits: ["Sở a"] },
    ]);
  });

  it("counts a main indicator an agency has no points in as 0, and knows nothing of an agency outside", () => {
    expect(mainsAgainstGroup(results, "c")[1]).toMatchObject({ points: 0, average: 33.33 });
    expect(mainsAgainstGroup(results, "elsewhere")).toEqual([]);
  });
});

describe("an agency's trend across years", () => {
  it("reads oldest first with total, grade and rank; says nothing with a single year", () => {
    const y2024 = { year: 2024, total: 380, grade: "Khá", rank: 18, of: 20 };
    const y2025 = { year: 2025, total: 420.5, grade: "Tốt", rank: 15, of: 20 };
    expect(formatTrend([y2024, y2025])).toBe("2024: 380 · Khá · 18/20 → 2025: 420,5 · Tốt · 15/20");
    expect(formatTrend([y2025])).toBe("");
    expect(formatTrend([])).toBe("");
  });
});

describe("the group at a glance and an agency's lost points", () => {
  const withCriteria = (unitId: string, total: number, rank: number, grade: string, finals: [number, number]) => ({
    ...row(unitId, total, rank),
    grade,
    criteria: {
      "1.1": { self: finals[0], final: finals[0], max: 20 },
      "1.2": { self: finals[1], final: finals[1], max: finals[1] === 0 ? 0 : 30 },
    },
  });
  const results = {
    mains: [],
    criteria: [
      { code: "1.1", name: "Lãnh đạo phụ trách", maxScore: 20, mainCode: "1" },
      { code: "1.2", name: "Văn bản ban hành", maxScore: 30, mainCode: "1" },
    ],
    rows: [
      withCriteria("a", 45, 1, "Tốt", [20, 25]),
      withCriteria("b", 40.5, 2, "Khá", [10.5, 30]),
      withCriteria("c", 5, 3, "Yếu", [5, 0]),
    ],
  };

  it("counts agencies per grade in the bands' order and sums the points lost per criterion, most first", () => {
    expect(
      resultsSummary(results, [{ name: "Tốt" }, { name: "Khá" }, { name: "Trung bình" }, { name: "Yếu" }]),
    ).toEqual({
      grades: [
        { name: "Tốt", count: 1 },
        { name: "Khá", count: 1 },
        { name: "Trung bình", count: 0 },
        { name: "Yếu", count: 1 },
      ],
      // 1.1: 0 + 9.5 + 15; 1.2: 5 + 0 + (not applicable: 0)
      mostLost: [
        { code: "1.1", name: "Lãnh đạo phụ trách", lost: 24.5 },
        { code: "1.2", name: "Văn bản ban hành", lost: 5 },
      ],
    });
  });

  it("lists an agency's lost criteria with the rank it would hold with them (ties share the better rank)", () => {
    expect(lostCriteria(results, "b")).toEqual([
      { code: "1.1", name: "Lãnh đạo phụ trách", final: 10.5, max: 20, lost: 9.5, rankIf: 1 },
    ]);
    expect(lostCriteria(results, "c")).toEqual([
      { code: "1.1", name: "Lãnh đạo phụ trách", final: 5, max: 20, lost: 15, rankIf: 3 },
    ]);
    expect(lostCriteria(results, "a").map((c) => [c.code, c.rankIf])).toEqual([["1.2", 1]]);
    expect(lostCriteria(results, "elsewhere")).toEqual([]);
  });
});
