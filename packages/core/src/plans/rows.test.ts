import { describe, expect, it } from "vitest";
import { mapTaskRows, parseAmountVi, type TMappedRow } from "./rows.ts";
import { findTaskTables, type TRawTable } from "./tables.ts";

const H000 = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời gian thực hiện"];
const VP = ["Văn phòng", "Các phòng chuyên môn; CCQLTT"];
const Y = "Năm 2025 và các năm tiếp theo";

/** Seed 000's appendix as Word delivers it: four table parts, the header repeated, row 4.2 cut by a page break. */
const SEED_000: TRawTable[] = [
  {
    title: "PHỤ LỤC",
    rows: [
      H000,
      ["1", "2", "3", "4", "5", "6"],
      ["I", "Hoạt động Kinh tế số", "", "", "", ""],
      [
        "",
        "Cung cấp thông tin doanh nghiệp sử dụng hợp đồng điện tử trên địa bàn tỉnh Khánh Hòa",
        "Phòng Quản lý Thương mại – Xuất nhập khẩu",
        "Các đơn vị: Viettel, Mobifone, FPT, VNPT",
        "Chỉ tiêu về tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử",
        Y,
      ],
      ["II", "Phối hợp các cơ quan phụ trách các chỉ số khác", "", "", "", ""],
      ["1", "Nhận thức số", "", "", "", ""],
      ["1.1", "Triển khai chuyên mục “Chuyển đổi số”.", ...VP, "Chuyên mục", "Năm 2025"],
      ["2", "Thẻ chế số", "", "", "", ""],
      ["2.1", "Góp ý dự thảo Nghị quyết.", ...VP, "Văn bản góp ý", Y],
    ],
  },
  {
    title: null,
    rows: [
      H000,
      ["2.2", "Góp ý Kế hoạch hành động.", ...VP, "Văn bản góp ý", Y],
      ["4", "Nhân lực số", "", "", "", ""],
      ["4.1", "Ban hành văn bản chỉ định đầu mối.", ...VP, "Quyết định", "Năm 2025"],
      [
        "4.2",
        "Ban hành văn bản phân công công chức chuyên trách về An toàn",
        "Văn phòng",
        "Các phòng chuyên môn;",
        "Quyết định",
        "Năm 2025 và các",
      ],
    ],
  },
  {
    title: null,
    rows: [
      H000,
      ["", "thông tin mạng.", "", "CCQLTT", "phân công", "năm tiếp theo"],
      ["4.3", "Cử công chức tham gia bồi dưỡng.", ...VP, "Văn bản cử", Y],
      ["6", "Hoạt động Chính quyền số", "", "", "", ""],
    ],
  },
  { title: null, rows: [H000, ["6.1", "Cung cấp thông tin NDXP.", ...VP, "Văn bản", Y]] },
  // The signature block after the appendix: another shape, not part of the table.
  { title: null, rows: [["Nơi nhận", "GIÁM ĐỐC"]] },
];

function mapped(raw: TRawTable[]) {
  const { tables } = findTaskTables(raw);
  expect(tables).toHaveLength(1);
  const table = tables[0]!;
  return mapTaskRows({ header: table.header, rows: table.rows, mapping: table.mapping, defaultYear: 2025 });
}

const byNumber = (rows: TMappedRow[], number: string) => rows.find((r) => r.number === number && r.kind !== "skipped")!;

