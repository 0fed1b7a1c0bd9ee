import { describe, expect, it } from "vitest";
import { findTaskTables } from "./tables.ts";

const HEADER = ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"];

describe("findTaskTables", () => {
  it("reads an Excel sheet: title rows become the preamble, then one table", () => {
    const { tables, preamble } = findTaskTables([
      {
        title: "Phụ lục",
        rows: [
          ["Số: 17a/KH-SCT", "", "", ""],
          ["", "", "", ""],
          ["KẾ HOẠCH", "", "", ""],
          HEADER,
          ["1", "Nhiệm vụ một", "PQLTM", "Năm 2025"],
        ],
      },
    ]);
    expect(preamble).toEqual(["Số: 17a/KH-SCT", "KẾ HOẠCH"]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => [r.table, r.row, r.cells[0]])).toEqual([[1, 5, "1"]]);
  });

  it("continues a table split without repeating its header when the next table has the same columns", () => {
    const { tables } = findTaskTables([
      { title: null, rows: [HEADER, ["1", "Một", "PQLTM", "Năm 2025"]] },
      { title: null, rows: [["2", "Hai", "PQLTM", "Năm 2025"]] },
      { title: null, rows: [["Nơi nhận:", "GIÁM ĐỐC"]] },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => [r.cells[0], r.afterBreak])).toEqual([
      ["1", false],
      ["2", true],
    ]);
  });

  it("starts a new table at a different header (seed 003: Phụ lục 1, then Phụ lục 2)", () => {
    const { tables } = findTaskTables([
      { title: "PHỤ LỤC 1", rows: [HEADER, ["1.1", "Một", "PKHTCTH", "Quý I/2025"]] },
      { title: "PHỤ LỤC 1", rows: [HEADER, ["1.2", "Hai", "PKHTCTH", "Quý I/2025"]] },
      {
        title: "PHỤ LỤC 2",
        rows: [
          ["STT", "Nhóm tiêu chí", "Phân công thực hiện"],
          ["1", "Nhận thức số", ""],
        ],
      },
    ]);
    expect(tables.map((t) => [t.title, t.rows.length])).toEqual([
      ["PHỤ LỤC 1", 3],
      ["PHỤ LỤC 2", 1],
    ]);
    expect(tables[1]!.mapping).toEqual(["number", "content", "lead"]);
  });

  it("finds nothing in a document without a task table", () => {
    expect(
      findTaskTables([
        {
          title: null,
          rows: [
            ["Họ và tên", "Chức vụ"],
            ["Nguyễn Văn A", "Giám đốc"],
          ],
        },
      ]),
    ).toEqual({
      tables: [],
      preamble: ["Họ và tên Chức vụ", "Nguyễn Văn A Giám đốc"],
    });
  });
});
