import { pointsOf, type TReportedValues, type TScoringRule } from "../framework/indicator.ts";
import { formatNumberVi as formatNumber, formatPercentVi as formatPercent } from "../text/format.ts";
import { invalid, readBoolean, readNumber, readText, type TReadFailure, worstFailure } from "./read-value.ts";

/**
 * What a rule makes of the reported values, before capping, rounding and the evidence check.
 * `detail` and `note` are the Vietnamese pieces of the one-line explanation.
 */
export type TRuleOutcome =
  | { kind: "scored"; points: number; detail: string; note?: string; percent?: number }
  | TReadFailure
  | { kind: "manual_pending" }
  | { kind: "not_applicable"; detail: string };

export interface TRuleContext {
  maxScore: number;
  manualPoints?: number | null;
  unitLabel?: string;
}

/** Rules that produce points; "not_scored" never reaches here. */
export type TScoredRule = Exclude<TScoringRule, { type: "not_scored" }>;
type TRuleOf<T extends TScoredRule["type"]> = Extract<TScoredRule, { type: T }>;

export function evaluateRule(rule: TScoredRule, values: TReportedValues, context: TRuleContext): TRuleOutcome {
  switch (rule.type) {
    case "yes_no":
      return scoreYesNo(rule, values, context);
    case "ratio":
      return scoreRatio(rule, values, context);
    case "target":
      return scoreTarget(rule, values, context);
    case "bands":
      return scoreBands(rule, values, context);
    case "choice":
      return scoreChoice(rule, values, context);
    case "parts":
      return scoreParts(rule, values, context);
    case "manual":
      return scoreManual(context);
  }
}

function scoreYesNo(rule: TRuleOf<"yes_no">, values: TReportedValues, { maxScore }: TRuleContext): TRuleOutcome {
  const answer = readBoolean(values, rule.input, "giá trị");
  if (answer.kind !== "value") return answer;
  return { kind: "scored", points: answer.value ? maxScore : 0, detail: answer.value ? "Có" : "Không" };
}

function scoreRatio(rule: TRuleOf<"ratio">, values: TReportedValues, context: TRuleContext): TRuleOutcome {
  const numerator = readNumber(values, rule.numerator, "tử số");
  const denominator = readNumber(values, rule.denominator, "mẫu số");
  if (numerator.kind !== "value" || denominator.kind !== "value") return worstFailure(numerator, denominator);
  if (denominator.value === 0) return zeroDenominator(rule, numerator.value, context);
  const percent = (numerator.value / denominator.value) * 100;
  return {
    kind: "scored",
    points: Math.min(1, percent / rule.fullAtPercent) * context.maxScore,
    percent,
    detail: `${formatNumber(numerator.value)}/${formatNumber(denominator.value)}${unit(context)} = ${formatPercent(percent)}`,
    note: ratioNote(percent, rule.fullAtPercent),
  };
}

/** A ratio with nothing to count: what the framework chose, and a numerator above 0 is a slip either way. */
function zeroDenominator(rule: TRuleOf<"ratio">, numerator: number, context: TRuleContext): TRuleOutcome {
  if ((rule.whenZeroDenominator ?? "invalid") === "invalid") return invalid("mẫu số bằng 0");
  if (numerator > 0) return invalid(`tử số ${formatNumber(numerator)} lớn hơn mẫu số 0`);
  if (rule.whenZeroDenominator === "not_applicable") return { kind: "not_applicable", detail: "mẫu số bằng 0" };
  return {
    kind: "scored",
    points: context.maxScore,
    detail: `0/0${unit(context)}`,
    note: "không phát sinh, tính tối đa",
  };
}

/** Says why a ratio earned more than its share: over 100% (a data slip, capped) or a lowered full-score bar. */
function ratioNote(percent: number, fullAtPercent: number): string | undefined {
  if (percent > 100) return "vượt 100%, tính tối đa";
  if (fullAtPercent < 100) return `đủ điểm từ ${formatPercent(fullAtPercent)}`;
  return undefined;
}

