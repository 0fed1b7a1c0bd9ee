/**
 * Vietnamese number formatting for explanations: comma decimals, dot thousands ("1.234,5").
 * Formatters are built once because constructing Intl.NumberFormat is costly and explanations are made per leaf.
 * `signDisplay: "negative"` keeps a rounded −0,001 from printing as "-0,00".
 */
const POINTS = new Intl.NumberFormat("vi-VN", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: "negative",
});
const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2, signDisplay: "negative" });

/** Points always show 2 decimals, as published: 41.2 → "41,20". */
export function formatPoints(points: number): string {
  return POINTS.format(points);
}

/** Counts, maxima and amounts show only the decimals they have (at most 2): 1234.5 → "1.234,5", 50 → "50". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A percentage already multiplied by 100: 82.4 → "82,4%". */
export function formatPercent(percent: number): string {
  return `${NUMBER.format(percent)}%`;
}
