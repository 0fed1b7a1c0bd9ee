import { describe, expect, it } from "vitest";
import {
  createUnitNameMatcher,
  expandUnitAbbreviations,
  findUnitGroup,
  foldUnitName,
  matchUnitName,
  normalizeUnitName,
  splitUnitList,
  type TUnitMatchConfidence,
  type TUnitNameCandidate,
  unitAcronym,
} from "./unit-names.ts";

describe("expandUnitAbbreviations", () => {
  it.each([
    ["VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["Sở KH & CN", "Sở Khoa học và Công nghệ"],
    ["Sở KHCN", "Sở Khoa học và Công nghệ"],
    ["Sở VH, TT & DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo"],
    ["Sở CT", "Sở Công Thương"],
    ["Sở TC", "Sở Tài chính"],
    ["Sở TP", "Sở Tư pháp"],
    ["UBND TP Nha Trang", "Ủy ban nhân dân thành phố Nha Trang"],
    ["CA tỉnh", "Công an tỉnh"],
    ["Cổng DVCTT", "Cổng dịch vụ công trực tuyến"],
    ["Cổng DVC", "Cổng dịch vụ công"],
    // Not abbreviations: inside a longer code, in lowercase, or TC/CT without "Sở".
    ["KH&CNX", "KH&CNX"],
    ["PKT&QLNL", "PKT&QLNL"],
    ["Phòng TC", "Phòng TC"],
    ["CT cổ phần", "CT cổ phần"],
    ["ca trực", "ca trực"],
  ])("%j → %j", (input, expected) => {
    expect(expandUnitAbbreviations(input)).toBe(expected);
  });
});

describe("foldUnitName / normalizeUnitName", () => {
  it.each([
    ["Sở Văn hoá, Thể thao & Du lịch", "so van hoa the thao du lich"],
    ["Sở Văn hóa, Thể thao và Du lịch", "so van hoa the thao du lich"],
    ["Uỷ ban nhân dân tỉnh", "uy ban nhan dan tinh"],
    ["Phòng Quản lý Thương mại – Xuất nhập khẩu", "phong quan ly thuong mai xuat nhap khau"],
    ["Sở KH&CN", "so kh cn"], // folding alone does not expand
  ])("foldUnitName(%j) → %j", (input, expected) => {
    expect(foldUnitName(input)).toBe(expected);
  });

  it.each([
    ["Sở KH&CN", "so khoa hoc cong nghe"],
    ["UBND tỉnh", "uy ban nhan dan tinh"],
    ["Ủy ban nhân dân tỉnh", "uy ban nhan dan tinh"],
    ["HĐND tỉnh", "hoi dong nhan dan tinh"],
    ["Sở TT&TT", "so thong tin truyen thong"],
    ["Sở TTTT", "so thong tin truyen thong"],
    ["Sở VHTTDL", "so van hoa the thao du lich"],
    ["Sở VH,TT&DL", "so van hoa the thao du lich"],
    ["Sở NN&PTNT", "so nong nghiep phat trien nong thon"],
    ["Sở NN&MT", "so nong nghiep moi truong"],
    ["Sở GD&ĐT", "so giao duc dao tao"],
    ["Sở XD", "so xay dung"],
    ["Sở CT", "so cong thuong"],
    ["Hỗ trợ DN", "ho tro doanh nghiep"],
    ["Bộ phận một cửa TTHC", "bo phan mot cua thu tuc hanh chinh"],
    ["TC", "tc"],
  ])("normalizeUnitName(%j) → %j", (input, expected) => {
    expect(normalizeUnitName(input)).toBe(expected);
  });
});

describe("unitAcronym", () => {
  it.each([
    ["Phòng Quản lý thương mại", "PQLTM"],
    ["Phòng Quản lý công nghiệp", "PQLCN"],
    ["Chi cục Quản lý thị trường", "CCQLTT"],
    ["Phòng Kế hoạch Tài chính Tổng hợp", "PKHTCTH"],
    ["Phòng Kỹ thuật và Quản lý năng lượng", "PKTQLNL"], // "và" is skipped, as in "PKT&QLNL"
    ["Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", "TTKCTVPTCN"],
    ["Sở Giáo dục và Đào tạo", "SGDDT"], // Đ reads as D
    ["Phòng Quản lý Thương mại – Xuất nhập khẩu", "PQLTMXNK"],
    ["Sở KH&CN", "SKHCN"],
  ])("%j → %j", (name, expected) => {
    expect(unitAcronym(name)).toBe(expected);
  });
});

interface Unit extends TUnitNameCandidate {
  id: string;
}

const province: Unit[] = [
  { id: "khcn", name: "Sở Khoa học và Công nghệ", shortName: "Sở KH&CN" },
  { id: "vpubnd", name: "Văn phòng Ủy ban nhân dân tỉnh", shortName: "VP UBND tỉnh" },
  { id: "vptu", name: "Văn phòng Tỉnh ủy", shortName: null },
  { id: "ca", name: "Công an tỉnh" },
  { id: "tc", name: "Sở Tài chính" },
  { id: "vhttdl", name: "Sở Văn hóa, Thể thao và Du lịch" },
  { id: "ct", name: "Sở Công Thương" },
  { id: "gddt", name: "Sở Giáo dục và Đào tạo" },
  { id: "nnmt", name: "Sở Nông nghiệp và Môi trường" },
  { id: "xd", name: "Sở Xây dựng" },
  { id: "tk", name: "Thống kê tỉnh" },
  { id: "bao", name: "Báo và Phát thanh, Truyền hình Khánh Hòa" },
  { id: "ccqltt", name: "Chi cục Quản lý thị trường", shortName: "CCQLTT" },
];

// Offices of a department (seed 003's Sở Công Thương), written in its plan mostly as initials.
const department: Unit[] = [
  { id: "vp", name: "Văn phòng Sở" },
  { id: "thanhtra", name: "Thanh tra Sở" },
  { id: "pkhtcth", name: "Phòng Kế hoạch Tài chính Tổng hợp" },
  { id: "pktqlnl", name: "Phòng Kỹ thuật và Quản lý năng lượng" },
  { id: "pqltm", name: "Phòng Quản lý Thương mại" },
  { id: "pqlcn", name: "Phòng Quản lý công nghiệp" },
  { id: "ttkc", name: "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp" },
  { id: "ttxttm", name: "Trung tâm Xúc tiến thương mại" },
];

describe("matchUnitName", () => {
  it.each<[string, Unit[], string | null, TUnitMatchConfidence | null]>([
    // exact: the text of the name or short name
    ["Sở KH&CN", province, "khcn", "exact"],
    ["Sở Khoa học và Công nghệ", province, "khcn", "exact"],
    ["VP UBND tỉnh", province, "vpubnd", "exact"],
    ["  Công an   tỉnh ", province, "ca", "exact"],
    ["CCQLTT", province, "ccqltt", "exact"],
    // normalized: accents, case, Ủy/Uỷ, &/và, punctuation
    ["Văn phòng Uỷ ban nhân dân tỉnh", province, "vpubnd", "normalized"],
    ["sở khoa hoc va cong nghe", province, "khcn", "normalized"],
    ["Sở Khoa học & Công nghệ", province, "khcn", "normalized"],
    ["Sở KH & CN", province, "khcn", "normalized"],
    ["Sở Văn hoá, Thể thao & Du lịch", province, "vhttdl", "normalized"],
    ["Sở Văn hóa Thể thao Du lịch", province, "vhttdl", "normalized"],
    ["Thanh Tra Sở", department, "thanhtra", "normalized"],
    // abbreviation: dictionary expansion
    ["Văn phòng UBND tỉnh", province, "vpubnd", "abbreviation"],
    ["Sở KHCN", province, "khcn", "abbreviation"],
    ["Sở VHTTDL", province, "vhttdl", "abbreviation"],
    ["Sở VH, TT&DL", province, "vhttdl", "abbreviation"],
    ["Sở GD&ĐT", province, "gddt", "abbreviation"],
    ["Sở NN&MT", province, "nnmt", "abbreviation"],
    ["Sở CT", province, "ct", "abbreviation"],
    ["Sở TC", province, "tc", "abbreviation"],
    ["Sở XD", province, "xd", "abbreviation"],
    ["CA tỉnh", province, "ca", "abbreviation"],
    // abbreviation: initials derived from the full name
    ["Chi cục QLTT", province, "ccqltt", "abbreviation"],
    ["PQLTM", department, "pqltm", "abbreviation"],
    ["Phòng QLTM", department, "pqltm", "abbreviation"],
    ["PQLCN", department, "pqlcn", "abbreviation"],
    ["PKHTCTH", department, "pkhtcth", "abbreviation"],
    ["PKT&QLNL", department, "pktqlnl", "abbreviation"],
    ["TTKC&TVPTCN", department, "ttkc", "abbreviation"],
    ["TTXTTM", department, "ttxttm", "abbreviation"],
    // a note in parentheses is dropped as a last resort
    ["PKHTCTH (Tiền, Mai Lan)", department, "pkhtcth", "abbreviation"],
    ["Phòng QLTM (chỉ số tỷ lệ giao dịch trên sàn TMĐT Voso, Postmart)", department, "pqltm", "abbreviation"],
    ["Văn phòng Sở (Tiền)", department, "vp", "normalized"], // exact text only after changing it
    // not guessed
    ["TTXTMM", department, null, null], // seed 003 typo: no unit has these initials
    ["Công an", province, null, null], // a prefix is not a match
    ["Văn phòng", province, null, null],
    ["Sở", province, null, null],
    ["Các sở, ban, ngành", province, null, null],
    ["", province, null, null],
    ["Sở Y tế", province, null, null],
  ])("%j → %s (%s)", (name, units, expectedId, expectedConfidence) => {
    const match = matchUnitName(name, units);
    expect(match?.unit.id ?? null).toBe(expectedId);
    expect(match?.confidence ?? null).toBe(expectedConfidence);
  });

  it("returns null when two units match equally well instead of picking one", () => {
    const units: Unit[] = [
      { id: "kt", name: "Phòng Kinh tế" },
      { id: "ktt", name: "Phòng Kỹ thuật" },
    ];
    expect(matchUnitName("PKT", units)).toBeNull();
    expect(matchUnitName("Phòng Kinh tế", units)?.unit.id).toBe("kt");
  });

  it("does not let a weaker level break a tie of a stronger one", () => {
    // Both units are named "Văn phòng" after folding; the short name of one must not decide.
    const units: Unit[] = [
      { id: "a", name: "Văn phòng", shortName: "VP Sở" },
      { id: "b", name: "VĂN PHÒNG" },
    ];
    expect(matchUnitName("van phong", units)).toBeNull();
    expect(matchUnitName("Văn phòng", units)).toEqual({ unit: units[0], confidence: "exact" });
  });

  it("prefers the stronger level when units match at different levels", () => {
    const units: Unit[] = [
      { id: "abbr", name: "Phòng Quản lý thương mại" }, // PQLTM by initials
      { id: "short", name: "Phòng Quản lý thị trường và Thương mại", shortName: "PQLTM" },
    ];
    expect(matchUnitName("PQLTM", units)).toEqual({ unit: units[1], confidence: "exact" });
  });

  it("a prepared matcher gives the same answers for many rows", () => {
    const match = createUnitNameMatcher(department);
    expect(["PQLTM", "Văn phòng Sở", "PKT&QLNL", "không có"].map((n) => match(n)?.unit.id ?? null)).toEqual([
      "pqltm",
      "vp",
      "pktqlnl",
      null,
    ]);
  });
});

describe("splitUnitList on the seeds' cooperating-unit cells", () => {
  it.each<[string, string, string[]]>([
    // seed 000 (Sở Công Thương Khánh Hòa, plan 17a)
    ["000", "Các đơn vị: Viettel, Mobifone, FPT, VNPT", ["Viettel", "Mobifone", "FPT", "VNPT"]],
    ["000", "Các phòng chuyên môn; CCQLTT", ["Các phòng chuyên môn", "CCQLTT"]],
    ["000", "Các phòng chuyên môn;", ["Các phòng chuyên môn"]],
    ["000", "Công an tỉnh; Sở KH&CN", ["Công an tỉnh", "Sở KH&CN"]],
    [
      "000",
      "Công an tỉnh; Sở KH&CN; Đơn vị cung cấp dịch vụ kiểm tra, đánh giá",
      ["Công an tỉnh", "Sở KH&CN", "Đơn vị cung cấp dịch vụ kiểm tra, đánh giá"],
    ],
    [
      "000",
      "Công an tỉnh; Sở KH&CN; Đơn vị cung cấp dịch vụ chứng nhận tín nhiệm mạng",
      ["Công an tỉnh", "Sở KH&CN", "Đơn vị cung cấp dịch vụ chứng nhận tín nhiệm mạng"],
    ],
    // seed 001 Phụ lục I, cells as extracted from the PDF (line breaks wrap names)
    ["001", "Văn phòng Tỉnh ủy, \nVăn phòng UBND \ntỉnh", ["Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh"]],
    ["001", "Các sở, ban, ngành, \nđịa phương", ["Các sở, ban, ngành, địa phương"]],
    ["001", "Các sở, ban, ngành", ["Các sở, ban, ngành"]],
    ["001", "Báo và Phát thanh, \nTruyền hình \nKhánh Hòa", ["Báo và Phát thanh, Truyền hình Khánh Hòa"]],
    ["001", "Sở KH&CN; Văn \nphòng UBND tỉnh", ["Sở KH&CN", "Văn phòng UBND tỉnh"]],
    ["001", "Các doanh nghiệp \nviễn thông", ["Các doanh nghiệp viễn thông"]],
    ["001", "Sở, ban, ngành, địa \nphương", ["Sở, ban, ngành, địa phương"]],
    ["001", "Các địa phương", ["Các địa phương"]],
    ["001", "Thống kê tỉnh; Sở \nTài chính", ["Thống kê tỉnh", "Sở Tài chính"]],
    ["001", "Sở Xây dựng", ["Sở Xây dựng"]],
    ["001", "-", []], // the plans' "no cooperating unit"
    ["001", "Sở Văn \nhóa, Thể \nthao và Du \nlịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["001", "Văn phòng \nUBND \ntỉnh", ["Văn phòng UBND tỉnh"]],
    ["001", "Sở \nKH&CN", ["Sở KH&CN"]],
    // seed 003 (Sở Công Thương Đồng Nai)
    ["003", "Các phòng, đơn vị thuộc Sở", ["Các phòng, đơn vị thuộc Sở"]],
    ["003", "Các phòng, đơn vị thuộc Sở có TTHC", ["Các phòng, đơn vị thuộc Sở có TTHC"]],
    ["003", "Các đơn vị liên quan", ["Các đơn vị liên quan"]],
    ["003", "", []],
    ["003", "PKHTCTH, Văn phòng Sở", ["PKHTCTH", "Văn phòng Sở"]],
    [
      "003",
      "Văn phòng Sở; các phòng chuyên môn, đơn vị có giải quyết TTHC",
      ["Văn phòng Sở", "Các phòng chuyên môn, đơn vị có giải quyết TTHC"],
    ],
    [
      "003",
      "- Các phòng chuyên môn: PQLTM, PQLCN, PKT&QLNL; - Các đơn vị thuộc Sở.",
      ["PQLTM", "PQLCN", "PKT&QLNL", "Các đơn vị thuộc Sở"],
    ],
    [
      "003",
      "Các phòng chuyên môn: PQLTM, PQLCN, PKT&QLNL và các đơn vị thuộc Sở",
      ["PQLTM", "PQLCN", "PKT&QLNL", "Các đơn vị thuộc Sở"],
    ],
    [
      "003",
      "Phòng QLTM (chỉ số tỷ lệ giao dịch trên sàn TMĐT Voso, Postmart)",
      ["Phòng QLTM (chỉ số tỷ lệ giao dịch trên sàn TMĐT Voso, Postmart)"],
    ],
    ["003", "PKHTCTH (Tiền, Mai Lan)", ["PKHTCTH (Tiền, Mai Lan)"]],
    ["003", "Văn phòng Sở chủ trì (các phòng, đơn vị phối hợp)", ["Văn phòng Sở chủ trì (các phòng, đơn vị phối hợp)"]],
    ["003", "Các chi bộ thuộc Đảng ủy Sở", ["Các chi bộ thuộc Đảng ủy Sở"]],
  ])("seed %s: %j", (_seed, cell, expected) => {
    expect(splitUnitList(cell)).toEqual(expected);
  });
});

describe("splitUnitList heuristic", () => {
  it.each<[string, string[]]>([
    ["Sở KH&CN, Văn phòng UBND tỉnh", ["Sở KH&CN", "Văn phòng UBND tỉnh"]], // comma before "Văn phòng"
    ["Sở Tài chính, Kho bạc Nhà nước", ["Sở Tài chính", "Kho bạc Nhà nước"]],
    ["Sở Nội vụ, UBND các xã, phường", ["Sở Nội vụ", "UBND các xã, phường"]], // "phường" lowercase
    ["Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh", ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]],
    ["Sở KH&CN\nVăn phòng UBND tỉnh", ["Sở KH&CN", "Văn phòng UBND tỉnh"]], // a new line that starts an agency
    ["- Sở Tài chính\n- Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]],
    ["1. Sở Tài chính\n2. Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]],
    ["Sở Tài chính; Sở Tài chính", ["Sở Tài chính"]], // duplicates dropped
    ["Sở Tài chính;; ;", ["Sở Tài chính"]],
    ["Các sở, ban, ngành và các địa phương", ["Các sở, ban, ngành", "Các địa phương"]],
    ["Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]], // a plain "và" never splits
    ["Ban Quản lý (gồm: Sở A; Sở B)", ["Ban Quản lý (gồm: Sở A; Sở B)"]],
    ["Công an tỉnh;\r\nSở KH&CN", ["Công an tỉnh", "Sở KH&CN"]],
  ])("%j → %j", (cell, expected) => {
    expect(splitUnitList(cell)).toEqual(expected);
  });

  it("items of a real cell can all be matched to units", () => {
    const items = splitUnitList("Văn phòng Tỉnh ủy, \nVăn phòng UBND \ntỉnh");
    expect(items.map((item) => matchUnitName(item, province)?.unit.id)).toEqual(["vptu", "vpubnd"]);
  });
});

describe("findUnitGroup: a group text names a named group regardless of case, accents and a leading Các", () => {
  const groups = [{ name: "Sở, ban, ngành" }, { name: "Xã, phường, đặc khu" }, { name: "Doanh nghiệp viễn thông" }];
  it.each([
    ["Các sở, ban, ngành", "Sở, ban, ngành"],
    ["SỞ BAN NGÀNH", "Sở, ban, ngành"],
    ["các xã, phường, đặc khu", "Xã, phường, đặc khu"],
    ["Các doanh nghiệp viễn thông", "Doanh nghiệp viễn thông"],
  ])("%s → %s", (text, name) => {
    expect(findUnitGroup(text, groups)?.name).toBe(name);
  });
  it.each(["Sở, ban, ngành, địa phương", "Các địa phương", "", "Các"])("%s names no group", (text) => {
    expect(findUnitGroup(text, groups)).toBeUndefined();
  });
});
