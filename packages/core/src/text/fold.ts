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
  const words = searchWords(query);
  const folded = foldVietnamese(haystack);
  return words.every((word) => folded.includes(word));
}

const VOWELS = "aăâeêioôơuưy";
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

/**
 * Every Vietnamese letter with a mark, upper and lower case, beside its folded letter — one character each —
 * for engines that fold by translating characters (SQL `translate`), so a search on the server finds what
 * `matchesSearch` finds in the browser. Lower-casing the ASCII that remains is left to the engine.
 */
export function foldTranslation(): { from: string; to: string } {
  const letters = new Set<string>(["đ", "Đ"]);
  for (const vowel of VOWELS)
    for (const tone of TONES) {
      const letter = `${vowel}${tone}`.normalize("NFC");
      letters.add(letter);
      letters.add(letter.toUpperCase());
    }
  const marked = [...letters].filter((l) => foldVietnamese(l) !== l);
  return { from: marked.join(""), to: marked.map((l) => foldVietnamese(l)).join("") };
}

/** The words of a search, folded: every one must occur in what it searches. */
export function searchWords(query: string): string[] {
  return foldVietnamese(query).split(" ").filter(Boolean);
}
