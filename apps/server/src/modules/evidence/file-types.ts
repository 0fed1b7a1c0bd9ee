import { Readable } from "node:stream";
import { EVIDENCE_TYPES_LABEL_VI } from "@chiso/core";
import { fileTypeFromBuffer, fileTypeFromStream } from "file-type/node";
import { AppError } from "../../http/errors.ts";

const OOXML = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/**
 * Accepted formats as `file-type` recognises them from the bytes, and the Content-Type they are served with.
 * Macro-enabled Office files (.docm, .xlsm) and other zips are refused: evidence never needs to run code.
 */
const ACCEPTED_MIME = new Set([
  "application/pdf",
  OOXML.docx,
  OOXML.xlsx,
  OOXML.pptx,
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/tiff",
]);

/** Legacy Office files are Compound File Binary containers; the name of their main stream tells which. */
const CFB_MAIN_STREAMS = new Map([
  ["WordDocument", "application/msword"],
  ["Workbook", "application/vnd.ms-excel"],
  ["Book", "application/vnd.ms-excel"],
]);

export interface TEvidenceType {
  mimeType: string;
}

/**
 * Decides the type from the content, never from the name: a renamed .exe, an HTML page or a text file called
 * "quyet-dinh.pdf" is refused. `head` (the first 4100 bytes) settles most formats; a zip whose
 * `[Content_Types].xml` comes later, and every CFB file, are read further through `readAll`.
 */
export async function detectEvidenceType(
  head: Buffer,
  readAll: () => NodeJS.ReadableStream,
  fileName: string,
): Promise<TEvidenceType> {
  let detected = await fileTypeFromBuffer(head);
  if (detected?.mime === "application/zip") detected = (await sniffWhole(readAll())) ?? detected;
  if (detected?.mime === "application/x-cfb") {
    const mimeType = await legacyOfficeType(readAll());
    if (mimeType) return { mimeType };
  }
  if (detected && ACCEPTED_MIME.has(detected.mime)) return { mimeType: detected.mime };
  throw unsupportedFile(fileName, detected?.ext);
}

async function sniffWhole(content: NodeJS.ReadableStream) {
  const stream = Readable.from(content, { objectMode: false });
  try {
    return await fileTypeFromStream(stream);
  } finally {
    stream.destroy();
  }
}

function unsupportedFile(fileName: string, detectedExt: string | undefined): AppError {
  const what = detectedExt ? `nội dung là tệp .${detectedExt}` : "không nhận ra định dạng nội dung";
  return new AppError(
    "UNSUPPORTED_FILE",
    `Tệp "${fileName}" không được chấp nhận (${what}). Chỉ nhận tài liệu kiểm chứng dạng: ${EVIDENCE_TYPES_LABEL_VI}.`,
  );
}

const DIRECTORY_ENTRY = 128;
const CFB_HEADER = 512;
const STREAM_OBJECT = 2;

/**
 * The Content-Type of a .doc or .xls, or null for any other CFB file (an .msi installer, an Outlook .msg…).
 * Directory entries sit at 128-byte boundaries after the 512-byte header: a UTF-16LE name, its byte length at +64
 * and the object type at +66. Scanning those boundaries for a main-stream entry avoids parsing the whole FAT chain.
 */
async function legacyOfficeType(content: NodeJS.ReadableStream): Promise<string | null> {
  let carry = Buffer.alloc(0);
  let offset = 0;
  for await (const raw of content as AsyncIterable<Buffer>) {
    const data = Buffer.concat([carry, raw]);
    const whole = data.length - (data.length % DIRECTORY_ENTRY);
    for (let at = 0; at < whole; at += DIRECTORY_ENTRY) {
      const name = offset + at >= CFB_HEADER ? entryName(data, at) : null;
      const mimeType = name && CFB_MAIN_STREAMS.get(name);
      if (mimeType) return mimeType;
    }
    carry = data.subarray(whole);
    offset += whole;
  }
  return null;
}

function entryName(data: Buffer, at: number): string | null {
  const nameBytes = data.readUInt16LE(at + 64);
  if (data[at + 66] !== STREAM_OBJECT || nameBytes < 4 || nameBytes > 64 || nameBytes % 2) return null;
  return data.toString("utf16le", at, at + nameBytes - 2);
}
