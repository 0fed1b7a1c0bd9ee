import type { TReportStatus } from "../reporting/workflow.ts";
import type { TIndicatorScore } from "../scoring/score-indicator.ts";

export const LOSS_REASONS = [
  "not_reported",
  "missing_evidence",
  "returned",
  "awaiting_appraisal",
  "appraisal_cut",
  "below_target",
] as const;
export type TLossReason = (typeof LOSS_REASONS)[number];

export const LOSS_REASON_LABELS: Record<TLossReason, { vi: string; en: string }> = {
  not_reported: { vi: "Chưa báo cáo", en: "Not reported" },
  missing_evidence: { vi: "Thiếu tài liệu kiểm chứng", en: "Missing evidence" },
  returned: { vi: "Bị trả lại, chờ giải trình", en: "Returned, awaiting explanation" },
  awaiting_appraisal: { vi: "Chờ thẩm định chấm điểm", en: "Awaiting appraisal" },
  appraisal_cut: { vi: "Bị trừ khi thẩm định", en: "Cut at appraisal" },
  below_target: { vi: "Giá trị chưa đạt mục tiêu", en: "Value below target" },
};

export interface TIndicatorStanding {
  maxScore: number;
  /** The lead agency's consolidated report, if any. */
  report: {
    status: TReportStatus;
    appraisedPoints: number | null;
  } | null;
  /** The engine's score of the report's values and evidence (null without a report or a rule). */
  score: TIndicatorScore | null;
}

export interface TPointLoss {
  points: number;
  pointsLost: number;
  reason: TLossReason | null;
  /** Points the province gets back if the reason is fixed (evidence attached, value reaching its target…). */
  recoverable: number;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/**
 * Where an indicator loses points and why. The appraised score counts once given; otherwise the
 * self-assessed one. The reason is the first that applies, in the order a coordinator would act on them.
 */
export function pointLoss(s: TIndicatorStanding): TPointLoss {
  const { maxScore, report, score } = s;
  if (maxScore <= 0) return { points: 0, pointsLost: 0, reason: null, recoverable: 0 };
  if (!report || !score || score.status === "not_reported") {
    return { points: 0, pointsLost: maxScore, reason: "not_reported", recoverable: maxScore };
  }
  // A criterion that does not apply has left the maximum: nothing to lose.
  if (score.status === "not_applicable") return { points: 0, pointsLost: 0, reason: null, recoverable: 0 };
  const points = report.appraisedPoints ?? score.points;
  const pointsLost = round2(Math.max(0, maxScore - points));
  if (pointsLost === 0) return { points, pointsLost: 0, reason: null, recoverable: 0 };
  if (score.status === "missing_evidence") {
    return {
      points,
      pointsLost,
      reason: "missing_evidence",
      recoverable: round2(Math.max(0, (score.potentialPoints ?? 0) - points)),
    };
  }
  if (report.status === "returned") return { points, pointsLost, reason: "returned", recoverable: pointsLost };
  if (score.status === "manual_pending" && report.appraisedPoints === null) {
    return { points, pointsLost, reason: "awaiting_appraisal", recoverable: pointsLost };
  }
  if (report.appraisedPoints !== null && report.appraisedPoints < score.points) {
    return { points, pointsLost, reason: "appraisal_cut", recoverable: pointsLost };
  }
  return { points, pointsLost, reason: "below_target", recoverable: pointsLost };
}
