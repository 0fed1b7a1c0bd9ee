import { z } from "zod";
import { parseIsoDate } from "../calendar/dates.ts";
import { UNIT_KIND_LABELS } from "../contracts/units.ts";
import { TASK_STATUS_LABELS } from "../plans/progress.ts";
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS } from "../reporting/workflow.ts";
import { formatDateTimeVi, formatDateVi, formatNumberVi } from "../text/format.ts";

/*
 * The audit log as people read it: "Gửi báo cáo" rather than report.submit, "Báo cáo 4.2 – Quý IV/2026 –
 * Phường Nha Trang" rather than "report", "Trạng thái: Đang soạn → Đã gửi" rather than JSON. The server
 * resolves names (it has the database); everything here is pure, so the page and the Excel export say the same.
 */

/** What kinds of object the log names, for the object filter. */
export const AUDIT_OBJECT_TYPES = {
  report: "Báo cáo",
  document: "Văn bản",
  unit: "Đơn vị",
  user: "Tài khoản",
  period: "Kỳ báo cáo",
  framework: "Bộ chỉ số",
  indicator: "Chỉ số",
  plan: "Kế hoạch",
  task: "Nhiệm vụ",
  settings: "Cấu hình",
  official_results: "Kết quả chính thức",
} as const satisfies Record<string, string>;
export type TAuditObjectType = keyof typeof AUDIT_OBJECT_TYPES;
export const AUDIT_OBJECT_TYPE_KEYS = Object.keys(AUDIT_OBJECT_TYPES) as TAuditObjectType[];

const ACTION_LABELS: Record<string, string> = {
  "auth.login": "Đăng nhập",
  "auth.login_blocked": "Tạm khóa đăng nhập do nhập sai mật khẩu",
  "auth.change_password": "Đổi mật khẩu",
  "account.create": "Cấp tài khoản",
  "account.update": "Sửa tài khoản",
  "account.disable": "Khóa tài khoản",
  "account.enable": "Mở khóa tài khoản",
  "account.reset_password": "Cấp lại mật khẩu",
  "account.unlock_login": "Gỡ tạm khóa đăng nhập",
  "account.import": "Cấp tài khoản từ Excel",
  "unit.create": "Thêm đơn vị",
  "unit.update": "Sửa đơn vị",
  "unit.delete": "Xóa đơn vị",
  "unit.import": "Thêm đơn vị từ Excel",
  "document.create": "Tải lên văn bản",
  "document.update": "Sửa thông tin văn bản",
  "document.delete": "Xóa văn bản",
  "framework.create": "Tạo bộ chỉ số",
  "framework.update": "Sửa bộ chỉ số",
  "framework.delete": "Xóa bộ chỉ số",
  "framework.publish": "Ban hành bộ chỉ số",
  "framework.archive": "Lưu trữ bộ chỉ số",
  "framework.unpublish": "Đưa bộ chỉ số về dự thảo",
  "assignment.update": "Phân công chỉ số",
  "framework.clone": "Sao chép bộ chỉ số",
  "framework.import": "Nhập bộ chỉ số từ Excel",
  "framework.assign": "Phân công chỉ số",
  "indicator.create": "Thêm chỉ số",
  "indicator.update": "Sửa chỉ số",
  "indicator.delete": "Xóa chỉ số",
  "indicator.move": "Chuyển vị trí chỉ số",
  "indicator.assign": "Phân công chỉ số",
  "period.open": "Mở kỳ báo cáo",
  "period.update": "Sửa kỳ báo cáo",
  "period.extend": "Gia hạn nộp báo cáo",
  "period.chase": "Đôn đốc nộp báo cáo",
  "report.open": "Lập báo cáo",
  "report.save": "Lưu số liệu báo cáo",
  "report.comment": "Trao đổi trên báo cáo",
  "report.attach": "Gắn tài liệu kiểm chứng",
  "report.detach": "Gỡ tài liệu kiểm chứng",
  ...Object.fromEntries(Object.entries(REPORT_ACTION_LABELS).map(([action, label]) => [`report.${action}`, label.vi])),
  "plan.create": "Tạo kế hoạch",
  "plan.update": "Sửa kế hoạch",
  "plan.delete": "Xóa kế hoạch",
  "plan.import": "Nhập kế hoạch từ tệp",
  "task.create": "Thêm nhiệm vụ",
  "task.update": "Sửa nhiệm vụ",
  "task.delete": "Xóa nhiệm vụ",
  "task.progress": "Cập nhật tiến độ nhiệm vụ",
  "settings.update": "Sửa cấu hình",
  "official_results.import": "Nhập kết quả chính thức",
  "official_results.save": "Sửa kết quả chính thức",
  "notification.preferences": "Đổi cách nhận thông báo",
};

