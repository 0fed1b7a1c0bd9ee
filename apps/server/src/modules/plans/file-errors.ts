import { AppError } from "../../http/errors.ts";

/** Largest XML part read from an uploaded file once inflated (a zip bomb inflates a few kB to gigabytes). */
export const MAX_XML_BYTES = 40 * 1024 * 1024;

export const EXPECTED_FILE =
  "Hãy chọn tệp Word (.docx) hoặc Excel (.xlsx) có bảng nhiệm vụ (cột STT, Nhiệm vụ, Chủ trì…).";

export function damagedFile(fileName: string, reason?: string): AppError {
  return new AppError(
    "UNSUPPORTED_FILE",
    `Tệp "${fileName}" bị hỏng hoặc không đọc được${reason ? ` (${reason})` : ""}. ${EXPECTED_FILE}`,
  );
}

export function unsupportedFile(fileName: string, what: string): AppError {
  return new AppError("UNSUPPORTED_FILE", `Tệp "${fileName}" ${what}. ${EXPECTED_FILE}`);
}
