import type { TUnitRanking } from "@chiso/core";
import { loadExcel } from "../../excel.ts";
import { neutraliseFormulaText } from "../exports/safe-cells.ts";

/** The ranking as an Excel sheet with the formula written above the table. */
export async function writeUnitRankingWorkbook(ranking: TUnitRanking): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet("Xếp hạng đơn vị", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.mergeCells("A1:K1");
  sheet.getCell("A1").value = ranking.formula;
  sheet.getCell("A1").alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(1).height = 45;
  const columns: [string, number][] = [
    ["Hạng", 8],
    ["Đơn vị", 40],
    ["Số báo cáo phải nộp", 14],
    ["Đúng hạn", 11],
    ["Đầy đủ tài liệu", 13],
    ["Số lần bị trả lại", 13],
    ["Tỷ lệ đúng hạn (%)", 14],
    ["Tỷ lệ đầy đủ (%)", 14],
    ["Điểm chỉ số chủ trì", 14],
    ["Tỷ lệ điểm chủ trì (%)", 15],
    ["Điểm thi đua", 12],
  ];
  const header = sheet.getRow(3);
  columns.forEach(([title, width], i) => {
    header.getCell(i + 1).value = title;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  for (const r of ranking.rows) {
    const row = sheet.addRow([
      r.rank,
      r.unitName,
      r.expected,
      r.onTime,
      r.complete,
      r.returns,
      r.timeliness,
      r.completeness,
      r.leadMax > 0 ? `${r.leadPoints}/${r.leadMax}` : "—",
      r.leadScore ?? "—",
      r.score,
    ]);
    for (const c of [7, 8, 10, 11]) row.getCell(c).numFmt = "0.00";
  }
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
