import { describe, expect, it } from "vitest";
import {
  checkColumnMapping,
  detectColumnField,
  detectColumns,
  isColumnNumberRow,
  isHeaderRow,
  type TTaskField,
} from "./columns.ts";

/** The header rows of the seeds' task tables, and what each column must be read as. */
const SEED_HEADERS: [seed: string, header: string[], expected: (TTaskField | null)[]][] = [
  [
    "000",
    ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời gian thực hiện"],
    ["number", "content", "lead", "cooperating", "output", "timeframe"],
  ],
  [
    "001 Phụ lục I",
    [
      "STT",
      "Chỉ số chính/Chỉ số thành phần",
      "Điểm tối đa",
      "Cơ quan phụ trách",
      "Cơ quan phối hợp (triển khai, cung cấp thông tin)",
    ],
    ["number", "content", null, "lead", "cooperating"],
  ],
  [
    "003 Phụ lục 1",
    [
      "STT",
      "Tên nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "Đề xuất Lãnh đạo Sở chỉ đạo thực hiện",
      "Sản phẩm đầu ra dự kiến",
    ],
    ["number", "content", "lead", "cooperating", "timeframe", "leader", "output"],
  ],
  ["003 Phụ lục 2", ["STT", "Nhóm tiêu chí", "Phân công thực hiện"], ["number", "content", "lead"]],
  [
    "budget appendix",
    [
      "TT",
      "Tên nhiệm vụ/dự án",
      "Đơn vị chủ trì",
      "Tổng mức đầu tư (triệu đồng)",
      "Nguồn vốn",
      "Căn cứ pháp lý",
      "Ghi chú",
    ],
    ["number", "content", "lead", "budgetAmount", "budgetSource", "budgetBasis", null],
  ],
];

describe("detectColumns", () => {
  it.each(SEED_HEADERS)("seed %s", (_seed, header, expected) => {
    expect(detectColumns(header)).toEqual(expected);
    expect(isHeaderRow(header)).toBe(true);
  });

  it('maps a budget table\'s "Mục tiêu, nội dung đầu tư" beside "Tên dự án" to the expected result', () => {
    expect(
      detectColumns([
        "STT",
        "Tên dự án",
        "Mục tiêu, nội dung đầu tư",
        "Đơn vị chủ trì",
        "Tổng mức đầu tư",
        "Nguồn vốn",
      ]),
    ).toEqual(["number", "content", "output", "lead", "budgetAmount", "budgetSource"]);
  });

  it.each<[string, TTaskField | null]>([
    ["THỜI GIAN HOÀN THÀNH", "timeframe"],
    ["thoi gian thuc hien", "timeframe"],
    ["Nguồn kinh phí", "budgetSource"],
    ["Kinh phí (triệu đồng)", "budgetAmount"],
    ["Kết quả/Sản phẩm", "output"],
    ["Lãnh đạo chỉ đạo", "leader"],
    ["Cơ quan chủ trì thực hiện", "lead"],
    ["Ghi chú", null],
    ["", null],
  ])("%j → %s", (header, field) => {
    expect(detectColumnField(header)).toBe(field);
  });

  it("gives a field once: a second 'Nhiệm vụ' column is left unmapped", () => {
    expect(detectColumns(["STT", "Nhiệm vụ", "Nội dung", "Chủ trì"])).toEqual(["number", "content", null, "lead"]);
  });
});

describe("isHeaderRow refuses data rows", () => {
  it.each([
    ["numbered task", ["1.1", "Triển khai nhiệm vụ chuyển đổi số", "Văn phòng Sở chủ trì", "", "Năm 2025"]],
    [
      "seed 003 Phụ lục 2 row whose cells say chủ trì and phối hợp",
      [
        "",
        "Tỷ lệ cán bộ công chức, viên chức, người lao động sử dụng dịch vụ thanh toán điện tử.",
        "Văn phòng Sở chủ trì (các phòng, đơn vị phối hợp)",
      ],
    ],
    ["section row", ["I", "Hoạt động Kinh tế số", "", "", "", ""]],
    ["column numbers", ["1", "2", "3", "4", "5", "6"]],
  ])("%s", (_label, cells) => {
    expect(isHeaderRow(cells)).toBe(false);
  });
});

describe("isColumnNumberRow", () => {
  it.each<[string[], boolean]>([
    [["1", "2", "3", "4", "5", "6", "7", "8", "9"], true],
    [["(1)", "(2)", "(3)", "(4)"], true],
    [["1", "", "2", "3"], true],
    [["1", "3", "2"], false],
    [["1", "2"], false],
    [["1", "Nhiệm vụ", "3"], false],
  ])("%j → %s", (cells, expected) => {
    expect(isColumnNumberRow(cells)).toBe(expected);
  });
});

describe("checkColumnMapping", () => {
  it("needs a content column and each field once", () => {
    expect(checkColumnMapping(["number", "content", "lead"])).toEqual([]);
    expect(checkColumnMapping(["number", null, "lead"])).toEqual(["Chưa chọn cột nội dung nhiệm vụ."]);
    expect(checkColumnMapping(["content", "lead", "lead"])).toEqual([
      'Cột "Đơn vị chủ trì" được chọn cho nhiều cột trong tệp.',
    ]);
  });
});
