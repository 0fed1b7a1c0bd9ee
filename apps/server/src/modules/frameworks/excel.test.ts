import {
  builtinToTransfer,
  DTI_PROVINCE_2025,
  FRAMEWORK_TRANSFER_FORMAT,
  parseTransferJson,
  type TFrameworkTransfer,
  type TTransferIndicator,
} from "@chiso/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readFrameworkWorkbook, writeFrameworkWorkbook } from "./excel.ts";

type TCell = string | number | boolean | null;
interface TSheetSpec {
  name: string;
  rows: TCell[][];
}

/** A workbook as a person might make it in Excel: plain cells, no styling. */
async function workbookOf(...sheets: TSheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, index) => {
      sheet.getRow(index + 1).values = cells.map((cell) => cell ?? undefined) as ExcelJS.CellValue[];
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

const INFO: TSheetSpec = {
  name: "Thông tin",
  rows: [
    ["Mã bộ chỉ số", "THU-2026"],
    ["Tên bộ chỉ số", "Bộ chỉ số thử"],
    ["Năm", 2026],
    ["Phạm vi", "Cấp tỉnh"],
  ],
};

const HEADER = ["Mã", "Tên chỉ số", "Điểm tối đa", "Loại giá trị", "Quy tắc chấm", "Tham số", "Bắt buộc kiểm chứng"];

function indicator(over: Partial<TTransferIndicator> & Pick<TTransferIndicator, "code">): TTransferIndicator {
  const isMain = !over.code.includes(".");
  return {
    name: `Chỉ số ${over.code}`,
    maxScore: 10,
    valueKind: "boolean",
    inputs: [],
    rule: { type: "yes_no", input: "value" },
    unitOfMeasure: null,
    evidenceText: null,
    evidenceRequired: false,
    guidance: null,
    dataSource: null,
    autoMeasured: false,
    parentCode: isMain ? null : over.code.slice(0, over.code.lastIndexOf(".")),
    lead: null,
    cooperating: [],
    ...over,
  };
}

describe("writeFrameworkWorkbook → readFrameworkWorkbook", () => {
  it("gives back the built-in 2025 framework exactly, with no issues", async () => {
    const transfer = builtinToTransfer(DTI_PROVINCE_2025);
    const read = await readFrameworkWorkbook(await writeFrameworkWorkbook(transfer));
    expect(read.issues).toEqual([]);
    expect(read.transfer).toEqual(transfer);
  });

  it("keeps depth-3 criteria, choice and bands rules, inputs, texts and adjustments (Excel and JSON)", async () => {
    const transfer: TFrameworkTransfer = {
      format: FRAMEWORK_TRANSFER_FORMAT,
      framework: {
        code: "DTI-SCT-2026",
        name: "Bộ chỉ số chuyển đổi số Sở Công Thương năm 2026",
        year: 2026,
        level: "department",
        legalBasis: null,
        adjustments: [
          { code: "T1", label: "Có sáng kiến chuyển đổi số được công nhận", points: 10 },
          { code: "T2", label: "Chậm báo cáo quý", points: -2.5 },
        ],
      },
      indicators: [
        indicator({ code: "1", name: "Chính quyền số", maxScore: 62.5, valueKind: null, rule: null }),
        indicator({ code: "1.1", name: "Hồ sơ xử lý trực tuyến", maxScore: 40, valueKind: null, rule: null }),
        indicator({
          code: "1.1.a",
          name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
          maxScore: 20,
          valueKind: "multi",
          inputs: [
            { key: "numerator", label: "Số hồ sơ trực tuyến toàn trình", unit: "hồ sơ" },
            { key: "denominator", label: "Tổng số hồ sơ", unit: "hồ sơ" },
          ],
          rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 80 },
          evidenceText: "Báo cáo trích xuất từ Hệ thống thông tin giải quyết TTHC;\nảnh chụp màn hình",
          evidenceRequired: true,
          guidance: "Lấy số liệu đến hết ngày 15 của tháng cuối quý.",
          dataSource: "Hệ thống thông tin giải quyết TTHC tỉnh",
          autoMeasured: true,
          lead: "Văn phòng Sở",
          cooperating: ["Phòng Quản lý thương mại", "Sở Văn hóa, Thể thao và Du lịch"],
        }),
        indicator({
          code: "1.1.b",
          name: "Mức độ số hóa hồ sơ",
          maxScore: 20,
          valueKind: "percent",
          unitOfMeasure: "%",
          rule: {
            type: "bands",
            input: "value",
            bands: [
              { min: 90, points: 20 },
              { min: 50, points: 10.5 },
              { min: 0, points: 0 },
            ],
          },
        }),
        indicator({
          code: "1.2",
          name: "Mức độ triển khai nền tảng số",
          maxScore: 22.5,
          valueKind: "choice",
          rule: {
            type: "choice",
            input: "value",
            options: [
              { key: "full", label: "Triển khai toàn bộ", points: 22.5 },
              { key: "partial", label: "Triển khai một phần", points: 10 },
              { key: "none", label: "Chưa triển khai", points: 0 },
            ],
          },
          lead: "Phòng Kế hoạch - Tài chính",
        }),
        indicator({ code: "2", name: "Kinh tế số", maxScore: 37.5, valueKind: null, rule: null }),
        indicator({
          code: "2.1",
          name: "Doanh thu thương mại điện tử",
          maxScore: 15,
          valueKind: "money",
          unitOfMeasure: "triệu đồng",
          rule: { type: "target", input: "value", target: 1500.75 },
        }),
        indicator({
          code: "2.2",
          name: "Các nội dung đào tạo kỹ năng số",
          maxScore: 22.5,
          valueKind: "count",
          rule: {
            type: "parts",
            parts: [
              { key: "plan", label: "Có kế hoạch", points: 7.5 },
              { key: "done", label: "Đã tổ chức", points: 15 },
            ],
          },
        }),
        indicator({ code: "3", name: "Chỉ số theo dõi", maxScore: 0, valueKind: null, rule: null }),
        indicator({ code: "3.1", name: "Ghi nhận", maxScore: 0, rule: { type: "not_scored" } }),
        indicator({ code: "3.2", name: "Thẩm định", maxScore: 0, valueKind: "number", rule: { type: "manual" } }),
      ],
    };

    const fromExcel = await readFrameworkWorkbook(await writeFrameworkWorkbook(transfer));
    expect(fromExcel.issues).toEqual([]);
    expect(fromExcel.transfer).toEqual(transfer);
    expect(parseTransferJson(JSON.stringify(transfer))).toEqual({ transfer, issues: [] });
  });
});

