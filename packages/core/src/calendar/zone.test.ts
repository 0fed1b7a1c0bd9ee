import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseInstant, requireInstant, toVietnamIso, vietnamDate, vietnamOffsetMinutes } from "./zone.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

describe("parseInstant", () => {
  it.each<[string, number | null]>([
    ["2025-03-24", Date.UTC(2025, 2, 23, 17)], // a bare date is the start of that day in Vietnam
    ["2025-03-24T10:00", Date.UTC(2025, 2, 24, 3)], // no offset: Vietnam wall-clock time
    ["2025-03-24 10:00:00", Date.UTC(2025, 2, 24, 3)],
    ["2025-03-24T10:00:00.250", Date.UTC(2025, 2, 24, 3, 0, 0, 250)],
    ["2025-03-24T10:00:00Z", Date.UTC(2025, 2, 24, 10)],
    ["2025-03-24T10:00:00+07:00", Date.UTC(2025, 2, 24, 3)],
    ["2025-03-24T10:00:00+0700", Date.UTC(2025, 2, 24, 3)],
    ["2025-03-24T10:00:00-05:00", Date.UTC(2025, 2, 24, 15)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["2025-02-29T00:00:00Z", null], // Date.parse would roll this over to 1 March
    ["2025-02-30", null],
    ["2025-03-24T24:00:00", null],
    ["2025-03-24T10:60:00Z", null],
    ["24/03/2025", null],
    ["", null],
    ["now", null],
  ])("%j → %s", (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it("accepts Dates and epoch milliseconds, rejecting invalid ones", () => {
    expect(parseInstant(new Date(Date.UTC(2025, 0, 1)))).toBe(Date.UTC(2025, 0, 1));
    expect(parseInstant(0)).toBe(0);
    expect(parseInstant(new Date(Number.NaN))).toBeNull();
    expect(parseInstant(Number.NaN)).toBeNull();
    expect(() => requireInstant("2025-13-01")).toThrow(RangeError);
  });
});

describe("Vietnam calendar date and ISO string near midnight", () => {
  it.each([
    ["2025-03-24T16:59:59.999Z", "2025-03-24", "2025-03-24T23:59:59+07:00"],
    ["2025-03-24T17:00:00Z", "2025-03-25", "2025-03-25T00:00:00+07:00"], // UTC still says the 24th
    ["2025-12-31T17:00:00Z", "2026-01-01", "2026-01-01T00:00:00+07:00"], // year boundary
    ["2024-02-28T17:00:00Z", "2024-02-29", "2024-02-29T00:00:00+07:00"], // leap day
    ["2025-03-24T00:30:00+07:00", "2025-03-24", "2025-03-24T00:30:00+07:00"], // 23/03 17:30 in UTC
    ["2025-03-24T23:59:59", "2025-03-24", "2025-03-24T23:59:59+07:00"],
  ])("%s → %s, %s", (instant, date, iso) => {
    expect(vietnamDate(instant)).toBe(date);
    expect(toVietnamIso(instant)).toBe(iso);
  });

  it.each([
    ["1975-06-12T15:59:59Z", 480],
    ["1975-06-12T16:00:00Z", 420],
    ["1975-06-13T00:00:00Z", 420],
    ["2025-12-31T17:00:00Z", 420],
    ["2100-01-01T00:00:00Z", 420],
  ])("the offset read once for today's era agrees with the tz database at %s", (at, minutes) => {
    const ms = Date.parse(at);
    expect(vietnamOffsetMinutes(ms)).toBe(minutes);
    expect(vietnamOffsetMinutes(ms)).toBe(dayjs.utc(ms).tz("Asia/Ho_Chi_Minh").utcOffset());
  });

  it("reads the offset from the tz database: +07:00 today, +08:00 in 1970 (Saigon time until 1975)", () => {
    expect(vietnamOffsetMinutes(Date.UTC(2025, 5, 1))).toBe(420);
    expect(toVietnamIso("1970-01-01T00:00:00Z")).toBe("1970-01-01T08:00:00+08:00");
  });
});

describe("independence from the process time zone", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  // New York skips 02:00–03:00 on 9 March 2025; dayjs's own .tz() shifts Vietnam's 02:30 that night to 03:30.
  it.each(["UTC", "America/New_York", "Asia/Tokyo", "Europe/London", "Australia/Lord_Howe"])(
    "TZ=%s gives the same Vietnam times",
    (zone) => {
      vi.stubEnv("TZ", zone); // Node applies a changed TZ to Date at once
      expect(toVietnamIso("2025-03-08T19:30:00Z")).toBe("2025-03-09T02:30:00+07:00");
      expect(parseInstant("2025-03-09T02:30:00")).toBe(Date.UTC(2025, 2, 8, 19, 30));
      expect(vietnamDate("2025-10-26T17:00:00Z")).toBe("2025-10-27");
      expect(parseInstant("2025-03-30")).toBe(Date.UTC(2025, 2, 29, 17));
    },
  );
});
