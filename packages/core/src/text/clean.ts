import { z } from "zod";

/**
 * What a name, a code or a file name may hold. Text pasted from Word, PDFs and chat apps brings decomposed accents
 * (NFD: "Hòa" as o + ̀ ), zero-width and direction marks, tabs and line breaks: invisible, yet they make "Phường Hòa"
 * and "Phường Hòa" two different units, and a CR/LF in a file name breaks headers and logs. Every such field is
 * cleaned the same way before it is validated, in the browser and on the server (the zod contracts use these).
 */

// Zero-width space/joiners, word joiner, BOM, soft hyphen, and the bidirectional controls (the "RTLO" trick).
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069]/g;
// C0/C1 controls (NUL, ESC, DEL…); line breaks and tabs are handled by each cleaner first.
const CONTROLS = /(?![\n\t])\p{Cc}/gu;

/** One line: NFC, no invisible or control characters, any whitespace run (tab, CR, LF) as one space, trimmed. */
export function cleanLine(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").replace(CONTROLS, "").trim();
}

/** Free text (notes, comments): NFC, no invisible or control characters, line breaks kept as \n, trimmed. */
export function cleanMultiline(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(CONTROLS, "").trim();
}

/** A file name as stored and shown: its last path segment, cleaned as one line, at most 255 characters. */
export function cleanFileName(raw: string, fallback = "tai-lieu"): string {
  const base = cleanLine(raw).split(/[\\/]/).pop() ?? "";
  return base.trim().slice(0, 255) || fallback;
}

/** A string field of one line (names, codes, titles): cleaned, then checked by the rules chained after it. */
export const zLine = () => z.string().overwrite(cleanLine);

/** A free-text field (notes, comments, reasons). */
export const zText = () => z.string().overwrite(cleanMultiline);

// What a spreadsheet reads as the start of a formula (or of a DDE payload) when the cell is opened or re-entered.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as an Excel/CSV export writes it: a leading apostrophe before `=`, `+`, `-`, `@`, tab or CR, the way Excel
 * itself marks "this is text", so "=HYPERLINK(…)" or "-2+3+cmd|…" typed into a name is shown, never run.
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, for files this system exported and a user imports back. */
export function fromSpreadsheet(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
