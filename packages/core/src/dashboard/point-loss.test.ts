import { describe, expect, it } from "vitest";
import type { TIndicatorScore } from "../scoring/score-indicator.ts";
import { pointLoss } from "./point-loss.ts";

const score = (over: Partial<TIndicatorScore>): TIndicatorScore => ({
  code: "6.6",
  points: 41.2,
  maxScore: 50,
  status: "scored",
  explanation: "",
  ...over,
});

describe("pointLoss", () => {
  it.each([
    [
      "no report at all",
      { maxScore: 50, report: null, score: null },
      { points: 0, pointsLost: 50, reason: "not_reported", recoverable: 50 },
    ],
    [
      "missing evidence: recoverable is what the values would earn",
      {
        maxScore: 50,
        report: { status: "draft" as const, appraisedPoints: null },
        score: score({ points: 0, status: "missing_evidence", potentialPoints: 41.2 }),
      },
      { points: 0, pointsLost: 50, reason: "missing_evidence", recoverable: 41.2 },
    ],
    [
      "returned for explanation",
      { maxScore: 50, report: { status: "returned" as const, appraisedPoints: null }, score: score({}) },
      { points: 41.2, pointsLost: 8.8, reason: "returned", recoverable: 8.8 },
    ],
    [
      "value below target",
      { maxScore: 50, report: { status: "verified" as const, appraisedPoints: null }, score: score({}) },
      { points: 41.2, pointsLost: 8.8, reason: "below_target", recoverable: 8.8 },
    ],
    [
      "cut at appraisal",
      { maxScore: 50, report: { status: "appraised" as const, appraisedPoints: 30 }, score: score({}) },
      { points: 30, pointsLost: 20, reason: "appraisal_cut", recoverable: 20 },
    ],
    [
      "manual indicator awaiting appraisal",
      {
        maxScore: 10,
        report: { status: "verified" as const, appraisedPoints: null },
        score: score({ points: 0, maxScore: 10, status: "manual_pending" }),
      },
      { points: 0, pointsLost: 10, reason: "awaiting_appraisal", recoverable: 10 },
    ],
    [
      "full points",
      {
        maxScore: 10,
        report: { status: "final" as const, appraisedPoints: 10 },
        score: score({ points: 10, maxScore: 10 }),
      },
      { points: 10, pointsLost: 0, reason: null, recoverable: 0 },
    ],
    [
      "a 0-point monitoring indicator",
      { maxScore: 0, report: null, score: null },
      { points: 0, pointsLost: 0, reason: null, recoverable: 0 },
    ],
  ])("%s", (_name, standing, expected) => {
    expect(pointLoss(standing)).toEqual(expected);
  });
});
