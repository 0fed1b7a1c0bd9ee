import { describe, expect, it } from "vitest";
import type { TReportedValues, TScoringRule } from "../framework/indicator.ts";
import { scoreIndicator, type TIndicatorScore, type TScoreIndicatorInput } from "./score-indicator.ts";

const YES_NO: TScoringRule = { type: "yes_no", input: "value" };
const RATIO: TScoringRule = { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 };
const RATIO_FULL_AT_80: TScoringRule = { ...RATIO, fullAtPercent: 80 };
const TARGET: TScoringRule = { type: "target", input: "value", target: 150 };
// Steering committee meetings a year: ≥4 → 20, 3 → 15, 2 → 10, 1 → 5.
const MEETINGS: TScoringRule = {
  type: "bands",
  input: "value",
  bands: [
    { min: 4, points: 20 },
    { min: 3, points: 15 },
    { min: 2, points: 10 },
    { min: 1, points: 5 },
  ],
};
const HEAD: TScoringRule = {
  type: "choice",
  input: "value",
  options: [
    { key: "chairman", label: "Chủ tịch UBND tỉnh", points: 10 },
    { key: "deputy", label: "Phó Chủ tịch UBND tỉnh", points: 5 },
    { key: "none", label: "Không có", points: 0 },
  ],
};
const PARTS: TScoringRule = {
  type: "parts",
  parts: [
    { key: "plan", label: "Kế hoạch", points: 4 },
    { key: "architecture", label: "Kiến trúc", points: 3 },
    { key: "budget", label: "Kinh phí", points: 3 },
  ],
};
const MANUAL: TScoringRule = { type: "manual" };

type TCase = [label: string, input: Partial<TScoreIndicatorInput>, expected: Partial<TIndicatorScore>];

function score(input: Partial<TScoreIndicatorInput>): TIndicatorScore {
  return scoreIndicator({ code: "X", maxScore: 10, rule: YES_NO, values: {}, ...input });
}

function ratio(numerator: TReportedValues[string], denominator: TReportedValues[string]): TReportedValues {
  return { numerator, denominator };
}

describe("scoreIndicator — yes_no", () => {
  it.each<TCase>([
    ["Có earns the maximum", { values: { value: true } }, { points: 10, status: "scored" }],
    ["Không earns 0", { values: { value: false } }, { points: 0, status: "scored" }],
    ["null is not reported", { values: { value: null } }, { points: 0, status: "not_reported" }],
    ["an empty form is not reported", { values: {} }, { points: 0, status: "not_reported" }],
    ["null values are not reported", { values: null }, { points: 0, status: "not_reported" }],
    ["a blank string is not reported", { values: { value: "  " } }, { points: 0, status: "not_reported" }],
    ["a word instead of a boolean is invalid", { values: { value: "có" } }, { points: 0, status: "invalid" }],
    ["a number instead of a boolean is invalid", { values: { value: 1 } }, { points: 0, status: "invalid" }],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: YES_NO, ...input })).toMatchObject(expected);
  });
});