describe("writeFrameworkWorkbook layout", () => {
  it("writes Vietnamese headers, labels and yes/no, a frozen bold header and bold main indicators", async () => {
    const workbook = await loadWorkbook(await writeFrameworkWorkbook(builtinToTransfer(DTI_PROVINCE_2025)));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Bộ chỉ số", "Thông tin"]);
    const sheet = workbook.getWorksheet("Bộ chỉ số")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Mã",
      "Tên chỉ số",
      "Điểm tối đa",
      "Loại giá trị",
      "Quy tắc chấm",
      "Tham số",
      "Tài liệu kiểm chứng",
      "Bắt buộc kiểm chứng",
      "Cơ quan phụ trách",
      "Cơ quan phối hợp",
      "Đơn vị tính",
      "Hướng dẫn",
      "Nguồn số liệu",
      "Đo tự động",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);

    const row = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === code) found = r;
      });
      return found!;
    };
    expect(row("1").getCell(2).font?.bold).toBe(true);
    expect(row("1.1").getCell(2).font?.bold).toBeFalsy();
    expect(row("1.1").values).toEqual([
      undefined,
      "1.1",
      expect.stringContaining("Người đứng đầu"),
      10,
      "Có/không",
      "Có/không",
      undefined, // yes/no with its default input: nothing to say
      undefined,
      "Có",
      "Sở KH&CN",
      "Văn phòng Tỉnh ủy; Văn phòng UBND tỉnh",
      undefined,
      undefined,
      undefined,
      "Không",
    ]);
    expect(row("1.1").getCell(3).numFmt).toBe("0");
    const ratioParams = JSON.parse(String(row("3.1").getCell(6).value));
    expect(ratioParams).toEqual({ inputs: [expect.objectContaining({ key: "numerator" }), expect.anything()] });
    expect(row("3.1").getCell(4).value).toBe("Nhiều ô nhập (tử số, mẫu số…)");

    const info = workbook.getWorksheet("Thông tin")!;
    expect(
      info
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ["Mã bộ chỉ số", "DTI-TINH-2025"],
      ["Tên bộ chỉ số", DTI_PROVINCE_2025.name],
      ["Năm", 2025],
      ["Phạm vi", "Cấp tỉnh"],
      ["Căn cứ", DTI_PROVINCE_2025.legalBasis],
    ]);
  });

  it("adds the adjustment sheet only when there are adjustments", async () => {
    const transfer = builtinToTransfer(DTI_PROVINCE_2025);
    transfer.framework.adjustments = [{ code: "T1", label: "Điểm thưởng", points: 5 }];
    const workbook = await loadWorkbook(await writeFrameworkWorkbook(transfer));
    const sheet = workbook.getWorksheet("Điểm thưởng, điểm trừ")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Mã", "Nội dung", "Điểm"]);
    expect(sheet.getRow(2).values).toEqual([undefined, "T1", "Điểm thưởng", 5]);
  });
});