function scoreTarget(rule: TRuleOf<"target">, values: TReportedValues, context: TRuleContext): TRuleOutcome {
  const value = readNumber(values, rule.input, "giá trị");
  if (value.kind !== "value") return value;
  const percent = (value.value / rule.target) * 100;
  return {
    kind: "scored",
    points: Math.min(1, value.value / rule.target) * context.maxScore,
    percent,
    detail: `${formatNumber(value.value)}/${formatNumber(rule.target)}${unit(context)} = ${formatPercent(percent)} mục tiêu`,
    note: percent > 100 ? "vượt mục tiêu, tính tối đa" : undefined,
  };
}

function scoreBands(rule: TRuleOf<"bands">, values: TReportedValues, context: TRuleContext): TRuleOutcome {
  // A negative value is a typing slip unless the coordinator defined a band below zero (e.g. a growth rate).
  const allowNegative = rule.bands.some((band) => band.min < 0);
  const value = readNumber(values, rule.input, "giá trị", allowNegative);
  if (value.kind !== "value") return value;
  // Highest threshold first, so "the first band reached" holds whatever order the bands were typed in.
  const bands = [...rule.bands].sort((a, b) => b.min - a.min);
  const band = bands.find((candidate) => value.value >= candidate.min);
  const lowest = bands[bands.length - 1]!;
  return {
    kind: "scored",
    points: band?.points ?? 0,
    detail: `${formatNumber(value.value)}${unit(context)}`,
    note: band ? `ngưỡng ≥ ${formatNumber(band.min)}` : `dưới ngưỡng thấp nhất ≥ ${formatNumber(lowest.min)}`,
  };
}

function scoreChoice(rule: TRuleOf<"choice">, values: TReportedValues, { maxScore }: TRuleContext): TRuleOutcome {
  const key = readText(values, rule.input, "lựa chọn");
  if (key.kind !== "value") return key;
  const option = rule.options.find((candidate) => candidate.key === key.value);
  if (!option) return invalid(`lựa chọn "${key.value}" không có trong danh sách`);
  return { kind: "scored", points: pointsOf(option, maxScore), detail: option.label };
}

function scoreParts(rule: TRuleOf<"parts">, values: TReportedValues, { maxScore }: TRuleContext): TRuleOutcome {
  const answers = rule.parts.map((part) => ({ part, answer: readBoolean(values, part.key, `"${part.label}"`) }));
  const reads = answers.map(({ answer }) => answer);
  if (reads.some((read) => read.kind === "invalid") || reads.every((read) => read.kind === "not_reported")) {
    return worstFailure(...reads);
  }
  // Once any part is answered, an unanswered one is a box left unticked: not met.
  const met = answers.filter(({ answer }) => answer.kind === "value" && answer.value).map(({ part }) => part);
  return {
    kind: "scored",
    points: met.reduce((sum, part) => sum + pointsOf(part, maxScore), 0),
    detail: `đạt ${met.length}/${rule.parts.length} tiêu chí`,
  };
}

/** Points typed by an appraiser (or proposed by the reporter), checked against the indicator's range. */
function scoreManual({ manualPoints, maxScore }: TRuleContext): TRuleOutcome {
  if (manualPoints === undefined || manualPoints === null) return { kind: "manual_pending" };
  if (!Number.isFinite(manualPoints)) return invalid("điểm chấm không phải là số");
  if (manualPoints < 0) return invalid("điểm chấm không được âm");
  if (manualPoints > maxScore) {
    return invalid(`điểm chấm ${formatNumber(manualPoints)} vượt quá điểm tối đa ${formatNumber(maxScore)}`);
  }
  return { kind: "scored", points: manualPoints, detail: "chấm điểm trực tiếp" };
}

function unit({ unitLabel }: TRuleContext): string {
  return unitLabel ? ` ${unitLabel}` : "";
}
