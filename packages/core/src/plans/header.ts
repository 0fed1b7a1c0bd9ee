import { isoDate, isValidCalendarDate } from "../calendar/dates.ts";
import { foldVietnamese } from "../text/fold.ts";

/** What the first lines of a plan say about it; every field is a suggestion the user can correct. */
export interface TDetectedPlanHeader {
  /** Số hiệu, "17a/KH-SCT"; null when the number is left blank ("Số: /KH-SCT"). */
  code: string | null;
  /** The issuing body's abbreviation in the số hiệu ("SCT" in "17a/KH-SCT"), to look up the unit. */
  issuerAbbreviation: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  startYear: number | null;
  endYear: number | null;
  legalBases: string | null;
  signer: string | null;
  /** Số hiệu of plans this one carries out ("Thực hiện … Kế hoạch số 4636/KH-UBND …"). */
  parentCodes: string[];
}

const CODE_LINE = /^(?:Số|SỐ|So)\s*:?\s*(.*)$/u;
/** "… Số: 512/KH-UBND …" inside a line: a letterhead read as one line, or a number written under the title. */
const INLINE_CODE = /(?:^|\s)(?:Số|SỐ)\s*:\s*(\d*[\p{L}]?\s*\/\s*[\p{Lu}\d&]+(?:-[\p{Lu}\d&]+)*)/u;
const CODE = /^\d+[\p{L}]?\/[\p{Lu}\d&]+(?:-[\p{Lu}\d&]+)*$/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const PLAN_REFERENCE = /Kế hoạch số\s+(\d+[\p{L}]?\s*\/\s*[\p{Lu}\d&]+(?:-[\p{Lu}\d&]+)*)/gu;
const SIGNER_TITLES =
  /^(?:kt\.?\s*|tm\.?\s*|q\.?\s*)?(?:pho )?(?:giam doc|chu tich|truong ban|chanh van phong|truong phong)$/;
const PERSON_NAME = /^(?:\p{Lu}[\p{Ll}]*\s+){1,5}\p{Lu}[\p{Ll}]*$/u;
const TITLE_STOP = /^(?:can cu|thuc hien|theo de nghi|de |nham |i\.|1\.|phan i|phu luc)/;

/** "Số:17a /KH-SCT" → "17a/KH-SCT" (spaces inside a số hiệu are typing slips). */
function readCode(line: string): { code: string | null; abbreviation: string | null } {
  const compact = line.replace(/\s+/g, "");
  const suffix = compact.split("/").pop() ?? "";
  const abbreviation = suffix.includes("-") ? (suffix.split("-").pop() ?? null) : null;
  return { code: CODE.test(compact) ? compact : null, abbreviation: abbreviation || null };
}

function readYears(title: string): { startYear: number | null; endYear: number | null } {
  const folded = foldVietnamese(title).replace(/[\u2010-\u2015]/g, "-");
  const span = /(\d{4})\s*-\s*(\d{4})/.exec(folded);
  if (span) return { startYear: Number(span[1]), endYear: Number(span[2]) };
  const onwards = /nam (\d{4}) va (?:cac|nhung) nam (?:tiep theo|sau)/.exec(folded);
  if (onwards) return { startYear: Number(onwards[1]), endYear: null };
  const year = /nam (\d{4})/.exec(folded);
  return year ? { startYear: Number(year[1]), endYear: Number(year[1]) } : { startYear: null, endYear: null };
}

/** The title without a số hiệu written into it ("KẾ HOẠCH Số: 512/KH-UBND Triển khai …" → "Triển khai …"). */
const withoutCode = (line: string) => line.replace(INLINE_CODE, " ").replace(/\s+/g, " ").trim();

function readTitle(lines: readonly string[]): string | null {
  const at = lines.findIndex((line) => /^ke hoach\b/.test(foldVietnamese(line)));
  if (at < 0) return null;
  const rest = withoutCode(lines[at]!.replace(/^\s*KẾ\s+HOẠCH\s*:?\s*/iu, ""));
  if (rest) return rest;
  const parts: string[] = [];
  for (const line of lines.slice(at + 1, at + 4)) {
    if (TITLE_STOP.test(foldVietnamese(line)) || line.length > 200) break;
    const text = withoutCode(line);
    if (text) parts.push(text);
  }
  return parts.length ? parts.join(" ") : null;
}

function readSigner(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!SIGNER_TITLES.test(foldVietnamese(lines[i]!).replace(/\s+/g, " "))) continue;
    const name = lines.slice(i + 1, i + 4).find((line) => PERSON_NAME.test(line));
    if (name) return name;
  }
  return null;
}

/**
 * Reads số hiệu, date, title, years, legal bases, parent plans and signer from a plan's paragraphs (the text before
 * and around its tables). Nothing is invented: a field the text does not state stays null.
 */
export function detectPlanHeader(rawLines: readonly string[]): TDetectedPlanHeader {
  const lines = rawLines
    .map((line) =>
      line
        .normalize("NFC")
        .replace(/[*_#]+/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean);
  const head = lines.slice(0, 15);
  const codeLine =
    head.map((line) => CODE_LINE.exec(line)).find((m) => m !== null) ??
    head.map((line) => INLINE_CODE.exec(line)).find((m) => m !== null);
  const { code, abbreviation } = codeLine ? readCode(codeLine[1] ?? "") : { code: null, abbreviation: null };

  let issuedOn: string | null = null;
  let place: string | null = null;
  const dateLine = head.find((line) => /ngày.*tháng.*năm/iu.test(line));
  const date = dateLine ? DATE.exec(dateLine) : null;
  if (date) {
    const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (isValidCalendarDate(year, month, day)) issuedOn = isoDate(year, month, day);
  }
  if (dateLine?.includes(",")) place = dateLine.split(",")[0]!.trim() || null;

  const title = readTitle(head);
  const years = title ? readYears(title) : { startYear: null, endYear: null };
  if (years.startYear === null && issuedOn) {
    years.startYear = Number(issuedOn.slice(0, 4));
    years.endYear = years.startYear;
  }

  const bases = lines.filter((line) => /^can cu\b/.test(foldVietnamese(line)));
  // The plans it carries out ("Thực hiện …") before those it only cites ("Căn cứ …").
  const referencing = [...lines.filter((line) => /^thuc hien\b/.test(foldVietnamese(line))), ...bases];
  const parentCodes = [
    ...new Set(
      referencing.flatMap((line) => [...line.matchAll(PLAN_REFERENCE)].map((m) => (m[1] ?? "").replace(/\s+/g, ""))),
    ),
  ].filter((parent) => parent !== code);

  return {
    code,
    issuerAbbreviation: abbreviation,
    issuedOn,
    place,
    title,
    ...years,
    legalBases: bases.length ? bases.join("\n") : null,
    signer: readSigner(lines),
    parentCodes,
  };
}