const VERBS: Record<string, string> = {
  create: "Thêm",
  update: "Sửa",
  delete: "Xóa",
  import: "Nhập từ tệp",
  open: "Mở",
  save: "Lưu",
};

/** "report.submit" → "Gửi báo cáo"; an action not listed yet still reads as Vietnamese ("Sửa kế hoạch"). */
export function auditActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [type = "", verb = ""] = action.split(".");
  const object = AUDIT_OBJECT_TYPES[type as TAuditObjectType];
  return `${VERBS[verb] ?? "Thay đổi"} ${(object ?? "dữ liệu").toLowerCase()}`;
}

/** What the server knows of an object, read from the database (null when it no longer exists). */
export interface TAuditObjectFacts {
  /** Report: indicator code, period label and unit name. */
  indicatorCode?: string | null;
  periodLabel?: string | null;
  unitName?: string | null;
  /** Most objects: their name (unit, framework, indicator, document file), code or số hiệu, label. */
  name?: string | null;
  code?: string | null;
  frameworkName?: string | null;
  planCode?: string | null;
  username?: string | null;
}

const pick = (snapshot: unknown, key: string): string | null => {
  if (!snapshot || typeof snapshot !== "object") return null;
  const value = (snapshot as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() ? value.trim() : null;
};

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" – ");

/**
 * The object as people name it: "Báo cáo 4.2 – Quý IV/2026 – Phường Nha Trang", "Đơn vị Phường Nha Trang".
 * A deleted object is named from what the log kept of it, and said to be deleted.
 */
export function auditObjectName(
  type: string,
  entityId: string | null,
  facts: TAuditObjectFacts | null,
  snapshot: unknown = null,
): string {
  const typeLabel = AUDIT_OBJECT_TYPES[type as TAuditObjectType] ?? "Dữ liệu";
  const f = facts ?? {};
  let detail: string | null = null;
  switch (type) {
    case "report":
      detail = joined(f.indicatorCode, f.periodLabel, f.unitName) || null;
      break;
    case "user":
      detail = f.name
        ? `${f.name}${f.username ? ` (${f.username})` : ""}`
        : (pick(snapshot, "fullName") ?? pick(snapshot, "username"));
      break;
    case "period":
      detail = joined(f.name, f.frameworkName) || null;
      break;
    case "indicator":
      detail = joined(f.code ? `${f.code}${f.name ? `. ${f.name}` : ""}` : f.name, f.frameworkName) || null;
      break;
    case "task":
      detail = joined(f.code ?? f.name, f.planCode ? `Kế hoạch ${f.planCode}` : null) || null;
      break;
    case "plan":
    case "document":
      detail = f.code ?? f.name ?? pick(snapshot, "code") ?? pick(snapshot, "docNumber") ?? pick(snapshot, "fileName");
      break;
    case "settings":
      return "Cấu hình hệ thống";
    case "official_results":
      return `${typeLabel} năm ${entityId?.split(":")[0] ?? ""}${entityId?.includes(":") ? ` – ${entityId.split(":").slice(1).join(":")}` : ""}`;
    default:
      detail = f.name ?? pick(snapshot, "name") ?? pick(snapshot, "code");
  }
  if (detail) return `${typeLabel} ${detail}${facts ? "" : " (đã xóa)"}`;
  return facts ? typeLabel : `${typeLabel} (không còn trong hệ thống)`;
}

