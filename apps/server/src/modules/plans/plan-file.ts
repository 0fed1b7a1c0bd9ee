import type { TRawTable } from "@chiso/core";
import { AppError } from "../../http/errors.ts";
import { inspectOfficeFile, isDamagedArchive } from "../../storage/office-file.ts";
import { damagedFile, EXPECTED_FILE, unsupportedFile } from "./file-errors.ts";
import { readWorkbook } from "./xlsx.ts";

export type TPlanFileFormat = "docx" | "xlsx";

/** What the importer reads from a Word or Excel plan. */
export interface TPlanFile {
  format: TPlanFileFormat;
  tables: TRawTable[];
  /** Lines the plan header may be in: body paragraphs, and the cells of small layout tables. */
  lines(usedTables: ReadonlySet<number>): string[];
}

/** The entry names of an uploaded zip, after the safe reader checked every limit while inflating it. */
async function zipEntries(content: Buffer, fileName: string): Promise<string[]> {
  try {
    return (await inspectOfficeFile(content, fileName)).names;
  } catch (err) {
    throw isDamagedArchive(err) ? damagedFile(fileName) : err;
  }
}

const startsWith = (content: Buffer, hex: string) =>
  content.subarray(0, hex.length / 2).equals(Buffer.from(hex, "hex"));

/**
 * Reads an uploaded plan by its content, never its name: a .docx or .xlsx is a zip with word/document.xml or
 * xl/workbook.xml. Old .doc/.xls, PDFs and anything else get a message saying what to send instead.
 */
export async function readPlanFile(content: Buffer, fileName: string): Promise<TPlanFile> {
  if (content.length === 0) throw new AppError("VALIDATION_FAILED", `Tệp "${fileName}" rỗng. ${EXPECTED_FILE}`);
  if (startsWith(content, "d0cf11e0a1b11ae1")) {
    throw unsupportedFile(
      fileName,
      "là tệp Word/Excel định dạng cũ (.doc, .xls): hãy mở bằng Word/Excel và lưu lại dạng .docx hoặc .xlsx",
    );
  }
  if (startsWith(content, "25504446")) {
    throw unsupportedFile(
      fileName,
      "là tệp PDF: bảng trong PDF không đọc lại được chính xác, hãy dùng tệp Word hoặc Excel gốc",
    );
  }
  if (!startsWith(content, "504b0304"))
    throw unsupportedFile(fileName, "không phải tệp Word (.docx) hay Excel (.xlsx)");
  const names = await zipEntries(content, fileName);
  if (names.includes("word/document.xml")) {
    // jszip is loaded with the first Word plan rather than at start.
    const { readWordDocument } = await import("./docx.ts");
    const word = await readWordDocument(content, fileName);
    return {
      format: "docx",
      tables: word.tables.map(({ title, rows }) => ({ title, rows })),
      lines: (used) => [
        ...word.paragraphs,
        // "Số: …" and the date often sit in a borderless two-column table above the title.
        ...word.tables.flatMap((table, i) => (used.has(i + 1) || table.rows.length > 6 ? [] : table.lines)),
      ],
    };
  }
  if (names.includes("xl/workbook.xml")) {
    const sheets = await readWorkbook(content, fileName);
    return { format: "xlsx", tables: sheets, lines: () => [] };
  }
  throw unsupportedFile(fileName, "là tệp nén nhưng không phải Word (.docx) hay Excel (.xlsx)");
}