describe("mapTaskRows on seed 000", () => {
  const { rows, warnings } = mapped(SEED_000);
  const tasks = rows.filter((r) => r.kind === "task");

  it("keeps every row, skipping repeated headers and the column-number row", () => {
    expect(rows.filter((r) => r.skip === "header")).toHaveLength(3);
    expect(rows.filter((r) => r.skip === "column_numbers")).toHaveLength(1);
    expect(rows.filter((r) => r.kind === "section").map((r) => r.number)).toEqual(["I", "II", "1", "2", "4", "6"]);
    expect(tasks.map((r) => r.number)).toEqual([null, "1.1", "2.1", "2.2", "4.1", "4.2", "4.3", "6.1"]);
    expect(warnings).toEqual([]);
  });

  it("joins row 4.2, split by the page break, into one task", () => {
    const task = byNumber(rows, "4.2");
    expect(task).toMatchObject({
      content: "Ban hành văn bản phân công công chức chuyên trách về An toàn thông tin mạng.",
      leadText: "Văn phòng",
      cooperatingText: "Các phòng chuyên môn; CCQLTT",
      outputText: "Quyết định phân công",
      timeframeText: "Năm 2025 và các năm tiếp theo",
      timeframe: { kind: "recurring_yearly", fromYear: 2025 },
      cooperatingNames: ["Các phòng chuyên môn", "CCQLTT"],
    });
    expect(task.notes[0]).toContain("Đã ghép dòng 2 (bảng 3) vào nhiệm vụ 4.2");
    const continuation = rows.find((r) => r.skip === "continuation")!;
    expect(continuation.mergedInto).toBe(task.index);
  });

  it("nests rows by their numbering; an unnumbered task goes under its section", () => {
    const parentNumber = (row: TMappedRow) => (row.parentIndex === null ? null : rows[row.parentIndex]!.number);
    expect(parentNumber(tasks[0]!)).toBe("I");
    expect(parentNumber(byNumber(rows, "1"))).toBe("II");
    expect(parentNumber(byNumber(rows, "1.1"))).toBe("1");
    expect(parentNumber(byNumber(rows, "4.3"))).toBe("4");
    expect(byNumber(rows, "4.3").depth).toBe(2);
    expect(byNumber(rows, "II").parentIndex).toBeNull();
  });

  it("reads units and timeframes", () => {
    expect(tasks[0]).toMatchObject({
      leadNames: ["Phòng Quản lý Thương mại – Xuất nhập khẩu"],
      cooperatingNames: ["Viettel", "Mobifone", "FPT", "VNPT"],
      timeframe: { kind: "recurring_yearly", fromYear: 2025 },
      warnings: [],
    });
    expect(byNumber(rows, "1.1").timeframe).toEqual({ kind: "range", start: "2025-01-01", end: "2025-12-31" });
  });
});

const H003 = [
  "STT",
  "Tên nhiệm vụ",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Thời gian thực hiện",
  "Lãnh đạo chỉ đạo",
  "Sản phẩm",
];

describe("mapTaskRows on seed 003's shapes", () => {
  const { rows } = mapped([
    {
      title: "PHỤ LỤC 1",
      rows: [
        H003,
        ["I", "Đánh giá kết quả thực hiện các chỉ tiêu năm 2025", "", "", "", "", ""],
        ["2", "Phát triển kinh tế số", "", "", "", "", ""],
        ["2.1", "Năm 2025: Tỷ trọng kinh tế số đạt tối thiểu 10%.", "", "", "", "", ""],
        ["a)", "Tỷ trọng trong lĩnh vực công nghiệp.", "PQLCN", "", "Quý IV/2025", "Đ/c Văn Hữu Đồng", "Báo cáo"],
        ["b)", "Tỷ trọng trong lĩnh vực thương mại.", "PQLTM", "", "Quý IV/2025", "Đ/c Trần Dương Hùng", ""],
        ["2.2", "Tỷ trọng thương mại điện tử.", "PQLTM", "", "Quý IV/2025", "", ""],
        ["3", "Ứng dụng CNTT trong hoạt động XTMM", "", "", "", "", ""],
        [
          "",
          "20% số lượng hội chợ tham gia trên môi trường số",
          "TTXTMM",
          "Các đơn vị liên quan",
          "Quý I-IV/2025",
          "",
          "",
        ],
        ["", "Cụm công nghiệp", "PQLCN", "Các đơn vị liên quan", "QI/2025", "", ""],
        ["3.6", "Cải thiện tỷ lệ giao dịch trên sàn TMĐT.", "PQLTM", "", "Quý II, Quý IV/2025", "", ""],
        [
          "6.2",
          "Tổ chức kiểm tra qua môi trường số và hệ thống thông tin của cơ quan quản lý",
          "Thanh Tra Sở",
          "",
          "Quý III-IV/2025",
          "",
          "",
        ],
      ],
    },
    { title: null, rows: [H003, ["", "trong tỉnh và Trung ương đạt tối thiểu 50%", "", "", "", "", ""]] },
  ]);

  it("takes a numbered row without units for a heading when lettered rows follow it", () => {
    expect(byNumber(rows, "2.1").kind).toBe("section");
    expect(rows[byNumber(rows, "a)").parentIndex!]!.number).toBe("2.1");
    expect(rows[byNumber(rows, "2.2").parentIndex!]!.number).toBe("2");
    expect(byNumber(rows, "a)").directingLeader).toBe("Đ/c Văn Hữu Đồng");
  });

  it("keeps unnumbered rows with their own lead unit as tasks under the section", () => {
    const unnumbered = rows.filter((r) => r.kind === "task" && r.number === null);
    expect(unnumbered.map((r) => r.leadText)).toEqual(["TTXTMM", "PQLCN"]);
    expect(unnumbered.every((r) => rows[r.parentIndex!]!.number === "3")).toBe(true);
  });

  it("flags a timeframe it cannot read and keeps the text", () => {
    const task = byNumber(rows, "3.6");
    expect(task.timeframe).toEqual({ kind: "unparsed", text: "Quý II, Quý IV/2025" });
    expect(task.warnings).toEqual([
      'Không đọc được thời gian "Quý II, Quý IV/2025": giữ nguyên văn bản, không tính quá hạn (cần kiểm tra).',
    ]);
  });

  it("joins the lowercase continuation of 6.2 from the next page", () => {
    expect(byNumber(rows, "6.2").content).toBe(
      "Tổ chức kiểm tra qua môi trường số và hệ thống thông tin của cơ quan quản lý trong tỉnh và Trung ương đạt tối thiểu 50%",
    );
    expect(rows.filter((r) => r.kind === "task")).toHaveLength(7);
  });
});

