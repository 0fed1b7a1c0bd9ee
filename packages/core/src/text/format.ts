import { isoDate, isValidCalendarDate, pad2, parseIsoDate, type TIsoDate } from "../calendar/dates.ts";
import { parseInstant, type TInstantInput, vietnamWallClock } from "../calendar/zone.ts";
import { roundHalfAwayFromZero } from "../scoring/round.ts";

/**
 * Vietnamese display helpers: "1.234,5", "85,3%", "05/01/2026", "05/01/2026 14:30".
 * Digits are laid out by hand rather than by Intl "vi-VN" so the output does not change with the ICU build,
 * and dates are always shown on Vietnam's clock whatever zone the server or browser runs in.
 */

/** Shown in place of a missing or unreadable value, so a table cell is never blank by accident. */
export const MISSING_VALUE = "—";

export interface TNumberFormatOptions {
  /** Exactly this many decimals, padded with zeros: formatNumberVi(2, { decimals: 2 }) → "2,00". */
  decimals?: number;
  /** Without `decimals`: at most this many (default 2), trailing zeros dropped: 1234.5 → "1.234,5". */
  maxDecimals?: number;
}

/** 1234.5 → "1.234,5"; dot groups thousands, comma marks decimals; halves round away from zero. */
export function formatNumberVi(value: number | null | undefined, options: TNumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  const digits = options.decimals ?? options.maxDecimals ?? 2;
  const rounded = roundHalfAwayFromZero(value, digits);
  let [whole = "0", fraction = ""] = Math.abs(rounded).toFixed(digits).split(".");
  if (options.decimals === undefined) fraction = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** Points always show 2 decimals, as published: 41.2 → "41,20"; a rounded −0,001 prints "0,00". */
export function formatPoints(points: number): string {
  return formatNumberVi(points, { decimals: 2 });
}

export interface TPercentFormatOptions extends TNumberFormatOptions {
  /** The value is a ratio (0.853) rather than already in percent (85.3). */
  fromRatio?: boolean;
}

/** 85.3 → "85,3%" (no space before %, as the plans write "90%"); with fromRatio, 0.853 → "85,3%". */
export function formatPercentVi(value: number | null | undefined, options: TPercentFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  const percent = options.fromRatio ? value * 100 : value;
  return `${formatNumberVi(percent, options)}%`;
}

/**
 * "dd/mm/yyyy" in Vietnam time. A bare date ("2026-01-05") is a calendar day and is shown as is;
 * an instant is shown as the day it was in Vietnam (2025-03-24T18:00:00Z → "25/03/2025").
 */
export function formatDateVi(value: TInstantInput | null | undefined): string {
  if (value === null || value === undefined) return MISSING_VALUE;
  if (typeof value === "string") {
    const day = parseIsoDate(value.trim());
    if (day) return `${pad2(day.day)}/${pad2(day.month)}/${day.year}`;
  }
  return parseInstant(value) === null ? MISSING_VALUE : vietnamWallClock(value).format("DD/MM/YYYY");
}

/** "dd/mm/yyyy HH:mm" (24-hour) in Vietnam time. */
export function formatDateTimeVi(value: TInstantInput | null | undefined): string {
  if (value === null || value === undefined || parseInstant(value) === null) return MISSING_VALUE;
  return vietnamWallClock(value).format("DD/MM/YYYY HH:mm");
}

const VI_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * "05/01/2026" or "5/1/2026" → "2026-01-05"; null for anything else, including days that do not exist
 * (31/02/2026, 29/02/2025). Day comes first, as always in Vietnamese.
 */
export function parseDateVi(text: string): TIsoDate | null {
  const match = VI_DATE.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? isoDate(year, month, day) : null;
}
