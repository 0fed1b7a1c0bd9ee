import type { Writable } from "node:stream";
import { auditChangeText, type TAuditEntry } from "@chiso/core";
import {
  DATE_TIME_FORMAT,
  openStreamingWorkbook,
  type TSheetColumn,
  type TSheetRow,
  vietnamExcelTime,
  writeInfoSheet,
  writeTableSheet,
} from "./workbook-stream.ts";

/* The audit log as the page shows it: Vietnam time, who, what, which object, the changes in words. */

const AUDIT_COLUMNS = [
  { key: "at", header: "Thời gian", width: 17, numFmt: DATE_TIME_FORMAT },
  { key: "actor", header: "Người thực hiện", width: 26, wrap: true },
  { key: "unit", header: "Đơn vị", width: 28, wrap: true },
  { key: "action", header: "Thao tác", width: 26, wrap: true },
  { key: "object", header: "Đối tượng", width: 45, wrap: true },
  { key: "changes", header: "Thay đổi", width: 70, wrap: true },
] as const satisfies readonly TSheetColumn<string>[];
type TAuditKey = (typeof AUDIT_COLUMNS)[number]["key"];

export interface TAuditWorkbook {
  entries: readonly TAuditEntry[];
  /** The filters in words, printed on the information sheet. */
  filters: readonly [string, string][];
  exportedAt: Date;
}

function auditRow(entry: TAuditEntry): TSheetRow<TAuditKey> {
  return {
    cells: {
      at: vietnamExcelTime(entry.at),
      actor: entry.actorName
        ? `${entry.actorName}${entry.actorUsername ? ` (${entry.actorUsername})` : ""}`
        : "Hệ thống",
      unit: entry.actorUnit,
      action: entry.actionLabel,
      object: entry.objectName,
      changes: entry.changes.map(auditChangeText).join("\n"),
    },
  };
}

export async function writeAuditWorkbook(data: TAuditWorkbook, output: Writable): Promise<void> {
  const workbook = await openStreamingWorkbook(output);
  writeTableSheet(workbook, "Nhật ký thay đổi", AUDIT_COLUMNS, data.entries.map(auditRow));
  writeInfoSheet(workbook, "Thông tin", [
    ...data.filters.map(([label, value]): [string, string] => [label, value]),
    ["Số dòng", String(data.entries.length)],
    ["Thời điểm xuất", vietnamExcelTime(data.exportedAt), DATE_TIME_FORMAT],
  ]);
  await workbook.commit();
}
