/**
 * Accent- and case-insensitive keys for Vietnamese text.
 * Users type with or without accents ("chuyen doi so"), with either tone placement ("Hoà"/"Hòa", "Uỷ"/"Ủy") and in
 * NFC or NFD (text pasted from Word is often decomposed); all of these must meet on one key.
 */

// Combining marks after NFD: the five tones plus circumflex, breve and horn (â ă ơ ư) are all in this block.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Zero-width characters that Word and PDFs leave inside words.
const INVISIBLE = /[\u200b-\u200d\ufeff\u00ad]/g;

/** "Chuyển  Đổi Số " → "chuyen doi so": lowercase, no diacritics, đ → d, single spaces, trimmed. */
export function foldVietnamese(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when every word of the query occurs somewhere in the haystack, ignoring accents and case, in any order:
 * "so kh" finds "Sở KH&CN". An empty query matches everything, so an empty search box filters nothing.
 */
export function matchesSearch(haystack: string, query: string): boolean {
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  const folded = foldVietnamese(haystack);
  return words.every((word) => folded.includes(word));
}