describe("readFrameworkWorkbook: problems", () => {
  const yes = ["Có/không", "Có/không"];

  it("names each bad row in Vietnamese, with the framework checks of the rows it could read", async () => {
    const buffer = await workbookOf(
      {
        name: "Bộ chỉ số",
        rows: [
          HEADER,
          ["1", "Chỉ số chính một", 20],
          ["1.1", "Chỉ số một chấm một", 10, ...yes],
          ["1.2", "Chỉ số một chấm hai", "mười", ...yes],
          ["1.1", "Chỉ số trùng mã", 10, ...yes],
          [],
          ["2", "Chỉ số chính hai", 30],
          ["2.1", "Chỉ số hai chấm một", 10, "xyz", "Có/không"],
          ["2.2", "Chỉ số hai chấm hai", 10, "Nhiều ô nhập", "Tỷ lệ", "{inputs: ["],
          ["2.3", "Chỉ số hai chấm ba", 10, "Số lượng", "xyz"],
          ["3", "Chỉ số chính ba", 25],
          ["3.1", "Chỉ số ba chấm một", 10, ...yes],
          ["3.2", "Chỉ số ba chấm hai", 10, ...yes],
        ],
      },
      INFO,
    );
    const { transfer, issues } = await readFrameworkWorkbook(buffer);
    expect(issues).toEqual([
      { code: "1.2", row: 4, message: 'Dòng 4: điểm tối đa "mười" không phải là số' },
      { code: "1.1", row: 5, message: "Dòng 5: 1.1: mã chỉ số bị trùng." },
      {
        code: "2.1",
        row: 8,
        message:
          'Dòng 8: loại giá trị "xyz" không có trong danh sách: Có/không; Tỷ lệ %; Số lượng; Số có đơn vị tính; ' +
          "Số tiền (triệu đồng); Lựa chọn trong danh sách; Nhiều ô nhập (tử số, mẫu số…)",
      },
      { code: "2.2", row: 9, message: "Dòng 9: tham số không phải JSON hợp lệ" },
      {
        code: "2.3",
        row: 10,
        message:
          'Dòng 10: quy tắc chấm "xyz" không có trong danh sách: Có/không; Tỷ lệ; So với mục tiêu; Theo ngưỡng; ' +
          "Theo lựa chọn; Cộng điểm từng nội dung; Thẩm định chấm; Không tính điểm",
      },
      {
        code: "3",
        row: 11,
        message: "Dòng 11: 3: tổng điểm tối đa của các chỉ số con (20) khác điểm tối đa (25).",
      },
    ]);
    // The rows it could read are kept for a preview.
    expect(transfer?.indicators.map((i) => i.code)).toEqual(["1", "1.1", "1.1", "2", "3", "3.1", "3.2"]);
  });

  // One bad row (row 4, "1.2") under a main indicator; its parent's sum is not reported against a stand-in.
  it.each<[string, TCell[], string]>([
    ["an empty score", ["1.2", "Tên", null, ...yes], "Dòng 4: thiếu điểm tối đa"],
    ["params that are a list", ["1.2", "Tên", 10, ...yes, "[1]"], "Dòng 4: tham số không phải JSON hợp lệ"],
    [
      "bands without thresholds",
      ["1.2", "Tên", 10, "Số lượng", "Theo ngưỡng", '{"bands":[]}'],
      'Dòng 4: tham số của quy tắc "Theo ngưỡng" không hợp lệ: bands: Quá nhỏ: mong đợi array có >=1 phần tử',
    ],
    [
      "a misspelt parameter",
      ["1.2", "Tên", 10, "Nhiều ô nhập", "Tỷ lệ", '{"fullAtPercnt":80}'],
      'Dòng 4: tham số "fullAtPercnt" không dùng cho quy tắc "Tỷ lệ"',
    ],
    [
      "rule parameters without a rule",
      ["1.2", "Tên", 10, "Có/không", null, '{"input":"value"}'],
      "Dòng 4: có tham số của quy tắc chấm nhưng chưa chọn quy tắc chấm",
    ],
    [
      "an input key with spaces",
      ["1.2", "Tên", 10, "Nhiều ô nhập", "Thẩm định chấm", '{"inputs":[{"key":"Tu so","label":"Tử số"}]}'],
      'Dòng 4: tham số "inputs" không hợp lệ: [0].key: Chuỗi không hợp lệ: phải khớp với mẫu /^[a-z][a-z0-9_]*$/',
    ],
    [
      "a yes/no cell that is neither",
      ["1.2", "Tên", 10, ...yes, null, "có lẽ"],
      'Dòng 4: bắt buộc kiểm chứng "có lẽ" không phải là "Có" hoặc "Không"',
    ],
    ["a code with a stray sign", ["1.2!", "Tên", 10, ...yes], "Dòng 4: mã: Mã chỉ số có dạng 6 hoặc 6.6 hoặc 6.6.a"],
    ["no name", ["1.2", null, 10, ...yes], "Dòng 4: tên chỉ số: Vui lòng nhập tên chỉ số"],
  ])("reports %s", async (_what, cells, message) => {
    const rows = [HEADER, ["1", "Chính", 20], ["1.1", "Con", 10, ...yes], cells];
    const { issues } = await readFrameworkWorkbook(await workbookOf({ name: "Bộ chỉ số", rows }, INFO));
    expect(issues.map((i) => [i.row, i.message])).toEqual([[4, message]]);
  });

  it("reports a row without a code", async () => {
    const rows = [HEADER, ["1", "Chính", 10], ["1.1", "Con", 10, ...yes], [null, "Không mã", 10, ...yes]];
    const { issues } = await readFrameworkWorkbook(await workbookOf({ name: "Bộ chỉ số", rows }, INFO));
    expect(issues).toEqual([{ code: null, row: 4, message: "Dòng 4: mã: Vui lòng nhập mã chỉ số" }]);
  });

  it("lists the missing required columns", async () => {
    const rows = [
      ["Mã", "Tên"],
      ["1", "Chính"],
    ];
    const { transfer, issues } = await readFrameworkWorkbook(await workbookOf({ name: "Bộ chỉ số", rows }, INFO));
    expect(transfer).toBeNull();
    expect(issues.map((i) => i.message)).toEqual(["Thiếu cột: Điểm tối đa"]);
  });

  it("says when no sheet holds indicators", async () => {
    const { issues } = await readFrameworkWorkbook(await workbookOf({ name: "Sheet1", rows: [["Ghi chú"]] }, INFO));
    expect(issues.map((i) => i.message)).toEqual([
      'Không tìm thấy trang "Bộ chỉ số" (hoặc trang có dòng tiêu đề gồm cột "Mã" và "Điểm tối đa").',
    ]);
  });

  it.each<[string, TSheetSpec[], string]>([
    ["no information sheet", [], 'Thiếu trang "Thông tin" (mã, tên, năm, phạm vi của bộ chỉ số).'],
    [
      "missing name, year and level",
      [
        {
          name: "Thông tin",
          rows: [
            ["Mã bộ chỉ số", "THU-2026"],
            ["Căn cứ", "QĐ 1"],
          ],
        },
      ],
      'Trang "Thông tin": thiếu Tên bộ chỉ số, Năm, Phạm vi.',
    ],
    [
      "an unknown level",
      [{ name: "Thông tin", rows: [...INFO.rows.slice(0, 3), ["Phạm vi", "Toàn quốc"]] }],
      'Trang "Thông tin": phạm vi "Toàn quốc" không có trong danh sách: Cấp tỉnh; Sở, ban, ngành; Xã, phường; Phòng thuộc sở',
    ],
    [
      "a year that is not a number",
      [{ name: "Thông tin", rows: [...INFO.rows.slice(0, 2), ["Năm", "năm nay"], INFO.rows[3]!] }],
      'Trang "Thông tin": năm "năm nay" không phải là số',
    ],
    [
      "a bad framework code",
      [{ name: "Thông tin", rows: [["Mã bộ chỉ số", "mã có dấu"], ...INFO.rows.slice(1)] }],
      'Trang "Thông tin": mã bộ chỉ số: Mã bộ chỉ số chỉ gồm chữ không dấu, số và . _ -',
    ],
  ])("reports %s and gives no framework", async (_what, infoSheets, message) => {
    const indicators = { name: "Bộ chỉ số", rows: [HEADER, ["1", "Chính", 10, ...yes]] };
    const read = await readFrameworkWorkbook(await workbookOf(indicators, ...infoSheets));
    expect(read).toEqual({ transfer: null, issues: [{ code: null, row: null, message }] });
  });

  it("reports adjustment rows it cannot read", async () => {
    const adjustments = {
      name: "Điểm thưởng, điểm trừ",
      rows: [
        ["Mã", "Nội dung", "Điểm"],
        ["T1", "Thưởng", "5,5"],
        ["T2", "Trừ", "năm"],
        [null, "Không mã", -1],
      ],
    };
    const indicators = { name: "Bộ chỉ số", rows: [HEADER, ["1", "Chính", 10, ...yes]] };
    const { transfer, issues } = await readFrameworkWorkbook(await workbookOf(indicators, INFO, adjustments));
    expect(issues.map((i) => i.message)).toEqual([
      'Trang "Điểm thưởng, điểm trừ", dòng 3: điểm "năm" không phải là số',
      'Trang "Điểm thưởng, điểm trừ", dòng 4: thiếu mã',
    ]);
    expect(transfer?.framework.adjustments).toEqual([{ code: "T1", label: "Thưởng", points: 5.5 }]);
  });
});

