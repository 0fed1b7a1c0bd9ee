import { once } from "node:events";
import { createRequire } from "node:module";
import { PassThrough, type Readable, type Writable } from "node:stream";
import type { Archiver, ZipOptions } from "archiver";
import type { TFileStore } from "../../storage/file-store.ts";
import type { TExportEvidenceRow } from "./repo.ts";
import {
  DATE_FORMAT,
  excelDate,
  INTEGER_FORMAT,
  openStreamingWorkbook,
  type TSheetColumn,
  writeTableSheet,
} from "./workbook-stream.ts";

/*
 * A period's evidence as one zip for the central system: a folder per indicator code holding the documents
 * cited for it, and "danh-muc-tai-lieu.xlsx" at the root listing code, unit, file, số hiệu, ngày and sha256.
 *
 * Files are streamed from the store one after another (never all open at once, never in memory) and stored
 * without compression: evidence is PDF, JPEG or Office files, already compressed, so deflating again costs CPU
 * and gains nothing — and a stored zip's size is known in advance, which gives the browser a progress estimate.
 */

export const ZIP_TYPE = "application/zip";
export const INDEX_NAME = "danh-muc-tai-lieu.xlsx";

// The installed archiver (5.x) exports a factory function; @types/archiver 8 describes the newer class API,
// whose instance methods are the same. The factory is typed here by hand.
// Required with the first bundle rather than at start (a tenth of the server's start-up).
let archiverFactory: ((format: "zip", options?: ZipOptions) => Archiver) | null = null;
const archiver = (format: "zip", options?: ZipOptions) => {
  archiverFactory ??= createRequire(import.meta.url)("archiver") as (format: "zip", options?: ZipOptions) => Archiver;
  return archiverFactory(format, options);
};

export interface TZipFile {
  /** Path inside the zip: "<indicator code>/<file name>". */
  path: string;
  sha256: string;
  size: number;
}

export interface TZipIndexRow {
  indicatorCode: string;
  unitName: string;
  /** Null when the object is missing from the store (listed, not packed). */
  path: string | null;
  fileName: string;
  docNumber: string | null;
  issuedOn: string | null;
  issuer: string | null;
  summary: string | null;
  size: number;
  sha256: string;
}

export interface TZipPlan {
  files: TZipFile[];
  index: TZipIndexRow[];
}

/**
 * Which file goes where: one copy of a document per indicator folder however many reports cite it, and one
 * index row per citing unit. Two different documents with the same name in one folder become "x.pdf",
 * "x (2).pdf". Objects missing from the store are listed with no path.
 */
export function planEvidenceZip(rows: readonly TExportEvidenceRow[], missing: ReadonlySet<string>): TZipPlan {
  const files: TZipFile[] = [];
  const index: TZipIndexRow[] = [];
  const pathOf = new Map<string, string>(); // folder + document id → path
  const taken = new Set<string>();
  const cited = new Set<string>(); // folder + document id + unit
  for (const row of rows) {
    const folder = safeName(row.indicator_code);
    const key = `${folder}\u0000${row.document_id}`;
    let path = pathOf.get(key) ?? null;
    if (!path && !missing.has(row.sha256)) {
      path = uniquePath(folder, safeName(row.file_name), taken);
      pathOf.set(key, path);
      files.push({ path, sha256: row.sha256, size: row.size });
    }
    const citation = `${key}\u0000${row.report_unit_name}`;
    if (cited.has(citation)) continue;
    cited.add(citation);
    index.push({
      indicatorCode: row.indicator_code,
      unitName: row.report_unit_name,
      path,
      fileName: row.file_name,
      docNumber: row.doc_number,
      issuedOn: row.issued_on,
      issuer: row.issuer,
      summary: row.summary,
      size: row.size,
      sha256: row.sha256,
    });
  }
  return { files, index };
}

/** No path separators, control or Windows-reserved characters; never empty, never "." or "..". */
function safeName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, "_")
    .trim()
    .replace(/^\.+$/, "_")
    .slice(0, 180);
  return cleaned || "tai-lieu";
}

