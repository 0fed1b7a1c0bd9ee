import { z } from "zod";
import type { TReportedValues, TScoringRule, TValueKind } from "../framework/indicator.ts";
import { scoreIndicator } from "../scoring/score-indicator.ts";

export const TARGET_COMPARATORS = [">=", "<=", "="] as const;
export const ZTargetComparator = z.enum(TARGET_COMPARATORS);
export type TTargetComparator = z.infer<typeof ZTargetComparator>;

/** The linked indicator, as scoring needs it. */
export interface TTargetIndicator {
  code: string;
  maxScore: number;
  rule: TScoringRule | null;
  valueKind: TValueKind | null;
}

/** The indicator's latest report that has left draft: its values and its points (appraised, else self-assessed). */
export interface TTargetReport {
  values: TReportedValues;
  points: number | null;
}

export interface TTargetReading {
  value: number | null;
  /** percent: a ratio or target indicator's measured %; value: the number reported; points: its score. */
  basis: "percent" | "value" | "points" | null;
}

/**
 * The current value of a target from its indicator's latest report, in the unit a plan's target uses: a "tỷ lệ"
 * target ("≥ 80%") reads the measured percentage, a count or amount reads the number reported, anything else the
 * points. Nothing reported yet gives no value rather than zero.
 */
export function readTargetValue(indicator: TTargetIndicator, report: TTargetReport | null): TTargetReading {
  if (!report) return { value: null, basis: null };
  if (indicator.rule) {
    const score = scoreIndicator({
      code: indicator.code,
      maxScore: indicator.maxScore,
      rule: indicator.rule,
      values: report.values,
    });
    if (score.percent !== undefined) return { value: score.percent, basis: "percent" };
  }
  const single = report.values.value;
  if (typeof single === "number" && indicator.valueKind !== "choice") return { value: single, basis: "value" };
  return report.points === null ? { value: null, basis: null } : { value: report.points, basis: "points" };
}

/** Whether a value meets a target; null when either is unknown. */
export function isTargetMet(
  comparator: TTargetComparator,
  target: number | null,
  value: number | null,
): boolean | null {
  if (target === null || value === null) return null;
  if (comparator === ">=") return value >= target;
  if (comparator === "<=") return value <= target;
  return Math.abs(value - target) < 1e-9;
}

/** "DTI ≥ 800/1000" → { comparator: ">=", value: 800 }; the first comparison in a target's label, if any. */
export function parseTargetLabel(label: string): { comparator: TTargetComparator; value: number } | null {
  const match = /(≥|>=|≤|<=|=|tối thiểu|trên|ít nhất)\s*(\d+(?:[.,]\d+)?)/iu.exec(label);
  if (!match) return null;
  const symbol = (match[1] ?? "").toLowerCase();
  const comparator: TTargetComparator = symbol === "≤" || symbol === "<=" ? "<=" : symbol === "=" ? "=" : ">=";
  return { comparator, value: Number((match[2] ?? "").replace(",", ".")) };
}
