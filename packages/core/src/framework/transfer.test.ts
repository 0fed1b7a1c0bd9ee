import { describe, expect, it } from "vitest";
import type { TFrameworkDetail, TFrameworkTransfer, TIndicator } from "../contracts/frameworks.ts";
import { DTI_PROVINCE_2025 } from "./builtin-dti-2025.ts";
import {
  builtinToTransfer,
  collectUnitNames,
  formatIssuePath,
  frameworkToTransfer,
  matchTransferUnits,
  parseTransferJson,
  transferToValidatable,
} from "./transfer.ts";
import { validateFramework } from "./validate.ts";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function storedIndicator(over: Partial<TIndicator> & Pick<TIndicator, "id" | "code" | "sortOrder">): TIndicator {
  return {
    parentId: null,
    name: `Chỉ số ${over.code}`,
    maxScore: 10,
    valueKind: "boolean",
    inputs: [],
    rule: { type: "yes_no", input: "value" },
    unitOfMeasure: null,
    evidenceText: null,
    evidenceRequired: true,
    guidance: null,
    dataSource: null,
    autoMeasured: false,
    leadText: null,
    cooperatingText: null,
    lead: null,
    cooperating: [],
    cooperatingCount: over.cooperating?.length ?? 0,
    ...over,
  };
}

const unit = (n: number, unitName: string) => ({ unitId: id(100 + n), unitName, shortName: null });

// Stored out of order on purpose: the transfer follows sortOrder down the tree, not the array.
const detail: TFrameworkDetail = {
  id: id(1),
  code: "DTI-SO-2026",
  name: "Bộ chỉ số chuyển đổi số cấp sở năm 2026",
  ownerUnitId: null,
  ownerName: "Toàn tỉnh",
  ownerPath: [],
  deadlineRules: {},
  year: 2026,
  level: "department",
  legalBasis: null,
  status: "draft",
  builtin: false,
  maxTotal: 20,
  indicatorCount: 4,
  adjustments: [{ code: "T1", label: "Giải thưởng", points: 5 }],
  clonedFromId: null,
  indicators: [
    storedIndicator({ id: id(13), code: "1.2", sortOrder: 2, parentId: id(11), lead: unit(2, "Sở Tài chính") }),
    storedIndicator({ id: id(11), code: "1", sortOrder: 0, maxScore: 20, valueKind: null, rule: null }),
    storedIndicator({
      id: id(12),
      code: "1.1",
      sortOrder: 1,
      parentId: id(11),
      lead: unit(1, "Sở Khoa học và Công nghệ"),
      cooperating: [unit(2, "Sở Tài chính"), unit(3, "Văn phòng UBND tỉnh")],
    }),
  ],
};

describe("frameworkToTransfer", () => {
  it("lists indicators in tree order with parent codes and unit names", () => {
    const transfer = frameworkToTransfer(detail);
    expect(transfer.indicators.map((i) => [i.code, i.parentCode, i.lead, i.cooperating])).toEqual([
      ["1", null, null, []],
      ["1.1", "1", "Sở Khoa học và Công nghệ", ["Sở Tài chính", "Văn phòng UBND tỉnh"]],
      ["1.2", "1", "Sở Tài chính", []],
    ]);
    expect(transfer.framework).toEqual({
      code: "DTI-SO-2026",
      name: "Bộ chỉ số chuyển đổi số cấp sở năm 2026",
      year: 2026,
      level: "department",
      legalBasis: null,
      adjustments: [{ code: "T1", label: "Giải thưởng", points: 5 }],
    });
    expect(transfer.indicators[0]).not.toHaveProperty("children");
    expect(transfer.indicators[0]).not.toHaveProperty("id");
  });

  it("takes adjustments from the second argument when given", () => {
    expect(frameworkToTransfer(detail, []).framework.adjustments).toEqual([]);
  });
});

describe("builtinToTransfer", () => {
  const transfer = builtinToTransfer(DTI_PROVINCE_2025);

  it("keeps the 59 indicators in order, main indicators at the top level", () => {
    expect(transfer.indicators).toHaveLength(59);
    expect(transfer.indicators.slice(0, 3).map((i) => [i.code, i.parentCode])).toEqual([
      ["1", null],
      ["1.1", "1"],
      ["1.2", "1"],
    ]);
  });

  it("writes unit groups as the plan does and leaves the lead out of its cooperating list", () => {
    const byCode = new Map(transfer.indicators.map((i) => [i.code, i]));
    expect(byCode.get("1.3")?.cooperating).toEqual(["Các sở, ban, ngành", "Các địa phương"]);
    expect(byCode.get("3.1")?.cooperating).toEqual(["Các doanh nghiệp viễn thông"]);
    expect(byCode.get("2.4")).toMatchObject({ lead: "Sở Tài chính", cooperating: ["Sở KH&CN", "Văn phòng UBND tỉnh"] });
  });

  it("fills leaves as the installed framework does, and passes the framework checks", () => {
    const smartCity = transfer.indicators.find((i) => i.code === "9.1");
    expect(smartCity).toMatchObject({ rule: { type: "not_scored" }, evidenceRequired: false });
    expect(transfer.indicators.find((i) => i.code === "1")).toMatchObject({ valueKind: null, rule: null });
    expect(transfer.indicators.filter((i) => i.parentCode && !i.rule)).toEqual([]);
    expect(validateFramework(transferToValidatable(transfer))).toEqual([]);
  });
});

