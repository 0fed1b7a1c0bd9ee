import { foldVietnamese } from "./fold.ts";

/**
 * Matching Vietnamese agency names as plans write them ("Sở KH&CN", "VP UBND tỉnh", "PQLTM", "Uỷ ban nhân dân")
 * against the units registered in the system.
 */

/** Abbreviations that plans use in unit names, with the words they stand for. Matched case-sensitively. */
const ABBREVIATIONS: readonly (readonly [forms: readonly string[], expansion: string])[] = [
  [["KH&CN", "KHCN", "KH và CN"], "Khoa học và Công nghệ"],
  [["KH&ĐT", "KHĐT"], "Kế hoạch và Đầu tư"],
  [["TT&TT", "TTTT"], "Thông tin và Truyền thông"],
  [["VH,TT&DL", "VHTT&DL", "VHTTDL"], "Văn hóa, Thể thao và Du lịch"],
  [["NN&PTNT", "NNPTNT"], "Nông nghiệp và Phát triển nông thôn"],
  [["NN&MT", "NNMT"], "Nông nghiệp và Môi trường"],
  [["TN&MT", "TNMT"], "Tài nguyên và Môi trường"],
  [["GD&ĐT", "GDĐT"], "Giáo dục và Đào tạo"],
  [["LĐTB&XH", "LĐTBXH"], "Lao động - Thương binh và Xã hội"],
  [["GTVT"], "Giao thông vận tải"],
  [["UBND"], "Ủy ban nhân dân"],
  [["HĐND"], "Hội đồng nhân dân"],
  [["VP"], "Văn phòng"],
  [["CA"], "Công an"],
  [["XD"], "Xây dựng"],
  [["BQL"], "Ban quản lý"],
  [["BCĐ"], "Ban Chỉ đạo"],
  // Two-letter codes that mean something else outside "Sở …" (TC, CT, TP, NV, YT) only expand after "Sở".
  [["Sở TC"], "Sở Tài chính"],
  [["Sở CT"], "Sở Công Thương"],
  [["Sở NV"], "Sở Nội vụ"],
  [["Sở TP"], "Sở Tư pháp"],
  [["Sở YT"], "Sở Y tế"],
  [["TP"], "thành phố"],
  [["TTHC"], "thủ tục hành chính"],
  [["DVCTT"], "dịch vụ công trực tuyến"],
  [["DVC"], "dịch vụ công"],
  [["DN"], "doanh nghiệp"],
  [["CNTT"], "công nghệ thông tin"],
  [["CĐS"], "chuyển đổi số"],
  [["ATTT"], "an toàn thông tin"],
];

// Unicode-aware word edges: JavaScript's \b only knows ASCII, and "Đ" or "ở" next to an abbreviation is a letter.
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}&])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}&])";

/** "KH&CN" also matches "KH & CN"; "VH,TT&DL" also "VH, TT & DL". */
function abbreviationPattern(form: string): RegExp {
  const body = form
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/&/g, "\\s*&\\s*")
    .replace(/,/g, "\\s*,\\s*")
    .replace(/ /g, "\\s+");
  return new RegExp(`${NOT_WORD_BEFORE}${body}${NOT_WORD_AFTER}`, "gu");
}

// Longest forms first, so "Sở TP" wins over "TP" and "DVCTT" over "DVC".
const ABBREVIATION_PATTERNS = ABBREVIATIONS.flatMap(([forms, expansion]) => forms.map((form) => ({ form, expansion })))
  .sort((a, b) => b.form.length - a.form.length)
  .map(({ form, expansion }) => ({ pattern: abbreviationPattern(form), expansion }));

/** "VP UBND tỉnh" → "Văn phòng Ủy ban nhân dân tỉnh"; text without known abbreviations is returned unchanged. */
export function expandUnitAbbreviations(name: string): string {
  let text = name.normalize("NFC");
  for (const { pattern, expansion } of ABBREVIATION_PATTERNS) text = text.replace(pattern, expansion);
  return text;
}

/**
 * Key for comparing names without expanding abbreviations: folded, "&" and "và" dropped (they are interchangeable
 * and often omitted), punctuation turned into spaces. "Sở Văn hoá, Thể thao & Du lịch" → "so van hoa the thao du lich".
 */
