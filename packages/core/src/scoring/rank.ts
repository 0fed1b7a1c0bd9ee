import { competitionRanks } from "../dashboard/ranking.ts";
import { roundPoints } from "./round.ts";

export interface TRanked<T> {
  item: T;
  /** 1-based; tied scores share a rank and the next rank skips (15, 15, 17), as decisions publish it. */
  rank: number;
  /** How many are ranked: "xếp hạng thứ 15/20". */
  of: number;
}

/**
 * Ranks agencies of one group by total, highest first. Totals are compared as published (2 decimals), so
 * 420,004 and 419,996 tie at 420,00 as readers of the decision would expect. Ties keep the given order.
 */
export function rankByTotal<T>(items: readonly T[], total: (item: T) => number): TRanked<T>[] {
  const ranks = competitionRanks(items, (item) => roundPoints(total(item)));
  return [...items]
    .map((item, index) => ({ item, index, rank: ranks.get(item)! }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item, rank }) => ({ item, rank, of: items.length }));
}
