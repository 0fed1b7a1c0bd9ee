import { describe, expect, it } from "vitest";
import { parseOfficialResults, type TCell } from "./official-results.ts";

const mains = [
  { code: "1", name: "Nhận thức số" },
  { code: "2", name: "Thể chế số" },
  { code: "3", name: "Hạ tầng số" },
];

/** A synthetic table of `count` provinces (not published values): index falls by 0,01 per row, two ties. */
function syntheticTable(count: number): TCell[][] {
  const header: TCell[] = [
    "STT",
    "Tỉnh/Thành phố",
    "Chỉ số DTI",
    "Xếp hạng",
    "Nhận thức số",
    "Thể chế số",
    "Hạ tầng số",
    "Chính quyền số",
    "Ghi chú",
  ];
  const rows = Array.from({ length: count }, (_, i): TCell[] => {
    const tied = i === 15 ? 14 : i;
    return [
      i + 1,
      `Tỉnh ${i + 1}`,
      (0.8 - tied * 0.01).toFixed(4).replace(".", ","),
      tied === 14 ? 15 : i + 1,
      0.9,
      "85,5%",
      0.7,
      0.6,
      null,
    ];
  });
  return [["KẾT QUẢ CHỈ SỐ DTI NĂM 2024"], header, ...rows];
}

describe("parseOfficialResults", () => {
  it.each([34, 63])("reads a full %i-row table, with ties as published", (count) => {
    const { results, issues } = parseOfficialResults(syntheticTable(count), 2024, mains);
    expect(issues).toEqual([]);
    expect(results).toHaveLength(count);
    expect(results[0]).toMatchObject({
      province: "Tỉnh 1",
      index: 0.8,
      rank: 1,
      pillarValues: { "Chính quyền số": 0.6 },
    });
    expect(results[0]!.mainValues).toEqual({
      "1": { value: 0.9, rank: null },
      "2": { value: 0.855, rank: null },
      "3": { value: 0.7, rank: null },
    });
    expect(results.slice(14, 17).map((r) => r.rank)).toEqual([15, 15, 17]);
  });

  it("refuses bad rows with their numbers, and a file without the needed columns", () => {
    const table = syntheticTable(3);
    table[3]![2] = "cao";
    table[4]![3] = "-2";
    table[4]![1] = "Tỉnh 1";
    const { issues } = parseOfficialResults(table, 2024, mains);
    expect(issues.map((i) => i.message)).toEqual([
      'Dòng 4: giá trị "cao" không hợp lệ (cần từ 0 đến 1, hoặc 0–100%).',
      'Dòng 5: thứ hạng "-2" không phải số nguyên dương.',
      "Dòng 5: thiếu xếp hạng.",
      'Dòng 5: tỉnh "Tỉnh 1" bị lặp.',
    ]);
    const noRank = parseOfficialResults(
      [
        ["Tỉnh/Thành phố", "Chỉ số DTI"],
        ["A", 0.5],
      ],
      2024,
      mains,
    );
    expect(noRank.issues[0]?.message).toBe("Thiếu cột: Xếp hạng.");
    expect(parseOfficialResults([["x"]], 2024, mains).issues[0]?.message).toContain("Tỉnh/Thành phố");
  });
});
