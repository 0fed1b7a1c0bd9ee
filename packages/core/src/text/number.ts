import { formatNumberVi } from "./format.ts";

/**
 * Reading a number as a Vietnamese user types it: dot groups thousands, comma marks decimals ("1.234,5").
 * The one rule every numeric field follows, on the web and wherever typed text reaches the server: a text
 * either reads as exactly one number or is refused with a reason — it is never guessed at, rounded or
 * clamped. "1.5" is refused rather than read as 15 or 1,5, because both readings are plausible.
 */

export type TNumberProblem =
  | "not_a_number"
  | "decimal_point"
  | "english_format"
  | "several_commas"
  | "missing_whole"
  | "too_long"
  | "negative"
  | "below_min"
  | "above_max"
  | "not_integer";

export type TParsedNumber =
  | { kind: "empty" }
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "invalid"; problem: TNumberProblem; message: string };

/** Digits a double holds exactly; a longer number would be saved as something else than what was typed. */
const MAX_DIGITS = 15;

const GROUPED = /^(\d{1,3}(?:[. ]\d{3})+)(?:,(\d+))?$/;
const PLAIN = /^(\d+)(?:,(\d+))?$/;

function refuse(problem: TNumberProblem, message: string): TParsedNumber {
  return { kind: "invalid", problem, message };
}

/** "1.234,5" → 1234.5; "12 %" → 12 (percent: true); "" → empty; "abc", "1,2,3", "1.5" → refused with a reason. */
export function parseNumberVi(text: string): TParsedNumber {
  let body = text.replace(/[\u00a0\u202f]/g, " ").trim();
  if (body === "") return { kind: "empty" };
  let percent = false;
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trimEnd();
  }
  let sign = 1;
  if (/^[-−–]/.test(body)) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith("+")) body = body.slice(1);
  const match = GROUPED.exec(body) ?? PLAIN.exec(body);
  if (!match) return explainRefusal(body);
  const whole = (match[1] ?? "").replace(/[. ]/g, "");
  const fraction = match[2] ?? "";
  const digits = `${whole}${fraction}`.replace(/^0+/, "");
  if (digits.length > MAX_DIGITS) return refuse("too_long", `Số quá dài: tối đa ${MAX_DIGITS} chữ số.`);
  const value = sign * Number(fraction ? `${whole}.${fraction}` : whole);
  return { kind: "number", value: value === 0 ? 0 : value, percent };
}

function explainRefusal(body: string): TParsedNumber {
  if (/^[\d., ]+$/.test(body)) {
    if ((body.match(/,/g) ?? []).length > 1)
      return refuse("several_commas", "Chỉ dùng một dấu phẩy, trước phần thập phân (ví dụ 1.234,5).");
    if (/,\d*\./.test(body))
      return refuse(
        "english_format",
        "Số viết theo kiểu tiếng Anh: dùng dấu chấm ngăn cách hàng nghìn và dấu phẩy trước phần thập phân (ví dụ 1.234,5).",
      );
    if (body.startsWith(",")) return refuse("missing_whole", "Thiếu phần nguyên trước dấu phẩy (ví dụ 0,5).");
    if (body.includes("."))
      return refuse(
        "decimal_point",
        "Dấu chấm chỉ dùng ngăn cách hàng nghìn (1.234); phần thập phân viết sau dấu phẩy (ví dụ 1,5).",
      );
  }
  return refuse("not_a_number", "Không phải là số: chỉ nhập chữ số, dấu chấm hàng nghìn và dấu phẩy thập phân.");
}

/**
 * True when typing more digits could still make the text a number ("1.2" on the way to "1.234", "12,", "-"):
 * a field need not shout while the user is still in the middle of typing it.
 */
export function isIncompleteNumberVi(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || parseNumberVi(trimmed).kind !== "invalid") return false;
  return ["0", "00", "000"].some((more) => parseNumberVi(`${trimmed}${more}`).kind === "number");
}

export interface TNumberBounds {
  /** Smallest allowed value; default 0 — most things counted cannot be negative. `null` allows any. */
  min?: number | null;
  max?: number | null;
  integer?: boolean;
  /** Names the maximum in the message, e.g. "điểm tối đa" → "Vượt điểm tối đa (30)." */
  maxLabel?: string;
}

/** A message when a number is outside what the field accepts; null when it fits. */
export function checkNumberBounds(value: number, bounds: TNumberBounds = {}): string | null {
  const min = bounds.min === undefined ? 0 : bounds.min;
  if (min !== null && value < min)
    return min === 0 ? "Không được nhập số âm." : `Phải từ ${formatNumberVi(min, { maxDecimals: 6 })} trở lên.`;
  if (bounds.max !== undefined && bounds.max !== null && value > bounds.max) {
    const max = formatNumberVi(bounds.max, { maxDecimals: 6 });
    return bounds.maxLabel ? `Vượt ${bounds.maxLabel} (${max}).` : `Không được lớn hơn ${max}.`;
  }
  if (bounds.integer && !Number.isInteger(value)) return "Phải là số nguyên.";
  return null;
}

export type TNumberField = { ok: true; value: number | null } | { ok: false; message: string };

/** What a numeric field holds: its value (null when empty) or why the typed text cannot be saved. */
export function readNumberField(text: string, bounds: TNumberBounds = {}): TNumberField {
  const parsed = parseNumberVi(text);
  if (parsed.kind === "empty") return { ok: true, value: null };
  if (parsed.kind === "invalid") return { ok: false, message: parsed.message };
  const problem = checkNumberBounds(parsed.value, bounds);
  return problem ? { ok: false, message: problem } : { ok: true, value: parsed.value };
}

/**
 * Lays typed text out again with thousands dots while keeping what the user wrote after the comma (trailing
 * zeros, a comma not yet followed by digits). Text that is not on its way to a number is returned as typed:
 * the field then shows an error rather than a guess.
 */
export function groupTypedNumberVi(text: string): string {
  const match = /^(\s*[-−–]?)([\d.]*)(,\d*)?(\s*%?\s*)$/.exec(text);
  if (!match) return text;
  const [, sign = "", wholeTyped = "", fraction = "", tail = ""] = match;
  const whole = wholeTyped.replace(/\./g, "");
  if (whole === "") return text;
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${grouped}${fraction}${tail}`;
}

/** How a stored number is shown in a field, without rounding it: 1234.5 → "1.234,5", 0.125 → "0,125". */
export function formatNumberForInput(value: number | null | undefined, grouping = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const [whole = "0", fraction] = Math.abs(value).toString().split(".");
  // toString switches to exponents past 1e21 or below 1e-6; such values come from no field of ours.
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}