export function foldUnitName(name: string): string {
  return unitNameWords(name).join(" ");
}

/** foldUnitName after expanding abbreviations: "Sở KH&CN" and "Sở Khoa học và Công nghệ" give the same key. */
export function normalizeUnitName(name: string): string {
  return foldUnitName(expandUnitAbbreviations(name));
}

/** Initials of the expanded name, accents ignored, "và" skipped: "Phòng Quản lý thương mại" → "PQLTM". */
export function unitAcronym(name: string): string {
  return initials(unitNameWords(expandUnitAbbreviations(name))).toUpperCase();
}

function unitNameWords(name: string): string[] {
  return foldVietnamese(name.replace(/&/g, " và "))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((word) => word !== "" && word !== "va");
}

function initials(words: readonly string[]): string {
  return words.map((word) => word.charAt(0)).join("");
}

/**
 * Short forms a name may be written as: all initials ("pqltm"), or leading words kept and the rest as initials
 * ("phongqltm" for "Phòng QLTM", "sokhcn" for "Sở KHCN"). Compared without spaces.
 */
function compactForms(name: string): string[] {
  const words = unitNameWords(expandUnitAbbreviations(name));
  return words.map((_, keep) => words.slice(0, keep).join("") + initials(words.slice(keep)));
}

export type TUnitMatchConfidence = "exact" | "normalized" | "abbreviation";

/** What matching needs of a unit; `shortName` is the form the unit is usually written as ("Sở KH&CN", "PQLTM"). */
export interface TUnitNameCandidate {
  id: string;
  name: string;
  shortName?: string | null;
}

export interface TUnitNameMatch<U extends TUnitNameCandidate> {
  unit: U;
  /**
   * exact: same text (spacing aside) as the name or short name; normalized: equal once accents, case, "&"/"và",
   * "Ủy"/"Uỷ" and punctuation are ignored (or after dropping a parenthesised note); abbreviation: equal only after
   * expanding an abbreviation or reading the name as initials.
   */
  confidence: TUnitMatchConfidence;
}

interface TIndexedUnit<U> {
  unit: U;
  exact: Set<string>;
  folded: Set<string>;
  normalized: Set<string>;
  compact: Set<string>;
}

/** Acronym matching below this length ("CA", "VP") collides too often; those go through the abbreviation table. */
const MIN_COMPACT_LENGTH = 3;

function exactKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function indexUnit<U extends TUnitNameCandidate>(unit: U): TIndexedUnit<U> {
  const names = [unit.name, unit.shortName].filter((n): n is string => Boolean(n?.trim()));
  return {
    unit,
    exact: new Set(names.map(exactKey)),
    folded: new Set(names.map(foldUnitName)),
    normalized: new Set(names.map(normalizeUnitName)),
    compact: new Set(names.flatMap(compactForms)),
  };
}

/** The single unit a level matches; several mean the name is ambiguous, and a weaker level must not break the tie. */
type TLevelResult<U> = { unit: U } | "none" | "ambiguous";

function matchLevel<U>(index: readonly TIndexedUnit<U>[], test: (entry: TIndexedUnit<U>) => boolean): TLevelResult<U> {
  const found = index.filter(test);
  if (found.length === 0) return "none";
  return found.length === 1 && found[0] ? { unit: found[0].unit } : "ambiguous";
}

function matchIndexed<U extends TUnitNameCandidate>(
  name: string,
  index: readonly TIndexedUnit<U>[],
): TUnitNameMatch<U> | null {
  const folded = foldUnitName(name);
  if (!folded) return null;
  const normalized = normalizeUnitName(name);
  const compact = folded.replace(/ /g, "");
  const levels: [TUnitMatchConfidence, (entry: TIndexedUnit<U>) => boolean][] = [
    ["exact", (e) => e.exact.has(exactKey(name))],
    ["normalized", (e) => e.folded.has(folded)],
    [
      "abbreviation",
      (e) => e.normalized.has(normalized) || (compact.length >= MIN_COMPACT_LENGTH && e.compact.has(compact)),
    ],
  ];
  for (const [confidence, test] of levels) {
    const result = matchLevel(index, test);
    if (result === "ambiguous") return null;
    if (result !== "none") return { unit: result.unit, confidence };
  }
  return null;
}

