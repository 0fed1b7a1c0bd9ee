import { describe, expect, it } from "vitest";
import { detectPlanHeader } from "./header.ts";

describe("detectPlanHeader", () => {
  it("reads seed 000 (17a/KH-SCT)", () => {
    const header = detectPlanHeader([
      "Số:17a /KH-SCT",
      "Khánh Hòa, ngày 03 tháng 10 năm 2025",
      "KẾ HOẠCH",
      "Hỗ trợ nâng bậc DTI tỉnh Khánh Hòa năm 2025 và các năm tiếp theo",
      "Thực hiện nhiệm vụ được giao theo Kế hoạch số 4636/KH-UBND ngày 29/09/2025 của UBND tỉnh Khánh Hòa …",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "GIÁM ĐỐC",
      "Nguyễn Văn Nhựt",
      "PHỤ LỤC",
    ]);
    expect(header).toEqual({
      code: "17a/KH-SCT",
      issuerAbbreviation: "SCT",
      issuedOn: "2025-10-03",
      place: "Khánh Hòa",
      title: "Hỗ trợ nâng bậc DTI tỉnh Khánh Hòa năm 2025 và các năm tiếp theo",
      startYear: 2025,
      endYear: null,
      legalBases: null,
      signer: "Nguyễn Văn Nhựt",
      parentCodes: ["4636/KH-UBND"],
    });
  });

  it("reads seed 001: a title over two lines, legal bases, a deputy chairman's signature", () => {
    const header = detectPlanHeader([
      "Số: 4636/KH-UBND",
      "Khánh Hòa, ngày 29 tháng 9 năm 2025",
      "KẾ HOẠCH",
      "Nâng cao chỉ số xếp hạng đánh giá chuyển đổi số (DTI) tỉnh Khánh Hòa",
      "năm 2025 và các năm tiếp theo",
      "Căn cứ Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ …;",
      "Thực hiện Nghị quyết số 01-NQ/TU ngày 14/7/2025; Kế hoạch số 1267/KH-UBND ngày 31/7/2025 …",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Long Biên",
    ]);
    expect(header).toMatchObject({
      code: "4636/KH-UBND",
      issuerAbbreviation: "UBND",
      issuedOn: "2025-09-29",
      title: "Nâng cao chỉ số xếp hạng đánh giá chuyển đổi số (DTI) tỉnh Khánh Hòa năm 2025 và các năm tiếp theo",
      startYear: 2025,
      endYear: null,
      legalBases: "Căn cứ Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ …;",
      signer: "Nguyễn Long Biên",
      parentCodes: ["1267/KH-UBND"],
    });
  });

  it("reads seed 003: no number yet, no day, title on the same line", () => {
    const header = detectPlanHeader([
      "Số: /KH-SCT",
      "Đồng Nai, ngày tháng 01 năm 2025",
      "KẾ HOẠCH Chuyển đổi số năm 2025 của Sở Công Thương",
      "Căn cứ Kế hoạch số 416/KH-UBND ngày 31/12/2025 của UBND tỉnh về chuyển đổi số tỉnh Đồng Nai năm 2025.",
      "GIÁM ĐỐC",
      "Phạm Văn Cường",
    ]);
    expect(header).toMatchObject({
      code: null,
      issuerAbbreviation: "SCT",
      issuedOn: null,
      place: "Đồng Nai",
      title: "Chuyển đổi số năm 2025 của Sở Công Thương",
      startYear: 2025,
      endYear: 2025,
      signer: "Phạm Văn Cường",
      parentCodes: ["416/KH-UBND"],
    });
  });

  it.each([
    ["under the title", ["KẾ HOẠCH", "Số: 512/KH-UBND", "Triển khai chuyển đổi số năm 2026"]],
    ["on the title's line", ["KẾ HOẠCH Số: 512/KH-UBND Triển khai chuyển đổi số năm 2026"]],
    [
      "in a letterhead read as one line",
      ["ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA Số: 512/KH-UBND", "KẾ HOẠCH", "Triển khai chuyển đổi số năm 2026"],
    ],
  ])("reads the số hiệu %s and keeps it out of the title", (_where, lines) => {
    expect(detectPlanHeader(lines)).toMatchObject({
      code: "512/KH-UBND",
      issuerAbbreviation: "UBND",
      title: "Triển khai chuyển đổi số năm 2026",
      startYear: 2026,
    });
  });

  it("reads a multi-year plan and leaves unknown fields empty", () => {
    expect(detectPlanHeader(["KẾ HOẠCH", "Chuyển đổi số giai đoạn 2026 – 2030"])).toMatchObject({
      code: null,
      title: "Chuyển đổi số giai đoạn 2026 – 2030",
      startYear: 2026,
      endYear: 2030,
      signer: null,
    });
    expect(detectPlanHeader([])).toMatchObject({ code: null, title: null, startYear: null });
  });
});
