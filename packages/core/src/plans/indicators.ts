import { foldVietnamese } from "../text/fold.ts";

export interface TIndicatorCandidate {
  id: string;
  code: string;
  name: string;
}

/** Names shorter than this ("Nhận thức số") are too general to say which indicator a task raises. */
const MIN_NAME_WORDS = 4;

function words(text: string): string {
  return ` ${foldVietnamese(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/**
 * Indicators a task names word for word in its content or expected result ("Chỉ tiêu về tỷ lệ doanh nghiệp sử dụng
 * hợp đồng điện tử" → 7.3). Only whole indicator names of four words or more count, and a name contained in a
 * longer matched name is dropped (5.4's name is the start of 5.5's): a suggestion the user confirms, never a guess
 * from similar words.
 */
export function suggestIndicatorLinks<I extends TIndicatorCandidate>(
  texts: readonly (string | null | undefined)[],
  indicators: readonly I[],
): I[] {
  const haystack = words(texts.filter(Boolean).join(" . "));
  const found = indicators
    .map((indicator) => ({ indicator, key: words(indicator.name) }))
    .filter(({ key }) => key.trim().split(" ").length >= MIN_NAME_WORDS && haystack.includes(key));
  return found
    .filter(({ key }) => !found.some((other) => other.key !== key && other.key.includes(key)))
    .map(({ indicator }) => indicator);
}