const FIELD_LABELS: Record<string, string> = {
  status: "Trạng thái",
  values: "Số liệu",
  value: "Giá trị",
  numerator: "Tử số",
  denominator: "Mẫu số",
  note: "Ghi chú",
  body: "Nội dung",
  comment: "Ý kiến",
  appraisedPoints: "Điểm thẩm định",
  appraisalComment: "Ý kiến thẩm định",
  explanationDueAt: "Hạn giải trình",
  selfPoints: "Điểm tự đánh giá",
  submittedAt: "Thời điểm gửi",
  documentId: "Văn bản",
  citation: "Trích dẫn",
  name: "Tên",
  shortName: "Tên viết tắt",
  kind: "Loại",
  parentId: "Trực thuộc",
  isActive: "Đang hoạt động",
  username: "Tên đăng nhập",
  fullName: "Họ và tên",
  position: "Chức vụ",
  email: "Email",
  phone: "Điện thoại",
  unitId: "Đơn vị",
  roles: "Vai trò",
  role: "Vai trò",
  isDisabled: "Bị khóa",
  mustChangePassword: "Phải đổi mật khẩu",
  deadline: "Hạn nộp",
  isClosed: "Đã khóa kỳ",
  reason: "Lý do",
  year: "Năm",
  index: "Kỳ số",
  docNumber: "Số hiệu văn bản",
  issuedOn: "Ngày ban hành",
  issuer: "Cơ quan ban hành",
  summary: "Trích yếu",
  fileName: "Tên tệp",
  code: "Số hiệu, mã",
  title: "Tên",
  signer: "Người ký",
  startYear: "Từ năm",
  endYear: "Đến năm",
  content: "Nội dung",
  lead: "Chủ trì",
  leadUnitId: "Đơn vị chủ trì",
  cooperating: "Phối hợp",
  cooperatingUnitIds: "Đơn vị phối hợp",
  issuerUnitId: "Cơ quan ban hành",
  timeframe: "Thời gian thực hiện",
  output: "Kết quả, sản phẩm",
  budgetAmount: "Kinh phí (triệu đồng)",
  budgetSource: "Nguồn vốn",
  percent: "Tiến độ (%)",
  maxScore: "Điểm tối đa",
  address: "Địa chỉ máy",
  blocksLifted: "Số lần khóa được gỡ",
  provinces: "Số tỉnh",
  province: "Tỉnh",
  score: "Điểm",
  rank: "Xếp hạng",
  indicatorIds: "Chỉ số liên quan",
  unitIds: "Đơn vị",
  from: "Sao chép từ",
  frameworkId: "Bộ chỉ số",
  periodId: "Kỳ báo cáo",
  indicatorId: "Chỉ số",
  level: "Cấp",
  legalBasis: "Căn cứ",
  guidance: "Hướng dẫn",
  valueKind: "Kiểu giá trị",
};

/** Bookkeeping the reader has no use for. */
const HIDDEN_FIELDS = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "createdBy",
  "updatedBy",
  "sha256",
  "size",
  "mimeType",
  "passwordHash",
  "path",
  "sortOrder",
  "selfExplanation",
  "builtin",
  "storageKey",
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const EMPTY = "(trống)";
const MAX_TEXT = 200;
const MAX_ITEMS = 10;

/** Ids the log mentions in its values (units, documents…), for the server to name them. */
export function auditMentionedIds(...snapshots: unknown[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (typeof value === "string" && UUID.test(value)) ids.add(value.toLowerCase());
    else if (Array.isArray(value) && depth < 3) for (const item of value) visit(item, depth + 1);
    else if (value && typeof value === "object" && depth < 3)
      for (const item of Object.values(value as Record<string, unknown>)) visit(item, depth + 1);
  };
  for (const snapshot of snapshots) visit(snapshot, 0);
  return [...ids];
}

