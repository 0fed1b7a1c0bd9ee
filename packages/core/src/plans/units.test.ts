import { describe, expect, it } from "vitest";
import { mapTaskRows } from "./rows.ts";
import { matchImportUnits, resolveTaskUnits, unitResolver } from "./units.ts";

const UNITS = [
  { id: "sct", name: "Sở Công Thương", shortName: "SCT" },
  { id: "pqltm", name: "Phòng Quản lý thương mại", shortName: "PQLTM" },
  { id: "ccqltt", name: "Chi cục Quản lý thị trường", shortName: "CCQLTT" },
  { id: "skhcn", name: "Sở Khoa học và Công nghệ", shortName: "Sở KH&CN" },
  { id: "ca", name: "Công an tỉnh", shortName: "CA tỉnh" },
];

const { rows } = mapTaskRows({
  header: ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp"],
  mapping: ["number", "content", "lead", "cooperating"],
  rows: [
    ["1", "Một", "PQLTM", "Các phòng chuyên môn; CCQLTT"],
    ["2", "Hai", "Phòng QLTM", "Công an tỉnh; Sở KH&CN; Đơn vị cung cấp dịch vụ"],
    ["3", "Ba", "Văn phòng", "cong an tinh; PQLTM"],
  ].map((cells, i) => ({ cells, afterBreak: false, table: 1, row: i + 2 })),
});

describe("matchImportUnits", () => {
  const names = matchImportUnits(rows, UNITS);

  it("lists each name once with its counts and its match, abbreviations and accents aside", () => {
    expect(names.map((n) => [n.name, n.leadCount, n.cooperateCount, n.match?.unitId ?? null])).toEqual([
      ["PQLTM", 1, 1, "pqltm"],
      ["Các phòng chuyên môn", 0, 1, null],
      ["CCQLTT", 0, 1, "ccqltt"],
      ["Phòng QLTM", 1, 0, "pqltm"],
      ["Công an tỉnh", 0, 2, "ca"],
      ["Sở KH&CN", 0, 1, "skhcn"],
      ["Đơn vị cung cấp dịch vụ", 0, 1, null],
      ["Văn phòng", 1, 0, null],
    ]);
  });

  it("resolves a task's units with the user's choices first; a unit leading is not also cooperating", () => {
    const resolve = unitResolver(names, { "van phong": "sct", "Công an tỉnh": null });
    expect(resolveTaskUnits(rows[2]!, resolve)).toEqual({ leadUnitIds: ["sct"], cooperatingUnitIds: ["pqltm"] });
    expect(resolveTaskUnits(rows[1]!, resolve)).toEqual({ leadUnitIds: ["pqltm"], cooperatingUnitIds: ["skhcn"] });
    expect(resolveTaskUnits({ leadNames: ["PQLTM"], cooperatingNames: ["PQLTM"] }, resolve)).toEqual({
      leadUnitIds: ["pqltm"],
      cooperatingUnitIds: [],
    });
  });
});
