import { describe, expect, it } from "vitest";
import { looksLikeTaskNumber, nestsUnder, parseTaskNumber, type TTaskNumber } from "./numbering.ts";

describe("parseTaskNumber", () => {
  it.each<[string, TTaskNumber]>([
    ["I", { kind: "roman", label: "I" }],
    ["II.", { kind: "roman", label: "II" }],
    ["IV", { kind: "roman", label: "IV" }],
    ["1", { kind: "arabic", label: "1" }],
    ["1.", { kind: "arabic", label: "1" }],
    ["4.2", { kind: "arabic", label: "4.2" }],
    ["1.1.", { kind: "arabic", label: "1.1" }],
    [" 2 . 3 ", { kind: "arabic", label: "2.3" }],
    ["a)", { kind: "letter", label: "a" }],
    ["b.", { kind: "letter", label: "b" }],
    ["đ)", { kind: "letter", label: "đ" }],
    ["", { kind: "none", label: "" }],
    ["   ", { kind: "none", label: "" }],
    ["STT", { kind: "other", label: "STT" }],
    ["*", { kind: "other", label: "*" }],
  ])("%j → %j", (text, expected) => {
    expect(parseTaskNumber(text)).toEqual(expected);
  });

  it("tells a row number from a header cell", () => {
    expect(looksLikeTaskNumber("1.1")).toBe(true);
    expect(looksLikeTaskNumber("STT")).toBe(false);
    expect(looksLikeTaskNumber("TT")).toBe(false);
  });
});

describe("nestsUnder", () => {
  const n = (text: string) => parseTaskNumber(text);
  it.each<[string, string, boolean]>([
    ["I", "1", true],
    ["I", "1.1", true],
    ["I", "a)", true],
    ["I", "II", false],
    ["1", "1.1", true],
    ["1", "1.1.2", true],
    ["1", "2", false],
    ["1", "11.1", false],
    ["1.1", "1.2", false],
    ["2.1", "a)", true],
    ["a)", "b)", false],
    ["a)", "2.2", false],
  ])("%s ⊃ %s: %s", (parent, child, expected) => {
    expect(nestsUnder(n(parent), n(child))).toBe(expected);
  });
});
