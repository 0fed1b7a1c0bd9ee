import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero, roundIndex, roundPoints } from "./round.ts";

describe("roundPoints", () => {
  // Cases where toFixed or Math.round(x × 100) / 100 give the wrong published value.
  it.each([
    [41.205, 41.21], // toFixed(2) gives 41.20
    [1.005, 1.01], // 1.005 × 100 = 100.4999…
    [-1.005, -1.01], // half away from zero, not towards +∞
    [0.125, 0.13],
    [41.2049, 41.2],
    [41.199999999999996, 41.2], // 412 / 500 × 50 in floats
    [10, 10],
    [0, 0],
  ])("%d → %d", (value, expected) => {
    expect(roundPoints(value)).toBe(expected);
  });

  it("never returns -0", () => {
    expect(Object.is(roundPoints(-0.001), 0)).toBe(true);
  });
});

describe("roundIndex", () => {
  it.each([
    [800.17 / 1000, 0.8002],
    [0.80015, 0.8002],
    [0.99995, 1],
    [0.5, 0.5],
  ])("%d → %d", (value, expected) => {
    expect(roundIndex(value)).toBe(expected);
  });
});

describe("roundHalfAwayFromZero", () => {
  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3], // Math.round(-2.5) would give -2
    [1234.5678, 1, 1234.6],
  ])("%d at %d decimals → %d", (value, digits, expected) => {
    expect(roundHalfAwayFromZero(value, digits)).toBe(expected);
  });
});
