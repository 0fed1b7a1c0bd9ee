import { describe, expect, it } from "vitest";
import { aggregateScores, type TIndicatorNode, type TLeafScore, ZFrameworkAdjustment } from "./aggregate.ts";

function scored(code: string, points: number): TLeafScore {
  return { code, points, status: "scored" };
}

/** Three levels (main → component → criteria), a 0-point main indicator, and one leaf without a score. */
const SMALL_TREE: TIndicatorNode[] = [
  {
    code: "1",
    maxScore: 20,
    children: [
      { code: "1.1", maxScore: 10 },
      { code: "1.2", maxScore: 10 },
    ],
  },
  {
    code: "2",
    maxScore: 30,
    children: [
      { code: "2.1", maxScore: 10 },
      {
        code: "2.2",
        maxScore: 20,
        children: [
          { code: "2.2.a", maxScore: 10 },
          { code: "2.2.b", maxScore: 10 },
        ],
      },
    ],
  },
  { code: "9", maxScore: 0, children: [{ code: "9.1", maxScore: 0 }] },
];

const SMALL_SCORES: TLeafScore[] = [
  scored("1.1", 10),
  { code: "1.2", points: 0, status: "missing_evidence", potentialPoints: 8 },
  scored("2.1", 7.5),
  scored("2.2.a", 3.33),
  // 2.2.b has no score at all
  { code: "9.1", points: 0, status: "not_scored" },
];

describe("aggregateScores — small tree", () => {
  const result = aggregateScores({ indicators: SMALL_TREE, scores: SMALL_SCORES });
  const byCode = (code: string) =>
    [...result.nodes, ...result.nodes.flatMap((n) => n.children), ...result.leaves].find((n) => n.code === code);

  it.each([
    ["1", { points: 10, maxScore: 20, value: 0.5, pointsLost: 10, recoverable: 8 }],
    ["2", { points: 10.83, maxScore: 30, value: 0.361, pointsLost: 19.17, recoverable: 0 }],
    ["2.2", { points: 3.33, maxScore: 20, value: 0.1665, pointsLost: 16.67, recoverable: 0 }],
    ["9", { points: 0, maxScore: 0, value: 0, pointsLost: 0, recoverable: 0 }],
  ])("sums node %s from its children", (code, expected) => {
    expect(byCode(code)).toMatchObject(expected);
  });

  it.each([
    ["1.1", { points: 10, pointsLost: 0, recoverable: 0, status: "scored" }],
    ["1.2", { points: 0, pointsLost: 10, recoverable: 8, status: "missing_evidence" }],
    ["2.1", { points: 7.5, pointsLost: 2.5, recoverable: 0, status: "scored" }],
    ["2.2.b", { points: 0, pointsLost: 10, recoverable: 0, status: "not_reported" }],
    ["9.1", { points: 0, pointsLost: 0, recoverable: 0, status: "not_scored" }],
  ])("reports leaf %s", (code, expected) => {
    expect(result.leaves.find((leaf) => leaf.code === code)).toMatchObject(expected);
  });

  it("lists every leaf in tree order", () => {
    expect(result.leaves.map((leaf) => leaf.code)).toEqual(["1.1", "1.2", "2.1", "2.2.a", "2.2.b", "9.1"]);
  });

  it("computes the total and the index", () => {
    expect(result).toMatchObject({ scoredTotal: 20.83, adjustmentTotal: 0, total: 20.83, maxTotal: 50, index: 0.4166 });
  });

  it("ignores scores of codes outside the tree", () => {
    const withStray = aggregateScores({ indicators: SMALL_TREE, scores: [...SMALL_SCORES, scored("7.7", 99)] });
    expect(withStray.total).toBe(20.83);
  });
});

