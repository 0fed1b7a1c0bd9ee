/**
 * Rounds half away from zero, as published scores are (41,205 → 41,21; −0,125 → −0,13).
 * Scaling a binary float loses the half (41.205 × 100 = 4120.4999…), so the scaled value is first cut to
 * 15 significant digits — what a double holds exactly — which restores the decimal before Math.round sees it.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // a published "-0" would only confuse
}

/** Points are published with 2 decimals. */
export function roundPoints(points: number): number {
  return roundHalfAwayFromZero(points, 2);
}

/** Index values (total ÷ maximum) are published with 4 decimals: 800,17/1000 → 0,8002. */
export function roundIndex(value: number): number {
  return roundHalfAwayFromZero(value, 4);
}
