/**
 * Calendar dates as "YYYY-MM-DD" strings.
 * A date is a day on the calendar, not an instant, so these helpers never touch a time zone: arithmetic runs on
 * UTC midnights, where every day is exactly 24 hours long whatever zone the process runs in.
 */

/** A calendar date, "YYYY-MM-DD". */
export type TIsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28–31; month is 1-based. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the day exists: rejects 31/04 and 29/02 outside leap years. Years are kept to 4 digits for ISO. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Builds "YYYY-MM-DD"; throws on a day that does not exist, because a silently rolled-over date is a wrong date. */
export function isoDate(year: number, month: number, day: number): TIsoDate {
  if (!isValidCalendarDate(year, month, day)) throw new RangeError(`Invalid date: ${day}/${month}/${year}`);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Splits a strict "YYYY-MM-DD" into numbers, or null when it is malformed or the day does not exist. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function lastDayOfMonth(year: number, month: number): TIsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Moves a date by whole days (negative goes back). */
export function addDays(date: TIsoDate, days: number): TIsoDate {
  const ms = utcMidnight(date) + days * DAY_MS;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: TIsoDate, to: TIsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function utcMidnight(date: TIsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Invalid ISO date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}