function statusLabel(value: string): string | null {
  return (
    REPORT_STATUS_LABELS[value as keyof typeof REPORT_STATUS_LABELS]?.vi ??
    TASK_STATUS_LABELS[value as keyof typeof TASK_STATUS_LABELS]?.vi ??
    null
  );
}

const PERIOD_KINDS: Record<string, string> = { quarter: "Quý", half: "6 tháng", year: "Năm" };
const ROLES: Record<string, string> = {
  coordinator: "Cơ quan thường trực",
  unit_lead: "Lãnh đạo đơn vị",
  unit_reporter: "Cán bộ báo cáo",
  appraiser: "Thẩm định",
  viewer: "Chỉ xem",
  lead: "Chủ trì",
  cooperate: "Phối hợp",
};

/** One value as a sentence part: statuses in Vietnamese, dates dd/mm/yyyy, numbers 1.234,5, ids by name. */
export function formatAuditValue(value: unknown, field = "", names: ReadonlyMap<string, string> = new Map()): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return formatNumberVi(value, { maxDecimals: 6 });
  if (typeof value === "string") {
    const text = value.trim();
    if (UUID.test(text)) return names.get(text.toLowerCase()) ?? "(không còn trong hệ thống)";
    if (field === "status") return statusLabel(text) ?? text;
    if (field === "kind")
      return UNIT_KIND_LABELS[text as keyof typeof UNIT_KIND_LABELS]?.vi ?? PERIOD_KINDS[text] ?? text;
    if (field === "role" || field === "roles") return ROLES[text] ?? text;
    if (parseIsoDate(text)) return formatDateVi(text);
    if (TIMESTAMP.test(text)) return formatDateTimeVi(text);
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    const shown = value.slice(0, MAX_ITEMS).map((item) => formatAuditValue(item, field, names));
    const more = value.length - shown.length;
    return `${shown.join(", ")}${more > 0 ? ` và ${more} mục khác` : ""}`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => !HIDDEN_FIELDS.has(key));
    if (entries.length === 0) return EMPTY;
    return entries
      .slice(0, MAX_ITEMS)
      .map(([key, item]) => `${FIELD_LABELS[key] ?? key}: ${formatAuditValue(item, key, names)}`)
      .join("; ");
  }
  return String(value);
}

export const ZAuditChange = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type TAuditChange = z.infer<typeof ZAuditChange>;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed, field by field, in words: for a change, each field whose value differs ("Trạng thái: Đang soạn →
 * Đã gửi"); for a creation, what was given; for a deletion, what there was. Bookkeeping fields are left out.
 */
export function describeAuditChanges(
  before: unknown,
  after: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): TAuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (before === null && after === null) return [];
    return [
      {
        field: "Giá trị",
        before: before === null || before === undefined ? null : formatAuditValue(before, "", names),
        after: after === null || after === undefined ? null : formatAuditValue(after, "", names),
      },
    ];
  }
  // Only what the change touched: an update records the fields sent, compared with what they were.
  const keys = a ? Object.keys(a) : Object.keys(b ?? {});
  const changes: TAuditChange[] = [];
  for (const key of keys) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const was = b?.[key];
    const now = a?.[key];
    if (b && a && same(was, now)) continue;
    if (!b && (now === null || now === undefined || now === "")) continue;
    changes.push({
      field: FIELD_LABELS[key] ?? key,
      before: b ? formatAuditValue(was, key, names) : null,
      after: a ? formatAuditValue(now, key, names) : null,
    });
  }
  return changes;
}

/** "Trạng thái: Đang soạn → Đã gửi" — one change as one line, for the page and the Excel sheet. */
export function auditChangeText(change: TAuditChange): string {
  if (change.before === null) return `${change.field}: ${change.after ?? EMPTY}`;
  if (change.after === null) return `${change.field}: ${change.before}`;
  return `${change.field}: ${change.before} → ${change.after}`;
}