function uniquePath(folder: string, fileName: string, taken: Set<string>): string {
  const dot = fileName.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ""];
  for (let n = 1; ; n++) {
    const path = `${folder}/${n === 1 ? fileName : `${stem} (${n})${ext}`}`;
    if (!taken.has(path.toLowerCase())) {
      // Case-insensitive: Windows unpacks "A.pdf" and "a.pdf" into the same file.
      taken.add(path.toLowerCase());
      return path;
    }
  }
}

/**
 * The size the zip will have (stored entries; streamed ones with a data descriptor, as archiver writes them),
 * for the progress bar only — never as Content-Length, where a wrong number would break the download.
 */
export function estimateZipSize(plan: TZipPlan, indexSize: number): number {
  // Local header + name + data (+ data descriptor for a streamed entry) + central directory header + name.
  const entry = (name: string, size: number, streamed: boolean) => {
    const nameBytes = Buffer.byteLength(name);
    return 30 + nameBytes + size + (streamed ? 16 : 0) + 46 + nameBytes;
  };
  const files = plan.files.reduce((sum, f) => sum + entry(f.path, f.size, true), 0);
  return files + entry(INDEX_NAME, indexSize, false) + 22;
}

const INDEX_COLUMNS = [
  { key: "code", header: "Mã chỉ số", width: 9 },
  { key: "unit", header: "Đơn vị", width: 30, wrap: true },
  { key: "path", header: "Tệp trong gói", width: 40, wrap: true },
  { key: "fileName", header: "Tên tệp gốc", width: 32, wrap: true },
  { key: "docNumber", header: "Số hiệu văn bản", width: 18 },
  { key: "issuedOn", header: "Ngày ban hành", width: 13, numFmt: DATE_FORMAT },
  { key: "issuer", header: "Cơ quan ban hành", width: 28, wrap: true },
  { key: "summary", header: "Trích yếu", width: 45, wrap: true },
  { key: "size", header: "Dung lượng (byte)", width: 14, numFmt: INTEGER_FORMAT },
  { key: "sha256", header: "Mã băm SHA-256", width: 66 },
  { key: "note", header: "Ghi chú", width: 30, wrap: true },
] as const satisfies readonly TSheetColumn<string>[];

/** The index workbook. Small (one row per citation, no file content), so it is built in memory. */
export async function buildZipIndex(plan: TZipPlan): Promise<Buffer> {
  const collector = new PassThrough();
  const chunks: Buffer[] = [];
  collector.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = await openStreamingWorkbook(collector);
  writeTableSheet(
    workbook,
    "Danh mục tài liệu",
    INDEX_COLUMNS,
    plan.index.map((row) => ({
      cells: {
        code: row.indicatorCode,
        unit: row.unitName,
        path: row.path,
        fileName: row.fileName,
        docNumber: row.docNumber,
        issuedOn: excelDate(row.issuedOn) ?? row.issuedOn,
        issuer: row.issuer,
        summary: row.summary,
        size: row.size,
        sha256: row.sha256,
        note: row.path ? null : "Không tìm thấy tệp trong kho lưu trữ",
      },
    })),
  );
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Streams the zip into `output`: the index first, then each file, one open file at a time. */
export async function writeEvidenceZip(
  plan: TZipPlan,
  index: Buffer,
  files: TFileStore,
  output: Writable,
  now: Date,
): Promise<void> {
  const archive = archiver("zip", { store: true });
  archive.pipe(output);
  const append = async (source: Readable | Buffer, name: string) => {
    // Resolves once the entry is fully written (or rejects on the archive's error): the next file is only
    // opened then, so a zip of thousands of documents holds one file handle and a bounded buffer.
    const written = once(archive, "entry");
    archive.append(source, { name, date: now });
    await written;
  };
  await append(index, INDEX_NAME);
  for (const file of plan.files) await append(files.open(file.sha256) as Readable, file.path);
  await archive.finalize();
}
