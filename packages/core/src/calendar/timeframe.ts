import { z } from "zod";
import { foldVietnamese } from "../text/fold.ts";
import { addDays, isoDate, isValidCalendarDate, lastDayOfMonth, type TIsoDate } from "./dates.ts";
import { periodWindow } from "./periods.ts";
import { type TInstantInput, vietnamDate } from "./zone.ts";

/**
 * Task timeframes as plans write them ("Năm 2025", "Quý I-IV/2025", "Tháng 1-2/2025", "2026 – 2030",
 * "Thường xuyên"), read into dates without guessing: anything not recognised stays text ("unparsed").
 *
 * - range: inclusive dates. `start` is null for a bare deadline ("Trước 30/6/2025", "30/11/2025"): the plan says
 *   when the task must be done, not when it starts, and inventing a start would be a guess.
 *   "Trước D" ends the day before D, as deadlines do ("trước ngày 25" = by the 24th).
 * - recurring_yearly: every year from `fromYear` ("Năm 2025 và các năm tiếp theo"); "Hằng năm" alone takes
 *   `defaultYear`, or null when the caller gave none.
 * - ongoing: "Thường xuyên", "Liên tục".
 */
export const ZParsedTimeframe = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("range"), start: z.iso.date().nullable(), end: z.iso.date() }),
  z.object({ kind: z.literal("recurring_yearly"), fromYear: z.number().int().nullable() }),
  z.object({ kind: z.literal("ongoing") }),
  z.object({ kind: z.literal("unparsed"), text: z.string() }),
]);
export type TParsedTimeframe = z.infer<typeof ZParsedTimeframe>;

export interface TTimeframeOptions {
  /** Year for texts that omit it ("Quý I", "Tháng 6", "Trước 30/6"), usually the plan's year. */
  defaultYear?: number;
}

type TRange = Extract<TParsedTimeframe, { kind: "range" }>;
type TRule = { pattern: RegExp; read: (m: RegExpExecArray, year: number | undefined) => TParsedTimeframe | null };

const QUARTER_NUMBERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const QUARTER = "(iv|iii|ii|i|[1-4])";
// "/2025", " năm 2025" or nothing (then the default year applies).
const YEAR_SUFFIX = "(?:(?:/|/nam | nam )(\\d{4}))?";

function range(start: TIsoDate | null, end: TIsoDate): TRange {
  return { kind: "range", start, end };
}

/** Ranges must run forward; "Quý IV-I/2025" is a typo to show the user, not a period to invent. */
function forward(first: number, last: number): boolean {
  return first <= last;
}

function yearsRange(from: number, to: number): TRange | null {
  return forward(from, to) ? range(isoDate(from, 1, 1), isoDate(to, 12, 31)) : null;
}

function readQuarters(m: RegExpExecArray, defaultYear: number | undefined): TRange | null {
  const year = m[3] ? Number(m[3]) : defaultYear;
  const first = QUARTER_NUMBERS[m[1] ?? ""];
  const last = m[2] ? QUARTER_NUMBERS[m[2]] : first;
  if (year === undefined || first === undefined || last === undefined || !forward(first, last)) return null;
  return range(periodWindow("quarter", year, first).start, periodWindow("quarter", year, last).end);
}

function readMonths(m: RegExpExecArray, defaultYear: number | undefined): TRange | null {
  const year = m[3] ? Number(m[3]) : defaultYear;
  const first = Number(m[1]);
  const last = m[2] ? Number(m[2]) : first;
  if (year === undefined || first < 1 || last > 12 || !forward(first, last)) return null;
  return range(isoDate(year, first, 1), lastDayOfMonth(year, last));
}

function readDeadline(m: RegExpExecArray, defaultYear: number | undefined): TRange | null {
  const year = m[4] ? Number(m[4]) : defaultYear;
  const [day, month] = [Number(m[2]), Number(m[3])];
  if (year === undefined || !isValidCalendarDate(year, month, day)) return null;
  const date = isoDate(year, month, day);
  return range(null, m[1] === "truoc" ? addDays(date, -1) : date);
}

function readHalf(m: RegExpExecArray, defaultYear: number | undefined): TRange | null {
  const year = m[2] ? Number(m[2]) : defaultYear;
  if (year === undefined) return null;
  const window = periodWindow("half", year, m[1] === "dau" ? 1 : 2);
  return range(window.start, window.end);
}

/** Patterns run on the folded text (no accents, lowercase, dashes as "-", no spaces around "-" and "/"). */
const RULES: readonly TRule[] = [
  { pattern: /^(?:thuong xuyen|lien tuc)(?:,? (?:thuong xuyen|lien tuc))?$/, read: () => ({ kind: "ongoing" }) },
  {
    pattern: /^(?:dinh ky )?hang nam$/,
    read: (_, year) => ({ kind: "recurring_yearly", fromYear: year ?? null }),
  },
  {
    pattern: /^(?:tu )?(?:nam )?(\d{4}) (?:va (?:cac|nhung) nam (?:tiep theo|sau)|tro di)$/,
    read: (m) => ({ kind: "recurring_yearly", fromYear: Number(m[1]) }),
  },
  {
    pattern: /^(?:giai doan |tu )?(?:nam )?(\d{4})(?:-| den )(?:nam )?(\d{4})$/,
    read: (m) => yearsRange(Number(m[1]), Number(m[2])),
  },
  { pattern: /^(?:nam )?(\d{4})$/, read: (m) => yearsRange(Number(m[1]), Number(m[1])) },
  { pattern: new RegExp(`^(?:quy|q) ?${QUARTER}(?:-(?:quy |q)?${QUARTER})?${YEAR_SUFFIX}$`), read: readQuarters },
  {
    pattern: /^0?6 thang (dau|cuoi) nam(?: (\d{4}))?$/,
    read: readHalf,
  },
  { pattern: new RegExp(`^thang (\\d{1,2})(?:-(?:thang )?(\\d{1,2}))?${YEAR_SUFFIX}$`), read: readMonths },
  {
    pattern: /^(?:(truoc|den|cham nhat|han)(?: ngay)? )?(?:ngay )?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/,
    read: readDeadline,
  },
];

/** Folded, with every kind of dash as "-" and the spacing around "-" and "/" removed. */
function normalizeTimeframeText(text: string): string {
  return foldVietnamese(text)
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*([-/])\s*/g, "$1")
    .replace(/[.;,:]+$/, "")
    .trim();
}

/** Reads a task timeframe; anything it does not recognise comes back as { kind: "unparsed", text }. */
export function parseTimeframe(text: string, options: TTimeframeOptions = {}): TParsedTimeframe {
  const { defaultYear } = options;
  if (defaultYear !== undefined && !isValidCalendarDate(defaultYear, 1, 1)) {
    throw new RangeError(`Invalid default year: ${defaultYear}`);
  }
  const normalized = normalizeTimeframeText(text);
  for (const rule of RULES) {
    const match = rule.pattern.exec(normalized);
    if (match) return rule.read(match, defaultYear) ?? unparsed(text);
  }
  return unparsed(text);
}

function unparsed(text: string): TParsedTimeframe {
  return { kind: "unparsed", text: text.replace(/\s+/g, " ").trim() };
}

/** True when a dated task should be finished already: its last day is before today in Vietnam. */
export function isOverdue(timeframe: TParsedTimeframe, now: TInstantInput): boolean {
  return timeframe.kind === "range" && timeframe.end < vietnamDate(now);
}
