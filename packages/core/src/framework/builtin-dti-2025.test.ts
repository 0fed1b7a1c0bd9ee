import { describe, expect, it } from "vitest";
import { DTI_PROVINCE_2025, type TBuiltinIndicator } from "./builtin-dti-2025.ts";
import { ZScoringRule } from "./indicator.ts";

const mains = DTI_PROVINCE_2025.indicators;
const components = mains.flatMap((m) => m.children ?? []);

function sumChildren(node: TBuiltinIndicator): number {
  return (node.children ?? []).reduce((s, c) => s + c.maxScore, 0);
}

describe("built-in 2025 province DTI framework (seed 001, Phụ lục I)", () => {
  it("has 9 main indicators with the printed maxima", () => {
    expect(mains.map((m) => [m.code, m.maxScore])).toEqual([
      ["1", 50],
      ["2", 50],
      ["3", 200],
      ["4", 100],
      ["5", 100],
      ["6", 200],
      ["7", 150],
      ["8", 150],
      ["9", 0],
    ]);
  });

  it("has 50 component indicators, numbered in order under their main indicator", () => {
    expect(components).toHaveLength(50);
    for (const main of mains) {
      const codes = (main.children ?? []).map((c) => c.code);
      expect(codes).toEqual(codes.map((_, i) => `${main.code}.${i + 1}`));
    }
    expect(mains.map((m) => m.children?.length)).toEqual([5, 4, 7, 6, 8, 9, 5, 3, 3]);
  });

  it.each(mains.map((m) => [m.code, m.name, m] as const))(
    "main %s (%s): components sum to its maximum",
    (_c, _n, m) => {
      expect(sumChildren(m)).toBe(m.maxScore);
    },
  );

  it("totals 1000 points, smart city scored 0", () => {
    expect(mains.reduce((s, m) => s + m.maxScore, 0)).toBe(1000);
    expect(components.reduce((s, c) => s + c.maxScore, 0)).toBe(1000);
    const smartCity = mains.find((m) => m.code === "9");
    expect(smartCity?.children?.every((c) => c.maxScore === 0 && c.rule?.type === "not_scored")).toBe(true);
  });

  it("names a lead agency for every component and valid rules where set", () => {
    for (const c of components) {
      expect(c.lead, c.code).toBeTruthy();
      if (c.rule) expect(ZScoringRule.safeParse(c.rule).success, c.code).toBe(true);
    }
    const lead = (code: string) => components.find((c) => c.code === code)?.lead;
    expect(lead("2.4")).toBe("Sở Tài chính");
    expect(lead("5.1")).toBe("Công an tỉnh");
    expect(lead("6.6")).toBe("Văn phòng UBND tỉnh");
    expect(lead("7.3")).toBe("Sở Công Thương");
    expect(lead("9.1")).toBe("Sở Xây dựng");
  });

  it("reads 'tỷ lệ' rows as ratios only where numerator and denominator are named", () => {
    const ratios = components.filter((c) => c.rule?.type === "ratio");
    for (const r of ratios) {
      expect(r.name.startsWith("Tỷ lệ"), r.code).toBe(true);
      expect(r.inputs?.map((i) => i.key)).toEqual(["numerator", "denominator"]);
    }
    expect(ratios.map((r) => r.code)).toContain("6.6");
  });
});
