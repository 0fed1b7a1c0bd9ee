import { formatNumberVi, formatPoints, LOSS_REASON_LABELS, LOSS_REASONS } from "@chiso/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  type ITableCellBorders,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { TProvinceScores } from "./province-scores.ts";

/*
 * (The building blocks below are exported for the other NĐ 30 documents, e.g. an assessment round's results.)
 * "Báo cáo kết quả thực hiện Bộ chỉ số chuyển đổi số" as a Word document laid out per Nghị định 30/2020/NĐ-CP
 * (Phụ lục I): A4, Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; the header block
 * (issuing bodies and number on the left, national motto, place and date on the right) as a borderless table;
 * "BÁO CÁO" and its summary centred in bold; the body; "Nơi nhận" and the signature side by side.
 * Number and date are left as "…" for the office to fill in when the report is registered and signed: the
 * coordinator edits the document after download, so everything is plain paragraphs and tables (no fields).
 */

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const FONT = "Times New Roman";
/** docx sizes are in half-points. */
export const pt = (points: number) => points * 2;
/** 1 mm = 1440 / 25.4 twips. */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const PAGE = { width: 11906, height: 16838 }; // A4 in twips
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BODY_SIZE = pt(14);
const TABLE_SIZE = pt(12);

/**
 * The issuer is the province's coordinating department, as in the plans (Sở KH&CN since 2025). Only the
 * province's name is a setting (`GET/PUT /api/settings/province`); the office edits anything else in Word.
 */
const ISSUER = { name: "Sở Khoa học và Công nghệ", code: "SKHCN", signerTitle: "Giám đốc" };

export interface TPeriodReportDocx {
  provinceName: string;
  periodLabel: string;
  frameworkName: string;
  /** Year shown in the date line (the year of export, Vietnam time). */
  year: number;
  scores: TProvinceScores;
  /** Component indicators that count for points (maximum above 0). */
  scoredLeafCount: number;
  /** … of which the lead agency has sent its report (any status after draft). */
  submittedLeafCount: number;
  appraisedLeafCount: number;
  /** Sections III and IV, drawn from the same dashboard numbers. */
  analysis: TPeriodAnalysis;
}

/** What sections III and IV say, taken from the dashboard, the completeness of the period and the plans' tasks. */
export interface TPeriodAnalysis {
  officialYear: number;
  mains: {
    code: string;
    name: string;
    maxScore: number;
    selfPoints: number;
    officialValue: number | null;
    officialRank: number | null;
    lastYearValue: number | null;
    lastYearRank: number | null;
  }[];
  lateUnits: { unitName: string; late: number; missing: number }[];
  /** Indicators whose points can still be recovered, most points first. */
  recoverable: { code: string; name: string; points: number; reasonLabel: string; leadUnitName: string | null }[];
  recoverableTotal: number;
  deadlineText: string;
  overdueTasks: { planCode: string; number: string | null; content: string; leadNames: string[] }[];
}