describe("scoreIndicator — ratio", () => {
  it.each<TCase>([
    ["412/500 of 50", { values: ratio(412, 500) }, { points: 41.2, percent: 82.4, status: "scored" }],
    ["a numerator of 0 scores 0", { values: ratio(0, 500) }, { points: 0, percent: 0, status: "scored" }],
    ["numerator > denominator is capped", { values: ratio(520, 500) }, { points: 50, percent: 104 }],
    ["a half-way result rounds up", { values: ratio(8241, 10000) }, { points: 41.21, percent: 82.41 }],
    ["denominator 0 is invalid", { values: ratio(5, 0) }, { points: 0, status: "invalid" }],
    ["0/0 is invalid", { values: ratio(0, 0) }, { points: 0, status: "invalid" }],
    ["a negative numerator is invalid", { values: ratio(-3, 500) }, { points: 0, status: "invalid" }],
    ["a negative denominator is invalid", { values: ratio(3, -500) }, { points: 0, status: "invalid" }],
    ["a missing numerator is not reported", { values: ratio(null, 500) }, { status: "not_reported" }],
    ["a wrong value outranks a missing one", { values: ratio(-3, null) }, { status: "invalid" }],
    ["a numeric string is invalid", { values: ratio("412", 500) }, { status: "invalid" }],
    ["NaN is invalid", { values: ratio(Number.NaN, 500) }, { status: "invalid" }],
    ["Infinity is invalid", { values: ratio(Number.POSITIVE_INFINITY, 500) }, { status: "invalid" }],
    ["80% is full marks at fullAtPercent 80", { rule: RATIO_FULL_AT_80, values: ratio(400, 500) }, { points: 50 }],
    ["40% is half marks at fullAtPercent 80", { rule: RATIO_FULL_AT_80, values: ratio(200, 500) }, { points: 25 }],
  ])("%s", (_label, input, expected) => {
    expect(score({ maxScore: 50, rule: RATIO, unitLabel: "hồ sơ", ...input })).toMatchObject(expected);
  });

  it.each<[string, TReportedValues, string]>([
    ["a plain ratio", ratio(412, 500), "6.6: 412/500 hồ sơ = 82,4% → 41,20/50 điểm"],
    ["thousands separators", ratio(1234, 5000), "6.6: 1.234/5.000 hồ sơ = 24,68% → 12,34/50 điểm"],
    ["a capped ratio", ratio(520, 500), "6.6: 520/500 hồ sơ = 104% → 50,00/50 điểm (vượt 100%, tính tối đa)"],
    ["denominator 0", ratio(5, 0), "6.6: số liệu không hợp lệ (mẫu số bằng 0) → 0,00/50 điểm"],
    ["a negative numerator", ratio(-3, 500), "6.6: số liệu không hợp lệ (tử số không được âm) → 0,00/50 điểm"],
  ])("explains %s", (_label, values, explanation) => {
    const result = scoreIndicator({ code: "6.6", maxScore: 50, rule: RATIO, values, unitLabel: "hồ sơ" });
    expect(result.explanation).toBe(explanation);
  });

  it("names a lowered full-score bar", () => {
    const result = scoreIndicator({ code: "6.1", maxScore: 50, rule: RATIO_FULL_AT_80, values: ratio(200, 500) });
    expect(result.explanation).toBe("6.1: 200/500 = 40% → 25,00/50 điểm (đủ điểm từ 80%)");
  });
});

describe("scoreIndicator — target", () => {
  it.each<TCase>([
    ["120 of 150", { values: { value: 120 } }, { points: 8, percent: 80, status: "scored" }],
    ["above target is capped", { values: { value: 180 } }, { points: 10, percent: 120, status: "scored" }],
    ["0 scores 0", { values: { value: 0 } }, { points: 0, percent: 0, status: "scored" }],
    ["a negative value is invalid", { values: { value: -5 } }, { points: 0, status: "invalid" }],
    ["null is not reported", { values: { value: null } }, { points: 0, status: "not_reported" }],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: TARGET, ...input })).toMatchObject(expected);
  });

  it("explains progress towards the target", () => {
    const result = scoreIndicator({
      code: "7.2",
      maxScore: 10,
      rule: TARGET,
      values: { value: 120 },
      unitLabel: "tỷ đồng",
    });
    expect(result.explanation).toBe("7.2: 120/150 tỷ đồng = 80% mục tiêu → 8,00/10 điểm");
  });
});

describe("scoreIndicator — bands", () => {
  it.each<TCase>([
    ["4 meetings reach the top band", { values: { value: 4 } }, { points: 20, status: "scored" }],
    ["7 meetings stay at the top band", { values: { value: 7 } }, { points: 20 }],
    ["3 meetings", { values: { value: 3 } }, { points: 15 }],
    ["2.5 falls to the band below", { values: { value: 2.5 } }, { points: 10 }],
    ["1 meeting", { values: { value: 1 } }, { points: 5 }],
    ["0 meetings score 0 but count as reported", { values: { value: 0 } }, { points: 0, status: "scored" }],
    ["a negative count is invalid", { values: { value: -1 } }, { points: 0, status: "invalid" }],
    ["null is not reported", { values: { value: null } }, { points: 0, status: "not_reported" }],
  ])("%s", (_label, input, expected) => {
    expect(score({ maxScore: 20, rule: MEETINGS, ...input })).toMatchObject(expected);
  });

  it("does not depend on the order the bands were typed in", () => {
    const ascending: TScoringRule = {
      type: "bands",
      input: "value",
      bands: [
        { min: 1, points: 5 },
        { min: 3, points: 15 },
      ],
    };
    expect(score({ maxScore: 20, rule: ascending, values: { value: 3 } }).points).toBe(15);
  });

  it("accepts a negative value when a band starts below zero", () => {
    const growth: TScoringRule = {
      type: "bands",
      input: "value",
      bands: [
        { min: 10, points: 10 },
        { min: 0, points: 5 },
        { min: -5, points: 2 },
      ],
    };
    expect(score({ rule: growth, values: { value: -2 } })).toMatchObject({ points: 2, status: "scored" });
    expect(score({ rule: growth, values: { value: -6 } })).toMatchObject({ points: 0, status: "scored" });
  });

  it("caps a band worth more than the indicator", () => {
    const generous: TScoringRule = { type: "bands", input: "value", bands: [{ min: 1, points: 25 }] };
    expect(score({ maxScore: 20, rule: generous, values: { value: 1 } }).points).toBe(20);
  });

  it.each([
    [3, "4.5: 3 → 15,00/20 điểm (ngưỡng ≥ 3)"],
    [0, "4.5: 0 → 0,00/20 điểm (dưới ngưỡng thấp nhất ≥ 1)"],
  ])("explains %d meetings", (value, explanation) => {
    expect(scoreIndicator({ code: "4.5", maxScore: 20, rule: MEETINGS, values: { value } }).explanation).toBe(
      explanation,
    );
  });
});

