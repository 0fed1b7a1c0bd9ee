import { describe, expect, it } from "vitest";
import {
  auditActionLabel,
  auditChangeText,
  auditMentionedIds,
  auditObjectName,
  describeAuditChanges,
  formatAuditValue,
} from "./present.ts";

const UNIT_ID = "0b6f1c1e-8e7a-4c57-9a55-2f0a1f4a9c11";

describe("auditActionLabel", () => {
  it.each([
    ["report.submit", "Gửi báo cáo"],
    ["report.request_explanation", "Yêu cầu giải trình, bổ sung"],
    ["report.save", "Lưu số liệu báo cáo"],
    ["unit.update", "Sửa đơn vị"],
    ["document.update", "Sửa thông tin văn bản"],
    ["plan.archive", "Thay đổi kế hoạch"], // not listed yet: still Vietnamese, never the code
    ["task.create", "Thêm nhiệm vụ"],
  ])("%s → %s", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });
});

describe("auditObjectName", () => {
  it("names a report by indicator, period and unit", () => {
    expect(
      auditObjectName("report", "r1", {
        indicatorCode: "4.2",
        periodLabel: "Quý IV/2026",
        unitName: "Phường Nha Trang",
      }),
    ).toBe("Báo cáo 4.2 – Quý IV/2026 – Phường Nha Trang");
  });
  it.each([
    ["unit", { name: "Phường Nha Trang" }, "Đơn vị Phường Nha Trang"],
    ["user", { name: "Nguyễn Văn A", username: "nva" }, "Tài khoản Nguyễn Văn A (nva)"],
    ["period", { name: "Quý IV/2026", frameworkName: "DTI 2025" }, "Kỳ báo cáo Quý IV/2026 – DTI 2025"],
    ["document", { code: "15/KH-UBND", name: "ke-hoach.pdf" }, "Văn bản 15/KH-UBND"],
    ["plan", { code: "512/KH-UBND" }, "Kế hoạch 512/KH-UBND"],
    ["task", { code: "1.2", planCode: "512/KH-UBND" }, "Nhiệm vụ 1.2 – Kế hoạch 512/KH-UBND"],
    ["indicator", { code: "4.2", name: "Tỷ lệ", frameworkName: "DTI 2025" }, "Chỉ số 4.2. Tỷ lệ – DTI 2025"],
  ] as const)("%s", (type, facts, name) => {
    expect(auditObjectName(type, "x", facts)).toBe(name);
  });
  it("names a deleted object from what the log kept", () => {
    expect(auditObjectName("unit", "x", null, { name: "Xã Cũ" })).toBe("Đơn vị Xã Cũ (đã xóa)");
    expect(auditObjectName("unit", "x", null, null)).toBe("Đơn vị (không còn trong hệ thống)");
  });
  it("names official results by year", () => {
    expect(auditObjectName("official_results", "2025", null)).toBe("Kết quả chính thức năm 2025");
  });
});

describe("formatAuditValue", () => {
  const names = new Map([[UNIT_ID, "Phường Nha Trang"]]);
  it.each<[unknown, string, string]>([
    ["draft", "status", "Đang soạn"],
    ["submitted", "status", "Đã gửi"],
    ["in_progress", "status", "Đang thực hiện"],
    [true, "isActive", "Có"],
    [null, "note", "(trống)"],
    [undefined, "note", "(trống)"],
    [1234.5, "value", "1.234,5"],
    ["2026-12-05", "issuedOn", "05/12/2026"],
    ["2026-12-05T10:00:00.000Z", "deadline", "05/12/2026 17:00"],
    [UNIT_ID, "unitId", "Phường Nha Trang"],
    ["commune", "kind", "Xã, phường, đặc khu"],
    [{ numerator: 3, denominator: 10 }, "values", "Tử số: 3; Mẫu số: 10"],
    [["coordinator", "viewer"], "roles", "Cơ quan thường trực, Chỉ xem"],
    [[], "unitIds", "(trống)"],
  ])("%j (%s) → %j", (value, field, text) => {
    expect(formatAuditValue(value, field, names)).toBe(text);
  });
});

describe("describeAuditChanges", () => {
  it("lists only the fields that changed, in words", () => {
    const changes = describeAuditChanges({ status: "draft", note: "a" }, { status: "submitted", note: "a" });
    expect(changes.map(auditChangeText)).toEqual(["Trạng thái: Đang soạn → Đã gửi"]);
  });
  it("shows what a creation gave, without bookkeeping or empty fields", () => {
    const changes = describeAuditChanges(null, { id: "x", name: "Phường Mới", kind: "commune", shortName: null });
    expect(changes.map(auditChangeText)).toEqual(["Tên: Phường Mới", "Loại: Xã, phường, đặc khu"]);
  });
  it("never prints undefined or JSON", () => {
    const changes = describeAuditChanges(
      { values: { numerator: 3 }, note: undefined },
      { values: { numerator: 4, denominator: 10 }, note: "Số liệu tạm" },
    );
    const text = changes.map(auditChangeText).join("\n");
    expect(text).toBe("Số liệu: Tử số: 3 → Tử số: 4; Mẫu số: 10\nGhi chú: (trống) → Số liệu tạm");
    expect(text).not.toMatch(/undefined|[{}"]/);
  });
  it("finds the ids a log row mentions, to name them", () => {
    expect(auditMentionedIds({ unitId: UNIT_ID.toUpperCase() }, { unitIds: [UNIT_ID] })).toEqual([UNIT_ID]);
  });
});
