import {
  formatDateTimeVi,
  isPastDeadline,
  REPORT_STATUS_LABELS,
  ratioOf,
  type TCompleteness,
  type TCompletenessCounts,
  vietnamWallClock,
} from "@chiso/core";
import type ExcelJS from "exceljs";
import { loadExcel } from "../../excel.ts";
import { neutraliseFormulaText } from "../exports/safe-cells.ts";

/**
 * Tỷ lệ báo cáo as a workbook: by unit, by indicator, and every expected report. Headers are Vietnamese and frozen,
 * counts are numbers (so the file can be summed and filtered), ratios are percentages, dates are Vietnam time.
 */

interface TColumn {
  header: string;
  width: number;
  numFmt?: string;
}

const COUNT = "#,##0";
const PERCENT = "0.0%";
const DATE_TIME = "dd/mm/yyyy hh:mm";

const COUNT_COLUMNS: TColumn[] = [
  { header: "Phải nộp", width: 10, numFmt: COUNT },
  { header: "Đã nộp", width: 10, numFmt: COUNT },
  { header: "Đúng hạn", width: 10, numFmt: COUNT },
  { header: "Nộp muộn", width: 10, numFmt: COUNT },
  { header: "Chưa nộp", width: 10, numFmt: COUNT },
  { header: "Quá hạn chưa nộp", width: 12, numFmt: COUNT },
  { header: "Có tài liệu kiểm chứng", width: 14, numFmt: COUNT },
  { header: "Tỷ lệ đã nộp", width: 11, numFmt: PERCENT },
  { header: "Tỷ lệ đúng hạn (trên số phải nộp)", width: 16, numFmt: PERCENT },
];

function countCells(c: TCompletenessCounts): (number | null)[] {
  return [
    c.expected,
    c.submitted,
    c.onTime,
    c.late,
    c.missing,
    c.overdue,
    c.withEvidence,
    ratioOf(c.submitted, c.expected),
    ratioOf(c.onTime, c.expected),
  ];
}

/**
 * Excel has no time zones: it shows a date's UTC fields. Writing Vietnam's wall clock as those fields makes the
 * cell read as the time the user knows, whatever zone the server runs in.
 */
function excelDate(iso: string | null): Date | null {
  return iso ? new Date(`${vietnamWallClock(iso).format("YYYY-MM-DDTHH:mm:ss")}Z`) : null;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: TColumn[], rows: unknown[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
  header.height = 32;
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function writeCompletenessWorkbook(data: TCompleteness, now: Date): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Chỉ số";
  workbook.title = `Tỷ lệ báo cáo ${data.period.label}`;

  const byUnit = addSheet(
    workbook,
    "Theo đơn vị",
    [
      { header: "STT", width: 6 },
      { header: "Đơn vị", width: 40 },
      { header: "Hạn gửi", width: 17, numFmt: DATE_TIME },
      ...COUNT_COLUMNS,
      { header: "Đôn đốc gần nhất", width: 17, numFmt: DATE_TIME },
    ],
    data.units.map((u, i) => [
      i + 1,
      u.unitName,
      excelDate(u.deadline),
      ...countCells(u.counts),
      excelDate(u.lastChasedAt),
    ]),
  );
  const total = byUnit.addRow([null, "Tổng cộng", null, ...countCells(data.totals), null]);
  total.font = { bold: true };

  addSheet(
    workbook,
    "Theo chỉ số",
    [
      { header: "Mã", width: 8 },
      { header: "Chỉ số", width: 60 },
      { header: "Cơ quan chủ trì", width: 28 },
      ...COUNT_COLUMNS,
    ],
    data.indicators.map((i) => [i.code, i.name, i.leadUnitName ?? "", ...countCells(i.counts)]),
  );

  const units = new Map(data.units.map((u) => [u.unitId, u]));
  const indicators = new Map(data.indicators.map((i) => [i.indicatorId, i]));
  addSheet(
    workbook,
    "Chi tiết",
    [
      { header: "Đơn vị", width: 36 },
      { header: "Mã", width: 8 },
      { header: "Chỉ số", width: 55 },
      { header: "Vai trò", width: 11 },
      { header: "Tình trạng", width: 18 },
      { header: "Trạng thái báo cáo", width: 18 },
      { header: "Gửi lần đầu", width: 17, numFmt: DATE_TIME },
      { header: "Số tài liệu kiểm chứng", width: 12, numFmt: COUNT },
    ],
    data.slots.map((s) => {
      const unit = units.get(s.unitId);
      const overdue = unit ? isPastDeadline(unit.deadline, now) : false;
      return [
        unit?.unitName ?? "",
        indicators.get(s.indicatorId)?.code ?? "",
        indicators.get(s.indicatorId)?.name ?? "",
        s.role === "lead" ? "Chủ trì" : "Phối hợp",
        s.status === "on_time"
          ? "Đúng hạn"
          : s.status === "late"
            ? "Nộp muộn"
            : overdue
              ? "Quá hạn, chưa nộp"
              : "Chưa nộp",
        s.reportStatus ? REPORT_STATUS_LABELS[s.reportStatus].vi : "Chưa lập",
        excelDate(s.firstSubmittedAt),
        s.evidenceCount,
      ];
    }),
  );

  const info = workbook.addWorksheet("Thông tin");
  info.columns = [{ width: 22 }, { width: 60 }];
  for (const row of [
    ["Kỳ báo cáo", data.period.label],
    ["Bộ chỉ số", data.period.frameworkName],
    ["Hạn chung của kỳ", formatDateTimeVi(data.period.deadline)],
    ["Phạm vi", data.scope === "all" ? "Tất cả đơn vị" : "Đơn vị mình và các chỉ số đơn vị chủ trì"],
    ["Thời điểm xuất", formatDateTimeVi(now)],
    [
      "Cách tính",
      "Đúng hạn: gửi lần đầu trước hạn chung của kỳ. Nộp muộn: gửi sau hạn chung (kể cả khi được gia hạn). Chưa nộp: chưa gửi lần nào; quá hạn khi đã qua hạn của đơn vị.",
    ],
  ]) {
    info.addRow(row).getCell(1).font = { bold: true };
  }
  neutraliseFormulaText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