describe("scoreIndicator — choice", () => {
  it.each<TCase>([
    ["the Chairman earns the maximum", { values: { value: "chairman" } }, { points: 10, status: "scored" }],
    ["a deputy earns half", { values: { value: "deputy" } }, { points: 5, status: "scored" }],
    ["none earns 0", { values: { value: "none" } }, { points: 0, status: "scored" }],
    ["an unknown key is invalid", { values: { value: "secretary" } }, { points: 0, status: "invalid" }],
    ["a number is invalid", { values: { value: 1 } }, { points: 0, status: "invalid" }],
    ["null is not reported", { values: { value: null } }, { points: 0, status: "not_reported" }],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: HEAD, ...input })).toMatchObject(expected);
  });

  it.each([
    ["chairman", "1.1: Chủ tịch UBND tỉnh → 10,00/10 điểm"],
    ["secretary", '1.1: số liệu không hợp lệ (lựa chọn "secretary" không có trong danh sách) → 0,00/10 điểm'],
  ])("explains %s", (value, explanation) => {
    expect(scoreIndicator({ code: "1.1", maxScore: 10, rule: HEAD, values: { value } }).explanation).toBe(explanation);
  });
});

describe("scoreIndicator — parts", () => {
  it.each<TCase>([
    ["all parts met", { values: { plan: true, architecture: true, budget: true } }, { points: 10, status: "scored" }],
    ["an unanswered part counts as not met", { values: { plan: true, architecture: false } }, { points: 4 }],
    ["two parts met", { values: { architecture: true, budget: true } }, { points: 6 }],
    ["no part met", { values: { plan: false, architecture: false, budget: false } }, { points: 0, status: "scored" }],
    ["nothing answered", { values: {} }, { points: 0, status: "not_reported" }],
    [
      "a non-boolean answer is invalid",
      { values: { plan: "yes", architecture: true } },
      { points: 0, status: "invalid" },
    ],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: PARTS, ...input })).toMatchObject(expected);
  });

  it("caps parts worth more than the indicator", () => {
    const rule: TScoringRule = {
      type: "parts",
      parts: [
        { key: "a", label: "A", points: 6 },
        { key: "b", label: "B", points: 6 },
      ],
    };
    expect(score({ rule, values: { a: true, b: true } }).points).toBe(10);
  });

  it("explains how many parts are met", () => {
    const result = scoreIndicator({ code: "2.3", maxScore: 10, rule: PARTS, values: { plan: true, budget: true } });
    expect(result.explanation).toBe("2.3: đạt 2/3 tiêu chí → 7,00/10 điểm");
  });
});

