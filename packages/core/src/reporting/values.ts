import type { TIndicatorInput, TReportedValues, TScoringRule, TValueKind } from "../framework/indicator.ts";
import { formatNumberVi } from "../text/format.ts";
import { checkNumberBounds, type TNumberBounds } from "../text/number.ts";

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

/** Where a numeric input's allowed values start and end: a rule that scores below zero accepts negatives. */
export function numericInputBounds(indicator: TValueShape, key: string): TNumberBounds {
  const rule = indicator.rule;
  const allowNegative = rule?.type === "bands" && rule.input === key && rule.bands.some((band) => band.min < 0);
  // A share typed in percent cannot pass 100; a growth rate (bands below zero) can.
  const max = indicator.valueKind === "percent" && !allowNegative ? 100 : null;
  return { min: allowNegative ? null : 0, max };
}

export interface TValueProblem {
  key: string;
  message: string;
}

/** How the reporter names an input in a message: its label, or "Giá trị" for a single value. */
function inputName(indicator: TValueShape, key: string): string {
  return indicator.inputs.find((i) => i.key === key)?.label ?? (key === "value" ? "Giá trị" : key);
}

/**
 * What is wrong with values, input by input, in Vietnamese; an empty list means they can be saved.
 * A part larger than its whole (numerator over denominator) is refused: it is always a typing slip, and
 * scoring would otherwise quietly cap it at full points.
 */
export function findValueProblems(indicator: TValueShape, values: TReportedValues): TValueProblem[] {
  const expected = expectedInputs(indicator);
  const problems: TValueProblem[] = [];
  const add = (key: string, message: string) => problems.push({ key, message });
  for (const [key, value] of Object.entries(values)) {
    const type = expected.get(key);
    const name = inputName(indicator, key);
    if (!type) {
      add(key, `Ô nhập "${key}" không thuộc chỉ số này.`);
      continue;
    }
    if (value === null) continue;
    if (type === "number") {
      if (typeof value !== "number" || !Number.isFinite(value)) add(key, `${name}: không phải là số.`);
      else {
        const outside = checkNumberBounds(value, numericInputBounds(indicator, key));
        if (outside) add(key, `${name}: ${lowerFirst(outside)}`);
      }
    }
    if (type === "boolean" && typeof value !== "boolean") add(key, `${name}: phải là có hoặc không.`);
    if (type === "choice") {
      const options = indicator.rule?.type === "choice" ? indicator.rule.options.map((o) => o.key) : [];
      if (typeof value !== "string" || (options.length > 0 && !options.includes(value)))
        add(key, `${name}: không phải là một lựa chọn hợp lệ.`);
    }
  }
  const rule = indicator.rule;
  if (rule?.type === "ratio") {
    const part = values[rule.numerator];
    const whole = values[rule.denominator];
    if (typeof part === "number" && typeof whole === "number" && part >= 0 && whole >= 0 && part > whole)
      add(
        rule.numerator,
        `${inputName(indicator, rule.numerator)} (${formatNumberVi(part, { maxDecimals: 6 })}) lớn hơn ${lowerFirst(
          inputName(indicator, rule.denominator),
        )} (${formatNumberVi(whole, { maxDecimals: 6 })}): phần không thể lớn hơn tổng.`,
      );
  }
  return problems;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Vietnamese messages for values that do not fit the indicator; an empty list means they can be saved. */
export function checkReportedValues(indicator: TValueShape, values: TReportedValues): string[] {
  return findValueProblems(indicator, values).map((p) => p.message);
}

/** True when at least one expected input holds a value. */
export function hasAnyValue(indicator: TValueShape, values: TReportedValues): boolean {
  return [...expectedInputs(indicator).keys()].some(
    (key) => values[key] !== null && values[key] !== undefined && values[key] !== "",
  );
}
