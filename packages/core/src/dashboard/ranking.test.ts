import { describe, expect, it } from "vitest";
import { competitionRanks, gapToPlace } from "./ranking.ts";
import { rankUnits, type TUnitActivity } from "./unit-ranking.ts";

describe("competitionRanks", () => {
  it("ranks ties as published: 15, 15, 17", () => {
    const values = [0.7, 0.6, 0.6, 0.5];
    const ranks = competitionRanks(
      values.map((v, i) => ({ i, v })),
      (x) => x.v,
    );
    expect([...ranks.entries()].sort((a, b) => a[0].i - b[0].i).map(([, r]) => r)).toEqual([1, 2, 2, 4]);
  });

  it("handles empty and single lists", () => {
    expect(competitionRanks([], (x: number) => x).size).toBe(0);
    expect([...competitionRanks([3], (x) => x).values()]).toEqual([1]);
  });
});

describe("gapToPlace", () => {
  const indexes = Array.from({ length: 34 }, (_, i) => 0.8 - i * 0.01);
  it("gives the points a province needs to reach the 10th and 20th places", () => {
    expect(gapToPlace(0.6, indexes, 10)).toEqual({ place: 10, targetIndex: 0.71, indexGap: 0.11, pointGap: 110 });
    expect(gapToPlace(0.6, indexes, 20)).toMatchObject({ indexGap: 0.01, pointGap: 10 });
  });
  it("is zero for a province already there, and null when the table is shorter", () => {
    expect(gapToPlace(0.79, indexes, 10)?.pointGap).toBe(0);
    expect(gapToPlace(0.5, indexes.slice(0, 5), 10)).toBeNull();
  });
});

describe("rankUnits", () => {
  const unit = (over: Partial<TUnitActivity>): TUnitActivity => ({
    unitId: over.unitName ?? "u",
    unitName: "u",
    expected: 10,
    onTime: 10,
    complete: 10,
    returns: 0,
    leadPoints: 0,
    leadMax: 0,
    ...over,
  });

  it("weighs timeliness, completeness and the score of led indicators", () => {
    const [a, b] = rankUnits([
      unit({ unitName: "Sở A", onTime: 5, complete: 10, leadPoints: 40, leadMax: 50 }),
      unit({ unitName: "Sở B", onTime: 10, complete: 5, leadPoints: 10, leadMax: 50 }),
    ]);
    // A: 0.4×50 + 0.3×100 + 0.3×80 = 74 ; B: 0.4×100 + 0.3×50 + 0.3×20 = 61
    expect([a!.unitName, a!.score, a!.rank]).toEqual(["Sở A", 74, 1]);
    expect([b!.unitName, b!.score, b!.rank]).toEqual(["Sở B", 61, 2]);
  });

  it("judges a unit leading nothing on timeliness and completeness alone", () => {
    const [row] = rankUnits([unit({ unitName: "Phường X", onTime: 8, complete: 6 })]);
    expect(row).toMatchObject({ leadScore: null, score: 71.43, timeliness: 80, completeness: 60 });
  });

  it("breaks ties by fewer returns and leaves out units that owe nothing", () => {
    const rows = rankUnits([
      unit({ unitName: "B", returns: 3 }),
      unit({ unitName: "A", returns: 1 }),
      unit({ unitName: "C", expected: 0 }),
    ]);
    expect(rows.map((r) => [r.unitName, r.rank])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
  });
});
