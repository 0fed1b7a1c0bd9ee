/**
 * Plan 4636/KH-UBND (seed 001) as the province wrote it: its targets (section I.2) and its tasks (section II), which
 * the plan writes as prose rather than a table — entered by hand, as the coordinator would, each with its lead.
 * Wording shortened from the seed; leads are the units the sentences name. The plan sets no dates in section II beyond
 * its title ("năm 2025 và các năm tiếp theo"), so its tasks are recurring rather than overdue.
 */
export interface TDemoTask {
  number: string;
  content: string;
  lead?: string;
  cooperating?: string[];
  cooperatingText?: string;
  timeframe?: string;
  /** Indicator codes of the 2025 framework the task works on. */
  indicators?: string[];
  tasks?: TDemoTask[];
}

export const PLAN_4636 = {
  code: "4636/KH-UBND",
  title: "Nâng cao Chỉ số chuyển đổi số (DTI) tỉnh Khánh Hòa năm 2025 và các năm tiếp theo",
  issuedOn: "2025-09-29",
  startYear: 2025,
  endYear: 2030,
  legalBases: "Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ",
  /** Section I.2: "Năm 2025 phấn đấu DTI đạt ≥ 800/1000 điểm … Top 20 … ít nhất 04/08 chỉ số chính nằm trong nhóm 10". */
  targets: [
    { label: "DTI ≥ 800/1000 điểm", metric: "dti_total", comparator: ">=", targetValue: 800, unit: "điểm" },
    { label: "Xếp hạng DTI trong nhóm Top 20", metric: "dti_rank", comparator: "<=", targetValue: 20, unit: "hạng" },
    {
      label: "Ít nhất 04/08 chỉ số chính nằm trong nhóm 10 tỉnh, thành phố dẫn đầu",
      metric: "mains_top10",
      comparator: ">=",
      targetValue: 4,
      unit: "chỉ số chính",
    },
  ],
  tasks: [
    {
      number: "1",
      content: "Công tác chỉ đạo, điều hành",
      tasks: [
        {
          number: "1.1",
          content:
            "Triển khai thiết lập bộ chỉ số lên phần mềm để các cơ quan, đơn vị báo cáo kết quả theo quý; tích hợp dashboard DTI, gắn với thi đua - khen thưởng",
          lead: "Sở Khoa học và Công nghệ",
          timeframe: "Năm 2025 và các năm tiếp theo",
        },
        {
          number: "1.2",
          content:
            "Tổ chức hội nghị sơ kết đánh giá DTI 06 tháng/lần tại cấp tỉnh, nhận diện điểm nghẽn, đề xuất điều chỉnh giải pháp",
          lead: "Sở Khoa học và Công nghệ",
          cooperatingText: "Các sở, ban, ngành, địa phương",
          timeframe: "Thường xuyên",
        },
      ],
    },
    {
      number: "2",
      content: "Các nhiệm vụ mang tính nền tảng, có ảnh hưởng lớn cần triển khai ngay",
      tasks: [
        {
          number: "2.1",
          content:
            "Xây dựng và trình ban hành văn bản quy định cấu trúc hệ thống hạ tầng số của tỉnh (Trung tâm dữ liệu, sao lưu dự phòng, an toàn thông tin)",
          lead: "Sở Khoa học và Công nghệ",
          timeframe: "Năm 2025 và các năm tiếp theo",
          indicators: ["3.1"],
        },
        {
          number: "2.2",
          content:
            "Xây dựng và trình văn bản quy định về quản trị dữ liệu và chia sẻ dữ liệu của tỉnh; tiêu chuẩn kết nối dữ liệu (API) về IOC",
          lead: "Sở Khoa học và Công nghệ",
          timeframe: "Năm 2025 và các năm tiếp theo",
        },
        {
          number: "2.3",
          content:
            "Xây dựng nền tảng số quản lý công việc và điều hành (Digital Workspace) từ cấp tỉnh đến 65 xã, phường, đặc khu",
          lead: "Văn phòng UBND tỉnh",
          cooperating: ["Sở Khoa học và Công nghệ"],
          timeframe: "2025 – 2026",
        },
      ],
    },
    {
      number: "3",
      content: "Các nhiệm vụ cụ thể thực hiện 08 chỉ số thành phần",
      tasks: [
        {
          number: "3.1",
          content: "Nhận thức số",
          tasks: [
            {
              number: "3.1.1",
              content:
                "Thành lập Ban chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tại các cơ quan, địa phương",
              lead: "Sở Nội vụ",
              cooperatingText: "Các sở, ban, ngành, địa phương",
              timeframe: "Năm 2025 và các năm tiếp theo",
            },
            {
              number: "3.1.2",
              content: "Duy trì, cập nhật tin bài thường xuyên trên chuyên trang về chuyển đổi số",
              lead: "Báo và Phát thanh, Truyền hình Khánh Hòa",
              timeframe: "Thường xuyên",
              indicators: ["1.1"],
            },
          ],
        },
        {
          number: "3.2",
          content: "Thể chế số",
          tasks: [
            {
              number: "3.2.1",
              content: "Tham mưu Nghị quyết chuyên đề của Tỉnh ủy về chuyển đổi số",
              lead: "Văn phòng Tỉnh ủy",
              cooperating: ["Sở Khoa học và Công nghệ"],
              timeframe: "Năm 2025 và các năm tiếp theo",
            },
            {
              number: "3.2.2",
              content: "Bố trí kinh phí cho chuyển đổi số bảo đảm tỷ lệ chi ngân sách theo quy định",
              lead: "Sở Tài chính",
              cooperating: ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh"],
              timeframe: "Năm 2025 và các năm tiếp theo",
              indicators: ["2.2"],
            },
          ],
        },
        {
          number: "3.3",
          content: "Hạ tầng số",
          tasks: [
            {
              number: "3.3.1",
              content: "Phủ sóng di động băng rộng, cáp quang đến 100% thôn, bản; phát triển hạ tầng IoT đồng bộ",
              lead: "Sở Khoa học và Công nghệ",
              cooperating: ["Viettel Khánh Hòa", "VNPT Khánh Hòa", "MobiFone Khánh Hòa"],
              timeframe: "Năm 2025 và các năm tiếp theo",
              indicators: ["3.1"],
            },
          ],
        },
        {
          number: "3.4",
          content: "Nhân lực số",
          tasks: [
            {
              number: "3.4.1",
              content:
                "Đào tạo, đào tạo lại kỹ năng công nghệ thông tin, chuyển đổi số cho cán bộ, công chức, viên chức",
              lead: "Sở Nội vụ",
              cooperatingText: "Các sở, ban, ngành, địa phương",
              timeframe: "Năm 2025 và các năm tiếp theo",
              indicators: ["4.2"],
            },
            {
              number: "3.4.2",
              content:
                "Đổi mới nội dung, chương trình giáo dục theo hướng tích hợp khoa học - công nghệ - kỹ thuật (STEM)",
              lead: "Sở Giáo dục và Đào tạo",
              timeframe: "2025 – 2030",
            },
          ],
        },
        {
          number: "3.5",
          content: "An toàn thông tin mạng",
          tasks: [
            {
              number: "3.5.1",
              content:
                "Tham mưu chỉ đạo bảo đảm an toàn thông tin mạng; kiểm tra, đánh giá an toàn thông tin các hệ thống thông tin",
              lead: "Công an tỉnh",
              cooperating: ["Sở Khoa học và Công nghệ"],
              timeframe: "Thường xuyên",
            },
          ],
        },
        {
          number: "3.6",
          content: "Hoạt động chính quyền số",
          tasks: [
            {
              number: "3.6.1",
              content: "Rà soát, nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
              lead: "Văn phòng UBND tỉnh",
              timeframe: "Năm 2025 và các năm tiếp theo",
              indicators: ["6.6"],
            },
            {
              number: "3.6.2",
              content: "Tăng tỷ lệ hồ sơ trực tuyến toàn trình, thanh toán trực tuyến",
              lead: "Văn phòng UBND tỉnh",
              cooperatingText: "Các sở, ban, ngành, địa phương",
              timeframe: "Năm 2025 và các năm tiếp theo",
              indicators: ["6.4", "6.5"],
            },
          ],
        },
        {
          number: "3.7",
          content: "Hoạt động kinh tế số",
          tasks: [
            {
              number: "3.7.1",
              content: "Phát triển thị trường thương mại điện tử; đưa doanh nghiệp, hộ kinh doanh lên sàn",
              lead: "Sở Công Thương",
              timeframe: "Năm 2025 và các năm tiếp theo",
            },
          ],
        },
        {
          number: "3.8",
          content: "Hoạt động xã hội số",
          tasks: [
            {
              number: "3.8.1",
              content: "Đẩy mạnh định danh và xác thực điện tử (VNeID), sử dụng các tiện ích của Đề án 06",
              lead: "Công an tỉnh",
              timeframe: "Thường xuyên",
              indicators: ["8.1"],
            },
          ],
        },
      ],
    },
  ] satisfies TDemoTask[],
} as const;
