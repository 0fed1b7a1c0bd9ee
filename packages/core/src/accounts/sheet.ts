import { z } from "zod";
import { ZAccountCreate, ZUsername } from "../contracts/accounts.ts";
import { ZRole } from "../contracts/roles.ts";
import { type TUnitKind, UNIT_KIND_LABELS, UNIT_KINDS } from "../contracts/units.ts";
import { ROLES, type TRole } from "../policy/actor.ts";
import { foldVietnamese } from "../text/fold.ts";

/**
 * The accounts sheet ("tạo lập và cấp phát tài khoản … cho các cơ quan chủ trì, cơ quan phối hợp"): one row per
 * account, naming its unit (created when new, under "Đơn vị cấp trên") and the person's roles.
 */
export const ACCOUNT_SHEET_COLUMNS = [
  { key: "unit", header: "Đơn vị", note: "Tên đơn vị của người dùng; đơn vị chưa có sẽ được tạo mới." },
  {
    key: "parent",
    header: "Đơn vị cấp trên",
    note: "Chỉ cần cho đơn vị mới; để trống: trực thuộc phạm vi của người nhập (cấp tỉnh: đơn vị cấp tỉnh).",
  },
  {
    key: "kind",
    header: "Loại đơn vị",
    note: "Chỉ cần cho đơn vị mới: Sở, ban, ngành; Xã, phường, đặc khu; Phòng thuộc sở…",
  },
  { key: "fullName", header: "Họ và tên", note: "Bắt buộc." },
  { key: "position", header: "Chức vụ", note: "Không bắt buộc." },
  { key: "email", header: "Email", note: "Không bắt buộc; dùng để gửi mật khẩu ban đầu." },
  { key: "username", header: "Tên đăng nhập", note: "Bắt buộc: chữ không dấu, số, . _ -" },
  {
    key: "roles",
    header: "Vai trò",
    note: "Một hoặc nhiều, cách nhau bởi dấu phẩy: Quản trị, Lãnh đạo đơn vị, Cán bộ báo cáo, Hội đồng thẩm định, Lãnh đạo (chỉ xem).",
  },
  {
    key: "scope",
    header: "Phạm vi",
    note: "Cho Quản trị, Hội đồng thẩm định, Lãnh đạo (chỉ xem): tên cơ quan; để trống: phạm vi của người nhập.",
  },
] as const;

export type TAccountSheetKey = (typeof ACCOUNT_SHEET_COLUMNS)[number]["key"];

/** Vietnamese names a sheet may give each role (the codes are accepted too); compared without accents. */
export const ROLE_SHEET_NAMES: Record<TRole, readonly string[]> = {
  coordinator: ["Quản trị", "Điều phối", "Đầu mối", "Quản trị (Sở KH&CN)"],
  unit_lead: ["Lãnh đạo đơn vị", "Lãnh đạo"],
  unit_reporter: ["Cán bộ báo cáo", "Báo cáo", "Cán bộ"],
  appraiser: ["Hội đồng thẩm định", "Thẩm định"],
  viewer: ["Lãnh đạo (chỉ xem)", "Chỉ xem", "Xem"],
};

const ROLE_BY_KEY = new Map<string, TRole>(
  ROLES.flatMap((role) => [role, ...ROLE_SHEET_NAMES[role]].map((name) => [foldVietnamese(name), role] as const)),
);

/** "Lãnh đạo đơn vị, can bo bao cao" → the roles, and the names that are none. */
export function parseSheetRoles(text: string): { roles: TRole[]; unknown: string[] } {
  const roles: TRole[] = [];
  const unknown: string[] = [];
  // Commas inside parentheses ("Lãnh đạo (chỉ xem)") do not split; semicolons and new lines do.
  for (const part of text.split(/[,;\n](?![^(]*\))/)) {
    const name = part.trim();
    if (!name) continue;
    const role = ROLE_BY_KEY.get(foldVietnamese(name));
    if (role) {
      if (!roles.includes(role)) roles.push(role);
    } else unknown.push(name);
  }
  return { roles, unknown };
}

const KIND_BY_KEY = new Map<string, TUnitKind>(
  UNIT_KINDS.flatMap((kind) => [
    [foldVietnamese(kind), kind] as const,
    [foldVietnamese(UNIT_KIND_LABELS[kind].vi), kind] as const,
  ]),
);
const KIND_WORDS: readonly [RegExp, TUnitKind][] = [
  [/^(phong|trung tam|chi cuc|van phong)\b/, "office"],
  [/^(so|ban|nganh)\b/, "department"],
  [/^(xa|phuong|dac khu)\b/, "commune"],
  [/^doanh nghiep\b/, "enterprise"],
];

