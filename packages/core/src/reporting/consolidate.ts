import { z } from "zod";
import type { TIndicatorInput, TReportedValues, TValueKind } from "../framework/indicator.ts";
import type { TReportStatus } from "./workflow.ts";

/**
 * How the cooperating units' figures add up into the lead agency's report (seed 001: each sở, ban, ngành and
 * địa phương reports its own numerator and denominator for 4.2; the lead reports the province's).
 * "sum": the lead's value is the sum of theirs (numerators, denominators, counts, amounts).
 * "none": nothing to add up (a percentage, a yes/no, a level): the lead states the province's value itself.
 */
export const CONSOLIDATION_RULES = ["sum", "none"] as const;
export const ZConsolidationRule = z.enum(CONSOLIDATION_RULES);
export type TConsolidationRule = z.infer<typeof ZConsolidationRule>;

/** A cooperating unit's report counts once it has left the unit (submitted or later), not while draft or returned. */
const COUNTED: ReadonlySet<TReportStatus> = new Set(["submitted", "accepted", "verified", "appraised", "final"]);
export const isCountedForConsolidation = (status: TReportStatus | null): boolean =>
  status !== null && COUNTED.has(status);

/** Value kinds whose single value adds up across units; a percentage or a yes/no does not. */
const SUMMED_KINDS: ReadonlySet<TValueKind> = new Set(["count", "number", "money"]);

/**
 * The rule for each input key, as the framework states it: a "multi" input says `consolidate` (numerator and
 * denominator default to "sum"); a single value follows its kind (count, number, money add up; the rest do not).
 */
export function consolidationRules(indicator: {
  valueKind: TValueKind | null;
  inputs: readonly TIndicatorInput[];
}): Record<string, TConsolidationRule> {
  if (indicator.valueKind === "multi")
    return Object.fromEntries(indicator.inputs.map((i) => [i.key, i.consolidate ?? "sum"]));
  if (!indicator.valueKind) return {};
  return { value: SUMMED_KINDS.has(indicator.valueKind) ? "sum" : "none" };
}

export interface TConsolidationInputRow {
  unitId: string;
  unitName: string;
  /** null: the unit has not opened a report for the period. */
  status: TReportStatus | null;
  values: TReportedValues;
}

/**
 * The consolidated values the lead is offered: for each summed key, the sum of the counted units' numbers
 * (null when none of them gave one). Keys under "none" are not proposed.
 */
export function proposeConsolidation(
  rules: Record<string, TConsolidationRule>,
  rows: readonly TConsolidationInputRow[],
): Record<string, number | null> {
  const proposed: Record<string, number | null> = {};
  for (const [key, rule] of Object.entries(rules)) {
    if (rule !== "sum") continue;
    let sum: number | null = null;
    for (const row of rows) {
      const value = row.values[key];
      if (!isCountedForConsolidation(row.status) || typeof value !== "number") continue;
      // Summed in thousandths so 0.1 + 0.2 gives 0.3, as the lead would add them by hand.
      sum = Math.round(((sum ?? 0) + value) * 1000) / 1000;
    }
    proposed[key] = sum;
  }
  return proposed;
}

/** The keys where the lead's chosen values differ from the proposal: those need a reason. */
export function overriddenKeys(
  proposed: Record<string, number | null>,
  chosen: Record<string, number | null>,
): string[] {
  return Object.keys(proposed).filter((key) => key in chosen && (chosen[key] ?? null) !== (proposed[key] ?? null));
}
