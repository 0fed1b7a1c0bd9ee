import type {
  TLostCriterion,
  TResultChange,
  TResultRow,
  TResultsSummary,
  TRoundResults,
  TTrendPoint,
} from "../contracts/assessments.ts";
import type { TReportedValues, TScoringRule } from "../framework/indicator.ts";
import { aggregateScores, type TAggregateResult, type TIndicatorNode, type TLeafScore } from "../scoring/aggregate.ts";
import { gradeOf, percentOf, type TGradeBand } from "../scoring/grade.ts";
import { rankByTotal } from "../scoring/rank.ts";
import { roundPoints } from "../scoring/round.ts";
import { scoreIndicator, type TIndicatorScore } from "../scoring/score-indicator.ts";
import { formatNumberVi } from "../text/format.ts";

/** A criterion (leaf) of an agency framework as scoring needs it. */
export interface TAssessedCriterion {
  code: string;
  maxScore: number;
  /** No rule: a judgement criterion scored by the proposed, then the appraised, points. */
  rule: TScoringRule | null;
  evidenceRequired: boolean;
  /** Shown after reported numbers: "3 văn bản". */
  unitLabel?: string | null;
}

/** What an agency answered on a criterion, and what the council made of it. */
export interface TAssessedEntry {
  values: TReportedValues;
  proposedPoints: number | null;
  appraisedPoints: number | null;
  documentCount: number;
}

export interface TEntryScore {
  /** The self-assessed score: the rule's points from the values, or the proposed points on judgement criteria. */
  self: TIndicatorScore;
  /** What counts: the appraised points once given, else the self-assessed ones. */
  final: TLeafScore;
}

const JUDGEMENT: TScoringRule = { type: "manual" };

/** Scores one agency's answer on one criterion. Proposed points count on judgement criteria, so the total is whole. */
export function scoreEntry(criterion: TAssessedCriterion, entry: TAssessedEntry | undefined): TEntryScore {
  const rule = criterion.rule ?? JUDGEMENT;
  const self = scoreIndicator({
    code: criterion.code,
    maxScore: criterion.maxScore,
    rule,
    values: entry?.values ?? {},
    manualPoints: entry?.proposedPoints ?? null,
    evidence: { required: criterion.evidenceRequired, count: entry?.documentCount ?? 0 },
    unitLabel: criterion.unitLabel ?? undefined,
  });
  const appraised = entry?.appraisedPoints ?? null;
  const final: TLeafScore =
    appraised === null
      ? { code: criterion.code, points: self.points, status: self.status, potentialPoints: self.potentialPoints }
      : { code: criterion.code, points: roundPoints(Math.min(appraised, criterion.maxScore)), status: "scored" };
  return { self, final };
}

/** "32/47 tiêu chí, 12 thiếu tài liệu kiểm chứng": answered criteria and required evidence not yet cited. */
export function sheetProgress(criteria: readonly TAssessedCriterion[], scores: readonly TEntryScore[], docs: number[]) {
  const unanswered = new Set(["not_reported", "manual_pending"]);
  return {
    answered: scores.filter((s) => !unanswered.has(s.self.status)).length,
    total: criteria.length,
    missingEvidence: criteria.filter((c, i) => c.evidenceRequired && (docs[i] ?? 0) === 0).length,
  };
}

export interface TAgencyScores {
  unitId: string;
  unitName: string;
  self: readonly TLeafScore[];
  final: readonly TLeafScore[];
  adjustments: readonly { points: number }[];
}

export interface TRoundResultsInput {
  tree: readonly (TIndicatorNode & { name: string })[];
  criteria: readonly { code: string; name: string; maxScore: number; mainCode: string }[];
  agencies: readonly TAgencyScores[];
  bands: readonly TGradeBand[];
}

/**
 * Every agency's total, grade and rank in its group. Bonus and penalty points count in the total; the grade is the
 * share of the maximum that applies to the agency (not-applicable criteria leave it).
 */
export function roundResults(input: TRoundResultsInput): TRoundResults {
  const totals = input.agencies.map((agency) => {
    const adjustments = agency.adjustments.map((a, i) => ({ code: `${i}`, label: "", points: a.points }));
    const final = aggregateScores({ indicators: input.tree, scores: agency.final, adjustments });
    const self = aggregateScores({ indicators: input.tree, scores: agency.self });
    return { agency, final, self };
  });
  const ranked = rankByTotal(totals, (t) => t.final.total);
  const rows: TResultRow[] = ranked.map(({ item: { agency, final, self }, rank, of }) => {
    const percent = percentOf(final.total, final.maxTotal);
    return {
      unitId: agency.unitId,
      unitName: agency.unitName,
      selfTotal: self.total,
      scoredTotal: final.scoredTotal,
      adjustmentTotal: final.adjustmentTotal,
      total: final.total,
      maxTotal: final.maxTotal,
      percent,
      grade: gradeOf(final.total, final.maxTotal, input.bands)?.name ?? "",
      rank,
      of,
      mains: Object.fromEntries(final.nodes.map((n) => [n.code, n.points])),
      criteria: criteriaOf(final, self),
    };
  });
  return {
    mains: input.tree.map((n) => ({ code: n.code, name: n.name, maxScore: n.maxScore })),
    criteria: [...input.criteria],
    rows,
  };
}

