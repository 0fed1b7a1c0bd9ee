/** UI strings of the home pages (one per role), as `t("home.…")`. */
const vi = {
  nav: "Trang chủ",
  menu: "Menu chức năng",
  work: {
    title: "Việc cần làm",
    tasks: "Việc đang mở",
    dueSoon: "Quá hạn hoặc còn dưới 7 ngày",
    missingEvidence: "Thiếu tài liệu kiểm chứng",
    notStarted: "Chưa lập báo cáo",
  },
  review: {
    title: "Chờ tôi xem xét",
    leadHint: "Báo cáo các cơ quan phối hợp đã gửi, chờ đơn vị chấp nhận hoặc yêu cầu giải trình.",
    appraiseHint: "Báo cáo đã được Sở KH&CN xác minh, chờ hội đồng thẩm định.",
    ownWork: "Việc cần làm của đơn vị",
  },
  behind: {
    title: "Đơn vị chậm báo cáo",
    overdue: "quá hạn {{count}}",
    missing: "còn thiếu {{count}}",
    late: "gửi muộn {{count}}",
    none: "Không có đơn vị nào chậm báo cáo trong kỳ này.",
    all: "Xem tình hình báo cáo của mọi đơn vị",
  },
  province: "Xem tổng quan của tỉnh",
};

const en: typeof vi = {
  nav: "Home",
  menu: "Menu",
  work: {
    title: "To do",
    tasks: "Open tasks",
    dueSoon: "Overdue or due within 7 days",
    missingEvidence: "Missing evidence",
    notStarted: "Report not started",
  },
  review: {
    title: "Waiting for my review",
    leadHint: "Reports sent by cooperating agencies, waiting for you to accept them or ask for an explanation.",
    appraiseHint: "Reports verified by the coordinator, waiting for the appraisal council.",
    ownWork: "Your unit's to-do list",
  },
  behind: {
    title: "Units behind on reporting",
    overdue: "{{count}} overdue",
    missing: "{{count}} missing",
    late: "{{count}} late",
    none: "No unit is behind in this period.",
    all: "See every unit's reporting",
  },
  province: "See the province overview",
};

export const homeMessages = { vi, en };
