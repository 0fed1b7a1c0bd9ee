/**
 * A plan's own numbering of its task rows ("I", "II", "1", "1.1", "a)"), read so rows can be nested the way the
 * plan nests them. The text is kept as written; only the kind and the normalised label drive the nesting.
 */

export type TTaskNumberKind = "roman" | "arabic" | "letter" | "none" | "other";

export interface TTaskNumber {
  kind: TTaskNumberKind;
  /** "1.1." → "1.1", "a)" → "a", "II." → "II"; "" for none. */
  label: string;
}

const ROMAN = /^(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ARABIC = /^\d{1,3}(?:\.\d{1,3})*$/;
// Plans letter sub-items a), b), c), d), đ), e)… in lowercase; "đ" comes after "d" in Vietnamese.
const LETTER = /^[a-zđ]$/u;

/** Reads the STT cell of a row. Anything else that is not empty ("*", "Ghi chú") is "other": kept, never nested. */
export function parseTaskNumber(text: string | null | undefined): TTaskNumber {
  const raw = (text ?? "").normalize("NFC").replace(/\s+/g, "").trim();
  if (raw === "") return { kind: "none", label: "" };
  const bare = raw.replace(/^\(/, "").replace(/[.)]+$/, "");
  if (ROMAN.test(bare)) return { kind: "roman", label: bare };
  if (ARABIC.test(bare)) return { kind: "arabic", label: bare };
  if (LETTER.test(bare)) return { kind: "letter", label: bare };
  return { kind: "other", label: raw };
}

/** True for a cell that reads as a row number: such a row is data, never a header. */
export function looksLikeTaskNumber(text: string | null | undefined): boolean {
  const { kind } = parseTaskNumber(text);
  return kind === "roman" || kind === "arabic" || kind === "letter";
}

/**
 * Whether a numbered row `child` nests under `parent`: everything nests under a roman section; "1.2" under "1";
 * letters under the last numbered item. Siblings and higher levels do not.
 */
export function nestsUnder(parent: TTaskNumber, child: TTaskNumber): boolean {
  if (parent.kind === "roman") return child.kind !== "roman";
  if (parent.kind === "arabic") {
    if (child.kind === "letter") return true;
    return child.kind === "arabic" && child.label.startsWith(`${parent.label}.`);
  }
  return false;
}
