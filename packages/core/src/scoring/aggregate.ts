import { z } from "zod";
import { roundIndex, roundPoints } from "./round.ts";
import type { TIndicatorScore, TScoreStatus } from "./score-indicator.ts";

/** A framework-level bonus (positive points) or penalty (negative points), outside the indicator tree. */
export const ZFrameworkAdjustment = z.object({
  code: z.string().trim().min(1),
  label: z.string().trim().min(1),
  points: z.number(),
});
export type TFrameworkAdjustment = z.infer<typeof ZFrameworkAdjustment>;

/** The part of an indicator tree that aggregation needs; a node without children is a leaf. */
export interface TIndicatorNode {
  code: string;
  maxScore: number;
  children?: readonly TIndicatorNode[];
}

/** The part of a leaf's score that aggregation needs, so stored scores can be passed without rebuilding them. */
export type TLeafScore = Pick<TIndicatorScore, "code" | "points" | "status" | "potentialPoints">;

export interface TNodeResult {
  code: string;
  /** The maximum that counts: the declared one less the not-applicable leaves below (0 for such a leaf). */
  maxScore: number;
  /** Points of not-applicable leaves taken out of the declared maximum. */
  excluded: number;
  /** A leaf's points, or the sum of its children's. */
  points: number;
  /** points ÷ maxScore with 4 decimals; 0 for a 0-point node such as smart city. */
  value: number;
  /** maxScore − points, never below 0. */
  pointsLost: number;
  /** Points lost only for want of evidence (potentialPoints − points), summed up the tree. */
  recoverable: number;
  /** Leaves only; a leaf without a score counts as "not_reported". */
  status?: TScoreStatus;
  children: TNodeResult[];
}

export interface TAggregateInput {
  indicators: readonly TIndicatorNode[];
  scores: readonly TLeafScore[];
  adjustments?: readonly TFrameworkAdjustment[];
}

export interface TAggregateResult {
  /** The tree with results, top-level nodes being the main indicators. */
  nodes: TNodeResult[];
  /** Every leaf in tree order, for point-loss analysis. */
  leaves: TNodeResult[];
  /** Sum of the main indicators' points, before adjustments. */
  scoredTotal: number;
  adjustmentTotal: number;
  /** scoredTotal + adjustmentTotal, never below 0. */
  total: number;
  maxTotal: number;
  /** total ÷ maxTotal with 4 decimals: 800,17/1000 → 0,8002. */
  index: number;
}

/** Sums leaf scores up an indicator tree and computes the framework's total and index. */
export function aggregateScores(input: TAggregateInput): TAggregateResult {
  const scores = new Map(input.scores.map((score) => [score.code, score]));
  const nodes = input.indicators.map((node) => aggregateNode(node, scores));
  const scoredTotal = sumOf(nodes, (node) => node.points);
  const adjustmentTotal = sumOf(input.adjustments ?? [], (adjustment) => adjustment.points);
  const total = Math.max(0, roundPoints(scoredTotal + adjustmentTotal));
  // Not-applicable leaves leave the maximum, so the index and the grade are shares of what could be earned.
  const maxTotal = sumOf(nodes, (node) => node.maxScore);
  const leaves = nodes.flatMap(collectLeaves);
  return { nodes, leaves, scoredTotal, adjustmentTotal, total, maxTotal, index: shareOf(total, maxTotal) };
}

function aggregateNode(node: TIndicatorNode, scores: ReadonlyMap<string, TLeafScore>): TNodeResult {
  if (!node.children?.length) return leafResult(node, scores.get(node.code));
  const children = node.children.map((child) => aggregateNode(child, scores));
  const points = sumOf(children, (child) => child.points);
  const excluded = sumOf(children, (child) => child.excluded);
  return {
    ...measure(node, points, excluded),
    recoverable: sumOf(children, (child) => child.recoverable),
    children,
  };
}

function leafResult(node: TIndicatorNode, score: TLeafScore | undefined): TNodeResult {
  const points = score?.points ?? 0;
  const recoverable = score?.status === "missing_evidence" ? Math.max(0, (score.potentialPoints ?? 0) - points) : 0;
  const excluded = score?.status === "not_applicable" ? node.maxScore : 0;
  return {
    ...measure(node, points, excluded),
    recoverable: roundPoints(recoverable),
    status: score?.status ?? "not_reported",
    children: [],
  };
}

function measure(
  node: TIndicatorNode,
  points: number,
  excluded: number,
): Pick<TNodeResult, "code" | "maxScore" | "excluded" | "points" | "value" | "pointsLost"> {
  const maxScore = Math.max(0, roundPoints(node.maxScore - excluded));
  return {
    code: node.code,
    maxScore,
    excluded,
    points,
    value: shareOf(points, maxScore),
    pointsLost: Math.max(0, roundPoints(maxScore - points)),
  };
}

function collectLeaves(node: TNodeResult): TNodeResult[] {
  return node.children.length ? node.children.flatMap(collectLeaves) : [node];
}

function shareOf(points: number, maxScore: number): number {
  return maxScore > 0 ? roundIndex(points / maxScore) : 0;
}

/** Rounded after summing so that float drift (0.1 + 0.2) never reaches a published total. */
function sumOf<T>(items: readonly T[], pick: (item: T) => number): number {
  return roundPoints(items.reduce((sum, item) => sum + pick(item), 0));
}
