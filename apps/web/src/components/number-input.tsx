import {
  formatNumberForInput,
  groupTypedNumberVi,
  isIncompleteNumberVi,
  readNumberField,
  type TNumberBounds,
} from "@chiso/core";
import { Input, Typography } from "antd";
import { type CSSProperties, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from "react";

/**
 * What a form field holds while its text is not a number: antd forms keep this instead of the last good
 * value, so a form cannot be sent with a number the screen no longer shows (see `numberRules`).
 */
export const INVALID_NUMBER = Number.NaN;

export interface TNumberInputProps extends TNumberBounds {
  value?: number | null;
  /** Called with the number the text now reads as (null when empty); INVALID_NUMBER when it reads as none. */
  onChange?(value: number | null): void;
  /** The inline error shown now, or null: a form can refuse to save while a field is wrong. */
  onProblem?(message: string | null): void;
  /** Another field's verdict on this one (a part larger than its whole), shown like the field's own. */
  problem?: string | null;
  /** Thousands dots; off for years and codes. */
  grouping?: boolean;
  disabled?: boolean;
  placeholder?: string;
  suffix?: ReactNode;
  style?: CSSProperties;
  "aria-label"?: string;
  id?: string;
}

/**
 * The one numeric field: Vietnamese numbers ("1.234,5") grouped as they are typed, read by the core parser,
 * and an inline error instead of any silent change — text that is not a number, a negative, a value over the
 * maximum is never rounded, clamped or emptied; the field keeps what was typed and says what is wrong.
 */
export function NumberInput({
  value,
  onChange,
  onProblem,
  problem: outsideProblem,
  grouping = true,
  disabled,
  placeholder,
  suffix,
  style,
  id,
  "aria-label": ariaLabel,
  ...bounds
}: TNumberInputProps) {
  const [text, setText] = useState(() => formatNumberForInput(value, grouping));
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const caret = useRef<number | null>(null);
  const errorId = useId();
  const reported = useRef<string | null>(null);

  const read = readNumberField(text, bounds);
  // Half-typed text ("1.2" on the way to "1.234") waits for the user to leave the field before it is an error.
  const ownProblem = read.ok || (focused && isIncompleteNumberVi(text)) ? null : read.message;
  const shown = ownProblem ?? outsideProblem ?? null;

  // A value set from outside (a reload, another copy of the report) replaces the text unless it says the same;
  // typing alone never rewrites the text, so "abc" stays on screen beside its error.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the value, not the text being typed
  useEffect(() => {
    if (value !== undefined && value !== null && Number.isNaN(value)) return;
    const current = readNumberField(text, { min: null });
    if (!current.ok || current.value !== (value ?? null)) setText(formatNumberForInput(value, grouping));
  }, [value, grouping]);

  useEffect(() => {
    const problem = read.ok ? null : read.message;
    if (reported.current !== problem) {
      reported.current = problem;
      onProblem?.(problem);
    }
  });

  useLayoutEffect(() => {
    if (caret.current !== null && input.current) {
      input.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  const handleChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    const position = event.target.selectionStart ?? typed.length;
    // Dots the user typed are theirs to keep ("1.5" is then refused, never read as 15); dots already there were
    // laid out by this field and are laid out again around the digits typed.
    const userAddedDot = count(typed, ".") > count(text, ".");
    const next = grouping && !userAddedDot ? groupTypedNumberVi(typed) : typed;
    if (next !== typed) caret.current = caretAfterDigits(next, digitsBefore(typed, position));
    setText(next);
    const outcome = readNumberField(next, bounds);
    onChange?.(outcome.ok ? outcome.value : INVALID_NUMBER);
  };

  return (
    <span style={{ display: "inline-flex", flexDirection: "column", gap: 2, ...style }}>
      <Input
        ref={(element) => {
          input.current = element?.input ?? null;
        }}
        id={id}
        inputMode="decimal"
        autoComplete="off"
        aria-label={ariaLabel}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? errorId : undefined}
        status={shown ? "error" : undefined}
        placeholder={placeholder}
        disabled={disabled}
        suffix={suffix}
        value={text}
        onChange={handleChange}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {shown && (
        <Typography.Text type="danger" id={errorId} role="alert" style={{ fontSize: 13, lineHeight: 1.4 }}>
          {shown}
        </Typography.Text>
      )}
    </span>
  );
}

/** antd form rule for a NumberInput: refuses to submit while the field shows an error (its text says why). */
export const numberRules = [
  {
    validator: (_: unknown, value: unknown) =>
      typeof value === "number" && Number.isNaN(value) ? Promise.reject(new Error("")) : Promise.resolve(),
  },
];

const count = (text: string, char: string) => text.split(char).length - 1;

const digitsBefore = (text: string, position: number) => text.slice(0, position).replace(/\D/g, "").length;

/** The caret position just after the n-th digit, so regrouping does not make the caret jump. */
function caretAfterDigits(text: string, digits: number): number {
  if (digits === 0) return text.search(/\d/) === -1 ? text.length : text.search(/\d/);
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text.charAt(i))) seen++;
    if (seen === digits) return i + 1;
  }
  return text.length;
}
