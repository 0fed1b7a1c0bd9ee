import { ACCOUNT_SHEET_COLUMNS } from "@chiso/core";
import { loadExcel } from "../../excel.ts";

/** The empty accounts sheet to fill in: the header row, and a second sheet explaining each column. */
export async function accountSheetTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet("Tài khoản");
  sheet.columns = ACCOUNT_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 26 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const help = workbook.addWorksheet("Hướng dẫn");
  help.columns = [
    { header: "Cột", key: "header", width: 20 },
    { header: "Cách ghi", key: "note", width: 110 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of ACCOUNT_SHEET_COLUMNS) help.addRow({ header: c.header, note: c.note });
  help.addRow({});
  help.addRow({
    header: "Ví dụ",
    note: "Phòng Quản lý thương mại | Sở Công Thương | Phòng thuộc sở | Nguyễn Văn A | Trưởng phòng | a@congthuong.gov.vn | sct.qltm.a | Lãnh đạo đơn vị |",
  });
  help.addRow({
    header: "Nhập lại",
    note: "Nhập lại cùng một tệp không thay đổi gì: tài khoản đã có đúng đơn vị và vai trò được giữ nguyên; khác đơn vị hoặc vai trò thì báo lỗi (sửa trên trang Tài khoản).",
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
