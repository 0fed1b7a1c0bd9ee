import type {
  TChaseResult,
  TCompletenessPage,
  TCompletenessSlot,
  TFrameworkDetail,
  THeatmap,
  TReportDetail,
} from "@chiso/core";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.ts";
import { auditLog, documents, reports } from "../../db/schema.ts";
import { seedDemo } from "../../seed/demo.ts";
import { startAppOn, type TAppInstance } from "../../test/app-on-database.ts";
import { openTestDatabase, testClock } from "../../test/test-app.ts";
import { installBuiltinFrameworks } from "../frameworks/builtin.ts";

let database: TDatabase;
let server: TAppInstance;
const clock = testClock(); // 02/06/2025; the Q2 deadline is 24/06 23:59:59
let framework: TFrameworkDetail;
let unitIds: Record<string, string>;
let periodId: string;

const call: TAppInstance["call"] = (...args) => server.call(...args);
const codeOf = (indicatorId: string) => framework.indicators.find((i) => i.id === indicatorId)!.code;
const get = async (who: string, query = "pageSize=500"): Promise<TCompletenessPage> => {
  const res = await call(who, "GET", `/api/completeness?periodId=${periodId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** A unit's late and missing reports (the row the page expands). */
const unitSlots = async (who: string, unitId: string): Promise<TCompletenessSlot[]> => {
  const res = await call(who, "GET", `/api/completeness/units/${unitId}?periodId=${periodId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().slots;
};

/** A unit's 4.2 report with values and one evidence document, submitted by `who` (the coordinator may act for any unit). */
async function submit42(who: string, unit: string) {
  const indicatorId = framework.indicators.find((i) => i.code === "4.2")!.id;
  let report: TReportDetail = (
    await call(who, "POST", "/api/reports", { periodId, indicatorId, unitId: unitIds[unit] })
  ).json();
  report = (
    await call(who, "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: 2, denominator: 10 },
      version: report.version,
    })
  ).json();
  const [doc] = await database.db
    .insert(documents)
    .values({
      unitId: unitIds[unit]!,
      sha256: "1".repeat(64),
      size: 10,
      mimeType: "application/pdf",
      fileName: "qd.pdf",
    })
    .returning({ id: documents.id });
  report = (await call(who, "POST", `/api/reports/${report.id}/documents`, { documentId: doc!.id })).json();
  const res = await call(who, "POST", `/api/reports/${report.id}/actions`, {
    action: "submit",
    version: report.version,
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  await seedDemo(database.db, { plans: false, reporting: false });
  server = await startAppOn(database, clock);
  unitIds = Object.fromEntries(
    (await call("admin", "GET", "/api/units")).json().map((u: { name: string; id: string }) => [u.name, u.id]),
  );
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
  periodId = (
    await call("admin", "POST", "/api/periods", { frameworkId: framework.id, kind: "quarter", year: 2025, index: 2 })
  ).json().id;
  // Phường Nha Trang reports 4.2 on time; Phường Bắc Nha Trang gets an extension and reports it after the deadline.
  await submit42("nhatrang", "Phường Nha Trang");
  await call("admin", "POST", `/api/periods/${periodId}/extensions`, {
    unitId: unitIds["Phường Bắc Nha Trang"],
    deadline: "2025-06-30T23:59:59+07:00",
    reason: "Phường mới sáp nhập",
  });
  clock.advanceMinutes(24 * 60 * 24); // 26/06: past the common deadline
  server.relogin();
  await submit42("admin", "Phường Bắc Nha Trang");
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("completeness and timeliness of a period (tỷ lệ báo cáo)", () => {
  it("counts expected, submitted, on time, late (after the common deadline) and missing reports, with evidence", async () => {
    const data = await get("admin");
    expect(data.scope).toBe("all");
    expect(data.period).toMatchObject({ label: "Quý II/2025", isClosed: false });
    const i42 = data.indicators.find((i) => i.code === "4.2")!;
    expect(i42.leadUnitName).toBe("Sở Nội vụ");
    expect(i42.counts).toMatchObject({ submitted: 2, onTime: 1, late: 1, withEvidence: 2 });
    expect(i42.counts.missing).toBe(i42.counts.expected - 2);
    expect(data.indicators.map((i) => i.code).slice(0, 3)).toEqual(["1.1", "1.2", "1.3"]);

    const ward = data.units.find((u) => u.unitName === "Phường Nha Trang")!;
    expect(ward).toMatchObject({ extended: false, daysLeft: -2, lastChasedAt: null, chaseable: true });
    expect(ward.counts).toMatchObject({ submitted: 1, onTime: 1, late: 0, withEvidence: 1 });
    expect(ward.counts.overdue).toBe(ward.counts.missing);

    const north = data.units.find((u) => u.unitName === "Phường Bắc Nha Trang")!;
    // its extension let it report after the common deadline: late, but nothing of it is overdue yet
    expect(north).toMatchObject({ extended: true, deadline: "2025-06-30T16:59:59.000Z", daysLeft: 4 });
    expect(north.counts).toMatchObject({ submitted: 1, onTime: 0, late: 1, overdue: 0 });
    expect(north.counts.missing).toBeGreaterThan(0);

    // A unit's expandable row: its late and missing reports, not those on time.
    const wardSlots = await unitSlots("admin", ward.unitId);
    expect(wardSlots.find((s) => codeOf(s.indicatorId) === "4.2")).toBeUndefined();
    expect(wardSlots).toHaveLength(ward.counts.missing + ward.counts.late);
    const northSlots = await unitSlots("admin", north.unitId);
    const late = northSlots.find((s) => s.status === "late")!;
    expect(late).toMatchObject({
      reportStatus: "submitted",
      evidenceCount: 1,
      role: "cooperate",
      unitId: north.unitId,
    });
    expect(northSlots.filter((s) => s.status === "missing")).toHaveLength(north.counts.missing);
    const sum = data.units.reduce((n, u) => n + u.counts.expected, 0);
    expect(data.totals.expected).toBe(sum);
    expect(data.unitsTotal).toBe(data.units.length);
  });

  it("the dashboard's unit ranking counts on time as this page does, a resubmission after the deadline included", async () => {
    // Phường Nha Trang sent 4.2 on time; asked to explain after the deadline, it sends it again: still on time.
    const [{ id }] = (await database.db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitIds["Phường Nha Trang"]!)))) as [
      { id: string },
    ];
    let report: TReportDetail = (await call("admin", "GET", `/api/reports/${id}`)).json();
    const asked = await call("admin", "POST", `/api/reports/${id}/actions`, {
      action: "request_explanation",
      version: report.version,
      comment: "Bổ sung quyết định phân công",
      explanationDueAt: "2025-06-28T23:59:59+07:00",
    });
    expect(asked.statusCode, asked.body).toBe(200);
    report = asked.json();
    const again = await call("nhatrang", "POST", `/api/reports/${id}/actions`, {
      action: "submit",
      version: report.version,
    });
    expect(again.statusCode, again.body).toBe(200);

    const completeness = await get("admin");
    const ranking = (await call("admin", "GET", `/api/dashboard/units?periodId=${periodId}`)).json();
    const onTime = (unitName: string) => [
      completeness.units.find((u) => u.unitName === unitName)!.counts.onTime,
      ranking.rows.find((r: { unitName: string }) => r.unitName === unitName).onTime,
    ];
    expect(onTime("Phường Nha Trang")).toEqual([1, 1]);
    // sent under its extension after the common deadline: late on both pages
    expect(onTime("Phường Bắc Nha Trang")).toEqual([0, 0]);

    // and the heatmap colours the two reports the same way
    const heatmap: THeatmap = (
      await call("admin", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=commune&pageSize=500`)
    ).json();
    const i42 = framework.indicators.find((i) => i.code === "4.2")!.id;
    const lateIn = (unitName: string) =>
      heatmap.cells.find((c) => c.unitId === unitIds[unitName] && c.indicatorId === i42)!.late;
    expect(lateIn("Phường Nha Trang")).toBe(false);
    expect(lateIn("Phường Bắc Nha Trang")).toBe(true);
  });

  it("pages the unit table on the server and searches unit names without accents", async () => {
    const all = await get("admin");
    const first = await get("admin", "pageSize=5");
    const second = await get("admin", "pageSize=5&page=2");
    expect(first).toMatchObject({ unitsTotal: all.units.length, page: 1, pageSize: 5, totals: all.totals });
    expect(first.units.map((u) => u.unitId)).toEqual(all.units.slice(0, 5).map((u) => u.unitId));
    expect(second.units.map((u) => u.unitId)).toEqual(all.units.slice(5, 10).map((u) => u.unitId));
    expect(first.indicators).toEqual(all.indicators);
    const found = await get("admin", "q=phuong%20nha%20trang");
    expect(found.units.map((u) => u.unitName).sort()).toEqual(["Phường Bắc Nha Trang", "Phường Nha Trang"]);
    expect(found.unitsTotal).toBe(2);
  });

  it("lists the units furthest behind first when asked (the coordinator's home page): overdue, missing, late", async () => {
    const all = await get("admin");
    const behind = await get("admin", "pageSize=3&order=behind");
    expect(behind.unitsTotal).toBe(all.units.length);
    const worst = Math.max(...all.units.map((u) => u.counts.overdue));
    expect(behind.units[0]!.counts.overdue).toBe(worst);
    const weights = behind.units.map((u) => [u.counts.overdue, u.counts.missing, u.counts.late]);
    const sorted = [...weights].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(weights).toEqual(sorted);
    // the extended ward owes reports but none is overdue: it comes after every unit that has overdue ones
    const everyBehind = (await get("admin", "order=behind&pageSize=500")).units.map((u) => u.unitName);
    const north = everyBehind.indexOf("Phường Bắc Nha Trang");
    const ward = everyBehind.indexOf("Phường Nha Trang");
    expect(ward).toBeLessThan(north);
    expect((await call("admin", "GET", `/api/completeness?periodId=${periodId}&order=oldest`)).statusCode).toBe(400);
  });

  it("a unit's missing reports become overdue once its own (extended) deadline passes", async () => {
    clock.advanceMinutes(5 * 24 * 60); // 01/07
    server.relogin();
    const north = (await get("admin")).units.find((u) => u.unitName === "Phường Bắc Nha Trang")!;
    expect(north.daysLeft).toBe(-1);
    expect(north.counts.overdue).toBe(north.counts.missing);
  });

  it("a lead agency sees its own unit and every unit on the indicators it leads; a reporter sees nothing", async () => {
    const data = await get("noivu");
    expect(data.scope).toBe("lead");
    const own = unitIds["Sở Nội vụ"];
    const ward = data.units.find((u) => u.unitName === "Phường Nha Trang")!;
    // of another unit, only the reports on the indicators it leads
    const wardSlots = await unitSlots("noivu", ward.unitId);
    expect(wardSlots.length).toBeGreaterThan(0);
    for (const slot of wardSlots) expect(["4.1", "4.2", "4.3", "4.4"]).toContain(codeOf(slot.indicatorId));
    const ownCounts = data.units.find((u) => u.unitId === own)!.counts;
    expect((await unitSlots("noivu", own!)).length).toBe(ownCounts.missing + ownCounts.late);
    // a unit outside its indicators: nothing, although the unit exists
    expect(await unitSlots("noivu", unitIds["Viettel Khánh Hòa"]!)).toEqual([]);
    expect(
      (await call("nhatrang", "GET", `/api/completeness/units/${ward.unitId}?periodId=${periodId}`)).statusCode,
    ).toBe(403);
    expect(data.units.some((u) => u.unitName === "Viettel Khánh Hòa")).toBe(false);
    expect(data.units.some((u) => u.unitName === "Phường Nha Trang")).toBe(true);
    expect(data.units.find((u) => u.unitId === own)!.chaseable).toBe(false);

    expect((await call("nhatrang", "GET", `/api/completeness?periodId=${periodId}`)).statusCode).toBe(403);
    expect((await call("thamdinh", "GET", `/api/completeness?periodId=${periodId}`)).statusCode).toBe(200);
    expect((await call("lanhdao", "GET", `/api/completeness?periodId=${periodId}`)).statusCode).toBe(200);
  });

  it("a reporter, the council and leadership cannot chase", async () => {
    for (const who of ["nhatrang", "thamdinh", "lanhdao"]) {
      const res = await call(who, "POST", "/api/completeness/chase", { periodId });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it("a lead agency chases only its cooperating units, on its indicators, once an hour", async () => {
    const outside = await call("noivu", "POST", "/api/completeness/chase", {
      periodId,
      unitIds: [unitIds["Viettel Khánh Hòa"]],
    });
    expect(outside.statusCode).toBe(403);

    const res = await call("noivu", "POST", "/api/completeness/chase", { periodId });
    expect(res.statusCode, res.body).toBe(200);
    const result: TChaseResult = res.json();
    const names = result.chased.map((c) => c.unitName);
    expect(names).toContain("Phường Nha Trang");
    expect(names).not.toContain("Sở Nội vụ");
    expect(names).not.toContain("Viettel Khánh Hòa");
    const ward = result.chased.find((c) => c.unitName === "Phường Nha Trang")!;
    expect(ward).toMatchObject({ missing: 3, recipients: 1 });

    const notices = (await call("nhatrang", "GET", "/api/notifications")).json().items;
    expect(notices[0]).toMatchObject({ kind: "chase", title: "Sở Nội vụ đôn đốc báo cáo Quý II/2025" });
    expect(notices[0].body).toContain("Phường Nha Trang còn 3 báo cáo chưa gửi (chỉ số 4.1, 4.3, 4.4)");

    const again: TChaseResult = (await call("noivu", "POST", "/api/completeness/chase", { periodId })).json();
    expect(again.chased).toEqual([]);
    expect(again.skipped.map((s) => s.unitName)).toEqual(expect.arrayContaining(names));
    expect(
      (await call("nhatrang", "GET", "/api/notifications"))
        .json()
        .items.filter((n: { kind: string }) => n.kind === "chase"),
    ).toHaveLength(1);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "period.chase"));
    expect(audit).toHaveLength(2);
    expect(audit[0]!.entityId).toBe(periodId);
    const data = await get("admin");
    expect(data.units.find((u) => u.unitName === "Phường Nha Trang")!.lastChasedAt).not.toBeNull();
  });

  it("the coordinator chases every unit that still owes reports, with one reminder each", async () => {
    const data = await get("admin");
    const behind = data.units.filter((u) => u.counts.missing > 0);
    const result: TChaseResult = (await call("admin", "POST", "/api/completeness/chase", { periodId })).json();
    expect(result.chased.length + result.skipped.length).toBe(behind.length);
    expect(result.skipped).toEqual([]); // another agency's chase does not count as the coordinator's
    const vp = (await call("vpubnd", "GET", "/api/notifications")).json().items;
    // VP UBND also cooperates on Sở Nội vụ's indicators: it was chased by both, once each
    expect(
      vp
        .filter((n: { kind: string }) => n.kind === "chase")
        .map((n: { title: string }) => n.title)
        .sort(),
    ).toEqual(["Sở Khoa học và Công nghệ đôn đốc báo cáo Quý II/2025", "Sở Nội vụ đôn đốc báo cáo Quý II/2025"]);
  });

  it("exports the page as Excel: Vietnamese headers, frozen header row, widths, number formats", async () => {
    const res = await call("admin", "GET", `/api/completeness/export?periodId=${periodId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="ty-le-bao-cao-quy-ii-2025.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Theo đơn vị", "Theo chỉ số", "Chi tiết", "Thông tin"]);
    const byUnit = workbook.getWorksheet("Theo đơn vị")!;
    expect(byUnit.getRow(1).values).toEqual([
      undefined,
      "STT",
      "Đơn vị",
      "Hạn gửi",
      "Phải nộp",
      "Đã nộp",
      "Đúng hạn",
      "Nộp muộn",
      "Chưa nộp",
      "Quá hạn chưa nộp",
      "Có tài liệu kiểm chứng",
      "Tỷ lệ đã nộp",
      "Tỷ lệ đúng hạn (trên số phải nộp)",
      "Đôn đốc gần nhất",
    ]);
    expect(byUnit.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(byUnit.getColumn(2).width).toBe(40);
    const ward = byUnit.getRows(2, byUnit.rowCount - 1)!.find((r) => r.getCell(2).value === "Phường Nha Trang")!;
    expect(ward.getCell(6).value).toBe(1);
    expect(ward.getCell(12).numFmt).toBe("0.0%");
    expect(typeof ward.getCell(12).value).toBe("number");
    // deadlines read as Vietnam time: 24/06/2025 23:59
    expect((ward.getCell(3).value as Date).toISOString()).toBe("2025-06-24T23:59:59.000Z");
    expect(ward.getCell(3).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(byUnit.getRow(byUnit.rowCount).getCell(2).value).toBe("Tổng cộng");
    const detail = workbook.getWorksheet("Chi tiết")!;
    expect(detail.getRow(1).getCell(5).value).toBe("Tình trạng");
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    expect((await call("nhatrang", "GET", `/api/completeness/export?periodId=${periodId}`)).statusCode).toBe(403);
  });

  it("a closed period cannot be chased", async () => {
    await call("admin", "PATCH", `/api/periods/${periodId}`, { isClosed: true });
    const res = await call("admin", "POST", "/api/completeness/chase", { periodId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("Kỳ báo cáo đã đóng nên không đôn đốc được.");
    expect((await get("admin")).units.every((u) => !u.chaseable)).toBe(true);
  });
});
