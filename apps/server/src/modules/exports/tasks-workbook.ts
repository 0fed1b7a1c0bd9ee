import type { Writable } from "node:stream";
import {
  DATE_TIME_FORMAT,
  openStreamingWorkbook,
  PERCENT_FORMAT,
  type TSheetColumn,
  type TSheetRow,
  vietnamExcelTime,
  writeInfoSheet,
  writeTableSheet,
} from "./workbook-stream.ts";

/*
 * A plan's tasks with their progress, laid out like the appendix tables plans are written in (STT, nội dung,
 * chủ trì, phối hợp, kết quả, thời gian, kinh phí) plus the progress the lead units reported.
 */

export const TASK_STATUS_LABELS = {
  not_started: "Chưa triển khai",
  in_progress: "Đang thực hiện",
  done: "Hoàn thành",
  late: "Chậm tiến độ",
} as const;

export interface TWorkbookTask {
  number: string | null;
  isSection: boolean;
  depth: number;
  content: string;
  lead: string | null;
  cooperating: string | null;
  output: string | null;
  timeframe: string | null;
  directingLeader: string | null;
  budgetAmount: number | null;
  budgetSource: string | null;
  indicatorCodes: string | null;
  status: keyof typeof TASK_STATUS_LABELS;
  percent: number;
  lastUpdateAt: string | null;
  lastUpdateNote: string | null;
  lastUpdateAuthor: string | null;
}

export interface TTasksWorkbook {
  planCode: string;
  planTitle: string;
  exportedAt: Date;
  tasks: readonly TWorkbookTask[];
}

const TASK_COLUMNS = [
  { key: "number", header: "STT", width: 7 },
  { key: "content", header: "Nội dung nhiệm vụ", width: 55, wrap: true },
  { key: "lead", header: "Cơ quan chủ trì", width: 26, wrap: true },
  { key: "cooperating", header: "Cơ quan phối hợp", width: 30, wrap: true },
  { key: "output", header: "Kết quả, sản phẩm", width: 32, wrap: true },
  { key: "timeframe", header: "Thời gian thực hiện", width: 16, wrap: true },
  { key: "leader", header: "Lãnh đạo chỉ đạo", width: 20, wrap: true },
  { key: "budget", header: "Kinh phí (triệu đồng)", width: 14, numFmt: "#,##0.###" },
  { key: "budgetSource", header: "Nguồn vốn", width: 18, wrap: true },
  { key: "indicators", header: "Chỉ số liên quan", width: 14, wrap: true },
  { key: "status", header: "Tình trạng", width: 16 },
  { key: "percent", header: "Tiến độ", width: 10, numFmt: PERCENT_FORMAT },
  { key: "updatedAt", header: "Cập nhật gần nhất", width: 17, numFmt: DATE_TIME_FORMAT },
  { key: "updateNote", header: "Nội dung cập nhật", width: 40, wrap: true },
  { key: "updateAuthor", header: "Người cập nhật", width: 22 },
] as const satisfies readonly TSheetColumn<string>[];
type TTaskKey = (typeof TASK_COLUMNS)[number]["key"];

export async function writeTasksWorkbook(data: TTasksWorkbook, output: Writable): Promise<void> {
  const workbook = await openStreamingWorkbook(output);
  writeTableSheet(workbook, "Nhiệm vụ", TASK_COLUMNS, data.tasks.map(taskRow), { indentColumn: "content" });
  writeInfoSheet(workbook, "Thông tin", [
    ["Kế hoạch", data.planCode],
    ["Trích yếu", data.planTitle],
    ["Số nhiệm vụ", data.tasks.filter((t) => !t.isSection).length, "0"],
    ["Hoàn thành", data.tasks.filter((t) => !t.isSection && t.status === "done").length, "0"],
    ["Thời điểm xuất", vietnamExcelTime(data.exportedAt), DATE_TIME_FORMAT],
  ]);
  await workbook.commit();
}

function taskRow(t: TWorkbookTask): TSheetRow<TTaskKey> {
  // A heading row ("I | Hoạt động Kinh tế số") has no lead, progress or budget of its own.
  const progress = t.isSection
    ? {}
    : {
        status: TASK_STATUS_LABELS[t.status],
        percent: t.percent / 100,
        updatedAt: vietnamExcelTime(t.lastUpdateAt),
        updateNote: t.lastUpdateNote,
        updateAuthor: t.lastUpdateAuthor,
      };
  return {
    cells: {
      number: t.number,
      content: t.content,
      lead: t.lead,
      cooperating: t.cooperating,
      output: t.output,
      timeframe: t.timeframe,
      leader: t.directingLeader,
      budget: t.budgetAmount,
      budgetSource: t.budgetSource,
      indicators: t.indicatorCodes,
      ...progress,
    },
    bold: t.isSection,
    indent: t.depth,
  };
}
