import { describe, expect, it } from "vitest";
import { type TScoringRule, ZScoringRule } from "../framework/indicator.ts";
import { validateFramework } from "../framework/validate.ts";
import { aggregateScores } from "./aggregate.ts";
import { DEFAULT_GRADE_BANDS, gradeOf, percentOf, ZGradeBands } from "./grade.ts";
import { rankByTotal } from "./rank.ts";
import { scoreIndicator } from "./score-indicator.ts";

/*
 * The rules agency frameworks need (QĐ 780/2022 Kon Tum, QĐ 545/2023 Sơn La), each with its boundaries.
 */

// "Trưởng ban chỉ đạo là Bí thư/Chủ tịch: điểm tối đa; Phó: 1/2; không có: 0".
const HEAD = ZScoringRule.parse({
  type: "choice",
  options: [
    { key: "head", label: "Bí thư/Chủ tịch", share: 1 },
    { key: "deputy", label: "Phó Bí thư/Phó Chủ tịch", share: 0.5 },
    { key: "none", label: "Không có", share: 0 },
  ],
});
// Two documents, half each.
const TWO_DOCUMENTS = ZScoringRule.parse({
  type: "parts",
  parts: [
    { key: "plan", label: "Kế hoạch CĐS năm", share: 0.5 },
    { key: "report", label: "Báo cáo kết quả", share: 0.5 },
  ],
});
const ratio = (whenZeroDenominator?: string) =>
  ZScoringRule.parse({ type: "ratio", ...(whenZeroDenominator ? { whenZeroDenominator } : {}) });
// Meetings a year: ≥ 4 → 10, ≥ 2 → 5, otherwise 0.
const MEETINGS = ZScoringRule.parse({
  type: "bands",
  bands: [
    { min: 4, points: 10 },
    { min: 2, points: 5 },
  ],
});

const score = (rule: TScoringRule, values: Record<string, number | boolean | string | null>, maxScore = 10) =>
  scoreIndicator({ code: "1.1", maxScore, rule, values });

describe("choice with shares of the maximum", () => {
  it.each([
    ["head", 10, "Bí thư/Chủ tịch"],
    ["deputy", 5, "Phó Bí thư/Phó Chủ tịch"],
    ["none", 0, "Không có"],
  ])("%s earns %s of 10", (key, points, label) => {
    const result = score(HEAD, { value: key });
    expect(result).toMatchObject({ points, status: "scored" });
    expect(result.explanation).toContain(label);
  });
  it("follows the maximum when the coordinator changes it: ½ of 15 is 7,5", () => {
    expect(score(HEAD, { value: "deputy" }, 15).points).toBe(7.5);
  });
  it("an unknown option is invalid, no option is not reported", () => {
    expect(score(HEAD, { value: "chief" }).status).toBe("invalid");
    expect(score(HEAD, {}).status).toBe("not_reported");
  });
  it("an option needs points or a share, not both and not neither", () => {
    const both = { type: "choice", options: [{ key: "a", label: "A", points: 1, share: 1 }] };
    const neither = { type: "choice", options: [{ key: "a", label: "A" }] };
    expect(ZScoringRule.safeParse(both).success).toBe(false);
    expect(ZScoringRule.safeParse(neither).success).toBe(false);
    expect(ZScoringRule.safeParse({ type: "choice", options: [{ key: "a", label: "A", share: 1.5 }] }).success).toBe(
      false,
    );
  });
});

describe("multi-part criteria, half each", () => {
  it.each([
    [{ plan: true, report: true }, 10, "đạt 2/2"],
    [{ plan: true, report: false }, 5, "đạt 1/2"],
    [{ plan: false, report: true }, 5, "đạt 1/2"],
    [{ plan: true }, 5, "đạt 1/2"],
    [{ plan: false, report: false }, 0, "đạt 0/2"],
  ])("%o → %s", (values, points, detail) => {
    const result = score(TWO_DOCUMENTS, values);
    expect(result.points).toBe(points);
    expect(result.explanation).toContain(detail);
  });
  it("nothing ticked at all is not reported", () => {
    expect(score(TWO_DOCUMENTS, {}).status).toBe("not_reported");
  });
  it("a framework whose parts' shares go above the maximum is refused", () => {
    const issues = validateFramework([
      {
        code: "1",
        parentCode: null,
        maxScore: 10,
        valueKind: "boolean",
        inputs: [],
        rule: ZScoringRule.parse({
          type: "parts",
          parts: [
            { key: "a", label: "A", share: 0.75 },
            { key: "b", label: "B", share: 0.5 },
          ],
        }),
      },
    ]);
    expect(issues.map((issue) => issue.message).join(" ")).toMatch(/tổng điểm các nội dung \(12,5\) vượt/);
  });
});

describe("ratio a/b with the framework's rule for b = 0", () => {
  it("a normal ratio is unchanged by the rule: 3/4 → 7,5", () => {
    for (const rule of [ratio(), ratio("not_applicable"), ratio("full")]) {
      expect(score(rule, { numerator: 3, denominator: 4 }).points).toBe(7.5);
    }
  });
  it("by default 0/0 is a data slip (invalid), as before", () => {
    expect(score(ratio(), { numerator: 0, denominator: 0 })).toMatchObject({ status: "invalid", points: 0 });
  });
  it("not applicable: 0/0 leaves the maximum", () => {
    const result = score(ratio("not_applicable"), { numerator: 0, denominator: 0 });
    expect(result).toMatchObject({ status: "not_applicable", points: 0 });
    expect(result.explanation).toContain("không áp dụng");
  });
  it("full points: 0/0 earns the maximum", () => {
    expect(score(ratio("full"), { numerator: 0, denominator: 0 })).toMatchObject({ status: "scored", points: 10 });
  });
  it("5/0 is a slip whatever the rule", () => {
    for (const rule of [ratio(), ratio("not_applicable"), ratio("full")]) {
      expect(score(rule, { numerator: 5, denominator: 0 }).status).toBe("invalid");
    }
  });
  it("a missing denominator is not reported, never not applicable", () => {
    expect(score(ratio("not_applicable"), { numerator: 0 }).status).toBe("not_reported");
  });
});

