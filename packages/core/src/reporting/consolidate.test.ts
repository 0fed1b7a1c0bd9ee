import { describe, expect, it } from "vitest";
import {
  consolidationRules,
  overriddenKeys,
  proposeConsolidation,
  type TConsolidationInputRow,
} from "./consolidate.ts";

describe("consolidation rules stated by the framework", () => {
  it.each([
    [
      {
        valueKind: "multi" as const,
        inputs: [
          { key: "numerator", label: "Tử số" },
          { key: "denominator", label: "Mẫu số" },
        ],
      },
      { numerator: "sum", denominator: "sum" },
    ],
    [
      { valueKind: "multi" as const, inputs: [{ key: "level", label: "Mức", consolidate: "none" as const }] },
      { level: "none" },
    ],
    [{ valueKind: "count" as const, inputs: [] }, { value: "sum" }],
    [{ valueKind: "money" as const, inputs: [] }, { value: "sum" }],
    [{ valueKind: "percent" as const, inputs: [] }, { value: "none" }],
    [{ valueKind: "boolean" as const, inputs: [] }, { value: "none" }],
    [{ valueKind: null, inputs: [] }, {}],
  ])("%o → %o", (indicator, expected) => {
    expect(consolidationRules(indicator)).toEqual(expected);
  });
});

describe("proposeConsolidation", () => {
  const rules = { numerator: "sum", denominator: "sum", note: "none" } as const;
  it("adds the values of reports that have left their unit, not drafts, returned or missing ones", () => {
    const rows: TConsolidationInputRow[] = [
      { unitId: "a", unitName: "A", status: "submitted" as const, values: { numerator: 0.1, denominator: 10 } },
      { unitId: "b", unitName: "B", status: "accepted" as const, values: { numerator: 0.2, denominator: null } },
      { unitId: "c", unitName: "C", status: "draft" as const, values: { numerator: 100, denominator: 100 } },
      { unitId: "d", unitName: "D", status: "returned" as const, values: { numerator: 100, denominator: 100 } },
      { unitId: "e", unitName: "E", status: null, values: {} },
    ];
    expect(proposeConsolidation(rules, rows)).toEqual({ numerator: 0.3, denominator: 10 });
  });
  it("proposes nothing (null) when no counted unit gave a number", () => {
    expect(proposeConsolidation(rules, [])).toEqual({ numerator: null, denominator: null });
  });
  it("names the keys the lead changed", () => {
    expect(overriddenKeys({ numerator: 9, denominator: 245 }, { numerator: 9, denominator: 260 })).toEqual([
      "denominator",
    ]);
    expect(overriddenKeys({ numerator: 9 }, {})).toEqual([]);
  });
});
