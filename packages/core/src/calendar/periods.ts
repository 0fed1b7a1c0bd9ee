import { z } from "zod";
import { isoDate, lastDayOfMonth, parseIsoDate, type TIsoDate } from "./dates.ts";

/** Reporting periods of a year: quarterly (Q1..Q4), half-yearly (H1, H2) and yearly reports. */
export const REPORTING_PERIOD_KINDS = ["quarter", "half", "year"] as const;
export const ZReportingPeriodKind = z.enum(REPORTING_PERIOD_KINDS);
export type TReportingPeriodKind = z.infer<typeof ZReportingPeriodKind>;

/** One reporting period; `index` is 1-based (quarter 1..4, half 1..2, year always 1). */
export interface TReportingPeriod {
  kind: TReportingPeriodKind;
  year: number;
  index: number;
}

/** Inclusive data window of a period. */
export interface TDateWindow {
  start: TIsoDate;
  end: TIsoDate;
}

const MONTHS_PER_PERIOD: Record<TReportingPeriodKind, number> = { quarter: 3, half: 6, year: 12 };
const ROMAN = ["I", "II", "III", "IV"] as const;

/** How many periods of this kind a year has: 4, 2 or 1. */
export function periodCount(kind: TReportingPeriodKind): number {
  return 12 / MONTHS_PER_PERIOD[kind];
}

/** Throws on a year or index that names no period, so a typo cannot silently become another quarter. */
export function assertPeriod(kind: TReportingPeriodKind, year: number, index: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > periodCount(kind)) {
    throw new RangeError(`Invalid ${kind} index: ${index} (1..${periodCount(kind)})`);
  }
}

/** First and last month (1-based) of a period: quarter 2 → [4, 6]. */
export function periodMonths(kind: TReportingPeriodKind, index = 1): { first: number; last: number } {
  const length = MONTHS_PER_PERIOD[kind];
  return { first: (index - 1) * length + 1, last: index * length };
}

/** Data window of a period: quarter 1 of 2024 → 2024-01-01..2024-03-31. */
export function periodWindow(kind: TReportingPeriodKind, year: number, index = 1): TDateWindow {
  assertPeriod(kind, year, index);
  const { first, last } = periodMonths(kind, index);
  return { start: isoDate(year, first, 1), end: lastDayOfMonth(year, last) };
}

/** Vietnamese label as the plans write it: "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025". */
export function periodLabel(kind: TReportingPeriodKind, year: number, index = 1): string {
  assertPeriod(kind, year, index);
  if (kind === "quarter") return `Quý ${ROMAN[index - 1]}/${year}`;
  if (kind === "half") return `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}`;
  return `Năm ${year}`;
}

/** Every period of this kind in a year, in order. */
export function periodsOfYear(kind: TReportingPeriodKind, year: number): TReportingPeriod[] {
  assertPeriod(kind, year, 1);
  return Array.from({ length: periodCount(kind) }, (_, i) => ({ kind, year, index: i + 1 }));
}

/** The period of this kind a calendar date falls in: 2025-07-01 is quarter 3 and half 2. */
export function periodContaining(kind: TReportingPeriodKind, date: TIsoDate): TReportingPeriod {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Invalid ISO date: ${date}`);
  return { kind, year: parts.year, index: Math.ceil(parts.month / MONTHS_PER_PERIOD[kind]) };
}

/** Roman numeral of a quarter, as in "Quý III". */
export function quarterRoman(index: number): string {
  const roman = ROMAN[index - 1];
  if (!roman) throw new RangeError(`Invalid quarter: ${index}`);
  return roman;
}
