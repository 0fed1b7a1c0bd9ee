import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { isValidCalendarDate, pad2, type TIsoDate } from "./dates.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every deadline, "today" and displayed time in the system is Vietnam time, whatever zone the server runs in. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** An instant: an ISO timestamp string, a Date or epoch milliseconds. */
export type TInstantInput = string | Date | number;

const MINUTE_MS = 60_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Vietnam has kept one offset since 13/06/1975 (the tz database's last rule for Asia/Ho_Chi_Minh). Asking the
 * tz database costs ~130 µs a call and lists call it per row, so the offset of that era is read once, here;
 * only older instants ask again.
 */
const CURRENT_OFFSET_SINCE_MS = Date.UTC(1975, 5, 13);
const CURRENT_OFFSET_MINUTES = dayjs.utc(CURRENT_OFFSET_SINCE_MS).tz(VIETNAM_TIME_ZONE).utcOffset();

/**
 * Offset of Vietnam from UTC at an instant, in minutes, read from the tz database rather than assumed to be +420.
 * Only the offset is taken from dayjs's `.tz()`: the wall-clock fields it builds are re-parsed in the process zone
 * and come out an hour wrong inside that zone's DST gap (e.g. TZ=America/New_York on 9 March).
 */
export function vietnamOffsetMinutes(epochMs: number): number {
  if (epochMs >= CURRENT_OFFSET_SINCE_MS) return CURRENT_OFFSET_MINUTES;
  return dayjs.utc(epochMs).tz(VIETNAM_TIME_ZONE).utcOffset();
}

/**
 * Epoch milliseconds of an instant, or null when it cannot be read.
 * A date without time ("2025-03-24") means the start of that day in Vietnam; a timestamp without an offset is
 * Vietnam wall-clock time. Days that do not exist (2025-02-30) are rejected instead of rolled over.
 */
export function parseInstant(input: TInstantInput): number | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.getTime();
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  const text = input.trim();
  if (DATE_ONLY.test(text)) return parseInstant(`${text}T00:00:00`);
  const match = TIMESTAMP.exec(text);
  if (!match || !isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) return null;
  if (match[7]) {
    const ms = Date.parse(text.replace(" ", "T"));
    return Number.isNaN(ms) ? null : ms;
  }
  return instantOfVietnamWallClock(Date.parse(`${text.replace(" ", "T")}Z`));
}

/** Like parseInstant, but throws: for inputs the caller promised are valid (deadlines, `now`). */
export function requireInstant(input: TInstantInput): number {
  const ms = parseInstant(input);
  if (ms === null) throw new RangeError(`Invalid timestamp: ${String(input)}`);
  return ms;
}

/**
 * Vietnam wall clock at an instant, as a UTC-mode Dayjs: its fields are read with getUTC*, so formatting and
 * calendar arithmetic on it do not depend on the process time zone.
 */
export function vietnamWallClock(input: TInstantInput): Dayjs {
  const ms = requireInstant(input);
  return dayjs.utc(ms + vietnamOffsetMinutes(ms) * MINUTE_MS);
}

/** The calendar date in Vietnam at an instant: 2025-03-24T17:30:00Z is already 2025-03-25 there. */
export function vietnamDate(input: TInstantInput): TIsoDate {
  return vietnamWallClock(input).format("YYYY-MM-DD");
}

/** ISO timestamp with Vietnam's offset: "2025-03-24T23:59:59+07:00". */
export function toVietnamIso(input: TInstantInput): string {
  const ms = requireInstant(input);
  return `${vietnamWallClock(ms).format("YYYY-MM-DDTHH:mm:ss")}${formatOffset(vietnamOffsetMinutes(ms))}`;
}

/** The instant at which Vietnam's wall clock shows the given time (its fields given as UTC epoch ms). */
function instantOfVietnamWallClock(wallAsUtcMs: number): number {
  // Two passes settle the offset even for a zone that changed offset (Vietnam last did in 1975).
  const firstGuess = wallAsUtcMs - vietnamOffsetMinutes(wallAsUtcMs) * MINUTE_MS;
  return wallAsUtcMs - vietnamOffsetMinutes(firstGuess) * MINUTE_MS;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