describe("transferToValidatable", () => {
  it("carries the file rows so issues point at them", () => {
    const transfer = frameworkToTransfer(detail);
    expect(transferToValidatable(transfer, [2, 3, 4]).map((i) => [i.code, i.parentCode, i.row])).toEqual([
      ["1", null, 2],
      ["1.1", "1", 3],
      ["1.2", "1", 4],
    ]);
  });
});

describe("parseTransferJson", () => {
  const builtin = builtinToTransfer(DTI_PROVINCE_2025);

  it("reads back the built-in framework exported as JSON, with no issues", () => {
    expect(parseTransferJson(JSON.stringify(builtin, null, 2))).toEqual({ transfer: builtin, issues: [] });
  });

  it("accepts a byte-order mark", () => {
    expect(parseTransferJson(`\uFEFF${JSON.stringify(builtin)}`).issues).toEqual([]);
  });

  it.each([
    ["not JSON", "{ format: chiso", "Tệp không phải là tệp JSON hợp lệ hoặc đã bị hỏng."],
    ["empty", "", "Tệp không phải là tệp JSON hợp lệ hoặc đã bị hỏng."],
    ["a list", "[1, 2]", 'Tệp JSON không phải là bộ chỉ số xuất từ Chỉ số (cần "format": "chiso.framework/v1").'],
    [
      "another format",
      '{"format":"x"}',
      'Tệp JSON không phải là bộ chỉ số xuất từ Chỉ số (cần "format": "chiso.framework/v1").',
    ],
  ])("gives one clear issue for %s", (_what, text, message) => {
    expect(parseTransferJson(text)).toEqual({ transfer: null, issues: [{ code: null, row: null, message }] });
  });

  it("names the path of each schema error, with the indicator code when known", () => {
    const broken = JSON.parse(JSON.stringify(builtin)) as {
      framework: Record<string, unknown>;
      indicators: Record<string, unknown>[];
    };
    broken.framework.year = "2025";
    broken.indicators[3] = { ...broken.indicators[3], maxScore: -1 };
    const { transfer, issues } = parseTransferJson(JSON.stringify(broken));
    expect(transfer).toBeNull();
    expect(issues).toEqual([
      { code: null, row: null, message: "framework.year: Đầu vào không hợp lệ: mong đợi số, nhận được string" },
      { code: "1.3", row: null, message: "indicators[3].maxScore: Điểm tối đa không được âm" },
    ]);
  });

  it("returns a readable framework with the framework check's issues", () => {
    const duplicated: TFrameworkTransfer = {
      ...builtin,
      indicators: builtin.indicators.map((i) => (i.code === "1.2" ? { ...i, code: "1.1" } : i)),
    };
    const { transfer, issues } = parseTransferJson(JSON.stringify(duplicated));
    expect(transfer?.indicators).toHaveLength(59);
    expect(issues).toEqual([{ code: "1.1", row: null, message: "1.1: mã chỉ số bị trùng." }]);
  });
});

describe("formatIssuePath", () => {
  it.each([
    [["indicators", 3, "maxScore"], "indicators[3].maxScore"],
    [["indicators", 0, "rule", "bands", 1, "points"], "indicators[0].rule.bands[1].points"],
    [[], ""],
  ])("%j → %s", (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });
});

describe("collectUnitNames and matchTransferUnits", () => {
  const transfer = builtinToTransfer(DTI_PROVINCE_2025);
  const units = [
    { id: id(201), name: "Sở Khoa học và Công nghệ", shortName: null },
    { id: id(202), name: "Văn phòng Ủy ban nhân dân tỉnh", shortName: "VP UBND tỉnh" },
    { id: id(203), name: "Sở Văn hoá, Thể thao và Du lịch" },
    { id: id(204), name: "SỞ TÀI CHÍNH", shortName: null },
  ];

  it("lists each lead and cooperating name once, in order of first appearance", () => {
    const names = collectUnitNames(transfer);
    expect(names.slice(0, 4)).toEqual(["Sở KH&CN", "Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh", "Các sở, ban, ngành"]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("matches abbreviations, accents and case; the rest is unmatched", () => {
    const { matched, unmatched } = matchTransferUnits(transfer, units);
    expect(matched).toMatchObject({
      "Sở KH&CN": id(201),
      "Văn phòng UBND tỉnh": id(202),
      "Sở Văn hóa, Thể thao và Du lịch": id(203),
      "Sở Tài chính": id(204),
    });
    expect(Object.keys(matched)).toHaveLength(4);
    expect(unmatched).toContain("Các sở, ban, ngành");
    expect(unmatched).toContain("Công an tỉnh");
    expect(unmatched).not.toContain("Sở KH&CN");
  });

  it("matches nothing against no units", () => {
    expect(matchTransferUnits(transfer, [])).toEqual({ matched: {}, unmatched: collectUnitNames(transfer) });
  });
});
