import { describe, expect, it } from "vitest";
import { checkReportedValues, hasAnyValue } from "./values.ts";

const ratio = {
  valueKind: "multi" as const,
  inputs: [
    { key: "numerator", label: "Số hồ sơ" },
    { key: "denominator", label: "Tổng số hồ sơ" },
  ],
  rule: { type: "ratio" as const, numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
};
const yesNo = { valueKind: "boolean" as const, inputs: [], rule: { type: "yes_no" as const, input: "value" } };
const choice = {
  valueKind: "choice" as const,
  inputs: [],
  rule: { type: "choice" as const, input: "value", options: [{ key: "ct", label: "Chủ tịch", points: 10 }] },
};

const percent = { valueKind: "percent" as const, inputs: [], rule: { type: "manual" as const } };
const growth = {
  valueKind: "percent" as const,
  inputs: [],
  rule: {
    type: "bands" as const,
    input: "value",
    bands: [
      { min: 10, points: 5 },
      { min: -100, points: 0 },
    ],
  },
};

describe("checkReportedValues", () => {
  it.each([
    ["a valid ratio", ratio, { numerator: 412, denominator: 500 }, []],
    ["a partial ratio", ratio, { numerator: 412, denominator: null }, []],
    ["an unknown key", ratio, { value: 1 }, ['Ô nhập "value" không thuộc chỉ số này.']],
    ["text for a number", ratio, { numerator: "412" }, ["Số hồ sơ: không phải là số."]],
    ["a negative number", ratio, { numerator: -1 }, ["Số hồ sơ: không được nhập số âm."]],
    ["a part equal to its whole", ratio, { numerator: 40, denominator: 40 }, []],
    [
      "a part larger than its whole",
      ratio,
      { numerator: 50, denominator: 40 },
      ["Số hồ sơ (50) lớn hơn tổng số hồ sơ (40): phần không thể lớn hơn tổng."],
    ],
    ["a share over 100%", percent, { value: 100.5 }, ["Giá trị: không được lớn hơn 100."]],
    ["a share of 100%", percent, { value: 100 }, []],
    ["a growth rate below zero", growth, { value: -12.5 }, []],
    ["a number for yes/no", yesNo, { value: 1 }, ["Giá trị: phải là có hoặc không."]],
    ["an unknown option", choice, { value: "pct" }, ["Giá trị: không phải là một lựa chọn hợp lệ."]],
    ["a known option", choice, { value: "ct" }, []],
  ])("%s", (_name, indicator, values, expected) => {
    expect(checkReportedValues(indicator, values)).toEqual(expected);
  });

  it("knows when nothing was entered", () => {
    expect(hasAnyValue(ratio, { numerator: null })).toBe(false);
    expect(hasAnyValue(yesNo, { value: false })).toBe(true);
  });
});
