import { auditChangeText, type TAuditEntry, type TAuditPage, type TFrameworkDetail, vietnamDate } from "@chiso/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;
let reportId: string;

const call = (who: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const page = async (query: string): Promise<TAuditPage> => {
  const res = await call("admin", "GET", `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Everything a reader sees of an entry, as one text. */
const shown = (e: TAuditEntry) => [e.actionLabel, e.objectName, ...e.changes.map(auditChangeText)].join(" | ");

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "nhatrang", "lanhdao", "vpubnd"]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  const framework: TFrameworkDetail = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
  const period = (
    await call("admin", "POST", "/api/periods", { frameworkId: framework.id, kind: "quarter", year: 2025, index: 2 })
  ).json();
  const indicatorId = framework.indicators.find((i) => i.code === "4.2")!.id;
  const report = (await call("nhatrang", "POST", "/api/reports", { periodId: period.id, indicatorId })).json();
  reportId = report.id;
  const saved = await call("nhatrang", "PATCH", `/api/reports/${reportId}`, {
    values: { numerator: 3, denominator: 10 },
    version: report.version,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const unit = await call("admin", "PATCH", `/api/units/${unitIds["Phường Nha Trang"]}`, { isActive: false });
  expect(unit.statusCode, unit.body).toBe(200);
});
afterAll(() => t.close());

describe("the audit log, as people read it", () => {
  it("names actions, objects and changes in Vietnamese, with no code, JSON or undefined", async () => {
    const log = await page(`entityType=report&entityId=${reportId}`);
    const save = log.items.find((e) => e.action === "report.save")!;
    expect(save).toMatchObject({
      actionLabel: "Lưu số liệu báo cáo",
      objectName: "Báo cáo 4.2 – Quý II/2025 – Phường Nha Trang",
      actorUnit: "Phường Nha Trang",
    });
    expect(save.changes.map(auditChangeText)).toContain("Số liệu: (trống) → Tử số: 3; Mẫu số: 10");
    expect(log.items.find((e) => e.action === "report.open")?.actionLabel).toBe("Lập báo cáo");

    const unit = (await page(`entityType=unit&entityId=${unitIds["Phường Nha Trang"]}`)).items[0]!;
    expect(shown(unit)).toBe("Sửa đơn vị | Đơn vị Phường Nha Trang | Đang hoạt động: Có → Không");

    for (const entry of (await page("pageSize=200")).items) {
      expect(shown(entry)).not.toMatch(/undefined|\{|"|report\.|unit\.|\bnull\b/);
    }
  });

  it("filters by unit, user, object and Vietnam day, and pages", async () => {
    const byUnit = await page(`unitId=${unitIds["Phường Nha Trang"]}`);
    expect(byUnit.items.length).toBeGreaterThan(0);
    expect(new Set(byUnit.items.map((e) => e.actorUnit))).toEqual(new Set(["Phường Nha Trang"]));

    const admin = (await page("entityType=unit")).items[0]!;
    const me = (await call("admin", "GET", "/api/auth/me")).json();
    const byUser = await page(`actorId=${me.id}`);
    expect(byUser.items.every((e) => e.actorUsername === "admin")).toBe(true);
    expect(byUser.items.map((e) => e.id)).toContain(admin.id);

    const byObject = await page("entityType=period");
    expect(byObject.items.length).toBeGreaterThan(0);
    expect(byObject.items.every((e) => e.objectName.startsWith("Kỳ báo cáo Quý II/2025 – "))).toBe(true);

    // the log's clock is the database's, so "today" is today in Vietnam
    const today = vietnamDate(new Date());
    expect((await page(`from=${today}&to=${today}`)).total).toBe((await page("")).total);
    expect((await page("from=2000-01-01&to=2000-01-31")).total).toBe(0);
    const backwards = await call("admin", "GET", "/api/audit?from=2025-02-01&to=2025-01-01");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");

    const first = await page("pageSize=2&page=1");
    const second = await page("pageSize=2&page=2");
    expect(first.total).toBeGreaterThan(3);
    expect(first.items).toHaveLength(2);
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
  });

  it("is read through the policy: coordinators of a scope only", async () => {
    for (const who of ["nhatrang", "lanhdao", "vpubnd"]) {
      const res = await call(who, "GET", "/api/audit");
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("Bạn không có quyền xem nhật ký thay đổi của phạm vi này.");
      expect((await call(who, "GET", "/api/exports/audit.xlsx")).statusCode).toBe(403);
    }
  });

  it("exports the filtered log to Excel in Vietnam time, in words", async () => {
    const res = await call("admin", "GET", `/api/exports/audit.xlsx?entityType=report&entityId=${reportId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("Nhật ký thay đổi")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Thời gian",
      "Người thực hiện",
      "Đơn vị",
      "Thao tác",
      "Đối tượng",
      "Thay đổi",
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.values as ExcelJS.CellValue[]);
    const save = rows.find((r) => r[4] === "Lưu số liệu báo cáo")!;
    expect(save[5]).toBe("Báo cáo 4.2 – Quý II/2025 – Phường Nha Trang");
    expect(save[6]).toContain("Số liệu: (trống) → Tử số: 3; Mẫu số: 10");
    // Excel shows the wall-clock time in Vietnam: UTC+7
    const entry = (await page(`entityType=report&entityId=${reportId}`)).items.find((e) => e.action === "report.save")!;
    expect((save[1] as Date).getTime()).toBe(new Date(entry.at).getTime() + 7 * 3600_000);
  });
});