function criteriaOf(final: TAggregateResult, self: TAggregateResult) {
  const selfByCode = new Map(self.leaves.map((l) => [l.code, l.points]));
  return Object.fromEntries(
    final.leaves.map((l) => [l.code, { self: selfByCode.get(l.code) ?? 0, final: l.points, max: l.maxScore }]),
  );
}

/** Each agency's change against the previous round, matched by unit: agencies new to the group get none. */
export function compareWithPrevious(
  current: readonly TResultRow[],
  previous: readonly TResultRow[],
): Record<string, TResultChange> {
  const before = new Map(previous.map((r) => [r.unitId, r]));
  return Object.fromEntries(
    current.flatMap((row) => {
      const then = before.get(row.unitId);
      if (!then) return [];
      const change: TResultChange = {
        previousTotal: then.total,
        previousRank: then.rank,
        points: roundPoints(row.total - then.total),
        ranks: then.rank - row.rank,
      };
      return [[row.unitId, change]];
    }),
  );
}

/** "+12,5 điểm, ↑3 hạng", "-4 điểm, ↓2 hạng", "0 điểm, giữ hạng"; "—" without a previous round. */
export function formatResultChange(change: TResultChange | undefined): string {
  if (!change) return "—";
  const points = `${change.points > 0 ? "+" : ""}${formatNumberVi(change.points)} điểm`;
  const ranks = change.ranks > 0 ? `↑${change.ranks} hạng` : change.ranks < 0 ? `↓${-change.ranks} hạng` : "giữ hạng";
  return `${points}, ${ranks}`;
}

/**
 * An agency's years side by side, oldest first: "2024: 380 · Khá · 18/20 → 2025: 420 · Tốt · 15/20"; empty when
 * there is nothing to compare with (only the current year).
 */
export function formatTrend(points: readonly Pick<TTrendPoint, "year" | "total" | "grade" | "rank" | "of">[]): string {
  if (points.length < 2) return "";
  return points.map((p) => `${p.year}: ${formatNumberVi(p.total)} · ${p.grade} · ${p.rank}/${p.of}`).join(" → ");
}

/** One main indicator of an agency beside its group: its points, the group's average and best, and who is best. */
export interface TMainAgainstGroup {
  code: string;
  name: string;
  maxScore: number;
  points: number;
  average: number;
  best: number;
  bestUnits: string[];
}

/**
 * An agency's main indicators against the group's average and best (issue 11, "each agency's own view"): where it
 * stands behind the others is where its next points are. Averages are over the agencies of the results.
 */
export function mainsAgainstGroup(results: TRoundResults, unitId: string): TMainAgainstGroup[] {
  const own = results.rows.find((r) => r.unitId === unitId);
  if (!own || results.rows.length === 0) return [];
  return results.mains.map((main) => {
    const scores = results.rows.map((r) => ({ unitName: r.unitName, points: r.mains[main.code] ?? 0 }));
    const best = Math.max(...scores.map((s) => s.points));
    return {
      code: main.code,
      name: main.name,
      maxScore: main.maxScore,
      points: own.mains[main.code] ?? 0,
      average: roundPoints(scores.reduce((sum, s) => sum + s.points, 0) / scores.length),
      best,
      bestUnits: scores.filter((s) => s.points === best).map((s) => s.unitName),
    };
  });
}

/**
 * The group at a glance, over every agency: how many agencies hold each grade (in the bands' order) and the five
 * criteria where the group loses most points (maximum minus final points, summed over the agencies).
 */
export function resultsSummary(results: TRoundResults, bands: readonly Pick<TGradeBand, "name">[]): TResultsSummary {
  const grades = bands.map((b) => ({ name: b.name, count: results.rows.filter((r) => r.grade === b.name).length }));
  const mostLost = results.criteria
    .map((c) => ({
      code: c.code,
      name: c.name,
      lost: roundPoints(
        results.rows.reduce((sum, r) => {
          const points = r.criteria[c.code];
          return sum + (points ? Math.max(0, points.max - points.final) : 0);
        }, 0),
      ),
    }))
    .filter((c) => c.lost > 0)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 5);
  return { grades, mostLost };
}

/**
 * The criteria where an agency lost points, most first, each with the rank it would hold had it scored them in
 * full, the other agencies unchanged (ties share the better rank). Empty for an agency not in the results.
 */
export function lostCriteria(results: TRoundResults, unitId: string): TLostCriterion[] {
  const own = results.rows.find((r) => r.unitId === unitId);
  if (!own) return [];
  const others = results.rows.filter((r) => r.unitId !== unitId).map((r) => roundPoints(r.total));
  const rankWith = (total: number) => 1 + others.filter((t) => t > roundPoints(total)).length;
  return results.criteria
    .flatMap((c) => {
      const points = own.criteria[c.code];
      if (!points || points.max - points.final <= 0) return [];
      const lost = roundPoints(points.max - points.final);
      return [
        { code: c.code, name: c.name, final: points.final, max: points.max, lost, rankIf: rankWith(own.total + lost) },
      ];
    })
    .sort((a, b) => b.lost - a.lost);
}
