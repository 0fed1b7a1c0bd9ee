import type { TFrameworkDetail, TReportDetail } from "@chiso/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/*
 * Indicator 4.2 (DX specialists ÷ all civil servants): every sở, ban, ngành and địa phương reports its own
 * numerator and denominator, Sở Nội vụ (lead) reports the province's — their sum.
 */
let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;
let periodId: string;
let unitIds: Record<string, string>;

type TMethod = "GET" | "POST" | "PATCH";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const indicatorId = (code: string) => framework.indicators.find((i) => i.code === code)!.id;

async function evidenceOf(unit: string) {
  const [row] = await t.database.db
    .insert(documents)
    .values({
      unitId: unitIds[unit]!,
      sha256: "0".repeat(64),
      size: 1234,
      mimeType: "application/pdf",
      fileName: "quyet-dinh.pdf",
      docNumber: "15/QĐ-UBND",
      issuedOn: "2025-05-10",
    })
    .returning({ id: documents.id });
  return row!.id;
}

/** A cooperating unit's report with its values, evidence attached and submitted (or left in draft). */
async function reportOf(who: string, unit: string, values: object, submit = true): Promise<TReportDetail> {
  let report: TReportDetail = (
    await call(who, "POST", "/api/reports", { periodId, indicatorId: indicatorId("4.2"), unitId: unitIds[unit] })
  ).json();
  report = (await call(who, "PATCH", `/api/reports/${report.id}`, { values, version: report.version })).json();
  report = (
    await call(who, "POST", `/api/reports/${report.id}/documents`, { documentId: await evidenceOf(unit) })
  ).json();
  if (!submit) return report;
  const res = await call(who, "POST", `/api/reports/${report.id}/actions`, {
    action: "submit",
    version: report.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "nhatrang", "noivu", "vpubnd"]) cookies[who] = await t.login(who);
  unitIds = Object.fromEntries(
    (await call("admin", "GET", "/api/units")).json().map((u: { name: string; id: string }) => [u.name, u.id]),
  );
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
  const period = await call("admin", "POST", "/api/periods", {
    frameworkId: framework.id,
    kind: "quarter",
    year: 2025,
    index: 2,
  });
  expect(period.statusCode, period.body).toBe(201);
  periodId = period.json().id;
});
afterAll(() => t.close());