describe("mapTaskRows: seed 001's scored table and warnings", () => {
  const header = ["STT", "Chỉ số chính/Chỉ số thành phần", "Điểm tối đa", "Cơ quan phụ trách", "Cơ quan phối hợp"];
  const { rows, warnings } = mapped([
    {
      title: "Phụ lục I",
      rows: [
        header,
        ["1", "Nhận thức số", "50", "", ""],
        ["1.1", "Người đứng đầu là Trưởng ban Ban chỉ đạo", "10", "Sở KH&CN", "Văn phòng Tỉnh ủy, Văn phòng UBND tỉnh"],
        ["1.2", "Ban hành các văn bản chỉ đạo chuyên đề", "10", "Sở KH&CN", "-"],
        ["3.5", "Trung tâm dữ liệu", "30", "", ""],
      ],
    },
  ]);

  it("ignores an unmapped column (the maximum score) when telling headings from tasks", () => {
    expect(byNumber(rows, "1").kind).toBe("section");
    expect(byNumber(rows, "1.1").cooperatingNames).toEqual(["Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh"]);
    expect(byNumber(rows, "1.2").cooperatingText).toBeNull();
  });

  it("keeps a numbered row without a lead as a task, with a warning, when nothing nests under it", () => {
    expect(byNumber(rows, "3.5")).toMatchObject({ kind: "task", warnings: ["Chưa có đơn vị chủ trì."] });
    expect(warnings).toEqual(["Chưa chọn cột thời gian thực hiện: không theo dõi được nhiệm vụ quá hạn."]);
  });
});

describe("mapTaskRows: a budget appendix with a two-row header", () => {
  const { tables } = findTaskTables([
    {
      title: "Phụ lục II",
      rows: [
        ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Kinh phí", "", "Căn cứ pháp lý", "Thời gian"],
        ["", "", "", "Tổng mức đầu tư (triệu đồng)", "Nguồn vốn", "", ""],
        ["1", "2", "3", "4", "5", "6", "7"],
        ["1", "Nâng cấp hạ tầng CNTT", "Văn phòng Sở", "1.500", "Ngân sách tỉnh", "QĐ 1689/QĐ-UBND", "2026 – 2030"],
        ["2", "Số hóa hồ sơ", "Văn phòng Sở", "250,5", "Đầu tư công", "", "Năm 2026"],
        ["3", "Thuê dịch vụ", "Văn phòng Sở", "khoảng 300", "", "", "Thường xuyên"],
      ],
    },
  ]);
  const table = tables[0]!;
  const { rows } = mapTaskRows({ header: table.header, rows: table.rows, mapping: table.mapping });

  it("reads the joined header and the budget columns", () => {
    expect(table.mapping).toEqual([
      "number",
      "content",
      "lead",
      "budgetAmount",
      "budgetSource",
      "budgetBasis",
      "timeframe",
    ]);
    expect(byNumber(rows, "1")).toMatchObject({
      budgetAmount: 1500,
      budgetSource: "Ngân sách tỉnh",
      budgetBasis: "QĐ 1689/QĐ-UBND",
      timeframe: { kind: "range", start: "2026-01-01", end: "2030-12-31" },
    });
    expect(byNumber(rows, "2").budgetAmount).toBe(250.5);
    expect(byNumber(rows, "3")).toMatchObject({ budgetAmount: null, timeframe: { kind: "ongoing" } });
    expect(byNumber(rows, "3").warnings[0]).toContain('Không đọc được kinh phí "khoảng 300"');
  });
});

describe("parseAmountVi", () => {
  it.each<[string, number | null]>([
    ["1.500", 1500],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["2,5", 2.5],
    ["300", 300],
    ["300 triệu đồng", 300],
    ["2.5", 2.5],
    ["1500.75", 1500.75],
    ["1,500.00", null],
    ["khoảng 300", null],
    ["", null],
  ])("%j → %s", (text, expected) => {
    expect(parseAmountVi(text)).toBe(expected);
  });
});
