import yauzl from "yauzl";
import { AppError } from "../http/errors.ts";

/**
 * The one gate every uploaded Office file (.xlsx, .docx) passes before a parser (ExcelJS, the Word reader) sees it.
 * An Office file is a zip: a few hundred kilobytes can inflate to gigabytes, or hold millions of cells, and the
 * parsers build all of it in memory on the main thread. Here every entry is inflated as a stream — off the main
 * thread, in zlib's pool — and its real bytes, cells and rows are counted as they come; the first limit crossed
 * stops the reading and refuses the file with a Vietnamese message. Nothing is kept but the counts, so memory stays
 * bounded whatever the file claims, and the server keeps answering other requests meanwhile.
 */
export interface TOfficeLimits {
  /** The uploaded (compressed) file. */
  maxCompressedBytes: number;
  /** All entries together, once inflated. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Inflated size over compressed size of one entry, checked for entries above 1 MB inflated. */
  maxRatio: number;
  /** Spreadsheet rows (`<row>`) and cells (`<c>`) over every worksheet; Word table rows and cells alike. */
  maxRows: number;
  maxCells: number;
}

export const OFFICE_LIMITS: TOfficeLimits = {
  maxCompressedBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 120 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 150,
  maxRows: 100_000,
  maxCells: 1_000_000,
};

const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface TOfficeArchive {
  /** Entry names, in the archive's order. */
  names: string[];
  unpackedBytes: number;
  rows: number;
  cells: number;
}

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function refused(fileName: string, reason: string, damaged = false): AppError {
  return new AppError(
    "UNSUPPORTED_FILE",
    `Tệp "${fileName}" bị từ chối: ${reason}. Hãy kiểm tra lại tệp (mở bằng Word/Excel và lưu lại) hoặc chia nhỏ trước khi tải lên.`,
    { damaged },
  );
}

/** True for a file that is not a readable zip at all (each importer words that case its own way). */
export function isDamagedArchive(err: unknown): boolean {
  return err instanceof AppError && (err.details as { damaged?: boolean } | undefined)?.damaged === true;
}

/** Counts `<row`/`<w:tr` and `<c `/`<w:tc` in one XML part, across chunk boundaries. */
function tagCounter(kind: "sheet" | "word") {
  const row = kind === "sheet" ? /<row[\s>]/g : /<w:tr[\s>]/g;
  const cell = kind === "sheet" ? /<c[\s>]/g : /<w:tc[\s>]/g;
  let carry = "";
  return (chunk: Buffer) => {
    const text = carry + chunk.toString("latin1");
    // Keep a tail shorter than any tag so a tag split between chunks is counted once, in the next chunk.
    const cut = Math.max(0, text.length - 5);
    const head = text.slice(0, cut);
    carry = text.slice(cut);
    return { rows: head.match(row)?.length ?? 0, cells: head.match(cell)?.length ?? 0 };
  };
}

function partKind(name: string): "sheet" | "word" | null {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return "sheet";
  if (/^word\/(document|header\d*|footer\d*)\.xml$/i.test(name)) return "word";
  return null;
}

/**
 * Reads the whole archive within `limits` and answers what it holds; refuses (UNSUPPORTED_FILE) a damaged zip or
 * one that crosses a limit. Run before handing the same buffer to ExcelJS or the Word reader.
 */
export function inspectOfficeFile(
  content: Buffer,
  fileName: string,
  limits: TOfficeLimits = OFFICE_LIMITS,
): Promise<TOfficeArchive> {
  if (content.length > limits.maxCompressedBytes) {
    return Promise.reject(refused(fileName, `tệp lớn hơn ${MB(limits.maxCompressedBytes)}`));
  }
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      content,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (openError, zip) => {
        if (openError || !zip) return reject(refused(fileName, "tệp bị hỏng hoặc không phải tệp Word/Excel", true));
        const found: TOfficeArchive = { names: [], unpackedBytes: 0, rows: 0, cells: 0 };
        let settled = false;
        const fail = (reason: string, damaged = false) => {
          if (settled) return;
          settled = true;
          zip.close();
          reject(refused(fileName, reason, damaged));
        };
        zip.on("error", () => fail("tệp nén bị hỏng", true));
        zip.on("end", () => {
          if (settled) return;
          settled = true;
          resolve(found);
        });
        zip.on("entry", (entry: yauzl.Entry) => {
          if (settled) return;
          found.names.push(entry.fileName);
          if (found.names.length > limits.maxEntries) return fail(`có hơn ${limits.maxEntries} phần trong tệp nén`);
          if (entry.fileName.endsWith("/")) return zip.readEntry();
          if (found.unpackedBytes + entry.uncompressedSize > limits.maxUnpackedBytes) {
            return fail(`dung lượng sau giải nén vượt ${MB(limits.maxUnpackedBytes)}`);
          }
          if (
            entry.uncompressedSize > RATIO_FLOOR_BYTES &&
            entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio
          ) {
            return fail("tỷ lệ nén bất thường (có dấu hiệu tệp nén độc hại)");
          }
          zip.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream) return fail("tệp nén bị hỏng", true);
            const kind = partKind(entry.fileName);
            const count = kind ? tagCounter(kind) : null;
            stream.on("data", (chunk: Buffer) => {
              if (settled) return;
              // Real bytes, whatever the header said (yauzl also refuses an entry longer than declared).
              found.unpackedBytes += chunk.length;
              if (found.unpackedBytes > limits.maxUnpackedBytes) {
                stream.destroy();
                return fail(`dung lượng sau giải nén vượt ${MB(limits.maxUnpackedBytes)}`);
              }
              if (!count) return;
              const seen = count(chunk);
              found.rows += seen.rows;
              found.cells += seen.cells;
              if (found.rows > limits.maxRows) {
                stream.destroy();
                return fail(`có hơn ${limits.maxRows.toLocaleString("vi-VN")} dòng`);
              }
              if (found.cells > limits.maxCells) {
                stream.destroy();
                return fail(`có hơn ${limits.maxCells.toLocaleString("vi-VN")} ô dữ liệu`);
              }
            });
            stream.on("error", () => fail("tệp nén bị hỏng", true));
            stream.on("end", () => {
              if (!settled) zip.readEntry();
            });
          });
        });
        zip.readEntry();
      },
    );
  });
}