/** "Phòng thuộc sở", "phong", "office" → office; null when the text names no kind. */
export function parseUnitKind(text: string): TUnitKind | null {
  const key = foldVietnamese(text);
  if (!key) return null;
  return KIND_BY_KEY.get(key) ?? KIND_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** One row of the sheet as typed: the cells read, the problems found without looking at the database. */
export interface TAccountSheetRow {
  /** The row number Excel shows. */
  row: number;
  unitName: string;
  parentName: string;
  kind: TUnitKind | null;
  fullName: string;
  position: string;
  email: string | null;
  username: string;
  roles: TRole[];
  scopeName: string;
  errors: string[];
}

const ZSheetEmail = ZAccountCreate.shape.email;

/**
 * Finds the header row (the first row naming "Họ và tên" and "Tên đăng nhập") and reads every non-empty row under
 * it; `problem` (in Vietnamese) when the sheet has no such header row or lacks a required column.
 */
export function readAccountSheet(
  rows: readonly (readonly string[])[],
): { rows: TAccountSheetRow[] } | { problem: string } {
  const headerKeys = ACCOUNT_SHEET_COLUMNS.map((c) => foldVietnamese(c.header));
  const headerIndex = rows.findIndex((cells) => {
    const folded = cells.map(foldVietnamese);
    return folded.includes(foldVietnamese("Họ và tên")) && folded.includes(foldVietnamese("Tên đăng nhập"));
  });
  if (headerIndex < 0) {
    return {
      problem: `Không tìm thấy dòng tiêu đề của danh sách tài khoản (các cột ${ACCOUNT_SHEET_COLUMNS.map((c) => `"${c.header}"`).join(", ")}). Hãy dùng tệp mẫu.`,
    };
  }
  const header = rows[headerIndex]!.map(foldVietnamese);
  const column = new Map<TAccountSheetKey, number>();
  ACCOUNT_SHEET_COLUMNS.forEach((c, i) => {
    const at = header.indexOf(headerKeys[i]!);
    if (at >= 0) column.set(c.key, at);
  });
  const missing = ACCOUNT_SHEET_COLUMNS.filter((c) => ["unit", "fullName", "username", "roles"].includes(c.key)).filter(
    (c) => !column.has(c.key),
  );
  if (missing.length > 0) {
    return { problem: `Tệp thiếu cột ${missing.map((c) => `"${c.header}"`).join(", ")}. Hãy dùng tệp mẫu.` };
  }
  const out: TAccountSheetRow[] = [];
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    const cell = (key: TAccountSheetKey) => {
      const at = column.get(key);
      return at === undefined ? "" : (cells[at] ?? "").replace(/\s+/g, " ").trim();
    };
    if (ACCOUNT_SHEET_COLUMNS.every((c) => cell(c.key) === "")) return;
    out.push(readRow(headerIndex + i + 2, cell));
  });
  return { rows: out };
}

function readRow(row: number, cell: (key: TAccountSheetKey) => string): TAccountSheetRow {
  const errors: string[] = [];
  const unitName = cell("unit");
  if (unitName.length < 2) errors.push("Thiếu tên đơn vị.");
  const fullName = cell("fullName");
  if (fullName.length < 2) errors.push("Thiếu họ và tên.");
  const username = ZUsername.safeParse(cell("username"));
  if (!username.success) errors.push(username.error.issues[0]?.message ?? "Tên đăng nhập không hợp lệ.");
  const email = ZSheetEmail.safeParse(cell("email"));
  if (!email.success) errors.push(`Địa chỉ email "${cell("email")}" không hợp lệ.`);
  const { roles, unknown } = parseSheetRoles(cell("roles"));
  if (unknown.length > 0) {
    errors.push(
      `Không hiểu vai trò ${unknown.map((u) => `"${u}"`).join(", ")} (dùng: ${ROLES.map((r) => ROLE_SHEET_NAMES[r][0]).join(", ")}).`,
    );
  } else if (roles.length === 0) errors.push("Thiếu vai trò.");
  const kindText = cell("kind");
  const kind = parseUnitKind(kindText);
  if (kindText && !kind) {
    errors.push(
      `Không hiểu loại đơn vị "${kindText}" (dùng: ${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k].vi).join("; ")}).`,
    );
  }
  return {
    row,
    unitName,
    parentName: cell("parent"),
    kind,
    fullName,
    position: cell("position"),
    email: email.success ? (email.data ?? null) : null,
    username: username.success ? username.data : cell("username").toLowerCase(),
    roles,
    scopeName: cell("scope"),
    errors,
  };
}

/** What importing a row does: its unit is new or exists; its account is new, already there as written, or refused. */
export const ZAccountImportRow = z.object({
  row: z.number().int(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  unitAction: z.enum(["create", "existing"]),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  username: z.string(),
  roles: z.array(ZRole),
  scopeName: z.string().nullable(),
  action: z.enum(["create", "unchanged", "error"]),
  errors: z.array(z.string()),
});
export type TAccountImportRow = z.infer<typeof ZAccountImportRow>;

export const ZAccountImportPreview = z.object({
  rows: z.array(ZAccountImportRow),
  counts: z.object({
    newUnits: z.number().int(),
    newAccounts: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
  }),
});
export type TAccountImportPreview = z.infer<typeof ZAccountImportPreview>;

/** The one-time passwords, returned once for the printable list; `emailed` when also sent to the person. */
export const ZAccountImportResult = ZAccountImportPreview.extend({
  issued: z.array(
    z.object({
      row: z.number().int(),
      username: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      unitName: z.string(),
      email: z.string().nullable(),
      initialPassword: z.string(),
      emailed: z.boolean(),
    }),
  ),
});
export type TAccountImportResult = z.infer<typeof ZAccountImportResult>;
