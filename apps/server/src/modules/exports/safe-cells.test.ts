import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutraliseFormulaText } from "./safe-cells.ts";
import { openStreamingWorkbook, writeInfoSheet, writeTableSheet } from "./workbook-stream.ts";

const HOSTILE = '=HYPERLINK("http://ke-xau.example","Bấm vào đây")';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

describe("formula-like text in Excel exports", () => {
  it("is written as marked text by the streaming exports (reports, tasks)", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const workbook = await openStreamingWorkbook(out);
    writeTableSheet(workbook, "Bảng", [{ key: "name", header: "Tên", width: 20 }], [{ cells: { name: HOSTILE } }]);
    writeInfoSheet(workbook, "Thông tin", [["Đơn vị", "@cmd"]]);
    await workbook.commit();
    const read = await readBack(Buffer.concat(chunks));
    expect(read.getWorksheet("Bảng")!.getCell("A2").value).toBe(`'${HOSTILE}`);
    expect(read.getWorksheet("Thông tin")!.getCell("B1").value).toBe("'@cmd");
  });

  it("is marked in in-memory workbooks (framework, completeness, unit ranking) and numbers stay numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.addRow([HOSTILE, -5, "Phường Nha Trang"]);
    neutraliseFormulaText(workbook);
    const read = await readBack(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.getWorksheet("S")!.getRow(1).values).toEqual([undefined, `'${HOSTILE}`, -5, "Phường Nha Trang"]);
  });
});
