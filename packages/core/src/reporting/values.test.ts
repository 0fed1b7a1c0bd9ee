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

describe("checkReportedValues", () => {
  it.each([
    ["a valid ratio", ratio, { numerator: 412, denominator: 500 }, []],
    ["a partial ratio", ratio, { numerator: 412, denominator: null }, []],
    ["an unknown key", ratio, { value: 1 }, ['Ô nhập "value" không thuộc chỉ số này.']],
    ["text for a number", ratio, { numerator: "412" }, ['"numerator" phải là số.']],
    ["a negative number", ratio, { numerator: -1 }, ['"numerator" không được âm.']],
    ["a number for yes/no", yesNo, { value: 1 }, ['"value" phải là có hoặc không.']],
    ["an unknown option", choice, { value: "pct" }, ['"value" không phải là một lựa chọn hợp lệ.']],
    ["a known option", choice, { value: "ct" }, []],
  ])("%s", (_name, indicator, values, expected) => {
    expect(checkReportedValues(indicator, values)).toEqual(expected);
  });

  it("knows when nothing was entered", () => {
    expect(hasAnyValue(ratio, { numerator: null })).toBe(false);
    expect(hasAnyValue(yesNo, { value: false })).toBe(true);
  });
});
