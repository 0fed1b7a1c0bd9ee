import {
  aggregateScores,
  buildTree,
  LOSS_REASON_LABELS,
  type TDashboard,
  type TDashboardIndicator,
  type TFrameworkAdjustment,
  type TIndicatorNode,
  type TLossReason,
  type TNodeResult,
  type TReportStatus,
  type TTree,
} from "@chiso/core";

/*
 * The province's scores for a period as the exports lay them out, taken from the dashboard (buildDashboard):
 * the same leaf scores (the lead agency's report scored by the engine; appraised points where given), the same
 * point-loss reasons, the same totals. Only what the dashboard does not list is added here: the sums of
 * intermediate nodes (a component with criteria), computed with the same core `aggregateScores`. Pure.
 */

export interface TScoreRow {
  code: string;
  name: string;
  /** 0 for a main indicator, 1 for its components, … */
  depth: number;
  isLeaf: boolean;
  maxScore: number;
  selfPoints: number;
  /** Appraised points, or the self-assessed ones where the council has not appraised yet. */
  appraisedPoints: number;
  /** Leaves only: whether the council gave the points. */
  appraised: boolean;
  /** Leaves only: the lead report's status, null when nothing is reported. */
  status: TReportStatus | null;
  leadUnitName: string | null;
}

export interface TPointLoss {
  code: string;
  name: string;
  maxScore: number;
  points: number;
  pointsLost: number;
  reason: TLossReason | null;
  reasonLabel: string;
  /** The engine's one-line explanation of the score ("4.2: 120/400 = 30% → 9,00/30 điểm"). */
  detail: string | null;
  leadUnitName: string | null;
}

export interface TProvinceScores {
  /** Every indicator in tree order (main indicators, their components, criteria). */
  rows: TScoreRow[];
  selfTotal: number;
  appraisedTotal: number;
  maxTotal: number;
  selfIndex: number;
  appraisedIndex: number;
  adjustmentTotal: number;
  pointsLost: number;
  /** Leaves that lose points, most points lost first. */
  losses: TPointLoss[];
}

export function scoresFromDashboard(
  dashboard: Pick<TDashboard, "indicators" | "totals">,
  adjustments: readonly TFrameworkAdjustment[],
): TProvinceScores {
  const tree = buildTree(dashboard.indicators.map((i, position) => ({ ...i, sortOrder: position })));
  const nodes = tree.map(toNode);
  const leaves = dashboard.indicators.filter((i) => i.isLeaf);
  const sums = (pick: (leaf: TDashboardIndicator) => number) =>
    indexByCode(
      aggregateScores({
        indicators: nodes,
        scores: leaves.map((leaf) => ({ code: leaf.code, points: pick(leaf), status: "scored" })),
        adjustments,
      }).nodes,
    );
  const self = sums((leaf) => leaf.selfPoints ?? 0);
  const counted = sums((leaf) => leaf.points);

  const rows: TScoreRow[] = [];
  const visit = (node: TTree<TDashboardIndicator & { sortOrder: number }>, depth: number) => {
    rows.push({
      code: node.code,
      name: node.name,
      depth,
      isLeaf: node.isLeaf,
      maxScore: node.maxScore,
      selfPoints: self.get(node.code)?.points ?? 0,
      appraisedPoints: counted.get(node.code)?.points ?? 0,
      appraised: node.isLeaf && node.appraisedPoints !== null,
      status: node.status,
      leadUnitName: node.leadUnit,
    });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of tree) visit(root, 0);

  const position = new Map(rows.map((row, i) => [row.code, i]));
  const losses = leaves
    .filter((leaf) => leaf.pointsLost > 0)
    .map(
      (leaf): TPointLoss => ({
        code: leaf.code,
        name: leaf.name,
        maxScore: leaf.maxScore,
        points: leaf.points,
        pointsLost: leaf.pointsLost,
        reason: leaf.reason,
        reasonLabel: leaf.reason ? LOSS_REASON_LABELS[leaf.reason].vi : "",
        detail: leaf.explanation,
        leadUnitName: leaf.leadUnit,
      }),
    )
    .sort((a, b) => b.pointsLost - a.pointsLost || (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0));

  const { totals } = dashboard;
  return {
    rows,
    selfTotal: totals.selfTotal,
    appraisedTotal: totals.total,
    maxTotal: totals.maxTotal,
    selfIndex: totals.selfIndex,
    appraisedIndex: totals.index,
    adjustmentTotal: adjustments.reduce((sum, a) => sum + a.points, 0),
    pointsLost: totals.pointsLost,
    losses,
  };
}

function toNode(node: TTree<TDashboardIndicator & { sortOrder: number }>): TIndicatorNode {
  return { code: node.code, maxScore: node.maxScore, children: node.children.map(toNode) };
}

function indexByCode(nodes: readonly TNodeResult[]): Map<string, TNodeResult> {
  const byCode = new Map<string, TNodeResult>();
  const add = (node: TNodeResult) => {
    byCode.set(node.code, node);
    node.children.forEach(add);
  };
  nodes.forEach(add);
  return byCode;
}
