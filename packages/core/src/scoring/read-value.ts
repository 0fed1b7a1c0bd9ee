import type { TInputValue, TReportedValues } from "../framework/indicator.ts";

/** Reading one input either yields a value or says why the indicator cannot be scored. */
export type TReadResult<T> =
  | { kind: "value"; value: T }
  | { kind: "not_reported" }
  | { kind: "invalid"; reason: string };
export type TReadFailure = Exclude<TReadResult<unknown>, { kind: "value" }>;

export const NOT_REPORTED = { kind: "not_reported" } as const;

export function invalid(reason: string): { kind: "invalid"; reason: string } {
  return { kind: "invalid", reason };
}

/** An empty form field arrives as undefined, null or "" — all mean "not reported yet", never 0. */
export function isBlank(value: TInputValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** `name` is the Vietnamese word used in the reason, e.g. "mẫu số". */
export function readNumber(
  values: TReportedValues,
  key: string,
  name: string,
  allowNegative = false,
): TReadResult<number> {
  const raw = values[key];
  if (isBlank(raw)) return NOT_REPORTED;
  if (typeof raw !== "number" || !Number.isFinite(raw)) return invalid(`${name} không phải là số`);
  if (raw < 0 && !allowNegative) return invalid(`${name} không được âm`);
  return { kind: "value", value: raw };
}

export function readBoolean(values: TReportedValues, key: string, name: string): TReadResult<boolean> {
  const raw = values[key];
  if (isBlank(raw)) return NOT_REPORTED;
  if (typeof raw !== "boolean") return invalid(`${name} phải là Có hoặc Không`);
  return { kind: "value", value: raw };
}

export function readText(values: TReportedValues, key: string, name: string): TReadResult<string> {
  const raw = values[key];
  if (isBlank(raw)) return NOT_REPORTED;
  if (typeof raw !== "string") return invalid(`${name} không hợp lệ`);
  return { kind: "value", value: raw.trim() };
}

/** When several inputs fail, a wrong value is worth reporting before a missing one. */
export function worstFailure(...reads: TReadResult<unknown>[]): TReadFailure {
  const wrong = reads.find((read) => read.kind === "invalid");
  return wrong ?? NOT_REPORTED;
}