describe("the lead agency's consolidated value", () => {
  let lead: TReportDetail;

  it("shows every cooperating unit side by side and proposes the sum of the submitted values", async () => {
    const nhaTrang = await reportOf("nhatrang", "Phường Nha Trang", { numerator: 4, denominator: 120 });
    await reportOf("admin", "Sở Tài chính", { numerator: 3, denominator: 85 });
    await reportOf("admin", "Xã Diên Khánh", { numerator: 2, denominator: 40 });
    // A draft is the unit's own until it is sent: it is shown, not added.
    await reportOf("admin", "Phường Cam Ranh", { numerator: 50, denominator: 50 }, false);

    const opened = await call("noivu", "POST", "/api/reports", { periodId, indicatorId: indicatorId("4.2") });
    lead = opened.json();
    expect(lead.role).toBe("lead");
    const view = lead.consolidation!;
    expect(view.rules).toEqual({ numerator: "sum", denominator: "sum" });
    const byUnit = Object.fromEntries(view.rows.map((r) => [r.unitName, [r.status, r.counted, r.values]]));
    expect(byUnit["Phường Nha Trang"]).toEqual(["submitted", true, { numerator: 4, denominator: 120 }]);
    expect(byUnit["Phường Cam Ranh"]).toEqual(["draft", false, { numerator: 50, denominator: 50 }]);
    expect(byUnit["Sở Y tế"]).toEqual([null, false, {}]);
    // each row opens its own report and counts its documents, however many units cooperate (no second list to join)
    const row = (unit: string) => view.rows.find((r) => r.unitName === unit)!;
    expect(row("Phường Nha Trang")).toMatchObject({ reportId: nhaTrang.id, evidenceCount: 1 });
    expect(row("Sở Y tế")).toMatchObject({ reportId: null, evidenceCount: 0 });
    expect(view.proposed).toEqual({ numerator: 4 + 3 + 2, denominator: 120 + 85 + 40 });
    expect(view.record).toBeNull();
  });

  it("accepting the proposal puts the sums into the lead's report and keeps the breakdown", async () => {
    const res = await call("noivu", "POST", `/api/reports/${lead.id}/consolidation`, {
      values: {},
      version: lead.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    lead = res.json();
    expect(lead.values).toEqual({ numerator: 9, denominator: 245 });
    expect(lead.consolidation!.record).toMatchObject({
      values: { numerator: 9, denominator: 245 },
      overridden: [],
      reason: null,
      byName: "Đặng Văn Nội Vụ",
    });
    expect(lead.consolidation!.record!.breakdown.filter((r) => r.counted).map((r) => r.unitName)).toEqual([
      "Phường Nha Trang",
      "Sở Tài chính",
      "Xã Diên Khánh",
    ]);
    // the record keeps what was summed, not today's links and document counts
    expect(Object.keys(lead.consolidation!.record!.breakdown[0]!).sort()).toEqual([
      "counted",
      "status",
      "unitId",
      "unitName",
      "values",
    ]);
  });

  it("an override needs a reason, and is kept with it", async () => {
    const noReason = await call("noivu", "POST", `/api/reports/${lead.id}/consolidation`, {
      values: { denominator: 260 },
      version: lead.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain("vui lòng ghi lý do");
    expect((await call("noivu", "GET", `/api/reports/${lead.id}`)).json().values).toEqual({
      numerator: 9,
      denominator: 245,
    });

    const res = await call("noivu", "POST", `/api/reports/${lead.id}/consolidation`, {
      values: { denominator: 260 },
      reason: "Cộng thêm 15 công chức của Văn phòng Đoàn ĐBQH chưa có tài khoản",
      version: lead.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    lead = res.json();
    expect(lead.values).toEqual({ numerator: 9, denominator: 260 });
    expect(lead.consolidation!.record).toMatchObject({
      proposed: { numerator: 9, denominator: 245 },
      values: { numerator: 9, denominator: 260 },
      overridden: ["denominator"],
      reason: "Cộng thêm 15 công chức của Văn phòng Đoàn ĐBQH chưa có tài khoản",
    });
  });

  it("the period workbook carries the breakdown, the total and the override's reason", async () => {
    const res = await call("admin", "GET", `/api/exports/period/${periodId}.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("Báo cáo")!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const column = headers.indexOf("Tổng hợp từ đơn vị phối hợp");
    const unitColumn = headers.indexOf("Đơn vị");
    let text = "";
    sheet.eachRow((row) => {
      if (row.getCell(unitColumn).value === "Sở Nội vụ") text = String(row.getCell(column).value);
    });
    expect(text.split("\n")).toEqual([
      expect.stringMatching(/^Phường Nha Trang: .*4.*120/),
      expect.stringMatching(/^Sở Tài chính: .*3.*85/),
      expect.stringMatching(/^Xã Diên Khánh: .*2.*40/),
      expect.stringMatching(/^Tổng hợp: .*9.*260 \(.* sửa từ 245; lý do: Cộng thêm 15 công chức/),
    ]);
  });

  it("only the lead agency consolidates, and only on its own report", async () => {
    const other = await call("vpubnd", "POST", `/api/reports/${lead.id}/consolidation`, {
      values: {},
      version: lead.version,
    });
    expect(other.statusCode).toBe(403);
    const commune: TReportDetail = (
      await call("nhatrang", "POST", "/api/reports", { periodId, indicatorId: indicatorId("4.2") })
    ).json();
    expect(commune.consolidation).toBeNull();
    const onCooperating = await call("nhatrang", "POST", `/api/reports/${commune.id}/consolidation`, {
      values: {},
      version: commune.version,
    });
    expect(onCooperating.statusCode).toBe(403);
  });
});
