import type { TReportedValues, TScoringRule } from "../framework/indicator.ts";
import { formatNumberVi as formatNumber, formatPoints } from "../text/format.ts";
import { evaluateRule, type TRuleOutcome } from "./evaluate-rule.ts";
import { roundPoints } from "./round.ts";

export const SCORE_STATUSES = [
  "scored",
  "not_reported",
  "missing_evidence",
  "manual_pending",
  "not_scored",
  "invalid",
  // a ratio with nothing to count whose framework says the criterion then leaves the maximum
  "not_applicable",
] as const;
export type TScoreStatus = (typeof SCORE_STATUSES)[number];

export interface TIndicatorScore {
  code: string;
  /** Rounded to 2 decimals, half away from zero; 0 unless status is "scored". */
  points: number;
  maxScore: number;
  status: TScoreStatus;
  /** One line in Vietnamese, e.g. "6.6: 412/500 hồ sơ = 82,4% → 41,20/50 điểm". */
  explanation: string;
  /** The measured percentage (×100, 2 decimals, not capped) for ratio and target rules. */
  percent?: number;
  /** Only when evidence is missing: the points the values would earn once evidence is attached. */
  potentialPoints?: number;
}

export interface TScoreIndicatorInput {
  code: string;
  maxScore: number;
  rule: TScoringRule;
  values: TReportedValues | null;
  /** Used by the "manual" rule only: the appraiser's points or the reporter's proposal. */
  manualPoints?: number | null;
  evidence?: { required: boolean; count: number };
  /** Unit shown after reported numbers, e.g. "hồ sơ". */
  unitLabel?: string;
}

/** Scores one leaf indicator from its reported values. Pure: same input, same result. */
export function scoreIndicator(input: TScoreIndicatorInput): TIndicatorScore {
  const { code, maxScore, rule } = input;
  if (rule.type === "not_scored") {
    return {
      code,
      points: 0,
      maxScore,
      status: "not_scored",
      explanation: `${code}: chỉ số theo dõi, không tính điểm`,
    };
  }
  if (!Number.isFinite(maxScore) || maxScore < 0) {
    return { code, points: 0, maxScore, status: "invalid", explanation: `${code}: điểm tối đa không hợp lệ` };
  }
  const outcome = evaluateRule(rule, input.values ?? {}, {
    maxScore,
    manualPoints: input.manualPoints,
    unitLabel: input.unitLabel,
  });
  return fromOutcome(input, outcome);
}

function fromOutcome(input: TScoreIndicatorInput, outcome: TRuleOutcome): TIndicatorScore {
  switch (outcome.kind) {
    case "not_reported":
      return zeroScore(input, "not_reported", "chưa báo cáo");
    case "manual_pending":
      return zeroScore(input, "manual_pending", "chờ chấm điểm");
    case "not_applicable":
      return {
        code: input.code,
        points: 0,
        maxScore: input.maxScore,
        status: "not_applicable",
        explanation: `${input.code}: ${outcome.detail} → không áp dụng, không tính vào điểm tối đa`,
      };
    case "invalid":
      return zeroScore(input, "invalid", `số liệu không hợp lệ (${outcome.reason})`);
    case "scored":
      return fromScored(input, outcome);
  }
}

function fromScored(input: TScoreIndicatorInput, outcome: Extract<TRuleOutcome, { kind: "scored" }>): TIndicatorScore {
  const { code, maxScore } = input;
  // Rule parameters may promise more than the indicator's maximum (a band worth 25 on a 20-point leaf).
  const points = roundPoints(Math.min(Math.max(outcome.points, 0), maxScore));
  const percent = outcome.percent === undefined ? {} : { percent: roundPoints(outcome.percent) };
  if (lacksEvidence(input.evidence)) {
    // Scored as 0, as the appraisal council would, but keep what attaching evidence would recover.
    return {
      ...zeroScore(input, "missing_evidence", "thiếu tài liệu kiểm chứng"),
      ...percent,
      potentialPoints: points,
    };
  }
  const explanation = explain(code, outcome.detail, points, maxScore, outcome.note);
  return { code, points, maxScore, status: "scored", explanation, ...percent };
}

function lacksEvidence(evidence: TScoreIndicatorInput["evidence"]): boolean {
  return evidence?.required === true && evidence.count <= 0;
}

function zeroScore(input: TScoreIndicatorInput, status: TScoreStatus, detail: string): TIndicatorScore {
  const { code, maxScore } = input;
  return { code, points: 0, maxScore, status, explanation: explain(code, detail, 0, maxScore) };
}

function explain(code: string, detail: string, points: number, maxScore: number, note?: string): string {
  const tail = note ? ` (${note})` : "";
  return `${code}: ${detail} → ${formatPoints(points)}/${formatNumber(maxScore)} điểm${tail}`;
}
