import { describe, expect, it } from "vitest";
import { parseSheetRoles, parseUnitKind, readAccountSheet } from "./sheet.ts";

const HEADER = [
  "Đơn vị",
  "Đơn vị cấp trên",
  "Loại đơn vị",
  "Họ và tên",
  "Chức vụ",
  "Email",
  "Tên đăng nhập",
  "Vai trò",
  "Phạm vi",
];

describe("the accounts sheet", () => {
  it("reads roles by Vietnamese name (accents optional) or code, commas inside parentheses kept", () => {
    expect(parseSheetRoles("Lãnh đạo đơn vị, can bo bao cao")).toEqual({
      roles: ["unit_lead", "unit_reporter"],
      unknown: [],
    });
    expect(parseSheetRoles("Lãnh đạo (chỉ xem); coordinator; Quản trị")).toEqual({
      roles: ["viewer", "coordinator"],
      unknown: [],
    });
    expect(parseSheetRoles("Giám đốc, Thẩm định")).toEqual({ roles: ["appraiser"], unknown: ["Giám đốc"] });
  });

  it("reads unit kinds by label, code or the name's first word", () => {
    expect(parseUnitKind("Phòng thuộc sở")).toBe("office");
    expect(parseUnitKind("xa, phuong, dac khu")).toBe("commune");
    expect(parseUnitKind("department")).toBe("department");
    expect(parseUnitKind("Trung tâm")).toBe("office");
    expect(parseUnitKind("")).toBeNull();
    expect(parseUnitKind("Hợp tác xã")).toBeNull();
  });

  it("finds the header under a title, numbers rows as Excel does, skips empty rows and reports each row's problems", () => {
    const read = readAccountSheet([
      ["DANH SÁCH CẤP TÀI KHOẢN"],
      HEADER.map((h) => h.toUpperCase()),
      [
        "Phòng Kế hoạch",
        "Sở Công Thương",
        "",
        "Trần Thị Một",
        "Trưởng phòng",
        "MOT@X.VN",
        " Sct.Mot ",
        "Lãnh đạo đơn vị",
        "",
      ],
      ["", "", "", "", "", "", "", "", ""],
      ["P", "", "Hợp tác xã", "A", "", "sai", "có dấu", "", ""],
    ]);
    expect("rows" in read && read.rows).toEqual([
      {
        row: 3,
        unitName: "Phòng Kế hoạch",
        parentName: "Sở Công Thương",
        kind: null,
        fullName: "Trần Thị Một",
        position: "Trưởng phòng",
        email: "MOT@X.VN",
        username: "sct.mot",
        roles: ["unit_lead"],
        scopeName: "",
        errors: [],
      },
      expect.objectContaining({
        row: 5,
        errors: [
          "Thiếu tên đơn vị.",
          "Thiếu họ và tên.",
          "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ -",
          'Địa chỉ email "sai" không hợp lệ.',
          "Thiếu vai trò.",
          expect.stringContaining('Không hiểu loại đơn vị "Hợp tác xã"'),
        ],
      }),
    ]);
  });

  it("says what is missing when the header row or a required column is not there", () => {
    expect(readAccountSheet([["STT", "Tên"]])).toEqual({
      problem: expect.stringContaining("Không tìm thấy dòng tiêu đề"),
    });
    expect(readAccountSheet([["Họ và tên", "Tên đăng nhập"]])).toEqual({
      problem: 'Tệp thiếu cột "Đơn vị", "Vai trò". Hãy dùng tệp mẫu.',
    });
  });
});
