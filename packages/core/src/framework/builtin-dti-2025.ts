import { QUARTERLY_BEFORE_25TH, type TReportingCalendar, YEARLY_BEFORE_10_JANUARY } from "../calendar/deadlines.ts";
import type { TIndicatorInput, TScoringRule, TValueKind } from "./indicator.ts";

/**
 * Who an assignment row names, as the plan writes it. Groups ("Các sở, ban, ngành"…) are resolved to the
 * province's units of that kind when the framework is assigned.
 */
export type TUnitGroup = "departments" | "communes" | "telecoms";
export type TUnitRef = { unit: string } | { group: TUnitGroup };

export interface TBuiltinIndicator {
  code: string;
  name: string;
  maxScore: number;
  valueKind?: TValueKind;
  inputs?: TIndicatorInput[];
  rule?: TScoringRule;
  /** Cơ quan phụ trách, as written in the appendix. */
  lead?: string;
  /** Cơ quan phối hợp, as written in the appendix ("-" = none). */
  cooperatingText?: string;
  cooperating?: TUnitRef[];
  children?: TBuiltinIndicator[];
}

export interface TBuiltinFramework {
  code: string;
  name: string;
  year: number;
  level: "province";
  legalBasis: string;
  source: string;
  /** The reporting calendar its plan states. */
  deadlineRules: TReportingCalendar;
  indicators: TBuiltinIndicator[];
}

const YES_NO: Pick<TBuiltinIndicator, "valueKind" | "rule"> = {
  valueKind: "boolean",
  rule: { type: "yes_no", input: "value" },
};
const NOT_SCORED: Pick<TBuiltinIndicator, "valueKind" | "rule"> = {
  valueKind: "boolean",
  rule: { type: "not_scored" },
};

/** "Tỷ lệ …": numerator ÷ denominator × max. */
function ratio(
  numeratorLabel: string,
  denominatorLabel: string,
): Pick<TBuiltinIndicator, "valueKind" | "rule" | "inputs"> {
  return {
    valueKind: "multi",
    inputs: [
      { key: "numerator", label: numeratorLabel },
      { key: "denominator", label: denominatorLabel },
    ],
    rule: { type: "ratio", numerator: "numerator", denominator: "denominator", fullAtPercent: 100 },
  };
}

const DEPARTMENTS: TUnitRef = { group: "departments" };
const COMMUNES: TUnitRef = { group: "communes" };
const TELECOMS: TUnitRef = { group: "telecoms" };
const SKHCN = "Sở KH&CN";
const VP_UBND = "Văn phòng UBND tỉnh";

/**
 * Phụ lục I of Kế hoạch 4636/KH-UBND (seed 001): "Phân công phụ trách theo dõi, đánh giá các chỉ số chuyển đổi
 * số (DTI) cấp tỉnh năm 2025". Names, maximum scores, lead and cooperating agencies as printed; a lead or
 * cooperating cell merged over several rows in the printed table is repeated on each row here.
 * Rule types only where the wording makes them clear (tỷ lệ → ratio, có/không → yes/no); the rest are manual.
 */
