/**
 * Standard competition ranking, as the ministry publishes it: equal values share a rank and the next
 * rank skips ("15, 15, 17"). Higher values rank first.
 */
export function competitionRanks<T>(items: readonly T[], value: (item: T) => number): Map<T, number> {
  const ranks = new Map<T, number>();
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    const tied = previous !== undefined && Math.abs(value(previous) - value(item)) < 1e-9;
    ranks.set(item, tied ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}

/**
 * How far a province is from a place in the ranking, in index points and in DTI points (index × 1000):
 * 0 when it already holds that place or better.
 */
export function gapToPlace(myIndex: number, allIndexes: readonly number[], place: number, maxPoints = 1000) {
  const sorted = [...allIndexes].sort((a, b) => b - a);
  const target = sorted[place - 1];
  if (target === undefined) return null;
  const gap = Math.max(0, target - myIndex);
  return { place, targetIndex: round(target, 4), indexGap: round(gap, 4), pointGap: round(gap * maxPoints, 2) };
}

function round(x: number, digits: number) {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
}