describe("scoreIndicator — manual", () => {
  it.each<TCase>([
    ["points within range", { manualPoints: 7.5 }, { points: 7.5, status: "scored" }],
    ["0 points is a score", { manualPoints: 0 }, { points: 0, status: "scored" }],
    ["the maximum", { manualPoints: 10 }, { points: 10, status: "scored" }],
    ["rounded half away from zero", { manualPoints: 1.005 }, { points: 1.01, status: "scored" }],
    ["no points yet", {}, { points: 0, status: "manual_pending" }],
    ["null points", { manualPoints: null }, { points: 0, status: "manual_pending" }],
    ["above the maximum", { manualPoints: 12 }, { points: 0, status: "invalid" }],
    ["negative", { manualPoints: -1 }, { points: 0, status: "invalid" }],
    ["NaN", { manualPoints: Number.NaN }, { points: 0, status: "invalid" }],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: MANUAL, ...input })).toMatchObject(expected);
  });

  it.each<[number | null, string]>([
    [7.5, "3.1: chấm điểm trực tiếp → 7,50/10 điểm"],
    [12, "3.1: số liệu không hợp lệ (điểm chấm 12 vượt quá điểm tối đa 10) → 0,00/10 điểm"],
    [null, "3.1: chờ chấm điểm → 0,00/10 điểm"],
  ])("explains %s", (manualPoints, explanation) => {
    expect(scoreIndicator({ code: "3.1", maxScore: 10, rule: MANUAL, values: {}, manualPoints }).explanation).toBe(
      explanation,
    );
  });

  it("ignores manual points on a computed rule", () => {
    expect(score({ rule: YES_NO, values: { value: false }, manualPoints: 10 }).points).toBe(0);
  });
});

describe("scoreIndicator — not_scored and broken configuration", () => {
  it("gives a monitoring indicator 0 points whatever was reported", () => {
    const result = scoreIndicator({ code: "9.1", maxScore: 0, rule: { type: "not_scored" }, values: { value: true } });
    expect(result).toEqual({
      code: "9.1",
      points: 0,
      maxScore: 0,
      status: "not_scored",
      explanation: "9.1: chỉ số theo dõi, không tính điểm",
    });
  });

  it("refuses a negative maximum", () => {
    expect(score({ maxScore: -5, values: { value: true } })).toMatchObject({ points: 0, status: "invalid" });
  });
});

describe("scoreIndicator — evidence", () => {
  const missing = { required: true, count: 0 };

  it.each<TCase>([
    [
      "required and attached",
      { values: { value: true }, evidence: { required: true, count: 2 } },
      { points: 10, status: "scored" },
    ],
    [
      "not required",
      { values: { value: true }, evidence: { required: false, count: 0 } },
      { points: 10, status: "scored" },
    ],
    [
      "required and missing",
      { values: { value: true }, evidence: missing },
      { points: 0, status: "missing_evidence", potentialPoints: 10 },
    ],
    [
      "missing on a Không",
      { values: { value: false }, evidence: missing },
      { points: 0, status: "missing_evidence", potentialPoints: 0 },
    ],
    ["missing but nothing reported", { values: {}, evidence: missing }, { points: 0, status: "not_reported" }],
    ["missing but invalid", { values: { value: "x" }, evidence: missing }, { points: 0, status: "invalid" }],
    ["missing, manual points pending", { rule: MANUAL, evidence: missing }, { points: 0, status: "manual_pending" }],
    [
      "missing, manual points given",
      { rule: MANUAL, manualPoints: 6, evidence: missing },
      { status: "missing_evidence", potentialPoints: 6 },
    ],
  ])("%s", (_label, input, expected) => {
    expect(score({ rule: YES_NO, ...input })).toMatchObject(expected);
  });

  it("keeps the measured ratio and the recoverable points of a ratio without evidence", () => {
    const result = scoreIndicator({
      code: "6.6",
      maxScore: 50,
      rule: RATIO,
      values: ratio(412, 500),
      evidence: missing,
    });
    expect(result).toEqual({
      code: "6.6",
      points: 0,
      maxScore: 50,
      status: "missing_evidence",
      explanation: "6.6: thiếu tài liệu kiểm chứng → 0,00/50 điểm",
      percent: 82.4,
      potentialPoints: 41.2,
    });
  });

  it("explains the loss in the published words", () => {
    const result = scoreIndicator({
      code: "2.1",
      maxScore: 10,
      rule: YES_NO,
      values: { value: true },
      evidence: missing,
    });
    expect(result.explanation).toBe("2.1: thiếu tài liệu kiểm chứng → 0,00/10 điểm");
  });

  it("only reports potential points when evidence is missing", () => {
    expect(score({ values: { value: true } })).not.toHaveProperty("potentialPoints");
  });
});

describe("scoreIndicator — explanations of yes/no and not reported", () => {
  it.each<[TReportedValues, string]>([
    [{ value: true }, "1.2: Có → 10,00/10 điểm"],
    [{ value: false }, "1.2: Không → 0,00/10 điểm"],
    [{}, "1.2: chưa báo cáo → 0,00/10 điểm"],
  ])("%j", (values, explanation) => {
    expect(scoreIndicator({ code: "1.2", maxScore: 10, rule: YES_NO, values }).explanation).toBe(explanation);
  });
});