export const DTI_PROVINCE_2025: TBuiltinFramework = {
  code: "DTI-TINH-2025",
  name: "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) năm 2025",
  year: 2025,
  level: "province",
  legalBasis: "QĐ 405/QĐ-BKHCN ngày 03/4/2025; Kế hoạch 4636/KH-UBND năm 2025 (Phụ lục I)",
  source: "Kế hoạch 4636/KH-UBND, Phụ lục I",
  // Seed 001: "Định kỳ hàng quý (trước ngày 25 tháng cuối quý)"; yearly "trước ngày 10/01 của năm kế tiếp".
  deadlineRules: { quarter: QUARTERLY_BEFORE_25TH, year: YEARLY_BEFORE_10_JANUARY },
  indicators: [
    {
      code: "1",
      name: "Nhận thức số",
      maxScore: 50,
      children: [
        {
          code: "1.1",
          name: "Người đứng đầu Tỉnh, thành phố (Bí thư hoặc Chủ tịch Tỉnh, thành phố) là Trưởng ban Ban chỉ đạo về chuyển đổi số của tỉnh",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Văn phòng Tỉnh ủy, Văn phòng UBND tỉnh",
          cooperating: [{ unit: "Văn phòng Tỉnh ủy" }, { unit: VP_UBND }],
        },
        {
          code: "1.2",
          name: "Ban hành các văn bản chỉ đạo chuyên đề về chuyển đổi số",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Văn phòng Tỉnh ủy, Văn phòng UBND tỉnh",
          cooperating: [{ unit: "Văn phòng Tỉnh ủy" }, { unit: VP_UBND }],
        },
        {
          code: "1.3",
          name: "Các Cổng thông tin điện tử của tỉnh, thành phố có chuyên mục riêng về chuyển đổi số hoặc có chuyên trang cấp tỉnh về chuyển đổi số",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Các sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "1.4",
          name: "Cơ quan báo chí của tỉnh, thành phố có chuyên mục riêng về chuyển đổi số",
          maxScore: 10,
          ...YES_NO,
          lead: "Sở Văn hóa, Thể thao và Du lịch",
          cooperatingText: "Báo và Phát thanh, Truyền hình Khánh Hòa",
          cooperating: [{ unit: "Báo và Phát thanh, Truyền hình Khánh Hòa" }],
        },
        {
          code: "1.5",
          name: "Báo và Phát thanh, Truyền hình Khánh Hòa có chuyên mục riêng về chuyển đổi số",
          maxScore: 10,
          ...YES_NO,
          lead: "Sở Văn hóa, Thể thao và Du lịch",
          cooperatingText: "Báo và Phát thanh, Truyền hình Khánh Hòa",
          cooperating: [{ unit: "Báo và Phát thanh, Truyền hình Khánh Hòa" }],
        },
      ],
    },
    {
      code: "2",
      name: "Thể chế số",
      maxScore: 50,
      children: [
        {
          code: "2.1",
          name: "Nghị quyết chuyên đề hoặc văn bản tương đương của cấp uỷ về chuyển đổi số của tỉnh.",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Các sở, ban, ngành",
          cooperating: [DEPARTMENTS],
        },
        {
          code: "2.2",
          name: "Ban hành Kế hoạch hành động 5 năm và hằng năm của tỉnh về chuyển đổi số",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Các sở, ban, ngành",
          cooperating: [DEPARTMENTS],
        },
        {
          code: "2.3",
          name: "Ban hành, cập nhật Khung/Kiến trúc Chính quyền điện tử, Chính quyền số phiên bản mới nhất theo Khung kiến trúc Chính phủ điện tử, Chính phủ số Việt Nam",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "Các sở, ban, ngành",
          cooperating: [DEPARTMENTS],
        },
        {
          code: "2.4",
          name: "Ban hành chính sách khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến",
          maxScore: 20,
          ...YES_NO,
          lead: "Sở Tài chính",
          cooperatingText: "Sở KH&CN; Văn phòng UBND tỉnh",
          cooperating: [{ unit: SKHCN }, { unit: VP_UBND }],
        },
      ],
    },
    {
      code: "3",
      name: "Hạ tầng số",
      maxScore: 200,
      children: [
        {
          code: "3.1",
          name: "Tỷ lệ thôn, bản được phủ sóng di động băng rộng",
          maxScore: 30,
          ...ratio("Số thôn, bản được phủ sóng di động băng rộng", "Tổng số thôn, bản"),
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "3.2",
          name: "Tỷ lệ thôn, bản được phủ băng rộng cố định",
          maxScore: 30,
          ...ratio("Số thôn, bản được phủ băng rộng cố định", "Tổng số thôn, bản"),
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "3.3",
          name: "Tỷ lệ thuê bao băng rộng di động/100 dân",
          maxScore: 30,
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "3.4",
          name: "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
          maxScore: 30,
          ...ratio("Số hộ gia đình có kết nối Internet băng rộng cáp quang", "Tổng số hộ gia đình"),
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "3.5",
          name: "Triển khai Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây",
          maxScore: 30,
          lead: SKHCN,
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "3.6",
          name: "Mức độ triển khai các nền tảng số dùng chung",
          maxScore: 30,
          lead: SKHCN,
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "3.7",
          name: "Mức độ ứng dụng Trí tuệ nhân tạo (AI)",
          maxScore: 20,
          lead: SKHCN,
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
      ],
    },
    {
      code: "4",
      name: "Nhân lực số",
      maxScore: 100,
      children: [
        {
          code: "4.1",
          name: "Sở, ban, ngành, địa phương có bộ phận/đầu mối thực hiện nhiệm vụ chuyển đổi số tại cơ quan, đơn vị",
          maxScore: 10,
          ...YES_NO,
          lead: "Sở Nội vụ",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "4.2",
          name: "Tỷ lệ công chức, viên chức chuyên trách về chuyển đổi số.",
          maxScore: 30,
          ...ratio("Số công chức, viên chức chuyên trách về chuyển đổi số", "Tổng số công chức, viên chức"),
          lead: "Sở Nội vụ",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "4.3",
          name: "Tỷ lệ công chức, viên chức chuyên trách về An toàn thông tin mạng.",
          maxScore: 20,
          ...ratio("Số công chức, viên chức chuyên trách về An toàn thông tin mạng", "Tổng số công chức, viên chức"),
          lead: "Sở Nội vụ",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "4.4",
          name: "Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số",
          maxScore: 20,
          ...ratio("Số công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số", "Tổng số công chức, viên chức"),
          lead: "Sở Nội vụ",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "4.5",
          name: "Số lượng thành viên của Tổ công nghệ số cộng đồng trên 100 dân",
          maxScore: 10,
          lead: SKHCN,
          cooperatingText: "Các địa phương",
          cooperating: [COMMUNES],
        },
        {
          code: "4.6",
          name: "Số lượng người dân được phổ cập kỹ năng số",
          maxScore: 10,
          lead: SKHCN,
          cooperatingText: "Các địa phương",
          cooperating: [COMMUNES],
        },
      ],
    },
    {
      code: "5",
      name: "An toàn thông tin mạng",
      maxScore: 100,
      children: [
        {
          code: "5.1",
          name: "Tỷ lệ hệ thống thông tin được xác định và phê duyệt cấp độ an toàn",
          maxScore: 20,
          ...ratio("Số hệ thống thông tin được xác định và phê duyệt cấp độ an toàn", "Tổng số hệ thống thông tin"),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.2",
          name: "Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm An toàn thông tin theo cấp độ đã được phê duyệt",
          maxScore: 20,
          ...ratio(
            "Số hệ thống thông tin triển khai đầy đủ phương án bảo đảm ATTT theo cấp độ",
            "Số hệ thống thông tin đã được phê duyệt cấp độ",
          ),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.3",
          name: "Tỷ lệ hệ thống thông tin được triển khai giám sát An toàn thông tin và cài đặt đầy đủ phần mềm phòng chống mã độc tập trung",
          maxScore: 10,
          ...ratio(
            "Số hệ thống thông tin được giám sát ATTT và cài đặt phần mềm phòng chống mã độc tập trung",
            "Tổng số hệ thống thông tin",
          ),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.4",
          name: "Tỷ lệ hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá An toàn thông tin hàng năm",
          maxScore: 10,
          ...ratio(
            "Số hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá ATTT",
            "Tổng số hệ thống thông tin cấp độ 3 trở lên",
          ),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.5",
          name: "Tỷ lệ hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá An toàn thông tin hàng năm đầy đủ các nội dung và hình thức theo quy định tại Thông tư số 12/2022/TT-BTTTT",
          maxScore: 10,
          ...ratio(
            "Số hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá đầy đủ theo Thông tư 12/2022/TT-BTTTT",
            "Tổng số hệ thống thông tin cấp độ 3 trở lên",
          ),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.6",
          name: "Tỷ lệ hệ thống thông tin đã ban hành đầy đủ các phương án ứng cứu xử lý sự cố An toàn thông tin quy định tại Quyết định số 05/2017/QĐ-TTg",
          maxScore: 10,
          ...ratio(
            "Số hệ thống thông tin đã ban hành đầy đủ phương án ứng cứu xử lý sự cố ATTT",
            "Tổng số hệ thống thông tin",
          ),
          lead: "Công an tỉnh",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
        {
          code: "5.7",
          name: "Các Cổng thông tin điện tử được cấp chứng nhận tín nhiệm mạng",
          maxScore: 10,
          ...YES_NO,
          lead: SKHCN,
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "5.8",
          name: "Cổng Dịch vụ công được cấp chứng nhận tín nhiệm mạng",
          maxScore: 10,
          ...YES_NO,
          lead: VP_UBND,
          cooperatingText: "-",
          cooperating: [],
        },
      ],
    },
    {
      code: "6",
      name: "Hoạt động Chính quyền số",
      maxScore: 200,
      children: [
        {
          code: "6.1",
          name: "Các Cổng thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định",
          maxScore: 20,
          lead: SKHCN,
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "6.2",
          name: "Hệ thống thông tin giải quyết thủ tục hành chính đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định",
          maxScore: 20,
          lead: VP_UBND,
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "6.3",
          name: "Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức tại Tỉnh.",
          maxScore: 20,
          ...ratio(
            "Số dịch vụ dữ liệu trên NDXP được đưa vào sử dụng chính thức tại tỉnh",
            "Tổng số dịch vụ dữ liệu có trên NDXP",
          ),
          lead: SKHCN,
          cooperatingText: "Sở, ban, ngành",
          cooperating: [DEPARTMENTS],
        },
        {
          code: "6.4",
          name: "Tỷ lệ dịch vụ công trực tuyến toàn trình",
          maxScore: 20,
          ...ratio("Số dịch vụ công trực tuyến toàn trình", "Tổng số thủ tục hành chính đủ điều kiện"),
          lead: VP_UBND,
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "6.5",
          name: "Tỷ lệ hồ sơ nộp trực tuyến",
          maxScore: 20,
          ...ratio("Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ"),
          lead: VP_UBND,
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "6.6",
          name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
          maxScore: 50,
          ...ratio("Số hồ sơ trực tuyến toàn trình", "Tổng số hồ sơ"),
          lead: VP_UBND,
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "6.7",
          name: "Tỷ lệ tài khoản của người dân, doanh nghiệp có sử dụng dịch vụ công trực tuyến",
          maxScore: 10,
          ...ratio("Số tài khoản có sử dụng dịch vụ công trực tuyến", "Tổng số tài khoản"),
          lead: VP_UBND,
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "6.8",
          name: "Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công",
          maxScore: 10,
          lead: VP_UBND,
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "6.9",
          name: "Tổng chi Ngân sách nhà nước cho chính quyền số",
          maxScore: 30,
          lead: "Sở Tài chính",
          cooperatingText: "Sở, ban, ngành, địa phương",
          cooperating: [DEPARTMENTS, COMMUNES],
        },
      ],
    },
    {
      code: "7",
      name: "Hoạt động Kinh tế số",
      maxScore: 150,
      children: [
        {
          code: "7.1",
          name: "Tỷ trọng kinh tế số trong GRDP",
          maxScore: 50,
          lead: SKHCN,
          cooperatingText: "Thống kê tỉnh; Sở Tài chính",
          cooperating: [{ unit: "Thống kê tỉnh" }, { unit: "Sở Tài chính" }],
        },
        {
          code: "7.2",
          name: "Tỷ lệ doanh nghiệp công nghệ số/1000 dân",
          maxScore: 30,
          lead: SKHCN,
          cooperatingText: "Thống kê tỉnh; Sở Tài chính",
          cooperating: [{ unit: "Thống kê tỉnh" }, { unit: "Sở Tài chính" }],
        },
        {
          code: "7.3",
          name: "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử",
          maxScore: 20,
          ...ratio("Số doanh nghiệp sử dụng hợp đồng điện tử", "Tổng số doanh nghiệp đang hoạt động"),
          lead: "Sở Công Thương",
          cooperatingText: "Sở KH&CN",
          cooperating: [{ unit: SKHCN }],
        },
        {
          code: "7.4",
          name: "Số điểm phục vụ của mạng bưu chính công cộng có kết nối Internet băng rộng cố định",
          maxScore: 20,
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "7.5",
          name: "Số lượng tên miền .vn",
          maxScore: 30,
          lead: SKHCN,
          cooperatingText: "-",
          cooperating: [],
        },
      ],
    },
    {
      code: "8",
      name: "Hoạt động Xã hội số",
      maxScore: 150,
      children: [
        {
          code: "8.1",
          name: "Tỷ lệ người dân từ 14 tuổi trở lên có danh tính điện tử sử dụng được cho các giao dịch điện tử",
          maxScore: 50,
          ...ratio("Số người từ 14 tuổi trở lên có danh tính điện tử", "Dân số từ 14 tuổi trở lên"),
          lead: "Công an tỉnh",
          cooperatingText: "-",
          cooperating: [],
        },
        {
          code: "8.2",
          name: "Tỷ lệ dân số từ 14 tuổi trở lên có chứng thư số cá nhân",
          maxScore: 50,
          ...ratio("Số người từ 14 tuổi trở lên có chứng thư số cá nhân", "Dân số từ 14 tuổi trở lên"),
          lead: SKHCN,
          cooperatingText: "Các doanh nghiệp viễn thông",
          cooperating: [TELECOMS],
        },
        {
          code: "8.3",
          name: "Tỷ lệ người dân biết kỹ năng về công nghệ thông tin và truyền thông",
          maxScore: 50,
          ...ratio("Số người dân biết kỹ năng về công nghệ thông tin và truyền thông", "Tổng số dân"),
          lead: SKHCN,
          cooperatingText: "Các địa phương",
          cooperating: [COMMUNES],
        },
      ],
    },
    {
      code: "9",
      name: "Đô thị thông minh",
      maxScore: 0,
      children: [
        {
          code: "9.1",
          name: "Ban hành và triển khai đề án phát triển Đô thị thông minh",
          maxScore: 0,
          ...NOT_SCORED,
          lead: "Sở Xây dựng",
          cooperatingText: "",
          cooperating: [],
        },
        {
          code: "9.2",
          name: "Ban hành kiến trúc ICT phát triển Đô thị thông minh",
          maxScore: 0,
          ...NOT_SCORED,
          lead: SKHCN,
          cooperatingText: "Sở Xây dựng",
          cooperating: [{ unit: "Sở Xây dựng" }],
        },
        {
          code: "9.3",
          name: "Thực hiện đo lường chỉ số KPI phát triển Đô thị thông minh",
          maxScore: 0,
          ...NOT_SCORED,
          lead: "Sở Xây dựng",
          cooperatingText: "-",
          cooperating: [],
        },
      ],
    },
  ],
};