const PARENTHESISED = /\s*\([^()]*\)/g;

/**
 * Builds a matcher once for many lookups (an imported plan has hundreds of rows).
 * Returns null when nothing matches or when two units match equally well: a wrong lead agency is worse than none.
 * A trailing note in parentheses ("PKHTCTH (Tiền, Mai Lan)") is dropped as a last resort, which is at best a
 * "normalized" match because the text was changed.
 */
export function createUnitNameMatcher<U extends TUnitNameCandidate>(
  units: readonly U[],
): (name: string) => TUnitNameMatch<U> | null {
  const index = units.map(indexUnit);
  return (name) => {
    const direct = matchIndexed(name, index);
    if (direct || !name.includes("(")) return direct;
    const stripped = matchIndexed(name.replace(PARENTHESISED, ""), index);
    if (!stripped) return null;
    return { unit: stripped.unit, confidence: stripped.confidence === "exact" ? "normalized" : stripped.confidence };
  };
}

/** Finds the unit a written name refers to, matching its full name and its short name. */
export function matchUnitName<U extends TUnitNameCandidate>(
  name: string,
  units: readonly U[],
): TUnitNameMatch<U> | null {
  return createUnitNameMatcher(units)(name);
}

/*
 * Splitting a "cơ quan phối hợp" cell into unit names.
 *
 * Heuristic:
 * - ";" always separates items (outside parentheses).
 * - "," separates items only when the text after it starts like a new agency: a capitalised agency head word
 *   (Sở, Văn phòng, Công an, Ban, UBND, Phòng, Chi cục, Cục, Trung tâm, Báo, Thống kê, …), a telecom brand
 *   (Viettel, VNPT, …) or an all-capitals code (PQLCN, CCQLTT). So "Các sở, ban, ngành, địa phương",
 *   "Sở Văn hóa, Thể thao và Du lịch" and "Báo và Phát thanh, Truyền hình Khánh Hòa" stay whole: what follows
 *   their commas is lowercase or not an agency head.
 * - "và các …" starts a new group ("PKT&QLNL và các đơn vị thuộc Sở").
 * - A leading label ending in ":" ("Các đơn vị: Viettel, Mobifone") is dropped; the names after it are the items.
 * - A line break is a line wrap (PDF and Word cells wrap mid-name: "Văn phòng UBND\ntỉnh") unless the next line
 *   starts with a bullet, or starts like a new agency after a line that is more than a bare head word
 *   ("Văn phòng\nUBND tỉnh" is one name).
 * - Commas and semicolons inside parentheses never split ("Phòng QLTM (… sàn TMĐT Voso, Postmart)").
 * - Bullets, trailing punctuation and a lone "-" (the plans' "none") are removed; duplicates are dropped.
 */

const AGENCY_HEADS = [
  "Sở",
  "Văn phòng",
  "Công an",
  "Ban",
  "Ủy ban",
  "Uỷ ban",
  "UBND",
  "HĐND",
  "Hội đồng",
  "Phòng",
  "Chi cục",
  "Cục",
  "Trung tâm",
  "Báo",
  "Đài",
  "Thống kê",
  "Thanh tra",
  "Kho bạc",
  "Ngân hàng",
  "Bảo hiểm",
  "Thuế",
  "Hải quan",
  "Điện lực",
  "Bưu điện",
  "Tỉnh ủy",
  "Tỉnh uỷ",
  "Tỉnh đoàn",
  "Đảng ủy",
  "Đảng uỷ",
  "Mặt trận",
  "Liên đoàn",
  "Hội",
  "Bộ",
  "Tòa án",
  "Viện",
  "Trường",
  "Bệnh viện",
  "Công ty",
  "Tổng công ty",
  "Tập đoàn",
  "Đơn vị",
  "Các",
  "Xã",
  "Phường",
  "Đặc khu",
  "Viettel",
  "VNPT",
  "Mobifone",
  "MobiFone",
  "Vinaphone",
  "VinaPhone",
  "Vietnamobile",
  "FPT",
  "CMC",
  "VNPost",
];

