import { competitionRanks } from "./ranking.ts";

/** What one unit did in a period (or a year), counted from its reports. */
export interface TUnitActivity {
  unitId: string;
  unitName: string;
  /** Reports the unit owes: one per indicator it leads or cooperates on, per period. */
  expected: number;
  /** Submitted no later than the deadline that applied to the unit (its extension included). */
  onTime: number;
  /** Reports with the evidence their indicator requires (or not requiring any) and values. */
  complete: number;
  /** Times a reviewer returned a report or asked for an explanation. */
  returns: number;
  /** Points of the indicators the unit leads, and their maximum (appraised score when there is one). */
  leadPoints: number;
  leadMax: number;
}

export const UNIT_RANKING_WEIGHTS = { timeliness: 0.4, completeness: 0.3, leadScore: 0.3 } as const;

/** The formula, as shown to users next to the table. */
export const UNIT_RANKING_FORMULA_VI =
  "Điểm thi đua = 40% × tỷ lệ báo cáo đúng hạn + 30% × tỷ lệ báo cáo đầy đủ tài liệu kiểm chứng + 30% × tỷ lệ điểm các chỉ số chủ trì (điểm đạt ÷ điểm tối đa); bằng điểm thì đơn vị ít lần bị trả lại xếp trên.";

export interface TUnitRankingRow extends TUnitActivity {
  timeliness: number;
  completeness: number;
  leadScore: number | null;
  score: number;
  rank: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const pct = (x: number) => Math.round(x * 10000) / 100;

/**
 * Ranks units for emulation and rewards. A unit that leads no indicator is judged on timeliness and
 * completeness alone (their weights rescaled), so cooperating communes are not penalised for it.
 */
export function rankUnits(activities: readonly TUnitActivity[]): TUnitRankingRow[] {
  const w = UNIT_RANKING_WEIGHTS;
  const rows = activities
    .filter((a) => a.expected > 0)
    .map((a) => {
      const timeliness = ratio(a.onTime, a.expected);
      const completeness = ratio(a.complete, a.expected);
      const leadScore = a.leadMax > 0 ? ratio(a.leadPoints, a.leadMax) : null;
      const score =
        leadScore === null
          ? (w.timeliness * timeliness + w.completeness * completeness) / (w.timeliness + w.completeness)
          : w.timeliness * timeliness + w.completeness * completeness + w.leadScore * leadScore;
      return {
        ...a,
        timeliness: pct(timeliness),
        completeness: pct(completeness),
        leadScore: leadScore === null ? null : pct(leadScore),
        score: pct(score),
        rank: 0,
      };
    });
  // Fewer returns breaks ties: a tiny, bounded nudge that never outweighs a real difference in score.
  const ranks = competitionRanks(rows, (r) => r.score - Math.min(r.returns, 999) * 1e-6);
  return rows
    .map((r) => ({ ...r, rank: ranks.get(r)! }))
    .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, "vi"));
}