describe("readFrameworkWorkbook: files that are not workbooks", () => {
  const notExcel = [{ code: null, row: null, message: "Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng." }];

  it.each([
    ["an empty file", Buffer.alloc(0)],
    ["random bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ["a PDF", Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n")],
    ["a JSON file", Buffer.from('{"format":"chiso.framework/v1"}')],
  ])("gives one clear issue for %s", async (_what, buffer) => {
    expect(await readFrameworkWorkbook(buffer)).toEqual({ transfer: null, issues: notExcel });
  });

  it("gives the same issue for a truncated workbook", async () => {
    const whole = await writeFrameworkWorkbook(builtinToTransfer(DTI_PROVINCE_2025));
    expect(await readFrameworkWorkbook(whole.subarray(0, whole.length / 2))).toEqual({
      transfer: null,
      issues: notExcel,
    });
  });
});

describe("readFrameworkWorkbook: files made by hand", () => {
  it("reads headers in another order, without accents, below a title row, on any sheet name", async () => {
    const buffer = await workbookOf(
      {
        name: "Sheet1",
        rows: [
          ["BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ SỞ CÔNG THƯƠNG NĂM 2026"],
          [
            "STT",
            "Diem toi da",
            "ma",
            "TEN CHI SO",
            "Co quan chu tri",
            "Don vi phoi hop",
            "Loai gia tri",
            "Cach cham",
            "Bat buoc kiem chung",
          ],
          [1, 30, "1", "Chính quyền số"],
          [
            2,
            "10,5",
            "1.1",
            "  Văn bản chỉ đạo  ",
            "Phòng KH-TC",
            "Phòng QLTM, Phòng QLCN",
            "co/khong",
            "co khong",
            "x",
          ],
          [3, 19.5, "1.2", "Tỷ lệ hồ sơ", "PQLTM", null, "ty le %", "tham dinh cham", "Không"],
        ],
      },
      {
        name: "thong tin",
        rows: [
          ["Ma bo chi so", "SCT-2026"],
          ["Ten bo chi so", "Bộ chỉ số Sở Công Thương"],
          ["Nam", "2026"],
          ["Pham vi", "so, ban, nganh"],
        ],
      },
    );
    const { transfer, issues } = await readFrameworkWorkbook(buffer);
    expect(issues).toEqual([]);
    expect(transfer).toEqual({
      format: FRAMEWORK_TRANSFER_FORMAT,
      framework: {
        code: "SCT-2026",
        name: "Bộ chỉ số Sở Công Thương",
        year: 2026,
        level: "department",
        legalBasis: null,
        adjustments: [],
      },
      indicators: [
        indicator({ code: "1", name: "Chính quyền số", maxScore: 30, valueKind: null, rule: null }),
        indicator({
          code: "1.1",
          name: "Văn bản chỉ đạo",
          maxScore: 10.5,
          evidenceRequired: true,
          lead: "Phòng KH-TC",
          cooperating: ["Phòng QLTM", "Phòng QLCN"],
        }),
        indicator({
          code: "1.2",
          name: "Tỷ lệ hồ sơ",
          maxScore: 19.5,
          valueKind: "percent",
          rule: { type: "manual" },
          lead: "PQLTM",
        }),
      ],
    });
  });

  it("accepts the enum values themselves and labels without their note", async () => {
    const rows = [
      ["Mã", "Tên chỉ số", "Điểm tối đa", "Loại giá trị", "Quy tắc chấm", "Tham số", "Đo tự động"],
      [
        "1",
        "Chỉ số",
        10,
        "Nhiều ô nhập",
        "ratio",
        '{"inputs":[{"key":"numerator","label":"Tử"},{"key":"denominator","label":"Mẫu"}]}',
        "✓",
      ],
    ];
    const { transfer, issues } = await readFrameworkWorkbook(await workbookOf({ name: "Bộ chỉ số", rows }, INFO));
    expect(issues).toEqual([]);
    expect(transfer?.indicators[0]).toMatchObject({
      valueKind: "multi",
      rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
      autoMeasured: true,
    });
  });
});