describe("count thresholds", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 5],
    [3, 5],
    [4, 10],
    [12, 10],
  ])("%s meetings → %s points", (value, points) => {
    expect(score(MEETINGS, { value }).points).toBe(points);
  });
  it("a negative count is invalid", () => {
    expect(score(MEETINGS, { value: -1 }).status).toBe("invalid");
  });
});

describe("not-applicable criteria in the total", () => {
  const tree = [
    {
      code: "1",
      maxScore: 30,
      children: [
        { code: "1.1", maxScore: 10 },
        { code: "1.2", maxScore: 20 },
      ],
    },
    { code: "2", maxScore: 20, children: [{ code: "2.1", maxScore: 20 }] },
  ];
  it("leave the maximum of their parents and of the total; the index is a share of what could be earned", () => {
    const result = aggregateScores({
      indicators: tree,
      scores: [
        { code: "1.1", points: 10, status: "scored" },
        { code: "1.2", points: 0, status: "not_applicable" },
        { code: "2.1", points: 15, status: "scored" },
      ],
    });
    expect(result.maxTotal).toBe(30);
    expect(result.total).toBe(25);
    expect(result.index).toBe(0.8333);
    expect(result.nodes[0]).toMatchObject({ maxScore: 10, excluded: 20, points: 10, pointsLost: 0 });
    expect(result.leaves[1]).toMatchObject({ maxScore: 0, excluded: 20, pointsLost: 0, status: "not_applicable" });
  });
  it("full-points 0/0 keeps the maximum whole", () => {
    const result = aggregateScores({
      indicators: tree,
      scores: [
        { code: "1.1", points: 10, status: "scored" },
        { code: "1.2", points: 20, status: "scored" },
        { code: "2.1", points: 15, status: "scored" },
      ],
    });
    expect(result).toMatchObject({ maxTotal: 50, total: 45 });
  });
});

describe("grading bands", () => {
  it.each([
    [500, "Tốt"],
    [400, "Tốt"],
    [399.98, "Tốt"], // 79,996% is published as 80,00%
    [399.9, "Khá"],
    [325, "Khá"],
    [324.97, "Trung bình"], // 64,994% → 64,99%
    [250, "Trung bình"],
    [249.97, "Yếu"],
    [0, "Yếu"],
  ])("%s/500 → %s", (points, name) => {
    expect(gradeOf(points, 500, DEFAULT_GRADE_BANDS)?.name).toBe(name);
  });
  it("uses the round's own names and thresholds", () => {
    const bands = [
      { name: "Xuất sắc", minPercent: 90 },
      { name: "Đạt", minPercent: 60 },
      { name: "Chưa đạt", minPercent: 0 },
    ];
    expect(gradeOf(450, 500, bands)?.name).toBe("Xuất sắc");
    expect(gradeOf(449, 500, bands)?.name).toBe("Đạt");
    expect(gradeOf(299, 500, bands)?.name).toBe("Chưa đạt");
  });
  it("percent of a reduced maximum: 25 of 30 is 83,33%", () => {
    expect(percentOf(25, 30)).toBe(83.33);
    expect(percentOf(5, 0)).toBe(0);
  });
  it("refuses bands without a 0% floor, with equal thresholds or equal names", () => {
    expect(ZGradeBands.safeParse([{ name: "Tốt", minPercent: 80 }]).success).toBe(false);
    expect(
      ZGradeBands.safeParse([
        { name: "Tốt", minPercent: 0 },
        { name: "Khá", minPercent: 0 },
      ]).success,
    ).toBe(false);
    expect(
      ZGradeBands.safeParse([
        { name: "Tốt", minPercent: 80 },
        { name: "Tốt", minPercent: 0 },
      ]).success,
    ).toBe(false);
    expect(ZGradeBands.safeParse(DEFAULT_GRADE_BANDS).success).toBe(true);
  });
});

describe("ranking with ties as published", () => {
  const totals = (values: number[]) => values.map((total, index) => ({ id: `S${index + 1}`, total }));
  it("15, 15, 17: two agencies tied at 15th share it and the next is 17th", () => {
    const agencies = totals([...Array.from({ length: 14 }, (_, i) => 500 - i), 420, 420, 410, 300, 200, 100]);
    const ranked = rankByTotal(agencies, (a) => a.total);
    expect(ranked.slice(13, 18).map((r) => r.rank)).toEqual([14, 15, 15, 17, 18]);
    expect(ranked[0]).toMatchObject({ rank: 1, of: 20 });
  });
  it("compares totals as published with 2 decimals", () => {
    const ranked = rankByTotal(totals([420.004, 419.996, 419.99]), (a) => a.total);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
  it("everyone tied is first; order among ties is the given order", () => {
    const ranked = rankByTotal(totals([10, 10, 10]), (a) => a.total);
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ["S1", 1],
      ["S2", 1],
      ["S3", 1],
    ]);
  });
  it("an empty group ranks nobody", () => {
    expect(rankByTotal([], () => 0)).toEqual([]);
  });
});
