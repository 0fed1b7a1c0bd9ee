import i18n from "../../i18n/index.ts";

/*
 * The export menu's texts, registered as their own namespace ("exports") beside the app's dictionaries so the
 * feature stays in its folder; `useTranslation("exports")` reads them, with the same vi/en switch.
 */
const vi = {
  button: "Xuất báo cáo",
  provinceXlsx: "Excel: báo cáo toàn tỉnh (.xlsx)",
  unitXlsx: "Excel: báo cáo của đơn vị mình (.xlsx)",
  docx: "Word: báo cáo kết quả thực hiện (.docx)",
  provinceZip: "Gói tài liệu kiểm chứng toàn tỉnh (.zip)",
  unitZip: "Gói tài liệu kiểm chứng của đơn vị mình (.zip)",
  ranking: "Excel: xếp hạng đơn vị (.xlsx)",
  preparing: "Đang tạo tệp…",
  received: "Đang tạo tệp… {{size}} MB",
  cancel: "Hủy tải",
  done: "Đã tải xong.",
};

const en: typeof vi = {
  button: "Export",
  provinceXlsx: "Excel: province reports (.xlsx)",
  unitXlsx: "Excel: my unit's reports (.xlsx)",
  docx: "Word: period report (.docx)",
  provinceZip: "Province evidence bundle (.zip)",
  unitZip: "My unit's evidence bundle (.zip)",
  ranking: "Excel: unit ranking (.xlsx)",
  preparing: "Preparing the file…",
  received: "Preparing the file… {{size}} MB",
  cancel: "Cancel download",
  done: "Download complete.",
};

export const EXPORTS_NAMESPACE = "exports";
i18n.addResourceBundle("vi", EXPORTS_NAMESPACE, vi);
i18n.addResourceBundle("en", EXPORTS_NAMESPACE, en);