export async function writePeriodReportDocx(data: TPeriodReportDocx): Promise<Buffer> {
  const document = new Document({
    creator: "Chỉ số",
    title: `Báo cáo kết quả thực hiện Bộ chỉ số chuyển đổi số ${data.periodLabel}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE },
          paragraph: { spacing: { before: 0, after: 0, line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [headerBlock(data), ...titleBlock(data), ...body(data), signatureBlock(data)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ─── Building blocks ────────────────────────────────────────────────────────────────────────────────────────

export interface TTextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** First-line indent of body paragraphs (NĐ 30: 1–1,27 cm). */
  indentFirstLine?: boolean;
  before?: number;
  after?: number;
}

export function text(content: string, options: TTextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.LEFT,
    indent: options.indentFirstLine ? { firstLine: mm(12.7) } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children: [new TextRun({ text: content, bold: options.bold, italics: options.italics, size: options.size })],
  });
}

/** A body paragraph: justified, first line indented, 6 pt before. */
function para(content: string, options: TTextOptions = {}): Paragraph {
  return text(content, { align: AlignmentType.JUSTIFIED, indentFirstLine: true, before: 120, ...options });
}

function heading(content: string): Paragraph {
  return text(content, { bold: true, align: AlignmentType.JUSTIFIED, indentFirstLine: true, before: 120 });
}

/** The short line under an issuer's name or the motto: a bottom border on an empty, indented paragraph. */
export function rule(lineWidth: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - lineWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: "000000" } },
    children: [],
  });
}

const NO_BORDERS: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** Two columns side by side without borders (header block, Nơi nhận + signature). */
export function layoutTable(widths: [number, number], cells: [Paragraph[], Paragraph[]]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: cells.map(
          (children, i) =>
            new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: NO_BORDERS, children }),
        ),
      }),
    ],
  });
}

function headerBlock(data: TPeriodReportDocx): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const centred = (content: string, options: TTextOptions = {}) =>
    text(content, { align: AlignmentType.CENTER, size: pt(13), ...options });
  return layoutTable(
    [left, right],
    [
      [
        centred(`UBND tỉnh ${data.provinceName}`.toLocaleUpperCase("vi")),
        centred(ISSUER.name.toLocaleUpperCase("vi"), { bold: true }),
        rule(mm(25), left),
        centred(`Số: …/BC-${ISSUER.code}`, { before: 60 }),
      ],
      [
        centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: pt(12) }),
        centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: pt(13) }),
        rule(mm(55), right),
        centred(`${data.provinceName}, ngày … tháng … năm ${data.year}`, { italics: true, size: pt(14), before: 60 }),
      ],
    ],
  );
}

function titleBlock(data: TPeriodReportDocx): Paragraph[] {
  return [
    text("BÁO CÁO", { bold: true, align: AlignmentType.CENTER, before: 360 }),
    text("Kết quả thực hiện Bộ chỉ số chuyển đổi số", { bold: true, align: AlignmentType.CENTER }),
    text(data.periodLabel, { bold: true, align: AlignmentType.CENTER }),
    rule(mm(40), TEXT_WIDTH),
  ];
}

function body(data: TPeriodReportDocx): (Paragraph | Table)[] {
  const s = data.scores;
  const of = (points: number) => `${formatPoints(points)}/${formatNumberVi(s.maxTotal)} điểm`;
  const lostBy = LOSS_REASONS.map((reason) => ({
    label: LOSS_REASON_LABELS[reason].vi.toLocaleLowerCase("vi"),
    points: s.losses.filter((l) => l.reason === reason).reduce((sum, l) => sum + l.pointsLost, 0),
  })).filter((r) => r.points > 0);
  return [
    para(
      `Thực hiện ${data.frameworkName}, ${ISSUER.name} báo cáo kết quả thực hiện Bộ chỉ số chuyển đổi số ${inSentence(data.periodLabel)} của tỉnh ${data.provinceName} như sau:`,
      { before: 240 },
    ),
    heading("I. KẾT QUẢ TỔNG HỢP"),
    heading("1. Kết quả chung"),
    para(`- Tổng điểm tự đánh giá: ${of(s.selfTotal)} (chỉ số DTI ${formatNumberVi(s.selfIndex, { decimals: 4 })}).`),
    para(
      `- Tổng điểm sau thẩm định: ${of(s.appraisedTotal)} (chỉ số DTI ${formatNumberVi(s.appraisedIndex, { decimals: 4 })}); chỉ số chưa thẩm định được tính theo điểm tự đánh giá.`,
    ),
    para(
      `- Chỉ số thành phần đã được cơ quan chủ trì gửi báo cáo: ${data.submittedLeafCount}/${data.scoredLeafCount}; đã thẩm định: ${data.appraisedLeafCount}.`,
    ),
    para(
      `- Tổng số điểm bị mất: ${formatPoints(s.pointsLost)} điểm${lostBy.length ? `, trong đó: ${lostBy.map((r) => `${r.label} ${formatPoints(r.points)} điểm`).join("; ")}` : ""}.`,
    ),
    heading("2. Điểm theo chỉ số chính và chỉ số thành phần"),
    scoreTable(s),
    text("(*) Chưa thẩm định: tính theo điểm tự đánh giá.", { italics: true, size: pt(12), before: 60 }),
    heading("II. PHÂN TÍCH ĐIỂM BỊ MẤT"),
    para("Các chỉ số thành phần bị mất điểm, xếp theo số điểm bị mất từ cao xuống thấp:"),
    ...(s.losses.length ? [lossTable(s)] : [para("Không có chỉ số thành phần nào bị mất điểm.")]),
    ...analysisSections(data.analysis),
    para(
      `Trên đây là báo cáo kết quả thực hiện Bộ chỉ số chuyển đổi số ${inSentence(data.periodLabel)} của ${ISSUER.name}./.`,
    ),
  ];
}

/**
 * Sections III and IV written from the data, for the coordinator to edit in Word before the report is issued:
 * results by main indicator against the official result and last year's, who was late, what to do next (the points
 * still recoverable, each with its lead agency) and what to ask for (the total recoverable, the overdue tasks).
 */
function analysisSections(a: TPeriodAnalysis): (Paragraph | Table)[] {
  const official = (value: number | null, rank: number | null) =>
    value === null ? "—" : `${formatNumberVi(value, { decimals: 4 })}${rank === null ? "" : ` (hạng ${rank})`}`;
  const mainsTable = dataTable(
    [
      { header: "Mã", share: 0.08, align: CENTER },
      { header: "Chỉ số chính", share: 0.36 },
      { header: "Tự đánh giá kỳ này", share: 0.18, align: RIGHT },
      { header: `Kết quả chính thức ${a.officialYear}`, share: 0.19, align: RIGHT },
      { header: `Kết quả chính thức ${a.officialYear - 1}`, share: 0.19, align: RIGHT },
    ],
    a.mains.map((m) => ({
      cells: [
        m.code,
        m.name,
        `${formatPoints(m.selfPoints)}/${formatNumberVi(m.maxScore)}`,
        official(m.officialValue, m.officialRank),
        official(m.lastYearValue, m.lastYearRank),
      ],
    })),
  );
  const late = a.lateUnits.length
    ? a.lateUnits.map((u) =>
        para(
          `- ${u.unitName}: ${[
            u.late ? `${u.late} báo cáo gửi sau hạn` : null,
            u.missing ? `${u.missing} báo cáo chưa gửi khi đã quá hạn` : null,
          ]
            .filter(Boolean)
            .join(", ")}.`,
        ),
      )
    : [para("- Không có đơn vị nào chậm báo cáo trong kỳ.")];
  const actions = a.recoverable.length
    ? a.recoverable.map((r) =>
        para(
          `- ${r.leadUnitName ?? "Cơ quan chủ trì"} hoàn thiện chỉ số ${r.code}. ${r.name}: có thể lấy lại ${formatPoints(r.points)} điểm (${r.reasonLabel.toLocaleLowerCase("vi")}).`,
        ),
      )
    : [para("- Các chỉ số đã đạt điểm tối đa có thể lấy lại trong kỳ; tiếp tục duy trì.")];
  const overdue = a.overdueTasks.length
    ? [
        para(`- Đôn đốc hoàn thành ${a.overdueTasks.length} nhiệm vụ đã quá hạn:`),
        ...a.overdueTasks.map((task) =>
          para(
            `+ ${task.number ? `${task.number}. ` : ""}${task.content} (${[
              task.leadNames.join(", "),
              `Kế hoạch ${task.planCode}`,
            ]
              .filter(Boolean)
              .join("; ")}).`,
          ),
        ),
      ]
    : [para("- Không có nhiệm vụ quá hạn trong các kế hoạch của tỉnh.")];
  return [
    heading("III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"),
    heading("1. Kết quả theo chỉ số chính so với kết quả chính thức và năm trước"),
    mainsTable,
    heading("2. Đơn vị chậm báo cáo"),
    ...late,
    heading("3. Nhiệm vụ, giải pháp"),
    ...actions,
    heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"),
    para(
      `- Tổng số điểm có thể lấy lại trong kỳ: ${formatPoints(a.recoverableTotal)} điểm; đề nghị các cơ quan chủ trì hoàn thiện số liệu, tài liệu kiểm chứng ${a.deadlineText}.`,
    ),
    ...overdue,
  ];
}

/** "Quý II/2025" → "quý II/2025" inside a sentence (labels are written to stand alone). */
function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase("vi") + label.slice(1);
}

// ─── Tables with borders ────────────────────────────────────────────────────────────────────────────────────

export interface TDataColumn {
  header: string;
  /** Share of the text width. */
  share: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

export function dataTable(columns: readonly TDataColumn[], rows: { cells: string[]; bold?: boolean }[]): Table {
  const widths = columns.map((c) => Math.floor(TEXT_WIDTH * c.share));
  widths[1] = (widths[1] ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const cell = (content: string, i: number, bold: boolean, shaded = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      shading: shaded ? { fill: "E8EEF7", type: "clear", color: "auto" } : undefined,
      children: content.split("\n").map((line) =>
        text(line, {
          bold,
          size: TABLE_SIZE,
          align: shaded ? AlignmentType.CENTER : (columns[i]!.align ?? AlignmentType.LEFT),
        }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // Repeated at the top of every page the table runs onto.
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.header, i, true, true)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.cells.map((c, i) => cell(c, i, row.bold ?? false)) }),
      ),
    ],
  });
}

const RIGHT = AlignmentType.RIGHT;
const CENTER = AlignmentType.CENTER;

function scoreTable(s: TProvinceScores): Table {
  const columns: TDataColumn[] = [
    { header: "Mã", share: 0.09, align: CENTER },
    { header: "Chỉ số", share: 0.49 },
    { header: "Điểm tối đa", share: 0.14, align: RIGHT },
    { header: "Tự đánh giá", share: 0.14, align: RIGHT },
    { header: "Thẩm định", share: 0.14, align: RIGHT },
  ];
  const rows = s.rows.map((r) => ({
    cells: [
      r.code,
      r.name,
      formatNumberVi(r.maxScore),
      formatPoints(r.selfPoints),
      // "*": reported but not appraised yet, so the self-assessed points stand in.
      r.isLeaf && r.status !== null && !r.appraised
        ? `${formatPoints(r.appraisedPoints)}*`
        : formatPoints(r.appraisedPoints),
    ],
    bold: r.depth === 0,
  }));
  if (s.adjustmentTotal !== 0) {
    rows.push({
      cells: ["", "Điểm thưởng, điểm trừ", "", formatPoints(s.adjustmentTotal), formatPoints(s.adjustmentTotal)],
      bold: false,
    });
  }
  rows.push({
    cells: ["", "Tổng điểm", formatNumberVi(s.maxTotal), formatPoints(s.selfTotal), formatPoints(s.appraisedTotal)],
    bold: true,
  });
  return dataTable(columns, rows);
}

function lossTable(s: TProvinceScores): Table {
  const columns: TDataColumn[] = [
    { header: "STT", share: 0.06, align: CENTER },
    { header: "Chỉ số", share: 0.34 },
    { header: "Điểm đạt/tối đa", share: 0.13, align: RIGHT },
    { header: "Điểm bị mất", share: 0.1, align: RIGHT },
    { header: "Nguyên nhân", share: 0.22 },
    { header: "Cơ quan chủ trì", share: 0.15 },
  ];
  return dataTable(
    columns,
    s.losses.map((l, i) => ({
      cells: [
        String(i + 1),
        `${l.code}. ${l.name}`,
        `${formatPoints(l.points)}/${formatNumberVi(l.maxScore)}`,
        formatPoints(l.pointsLost),
        l.detail ? `${l.reasonLabel}\n${l.detail}` : l.reasonLabel,
        l.leadUnitName ?? "",
      ],
    })),
  );
}

function signatureBlock(data: TPeriodReportDocx): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const small = (content: string) => text(content, { size: pt(11) });
  const centred = (content: string, options: TTextOptions = {}) =>
    text(content, { align: AlignmentType.CENTER, bold: true, ...options });
  return layoutTable(
    [left, right],
    [
      [
        text("Nơi nhận:", { bold: true, italics: true, size: pt(12), before: 240 }),
        small(`- UBND tỉnh ${data.provinceName} (để b/c);`),
        small("- Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh (để b/c);"),
        small("- Các sở, ban, ngành, địa phương;"),
        small(`- Lưu: VT, ….`),
      ],
      [
        centred(ISSUER.signerTitle.toLocaleUpperCase("vi"), { before: 240 }),
        // Room for the signature and the seal.
        text("", { after: 1400 }),
        centred("……………………………"),
      ],
    ],
  );
}
