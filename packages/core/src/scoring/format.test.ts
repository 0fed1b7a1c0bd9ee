import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatPoints } from "./format.ts";

// These also check that Node's ICU has full Vietnamese data: a small-ICU build would print "1,234.5".
describe("formatNumber", () => {
  it.each([
    [1234.5, "1.234,5"],
    [1234567, "1.234.567"],
    [50, "50"],
    [0.25, "0,25"],
    [2.345, "2,35"],
    [-3, "-3"],
  ])("%d → %s", (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe("formatPoints", () => {
  it.each([
    [41.2, "41,20"],
    [10, "10,00"],
    [1234.5, "1.234,50"],
    [41.205, "41,21"],
    [-0, "0,00"],
    [-0.001, "0,00"],
  ])("%d → %s", (value, expected) => {
    expect(formatPoints(value)).toBe(expected);
  });
});

describe("formatPercent", () => {
  it.each([
    [82.4, "82,4%"],
    [100, "100%"],
    [82.41000000000001, "82,41%"],
  ])("%d → %s", (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });
});
