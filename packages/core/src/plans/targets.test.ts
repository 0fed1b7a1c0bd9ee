import { describe, expect, it } from "vitest";
import { isTargetMet, parseTargetLabel, readTargetValue, type TTargetIndicator } from "./targets.ts";

const RATIO: TTargetIndicator = {
  code: "7.3",
  maxScore: 20,
  valueKind: "multi",
  rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
};

describe("readTargetValue", () => {
  it("reads a ratio indicator as its measured percentage", () => {
    expect(readTargetValue(RATIO, { values: { numerator: 725, denominator: 1000 }, points: 14.5 })).toEqual({
      value: 72.5,
      basis: "percent",
    });
  });

  it("reads a count as the number reported, a yes/no as its points, nothing reported as no value", () => {
    const count: TTargetIndicator = { code: "7.5", maxScore: 30, valueKind: "count", rule: { type: "manual" } };
    expect(readTargetValue(count, { values: { value: 1200 }, points: null })).toEqual({ value: 1200, basis: "value" });
    const yesNo: TTargetIndicator = {
      code: "1.1",
      maxScore: 10,
      valueKind: "boolean",
      rule: { type: "yes_no", input: "value" },
    };
    expect(readTargetValue(yesNo, { values: { value: true }, points: 10 })).toEqual({ value: 10, basis: "points" });
    expect(readTargetValue(RATIO, null)).toEqual({ value: null, basis: null });
  });
});

describe("isTargetMet and parseTargetLabel", () => {
  it.each<[">=" | "<=" | "=", number | null, number | null, boolean | null]>([
    [">=", 80, 72.5, false],
    [">=", 80, 80, true],
    ["<=", 5, 3, true],
    ["=", 100, 100, true],
    [">=", 80, null, null],
    [">=", null, 90, null],
  ])("%s %s with %s → %s", (comparator, target, value, expected) => {
    expect(isTargetMet(comparator, target, value)).toBe(expected);
  });

  it.each([
    ["DTI ≥ 800/1000 điểm", { comparator: ">=", value: 800 }],
    ["Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt tối thiểu 80%", { comparator: ">=", value: 80 }],
    ["Tỷ trọng thương mại điện tử trên 10%", { comparator: ">=", value: 10 }],
    ["Top 20", null],
  ])("%j", (label, expected) => {
    expect(parseTargetLabel(label)).toEqual(expected);
  });
});
