import { formatDateVi, formatNumberVi, formatPercentVi, formatPoints, type TRoundResultView } from "@chiso/core";
import { AlignmentType, Document, Packer, type Paragraph, type Table } from "docx";
import ExcelJS from "exceljs";
import {
  BODY_SIZE,
  dataTable,
  FONT,
  layoutTable,
  MARGIN,
  PAGE,
  pt,
  rule,
  type TDataColumn,
  TEXT_WIDTH,
  text,
} from "../exports/period-report-docx.ts";
import { neutraliseFormulaText } from "../exports/safe-cells.ts";

/*
 * A round's result table for the UBND decision: Excel (one row per agency) and Word, laid out per NĐ 30/2020 as
 * the decision's appendix ("Kèm theo Quyết định số …"). Both print exactly the numbers of the results view.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const RESULTS_SHEET = "Kết quả";

function decisionLine(view: TRoundResultView): string {
  const current = view.versions.find((v) => v.version === view.version);
  return current
    ? `(Kèm theo Quyết định số ${current.decisionNumber} ngày ${formatDateVi(current.decisionDate)} của Ủy ban nhân dân tỉnh)`
    : "(Kết quả tạm tính, chưa công bố)";
}

export async function resultsWorkbook(view: TRoundResultView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chỉ số";
  const sheet = workbook.addWorksheet(RESULTS_SHEET);
  const mains = view.results.mains;
  const header = [
    "Hạng",
    "Cơ quan",
    ...mains.map((m) => `${m.code}. ${m.name} (${formatNumberVi(m.maxScore)})`),
    "Điểm cộng/trừ",
    "Tổng điểm",
    "Điểm tối đa",
    "Tỷ lệ (%)",
    "Xếp loại",
  ];
  sheet.addRow([`KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ: ${view.round.name.toLocaleUpperCase("vi")}`]);
  sheet.addRow([decisionLine(view)]);
  sheet.addRow([`Nhóm: ${view.round.groupName}`]);
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const row of view.results.rows) {
    sheet.addRow([
      row.rank,
      row.unitName,
      ...mains.map((m) => row.mains[m.code] ?? 0),
      row.adjustmentTotal,
      row.total,
      row.maxTotal,
      row.percent,
      row.grade,
    ]);
  }
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 40 : i === 0 ? 7 : 14;
  });
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function resultsDocx(view: TRoundResultView, provinceName: string): Promise<Buffer> {
  const document = new Document({
    creator: "Chỉ số",
    title: `Kết quả đánh giá, xếp hạng mức độ chuyển đổi số — ${view.round.name}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { before: 0, after: 0, line: 276 } } },
      },
    },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: docxBody(view, provinceName) }],
  });
  return Packer.toBuffer(document);
}

function docxBody(view: TRoundResultView, provinceName: string): (Paragraph | Table)[] {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const centred = (content: string, options: Parameters<typeof text>[1] = {}) =>
    text(content, { align: AlignmentType.CENTER, size: pt(13), ...options });
  const header = layoutTable(
    [left, right],
    [
      [centred(`ỦY BAN NHÂN DÂN TỈNH ${provinceName.toLocaleUpperCase("vi")}`, { bold: true }), rule(800, left)],
      [
        centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: pt(12) }),
        centred("Độc lập - Tự do - Hạnh phúc", { bold: true }),
        rule(3100, right),
      ],
    ],
  );
  const mains = view.results.mains;
  const columns: TDataColumn[] = [
    { header: "Hạng", share: 0.07, align: AlignmentType.CENTER },
    { header: "Cơ quan", share: 0.25 },
    ...mains.map((m) => ({
      header: `${m.code} (${formatNumberVi(m.maxScore)})`,
      share: 0.07,
      align: AlignmentType.RIGHT,
    })),
    { header: "Tổng điểm", share: 0.1, align: AlignmentType.RIGHT },
    { header: "Tỷ lệ", share: 0.08, align: AlignmentType.RIGHT },
    { header: "Xếp loại", share: 0.08, align: AlignmentType.CENTER },
  ];
  const rows = view.results.rows.map((r) => ({
    cells: [
      String(r.rank),
      r.unitName,
      ...mains.map((m) => formatPoints(r.mains[m.code] ?? 0)),
      `${formatPoints(r.total)}/${formatNumberVi(r.maxTotal)}`,
      formatPercentVi(r.percent),
      r.grade,
    ],
  }));
  return [
    header,
    text("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ", { bold: true, align: AlignmentType.CENTER, before: 360 }),
    text(view.round.name, { bold: true, align: AlignmentType.CENTER }),
    text(decisionLine(view), { italics: true, align: AlignmentType.CENTER }),
    rule(2300, TEXT_WIDTH),
    text(`Nhóm: ${view.round.groupName}`, { bold: true, before: 240, after: 120 }),
    dataTable(columns, rows),
    text(
      `Tổng điểm gồm điểm cộng, điểm trừ. Xếp loại: ${view.round.gradeBands
        .map((b) => `${b.name}${b.minPercent > 0 ? ` từ ${formatNumberVi(b.minPercent)}%` : ""}`)
        .join("; ")}.`,
      { italics: true, size: pt(12), before: 120 },
    ),
  ];
}
