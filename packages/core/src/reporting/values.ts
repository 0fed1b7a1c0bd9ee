import type { TIndicatorInput, TReportedValues, TScoringRule, TValueKind } from "../framework/indicator.ts";

interface TValueShape {
  valueKind: TValueKind | null;
  inputs: readonly TIndicatorInput[];
  rule: TScoringRule | null;
}

type TExpected = "number" | "boolean" | "choice";

/** The input keys an indicator accepts and the type each holds. */
export function expectedInputs(indicator: TValueShape): Map<string, TExpected> {
  const expected = new Map<string, TExpected>();
  const rule = indicator.rule;
  if (rule?.type === "parts") {
    for (const part of rule.parts) expected.set(part.key, "boolean");
    return expected;
  }
  if (indicator.valueKind === "multi") {
    for (const input of indicator.inputs) expected.set(input.key, "number");
    return expected;
  }
  if (indicator.valueKind === "boolean") expected.set("value", "boolean");
  else if (indicator.valueKind === "choice") expected.set("value", "choice");
  else if (indicator.valueKind) expected.set("value", "number");
  return expected;
}

/** Vietnamese messages for values that do not fit the indicator; an empty list means they can be saved. */
export function checkReportedValues(indicator: TValueShape, values: TReportedValues): string[] {
  const expected = expectedInputs(indicator);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const type = expected.get(key);
    if (!type) {
      problems.push(`Ô nhập "${key}" không thuộc chỉ số này.`);
      continue;
    }
    if (value === null) continue;
    if (type === "number" && (typeof value !== "number" || !Number.isFinite(value)))
      problems.push(`"${key}" phải là số.`);
    if (type === "number" && typeof value === "number" && value < 0) problems.push(`"${key}" không được âm.`);
    if (type === "boolean" && typeof value !== "boolean") problems.push(`"${key}" phải là có hoặc không.`);
    if (type === "choice") {
      const options = indicator.rule?.type === "choice" ? indicator.rule.options.map((o) => o.key) : [];
      if (typeof value !== "string" || (options.length > 0 && !options.includes(value)))
        problems.push(`"${key}" không phải là một lựa chọn hợp lệ.`);
    }
  }
  return problems;
}

/** True when at least one expected input holds a value. */
export function hasAnyValue(indicator: TValueShape, values: TReportedValues): boolean {
  return [...expectedInputs(indicator).keys()].some(
    (key) => values[key] !== null && values[key] !== undefined && values[key] !== "",
  );
}
