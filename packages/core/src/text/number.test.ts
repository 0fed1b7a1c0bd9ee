import { describe, expect, it } from "vitest";
import {
  checkNumberBounds,
  formatNumberForInput,
  groupTypedNumberVi,
  isIncompleteNumberVi,
  parseNumberVi,
  readNumberField,
  type TNumberProblem,
} from "./number.ts";

describe("parseNumberVi reads what a Vietnamese user types", () => {
  it.each<[string, number, boolean]>([
    ["1.234,5", 1234.5, false],
    ["1234,5", 1234.5, false],
    ["1.234", 1234, false],
    ["1234", 1234, false],
    ["0,5", 0.5, false],
    ["12 %", 12, true],
    ["12%", 12, true],
    ["85,3 %", 85.3, true],
    ["1.234.567,891", 1234567.891, false],
    ["1 234 567", 1234567, false],
    ["1\u00a0234,5", 1234.5, false], // a non-breaking space pasted from Word or Excel
    ["  42  ", 42, false],
    ["-5", -5, false],
    ["−2,5", -2.5, false], // the typographic minus
    ["+7", 7, false],
    ["0", 0, false],
    ["-0", 0, false],
    ["007", 7, false],
    ["12,50", 12.5, false],
    ["999.999.999.999.999", 999999999999999, false],
  ])("%j → %s", (text, value, percent) => {
    expect(parseNumberVi(text)).toEqual({ kind: "number", value, percent });
  });

  it.each(["", "   ", "\u00a0"])("%j is empty, not zero", (text) => {
    expect(parseNumberVi(text)).toEqual({ kind: "empty" });
  });

  it.each<[string, TNumberProblem]>([
    ["abc", "not_a_number"],
    ["12abc", "not_a_number"],
    ["1e5", "not_a_number"],
    ["Infinity", "not_a_number"],
    ["NaN", "not_a_number"],
    ["--5", "not_a_number"],
    ["5-", "not_a_number"],
    ["%", "not_a_number"],
    ["1,2,3", "several_commas"],
    ["1,234.5", "english_format"],
    ["1.5", "decimal_point"], // 15 or 1,5? refused rather than guessed
    ["3.14", "decimal_point"],
    ["1.2345", "decimal_point"],
    ["12.34.567", "decimal_point"],
    ["1.234.", "decimal_point"],
    [",5", "missing_whole"],
    ["1234567890123456", "too_long"], // past what a double stores exactly
  ])("%j is refused (%s) with a Vietnamese reason", (text, problem) => {
    const parsed = parseNumberVi(text);
    expect(parsed).toMatchObject({ kind: "invalid", problem });
    if (parsed.kind === "invalid") expect(parsed.message).toMatch(/[ấốầ]/);
  });
});

describe("isIncompleteNumberVi", () => {
  it.each(["1.", "1.2", "1.23", "12,", "-", "1.234."])("%j may still become a number", (text) => {
    expect(isIncompleteNumberVi(text)).toBe(true);
  });
  it.each(["abc", "1,2,3", "1.2345", "", "12"])("%j is not half-typed", (text) => {
    expect(isIncompleteNumberVi(text)).toBe(false);
  });
});

describe("checkNumberBounds", () => {
  it("refuses a negative unless the field allows it", () => {
    expect(checkNumberBounds(-5)).toBe("Không được nhập số âm.");
    expect(checkNumberBounds(-5, { min: null })).toBeNull();
  });
  it("names the maximum it refuses, never clamps", () => {
    expect(checkNumberBounds(35, { max: 30, maxLabel: "điểm tối đa" })).toBe("Vượt điểm tối đa (30).");
    expect(checkNumberBounds(30, { max: 30 })).toBeNull();
    expect(checkNumberBounds(100.5, { max: 100 })).toBe("Không được lớn hơn 100.");
  });
  it("asks for whole numbers where only those make sense", () => {
    expect(checkNumberBounds(2, { integer: true })).toBeNull();
    expect(checkNumberBounds(2.5, { integer: true })).toBe("Phải là số nguyên.");
    expect(checkNumberBounds(1999, { min: 2000 })).toBe("Phải từ 2.000 trở lên.");
  });
});

describe("readNumberField", () => {
  it.each<[string, ReturnType<typeof readNumberField>]>([
    ["12,5", { ok: true, value: 12.5 }],
    ["", { ok: true, value: null }],
    ["-5", { ok: false, message: "Không được nhập số âm." }],
    ["35", { ok: false, message: "Vượt điểm tối đa (30)." }],
  ])("%j", (text, outcome) => {
    expect(readNumberField(text, { max: 30, maxLabel: "điểm tối đa" })).toEqual(outcome);
  });
  it("refuses text that is not a number", () => {
    expect(readNumberField("abc")).toMatchObject({ ok: false });
  });
});

describe("groupTypedNumberVi shows thousands as the user types", () => {
  it.each<[string, string]>([
    ["1234", "1.234"],
    ["1.2345", "12.345"], // a digit typed into "1.234"
    ["1234,", "1.234,"],
    ["1234,50", "1.234,50"],
    ["-1234567", "-1.234.567"],
    ["12 %", "12 %"],
    ["abc", "abc"],
    ["1,2,3", "1,2,3"],
    ["", ""],
  ])("%j → %j", (typed, shown) => {
    expect(groupTypedNumberVi(typed)).toBe(shown);
  });
});

describe("formatNumberForInput shows a stored number without rounding it", () => {
  it.each<[number | null, string]>([
    [1234.5, "1.234,5"],
    [0.125, "0,125"],
    [1234567.891, "1.234.567,891"],
    [-5, "-5"],
    [null, ""],
  ])("%s → %j", (value, text) => {
    expect(formatNumberForInput(value)).toBe(text);
    if (value !== null) expect(parseNumberVi(text)).toMatchObject({ value });
  });
  it("leaves years ungrouped when asked", () => {
    expect(formatNumberForInput(2026, false)).toBe("2026");
  });
});
