import type { TFrameworkTransfer, TTransferIndicator } from "@chiso/core";

/**
 * A 500-point framework for assessing provincial departments (sở, ban, ngành), on the six groups of seed 002
 * (Nhận thức số, Thể chế số, Hạ tầng số, Nhân lực số, An toàn thông tin, Hoạt động chính quyền số). The criteria
 * follow the kinds provincial decisions use (QĐ 780/2022 Kon Tum, QĐ 545/2023 Sơn La): categorical choices,
 * two documents at half each, ratios with a rule for 0/0, count thresholds and judgement criteria.
 */
const RATIO_INPUTS = (numerator: string, denominator: string) => [
  { key: "numerator", label: numerator },
  { key: "denominator", label: denominator },
];

type TLeaf = Pick<TTransferIndicator, "code" | "name" | "maxScore" | "valueKind" | "rule"> &
  Partial<Pick<TTransferIndicator, "inputs" | "evidenceText" | "unitOfMeasure">>;

const main = (code: string, name: string, maxScore: number): TTransferIndicator => ({
  ...blank(),
  code,
  name,
  maxScore,
  parentCode: null,
});

const leaf = (parentCode: string, l: TLeaf): TTransferIndicator => ({
  ...blank(),
  evidenceRequired: true,
  evidenceText: "Văn bản, báo cáo chứng minh (số hiệu, ngày ban hành, trích yếu)",
  ...l,
  parentCode,
});

function blank(): TTransferIndicator {
  return {
    code: "",
    name: "",
    maxScore: 0,
    parentCode: null,
    valueKind: null,
    inputs: [],
    rule: null,
    unitOfMeasure: null,
    evidenceText: null,
    evidenceRequired: false,
    guidance: null,
    dataSource: null,
    autoMeasured: false,
    lead: null,
    cooperating: [],
  };
}

export function agencyFramework500(code: string, year: number): TFrameworkTransfer {
  return {
    format: "chiso.framework/v1",
    framework: {
      code,
      name: `Bộ chỉ số đánh giá chuyển đổi số sở, ban, ngành năm ${year}`,
      year,
      level: "department",
      legalBasis: "Quyết định của UBND tỉnh ban hành Bộ chỉ số đánh giá, xếp hạng mức độ chuyển đổi số",
      adjustments: [],
    },
    indicators: [
      main("1", "Nhận thức số", 80),
      leaf("1", {
        code: "1.1",
        name: "Trưởng Ban chỉ đạo chuyển đổi số của cơ quan",
        maxScore: 20,
        valueKind: "choice",
        rule: {
          type: "choice",
          input: "value",
          options: [
            { key: "head", label: "Người đứng đầu cơ quan", share: 1 },
            { key: "deputy", label: "Cấp phó của người đứng đầu", share: 0.5 },
            { key: "none", label: "Chưa có Ban chỉ đạo", share: 0 },
          ],
        },
      }),
      leaf("1", {
        code: "1.2",
        name: "Kế hoạch chuyển đổi số năm và báo cáo kết quả thực hiện",
        maxScore: 30,
        valueKind: "boolean",
        rule: {
          type: "parts",
          parts: [
            { key: "plan", label: "Kế hoạch chuyển đổi số năm", share: 0.5 },
            { key: "report", label: "Báo cáo kết quả thực hiện", share: 0.5 },
          ],
        },
      }),
      leaf("1", {
        code: "1.3",
        name: "Tuyên truyền, nâng cao nhận thức về chuyển đổi số",
        maxScore: 30,
        valueKind: "number",
        rule: { type: "manual" },
      }),
      main("2", "Thể chế số", 70),
      leaf("2", {
        code: "2.1",
        name: "Văn bản chỉ đạo, điều hành về chuyển đổi số ban hành trong năm",
        maxScore: 30,
        valueKind: "count",
        unitOfMeasure: "văn bản",
        rule: {
          type: "bands",
          input: "value",
          bands: [
            { min: 4, points: 30 },
            { min: 2, points: 15 },
          ],
        },
      }),
      leaf("2", {
        code: "2.2",
        name: "Quy chế quản lý, vận hành, sử dụng hệ thống thông tin của cơ quan",
        maxScore: 20,
        valueKind: "boolean",
        rule: { type: "yes_no", input: "value" },
      }),
      leaf("2", {
        code: "2.3",
        name: "Chất lượng, hiệu quả của thể chế số của cơ quan",
        maxScore: 20,
        valueKind: "number",
        rule: { type: "manual" },
      }),
      main("3", "Hạ tầng số", 80),
      leaf("3", {
        code: "3.1",
        name: "Tỷ lệ cán bộ, công chức có máy tính kết nối Internet",
        maxScore: 40,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số cán bộ có máy tính", "Tổng số cán bộ"),
        rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
      }),
      leaf("3", {
        code: "3.2",
        name: "Tỷ lệ hệ thống thông tin chuyên ngành kết nối nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
        maxScore: 40,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số hệ thống đã kết nối", "Số hệ thống chuyên ngành"),
        rule: {
          type: "ratio",
          numerator: "numerator",
          denominator: "denominator",
          fullAtPercent: 100,
          whenZeroDenominator: "not_applicable",
        },
      }),
      main("4", "Nhân lực số", 80),
      leaf("4", {
        code: "4.1",
        name: "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số",
        maxScore: 40,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số cán bộ được bồi dưỡng", "Tổng số cán bộ"),
        rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
      }),
      leaf("4", {
        code: "4.2",
        name: "Cán bộ phụ trách công nghệ thông tin, chuyển đổi số",
        maxScore: 40,
        valueKind: "choice",
        rule: {
          type: "choice",
          input: "value",
          options: [
            { key: "dedicated", label: "Chuyên trách", share: 1 },
            { key: "part_time", label: "Kiêm nhiệm", share: 0.5 },
            { key: "none", label: "Không có", share: 0 },
          ],
        },
      }),
      main("5", "An toàn thông tin", 90),
      leaf("5", {
        code: "5.1",
        name: "Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ",
        maxScore: 50,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số hệ thống đã phê duyệt cấp độ", "Số hệ thống thông tin"),
        rule: {
          type: "ratio",
          numerator: "numerator",
          denominator: "denominator",
          fullAtPercent: 100,
          whenZeroDenominator: "not_applicable",
        },
      }),
      leaf("5", {
        code: "5.2",
        name: "Tỷ lệ sự cố an toàn thông tin được xử lý kịp thời",
        maxScore: 40,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số sự cố được xử lý", "Số sự cố phát sinh"),
        rule: {
          type: "ratio",
          numerator: "numerator",
          denominator: "denominator",
          fullAtPercent: 100,
          whenZeroDenominator: "full",
        },
      }),
      main("6", "Hoạt động chính quyền số", 100),
      leaf("6", {
        code: "6.1",
        name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
        maxScore: 50,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số hồ sơ trực tuyến toàn trình", "Tổng số hồ sơ"),
        rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 80 },
      }),
      leaf("6", {
        code: "6.2",
        name: "Tỷ lệ văn bản đi được ký số và gửi trên môi trường điện tử",
        maxScore: 30,
        valueKind: "multi",
        inputs: RATIO_INPUTS("Số văn bản ký số", "Tổng số văn bản đi"),
        rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
      }),
      leaf("6", {
        code: "6.3",
        name: "Hiệu quả ứng dụng công nghệ số trong chỉ đạo, điều hành",
        maxScore: 20,
        valueKind: "number",
        rule: { type: "manual" },
      }),
    ],
  };
}