const HEAD_ALTERNATION = AGENCY_HEADS.map((h) => h.replace(/ /g, "\\s+")).join("|");
const ALL_CAPS_CODE = "[A-ZĐ][A-ZĐ0-9&]*[A-ZĐ0-9]";
const AGENCY_START = new RegExp(`^(?:${HEAD_ALTERNATION}|${ALL_CAPS_CODE})(?![\\p{L}\\p{N}])`, "u");
const LONE_HEAD = new RegExp(`^(?:${HEAD_ALTERNATION})$`, "u");
const COMMA_BEFORE_AGENCY = new RegExp(`,\\s*(?=(?:${HEAD_ALTERNATION}|${ALL_CAPS_CODE})(?![\\p{L}\\p{N}]))`, "gu");
const AND_BEFORE_GROUP = /\s+(?:và|&)\s+(?=các\s)/giu;
const BULLET = /^(?:[-–—+•*]|\d{1,2}[.)])\s/u;
const LIST_LABEL = /^(?:các|gồm|bao gồm)[^:()]*:\s*/iu;
const INVISIBLE = /[\u200b-\u200d\ufeff\u00ad]/g;

/** Splits at each match of a global regex that lies outside (), [] and “”. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const depthAt = nestingDepths(text);
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(separator)) {
    if (depthAt[match.index] !== 0) continue;
    parts.push(text.slice(from, match.index));
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

function nestingDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const char of text) {
    if ("([{“".includes(char)) depth++;
    depths.push(depth);
    if (")]}”".includes(char)) depth = Math.max(0, depth - 1);
    // Characters outside the BMP take two indices in match.index; repeat the depth for the second one.
    if (char.length === 2) depths.push(depth);
  }
  return depths;
}

function isNewItemOnNewLine(before: string, line: string): boolean {
  if (BULLET.test(line) || /^[-–—+•*]$/.test(line)) return true;
  if (!AGENCY_START.test(line)) return false;
  const tail = before.split(/[;,]/).pop()?.trim() ?? "";
  return tail !== "" && !LONE_HEAD.test(tail);
}

/** Turns line breaks into ";" where they separate items and into spaces where they only wrap a name. */
function joinWrappedLines(text: string): string {
  const lines = text.split(/\r\n?|\n/).map((line) => line.trim());
  let joined = lines[0] ?? "";
  for (const line of lines.slice(1)) {
    if (line === "") joined += ";";
    else joined += (isNewItemOnNewLine(joined, line) ? ";" : " ") + line;
  }
  return joined;
}

function cleanItem(item: string): string {
  return item
    .replace(/\s+/g, " ")
    .replace(/^(?:[\s\-–—+•*]+|\d{1,2}[.)]\s+)+/u, "")
    .replace(/[\s.,;:]+$/u, "")
    .trim();
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

function splitSegment(segment: string): string[] {
  const cleaned = cleanItem(segment);
  const withoutLabel = cleaned.replace(LIST_LABEL, "");
  const list = withoutLabel === "" ? cleaned : withoutLabel;
  return splitTopLevel(list, COMMA_BEFORE_AGENCY).flatMap((part) => splitTopLevel(part, AND_BEFORE_GROUP));
}

/**
 * "Sở KH&CN; Văn phòng UBND tỉnh" → ["Sở KH&CN", "Văn phòng UBND tỉnh"];
 * "Các sở, ban, ngành, địa phương" → ["Các sở, ban, ngành, địa phương"]. See the heuristic above.
 */
export function splitUnitList(text: string): string[] {
  const joined = joinWrappedLines(text.normalize("NFC").replace(INVISIBLE, ""));
  const items = splitTopLevel(joined, /;/g)
    .flatMap(splitSegment)
    .map(cleanItem)
    .filter((item) => item !== "")
    .map(capitaliseFirst);
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = foldUnitName(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Key for comparing a named group of units with a group text of a framework or plan: the unit-name key without a
 * leading "Các" ("Các sở, ban, ngành" and "Sở, ban, ngành" are the same group).
 */
export function unitGroupKey(name: string): string {
  return foldUnitName(name).replace(/^cac /, "");
}

/** The named group a text names, if any: the first whose key equals the text's. */
export function findUnitGroup<G extends { name: string }>(text: string, groups: readonly G[]): G | undefined {
  const key = unitGroupKey(text);
  return key ? groups.find((g) => unitGroupKey(g.name) === key) : undefined;
}
