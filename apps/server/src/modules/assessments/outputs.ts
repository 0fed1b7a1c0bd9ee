import {
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatPoints,
  type TDifference,
  type TRoundResults,
  type TRoundResultView,
  type TSheet,
  type TSheetCriterion,
} from "@chiso/core";
import { AlignmentType, Document, Packer, type Paragraph, type Table } from "docx";
import { loadExcel } from "../../excel.ts";
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

/** What the result files print: the round, the version, and every agency's row (not a page of them). */
export type TResultTable = Pick<TRoundResultView, "round" | "version" | "versions"> & { results: TRoundResults };

function decisionLine(view: TResultTable): string {
  const current = view.versions.find((v) => v.version === view.version);
  return current
    ? `(Kèm theo Quyết định số ${current.decisionNumber} ngày ${formatDateVi(current.decisionDate)} của Ủy ban nhân dân tỉnh)`
    : "(Kết quả tạm tính, chưa công bố)";
}

export async function resultsWorkbook(view: TResultTable): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
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

export async function resultsDocx(view: TResultTable, provinceName: string): Promise<Buffer> {
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

function docxBody(view: TResultTable, provinceName: string): (Paragraph | Table)[] {
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

export const SHEET_SHEET = "Phiếu chấm điểm";
export const DIFFERENCES_SHEET = "Chênh lệch";

/** What the agency answered, in words: the chosen option's label, the parts met, each input with its label. */
export function describeValues(c: TSheetCriterion): string {
  const shown = (v: unknown) =>
    typeof v === "boolean" ? (v ? "Có" : "Không") : typeof v === "number" ? formatNumberVi(v) : String(v);
  const rule = c.rule;
  if (rule?.type === "choice") {
    const key = c.values[rule.input];
    if (key === undefined || key === null) return "";
    return rule.options.find((o) => o.key === key)?.label ?? String(key);
  }
  if (rule?.type === "parts") {
    return rule.parts
      .filter((p) => c.values[p.key] === true)
      .map((p) => p.label)
      .join("; ");
  }
  const label = (key: string) => c.inputs.find((i) => i.key === key)?.label;
  return Object.entries(c.values)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([key, v]) => (label(key) ? `${label(key)}: ${shown(v)}` : shown(v)))
    .join("; ");
}

/** A cited document as the council reads it: số hiệu, ngày ban hành, trích yếu (the file name if none). */
const citation = (d: TSheetCriterion["documents"][number]) =>
  [d.docNumber ?? d.fileName, d.issuedOn ? `ngày ${formatDateVi(d.issuedOn)}` : null, d.summary]
    .filter(Boolean)
    .join(", ");

/**
 * One agency's scoring sheet (phiếu chấm điểm): per criterion the maximum, what it answered, its proposed and
 * self-assessed points, the council's points and reason, the evidence it cited; then the totals of the sheet view.
 */
export async function sheetWorkbook(sheet: TSheet): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Chỉ số";
  const ws = workbook.addWorksheet(SHEET_SHEET);
  ws.addRow([`PHIẾU CHẤM ĐIỂM: ${sheet.unitName.toLocaleUpperCase("vi")}`]);
  ws.addRow([sheet.roundName]);
  ws.addRow([
    `Trạng thái phiếu: ${sheet.status === "submitted" ? "đã gửi" : "chưa gửi"}${
      sheet.submittedAt ? ` ngày ${formatDateVi(sheet.submittedAt)}` : ""
    }; hạn tự đánh giá ${formatDateVi(sheet.deadline)}`,
  ]);
  const header = ws.addRow([
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Giá trị tự đánh giá",
    "Điểm đề xuất",
    "Điểm tự chấm",
    "Điểm thẩm định",
    "Lý do thẩm định",
    "Giải trình",
    "Tài liệu kiểm chứng (số hiệu, ngày, trích yếu)",
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const c of sheet.criteria) {
    const row = ws.addRow([
      c.code,
      c.name,
      c.maxScore,
      describeValues(c),
      c.proposedPoints,
      c.selfStatus === "not_applicable" ? "Không áp dụng" : c.selfPoints,
      c.appraisedPoints,
      c.appraisalReason,
      c.explanation,
      c.documents.map(citation).join("\n"),
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  for (const [label, value] of [
    ["Điểm cộng/trừ", sheet.adjustments.reduce((sum, a) => sum + a.points, 0)],
    ["Tổng điểm tự đánh giá", sheet.selfTotal],
    ["Tổng điểm sau thẩm định", sheet.finalTotal],
    ["Điểm tối đa", sheet.maxTotal],
  ] as const) {
    ws.addRow(["", label, value]).font = { bold: true };
  }
  for (const a of sheet.adjustments)
    ws.addRow(["", `${a.points >= 0 ? "Điểm cộng" : "Điểm trừ"}: ${a.reason}`, a.points]);
  ws.getRow(1).font = { bold: true, size: 13 };
  [7, 50, 10, 30, 10, 10, 10, 30, 30, 45].forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The council's list of differences between self-assessed and appraised points, with reasons, as listed on screen. */
export async function differencesWorkbook(roundName: string, differences: TDifference[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Chỉ số";
  const ws = workbook.addWorksheet(DIFFERENCES_SHEET);
  ws.addRow([`CHÊNH LỆCH GIỮA ĐIỂM TỰ ĐÁNH GIÁ VÀ ĐIỂM THẨM ĐỊNH: ${roundName.toLocaleUpperCase("vi")}`]).font = {
    bold: true,
    size: 13,
  };
  const header = ws.addRow([
    "STT",
    "Cơ quan",
    "Mã",
    "Tiêu chí",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Chênh lệch",
    "Lý do",
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  differences.forEach((d, i) => {
    ws.addRow([i + 1, d.unitName, d.code, d.name, d.selfPoints, d.appraisedPoints, d.difference, d.reason]).alignment =
      { wrapText: true, vertical: "top" };
  });
  [6, 35, 7, 45, 12, 12, 11, 45].forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
