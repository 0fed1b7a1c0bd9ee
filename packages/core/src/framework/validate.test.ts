import { describe, expect, it } from "vitest";
import { DTI_PROVINCE_2025, type TBuiltinIndicator } from "./builtin-dti-2025.ts";
import { type TValidatableIndicator, validateFramework } from "./validate.ts";

function flatten(nodes: readonly TBuiltinIndicator[], parentCode: string | null = null): TValidatableIndicator[] {
  return nodes.flatMap((n) => [
    {
      code: n.code,
      parentCode,
      maxScore: n.maxScore,
      valueKind: n.children?.length ? null : (n.valueKind ?? "number"),
      inputs: n.inputs ?? [],
      rule: n.children?.length ? null : (n.rule ?? { type: "manual" as const }),
    },
    ...flatten(n.children ?? [], n.code),
  ]);
}

const leaf = (over: Partial<TValidatableIndicator>): TValidatableIndicator => ({
  code: "1.1",
  parentCode: "1",
  maxScore: 10,
  valueKind: "boolean",
  inputs: [],
  rule: { type: "yes_no", input: "value" },
  ...over,
});
const main = (maxScore = 10): TValidatableIndicator => ({
  code: "1",
  parentCode: null,
  maxScore,
  valueKind: null,
  inputs: [],
  rule: null,
});
const messages = (nodes: TValidatableIndicator[]) => validateFramework(nodes).map((i) => i.message);

describe("validateFramework", () => {
  it("accepts the built-in 2025 framework", () => {
    expect(validateFramework(flatten(DTI_PROVINCE_2025.indicators))).toEqual([]);
  });

  it.each<[string, TValidatableIndicator[], string]>([
    ["empty framework", [], "Bộ chỉ số chưa có chỉ số nào."],
    ["branch sum differs", [main(20), leaf({})], "1: tổng điểm tối đa của các chỉ số con (10) khác điểm tối đa (20)."],
    ["duplicate code", [main(20), leaf({}), leaf({})], "1.1: mã chỉ số bị trùng."],
    ["dangling parent", [leaf({ parentCode: "9" })], '1.1: không tìm thấy chỉ số cha "9".'],
    ["leaf without rule", [main(), leaf({ rule: null })], "1.1: chưa chọn quy tắc chấm điểm."],
    ["leaf without kind", [main(), leaf({ valueKind: null })], "1.1: chưa chọn loại giá trị."],
    ["yes/no on a number", [main(), leaf({ valueKind: "count" })], "1.1: quy tắc có/không cần loại giá trị có/không."],
    [
      "ratio without inputs",
      [
        main(),
        leaf({
          valueKind: "multi",
          inputs: [{ key: "numerator", label: "Tử số" }],
          rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
        }),
      ],
      '1.1: quy tắc dùng ô nhập "denominator" nhưng chỉ số không có ô nhập này.',
    ],
    [
      "band above maximum",
      [main(), leaf({ valueKind: "count", rule: { type: "bands", input: "value", bands: [{ min: 4, points: 20 }] } })],
      "1.1: điểm của ngưỡng ≥ 4 (20) vượt điểm tối đa (10).",
    ],
    [
      "choice above maximum",
      [
        main(),
        leaf({
          valueKind: "choice",
          rule: { type: "choice", input: "value", options: [{ key: "a", label: "Chủ tịch", points: 12.5 }] },
        }),
      ],
      '1.1: điểm của lựa chọn "Chủ tịch" (12,5) vượt điểm tối đa (10).',
    ],
    [
      "parts above maximum",
      [
        main(),
        leaf({
          rule: {
            type: "parts",
            parts: [
              { key: "a", label: "A", points: 6 },
              { key: "b", label: "B", points: 6 },
            ],
          },
        }),
      ],
      "1.1: tổng điểm các nội dung (12) vượt điểm tối đa (10).",
    ],
    [
      "not scored with points",
      [main(), leaf({ rule: { type: "not_scored" } })],
      "1.1: chỉ số không tính điểm phải có điểm tối đa bằng 0.",
    ],
    ["cycle", [{ ...main(), parentCode: "1.1" }, leaf({})], "1: chỉ số nằm trong một vòng lặp cha – con."],
  ])("reports %s", (_name, nodes, expected) => {
    expect(messages(nodes)).toContain(expected);
  });

  it("allows criteria at any depth and tolerates float sums", () => {
    const nodes: TValidatableIndicator[] = [
      main(0.3),
      { ...main(0.3), code: "1.1", parentCode: "1" },
      leaf({ code: "1.1.a", parentCode: "1.1", maxScore: 0.1 }),
      leaf({ code: "1.1.b", parentCode: "1.1", maxScore: 0.2 }),
    ];
    expect(validateFramework(nodes)).toEqual([]);
  });

  it("points file rows when the indicators came from an import", () => {
    const [issue] = validateFramework([leaf({ parentCode: "7", row: 12 })]);
    expect(issue).toMatchObject({ code: "1.1", row: 12 });
  });
});