describe("aggregateScores — adjustments", () => {
  it.each([
    ["none", [], 20.83, 0.4166],
    ["a bonus", [{ code: "B1", label: "Điểm thưởng", points: 5 }], 25.83, 0.5166],
    ["a penalty", [{ code: "P1", label: "Chậm báo cáo", points: -0.83 }], 20, 0.4],
    [
      "two bonuses whose float sum drifts (0.1 + 0.2)",
      [
        { code: "B1", label: "Điểm thưởng", points: 0.1 },
        { code: "B2", label: "Điểm thưởng", points: 0.2 },
      ],
      21.13,
      0.4226,
    ],
    ["a penalty larger than the total", [{ code: "P1", label: "Vi phạm", points: -30 }], 0, 0],
  ])("applies %s", (_label, adjustments, total, index) => {
    const result = aggregateScores({ indicators: SMALL_TREE, scores: SMALL_SCORES, adjustments });
    expect(result).toMatchObject({ scoredTotal: 20.83, total, index });
  });
});

/** A province-level shape: 8 scored main indicators summing to 1000 points and smart city at 0. */
const PROVINCE: [code: string, maxScore: number, leaves: [maxScore: number, points: number][]][] = [
  [
    "1",
    50,
    [
      [10, 10],
      [10, 10],
      [10, 10],
      [10, 10],
      [10, 0],
    ],
  ],
  [
    "2",
    50,
    [
      [10, 10],
      [10, 10],
      [10, 10],
      [10, 10],
      [10, 5],
    ],
  ],
  [
    "3",
    150,
    [
      [50, 41.2],
      [50, 50],
      [50, 33.33],
    ],
  ],
  [
    "4",
    150,
    [
      [50, 50],
      [50, 37.5],
      [50, 25],
    ],
  ],
  [
    "5",
    200,
    [
      [100, 90.14],
      [100, 80],
    ],
  ],
  [
    "6",
    150,
    [
      [50, 41.21],
      [50, 45],
      [50, 30],
    ],
  ],
  [
    "7",
    150,
    [
      [75, 60],
      [75, 52.5],
    ],
  ],
  [
    "8",
    100,
    [
      [50, 40],
      [50, 39.29],
    ],
  ],
  ["9", 0, [[0, 0]]],
];
const PROVINCE_TREE: TIndicatorNode[] = PROVINCE.map(([code, maxScore, leaves]) => ({
  code,
  maxScore,
  children: leaves.map(([leafMax], i) => ({ code: `${code}.${i + 1}`, maxScore: leafMax })),
}));
const PROVINCE_SCORES: TLeafScore[] = PROVINCE.flatMap(([code, , leaves]) =>
  leaves.map(([, points], i) => scored(`${code}.${i + 1}`, points)),
);

describe("aggregateScores — a 1000-point framework", () => {
  const result = aggregateScores({ indicators: PROVINCE_TREE, scores: PROVINCE_SCORES });

  it("reaches 800,17/1000 → 0,8002", () => {
    expect(result).toMatchObject({ total: 800.17, maxTotal: 1000, index: 0.8002 });
  });

  it.each([
    ["3", 124.53, 0.8302],
    ["5", 170.14, 0.8507],
    ["8", 79.29, 0.7929],
    ["9", 0, 0],
  ])("main indicator %s: %d points, value %d", (code, points, value) => {
    expect(result.nodes.find((node) => node.code === code)).toMatchObject({ points, value });
  });

  it("computes the index on the adjusted total", () => {
    const adjusted = aggregateScores({
      indicators: PROVINCE_TREE,
      scores: PROVINCE_SCORES,
      adjustments: [{ code: "P1", label: "Cung cấp thông tin chậm", points: -0.5 }],
    });
    expect(adjusted).toMatchObject({ scoredTotal: 800.17, adjustmentTotal: -0.5, total: 799.67, index: 0.7997 });
  });
});

describe("ZFrameworkAdjustment", () => {
  it.each([
    ["a bonus", { code: "B1", label: "Điểm thưởng", points: 5 }, true],
    ["a penalty", { code: "P1", label: "Chậm báo cáo", points: -2.5 }, true],
    ["an empty label", { code: "P1", label: " ", points: -2.5 }, false],
    ["missing points", { code: "P1", label: "Chậm báo cáo" }, false],
    ["infinite points", { code: "P1", label: "Chậm báo cáo", points: Number.NEGATIVE_INFINITY }, false],
    ["points as text", { code: "P1", label: "Chậm báo cáo", points: "-2" }, false],
  ])("%s → valid: %s", (_label, value, valid) => {
    expect(ZFrameworkAdjustment.safeParse(value).success).toBe(valid);
  });
});
