import type { TDashboard, TFrameworkDetail, THeatmap, TReportDetail, TUnitRanking } from "@chiso/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;
let periodId: string;
let unitIds: Record<string, string>;
const reports: TReportDetail[] = [];

type TMethod = "GET" | "POST" | "PATCH" | "PUT";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const indicatorId = (code: string) => framework.indicators.find((i) => i.code === code)!.id;

async function evidence(unit: string) {
  const [row] = await t.database.db
    .insert(documents)
    .values({
      unitId: unitIds[unit]!,
      sha256: "1".repeat(64),
      size: 10,
      mimeType: "application/pdf",
      fileName: "qd.pdf",
      docNumber: "1/QĐ",
      issuedOn: "2025-05-01",
    })
    .returning({ id: documents.id });
  return row!.id;
}

/** A lead agency's consolidated report with values, optional evidence, submitted. */
async function leadReport(who: string, unit: string, code: string, values: object, withEvidence = true) {
  let r: TReportDetail = (await call(who, "POST", "/api/reports", { periodId, indicatorId: indicatorId(code) })).json();
  r = (await call(who, "PATCH", `/api/reports/${r.id}`, { values, version: r.version })).json();
  if (withEvidence)
    r = (await call(who, "POST", `/api/reports/${r.id}/documents`, { documentId: await evidence(unit) })).json();
  if (withEvidence)
    r = (await call(who, "POST", `/api/reports/${r.id}/actions`, { action: "submit", version: r.version })).json();
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu", "vpubnd", "thamdinh", "lanhdao", "nhatrang"]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
  periodId = (
    await call("admin", "POST", "/api/periods", { frameworkId: framework.id, kind: "quarter", year: 2025, index: 2 })
  ).json().id;

  reports.push(await leadReport("vpubnd", "Văn phòng UBND tỉnh", "6.6", { numerator: 412, denominator: 500 }));
  reports.push(await leadReport("vpubnd", "Văn phòng UBND tỉnh", "6.5", { numerator: 300, denominator: 400 }));
  reports.push(await leadReport("vpubnd", "Văn phòng UBND tỉnh", "5.8", { value: true }, false)); // values without evidence
  reports.push(await leadReport("noivu", "Sở Nội vụ", "4.2", { numerator: 30, denominator: 100 }));
  // the council cuts 6.5 at appraisal
  let r65 = reports[1]!;
  r65 = (
    await call("admin", "POST", `/api/reports/${r65.id}/actions`, { action: "verify", version: r65.version })
  ).json();
  r65 = (
    await call("thamdinh", "POST", `/api/reports/${r65.id}/actions`, {
      action: "appraise",
      version: r65.version,
      appraisedPoints: 10,
      comment: "Số liệu chưa khớp hệ thống",
    })
  ).json();
  reports[1] = r65;
});
afterAll(() => t.close());

describe("province dashboard", () => {
  it("computes the same totals as the reports themselves (appraised where given, else self-assessed)", async () => {
    const dashboard: TDashboard = (await call("lanhdao", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    // independent: straight from each report as the report API shows it
    const fresh = await Promise.all(
      reports.map(async (r) => (await call("admin", "GET", `/api/reports/${r.id}`)).json() as Promise<TReportDetail>),
    );
    const expected = fresh.reduce((sum, r) => sum + (r.appraisedPoints ?? r.selfPoints ?? 0), 0);
    expect(dashboard.totals.total).toBeCloseTo(expected, 2);
    expect(dashboard.totals.total).toBeCloseTo(41.2 + 10 + 0 + 9, 2);
    expect(dashboard.totals.selfTotal).toBeCloseTo(41.2 + 15 + 0 + 9, 2);
    expect(dashboard.totals.maxTotal).toBe(1000);
    expect(dashboard.totals.index).toBeCloseTo(0.0602, 4);
    const main6 = dashboard.mains.find((m) => m.code === "6")!;
    expect(main6).toMatchObject({ maxScore: 200, points: 51.2, selfPoints: 56.2 });
    expect(main6.value).toBeCloseTo(0.256, 3);
    expect(dashboard.target).toEqual({ total: 800, rank: 20, mainsTop10: 4 });
  });

  it("explains every lost point: not reported, missing evidence, cut at appraisal, below target", async () => {
    const dashboard: TDashboard = (await call("lanhdao", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    const byCode = new Map(dashboard.indicators.map((i) => [i.code, i]));
    expect(byCode.get("6.6")).toMatchObject({
      points: 41.2,
      pointsLost: 8.8,
      reason: "below_target",
      leadUnit: "Văn phòng UBND tỉnh",
    });
    expect(byCode.get("6.5")).toMatchObject({ points: 10, pointsLost: 10, reason: "appraisal_cut" });
    // 5.8 is still the lead agency's draft: leadership does not see drafts, the coordinator does.
    expect(byCode.get("5.8")).toMatchObject({ points: 0, pointsLost: 10, reason: "not_reported", recoverable: 10 });
    const coordinatorView: TDashboard = (await call("admin", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    expect(coordinatorView.indicators.find((i) => i.code === "5.8")).toMatchObject({
      points: 0,
      pointsLost: 10,
      reason: "missing_evidence",
      recoverable: 10,
    });
    expect(byCode.get("3.1")).toMatchObject({
      points: 0,
      pointsLost: 30,
      reason: "not_reported",
      recoverable: 30,
      status: null,
    });
    expect(byCode.get("9.1")).toMatchObject({ pointsLost: 0, reason: null });
    expect(dashboard.totals.pointsLost).toBeCloseTo(1000 - dashboard.totals.total, 2);
  });

  it("shows who has submitted what: unit groups × indicators, then a group's units, late in red", async () => {
    const grouped: THeatmap = (await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}`)).json();
    expect(grouped).toMatchObject({ kind: null, units: [], cells: [] });
    const departments = grouped.groups.find((g) => g.kind === "department")!;
    expect(departments.cells.find((c) => c.indicatorId === indicatorId("6.6"))).toMatchObject({
      submitted: 1,
      late: 0,
    });
    const communes = grouped.groups.find((g) => g.kind === "commune")!;
    expect(communes.cells.find((c) => c.indicatorId === indicatorId("4.2"))).toMatchObject({ submitted: 0 });

    const heatmap: THeatmap = (
      await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=department`)
    ).json();
    expect(heatmap.units.every((u) => u.kind === "department")).toBe(true);
    expect(heatmap.unitsTotal).toBe(departments.unitCount);
    const communePage: THeatmap = (
      await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=commune&pageSize=2&page=1`)
    ).json();
    expect(communePage.units).toHaveLength(2);
    expect(communePage.unitsTotal).toBe(communes.unitCount);
    const communes2: THeatmap = (
      await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=commune&pageSize=500`)
    ).json();
    const cell = (unit: string, code: string) =>
      [...heatmap.cells, ...communes2.cells].find(
        (c) => c.unitId === unitIds[unit] && c.indicatorId === indicatorId(code),
      );
    expect(cell("Văn phòng UBND tỉnh", "6.6")).toMatchObject({ state: "submitted", late: false, role: "lead" });
    expect(cell("Văn phòng UBND tỉnh", "5.8")).toMatchObject({ state: "draft", late: false });
    expect(cell("Phường Nha Trang", "4.2")).toMatchObject({ state: "not_started", role: "cooperate", reportId: null });
    t.clock.advanceMinutes(60 * 24 * 30);
    cookies.lanhdao = await t.login("lanhdao");
    const later: THeatmap = (
      await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=commune&pageSize=500`)
    ).json();
    const lateCell = later.cells.find(
      (c) => c.unitId === unitIds["Phường Nha Trang"] && c.indicatorId === indicatorId("4.2"),
    );
    expect(lateCell?.late).toBe(true);
    const laterDepartments: THeatmap = (
      await call("lanhdao", "GET", `/api/dashboard/heatmap?periodId=${periodId}&kind=department&pageSize=500`)
    ).json();
    const onTime = laterDepartments.cells.find(
      (c) => c.unitId === unitIds["Văn phòng UBND tỉnh"] && c.indicatorId === indicatorId("6.6"),
    );
    expect(onTime?.late).toBe(false);
  });
});

describe("what-if starting point", () => {
  it("gives the latest values the lead agencies reported, per indicator", async () => {
    const latest = (await call("lanhdao", "GET", `/api/frameworks/${framework.id}/latest-values`)).json();
    expect(latest.find((l: { indicatorId: string }) => l.indicatorId === indicatorId("6.6"))).toEqual({
      indicatorId: indicatorId("6.6"),
      periodLabel: "Quý II/2025",
      values: { numerator: 412, denominator: 500 },
    });
    expect(latest.some((l: { indicatorId: string }) => l.indicatorId === indicatorId("3.1"))).toBe(false);
  });
});

describe("unit ranking for emulation and rewards", () => {
  it("ranks units by timeliness, completeness and the score of what they lead, with the formula", async () => {
    cookies.lanhdao = await t.login("lanhdao");
    const ranking: TUnitRanking = (await call("lanhdao", "GET", `/api/dashboard/units?periodId=${periodId}`)).json();
    expect(ranking.formula).toContain("40%");
    const vp = ranking.rows.find((r) => r.unitName === "Văn phòng UBND tỉnh")!;
    expect(vp).toMatchObject({ onTime: 2, complete: 2, returns: 0 });
    const owes = (i: TFrameworkDetail["indicators"][number]) =>
      i.lead?.unitName === "Văn phòng UBND tỉnh" || i.cooperating.some((c) => c.unitName === "Văn phòng UBND tỉnh");
    expect(vp.expected).toBe(framework.indicators.filter(owes).length);
    const ranks = ranking.rows.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const res = await call("lanhdao", "GET", `/api/dashboard/units/export?periodId=${periodId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("Xếp hạng đơn vị")!;
    expect(String(sheet.getCell("A1").value)).toContain("Điểm thi đua");
    expect(sheet.getRow(4).getCell(2).value).toBe(ranking.rows[0]!.unitName);
  });
});

describe("official national results", () => {
  /** A synthetic 63-province table (not published values): Khánh Hòa at the 25th place. */
  async function resultsFile(rows = 63, broken = false) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DTI 2025");
    sheet.addRow(["STT", "Tỉnh/Thành phố", "Chỉ số DTI", "Xếp hạng", "Nhận thức số", "Hạ tầng số", "Ghi chú"]);
    for (let i = 0; i < rows; i++) {
      const province = i === 24 ? "Khánh Hòa" : `Tỉnh số ${i + 1}`;
      sheet.addRow([
        i + 1,
        province,
        0.8 - i * 0.005,
        i + 1,
        i === 24 ? 0.95 : 0.9 - i * 0.001,
        0.5 + i * 0.001,
        i === 24 ? "Sau sáp nhập: bình quân có trọng số" : null,
      ]);
    }
    if (broken) sheet.getRow(5).getCell(3).value = "không rõ";
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const upload = (who: string, content: Buffer, year = 2025) => {
    const body = multipartBody({ name: "dti-2025.xlsx", content });
    return t.app.inject({
      method: "POST",
      url: `/api/official-results/import?year=${year}`,
      headers: { cookie: cookies[who]!, ...body.headers },
      payload: body.payload,
    });
  };

  it("refuses an invalid file with row errors and keeps nothing; only the coordinator imports", async () => {
    cookies.admin = await t.login("admin");
    const refused = await upload("admin", await resultsFile(63, true));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toBe(
      'Dòng 5: giá trị "không rõ" không hợp lệ (cần từ 0 đến 1, hoặc 0–100%).',
    );
    expect((await call("admin", "GET", "/api/official-results?year=2025")).json()).toEqual([]);
    expect((await upload("lanhdao", await resultsFile())).statusCode).toBe(403);
  });

  it("compares the province with the official result: rank, per-main ranks, gap to the 10th and 20th places", async () => {
    const saved = await upload("admin", await resultsFile());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ year: 2025, count: 63 });
    const dashboard: TDashboard = (await call("lanhdao", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    expect(dashboard.official).toMatchObject({
      province: "Khánh Hòa",
      rank: 25,
      provinceCount: 63,
      index: 0.68,
      note: "Sau sáp nhập: bình quân có trọng số",
    });
    expect(dashboard.official?.gapTo20).toEqual({ indexGap: 0.025, pointGap: 25 });
    expect(dashboard.official?.gapTo10).toEqual({ indexGap: 0.075, pointGap: 75 });
    const main1 = dashboard.mains.find((m) => m.code === "1")!;
    expect(main1).toMatchObject({ officialValue: 0.95, officialRank: 1 });
    expect(dashboard.mains.find((m) => m.code === "3")).toMatchObject({ officialValue: 0.524, officialRank: 39 });
    expect(dashboard.official?.mainsInTop10).toBe(
      dashboard.mains.filter((m) => m.officialRank !== null && m.officialRank <= 10).length,
    );
  });

  it("plan 4636's targets read the dashboard's numbers: score against 800, rank against 20, mains in the top 10 against 4", async () => {
    const created = await call("admin", "POST", "/api/plans", {
      code: "4636/KH-UBND",
      title: "Nâng cao Chỉ số DTI tỉnh Khánh Hòa năm 2025",
      startYear: 2025,
      endYear: 2030,
      targets: [
        { label: "DTI ≥ 800/1000 điểm", metric: "dti_total", comparator: ">=", targetValue: 800 },
        { label: "Top 20", metric: "dti_rank", comparator: "<=", targetValue: 20 },
        { label: "Ít nhất 04/08 chỉ số chính trong nhóm 10", metric: "mains_top10", comparator: ">=", targetValue: 4 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = (await call("lanhdao", "GET", `/api/plans/${created.json().id}`)).json();
    const dashboard: TDashboard = (await call("lanhdao", "GET", `/api/dashboard?frameworkId=${framework.id}`)).json();
    const byMetric = Object.fromEntries(
      plan.targets.map((x: { metric: string; current: number | null; met: boolean | null }) => [
        x.metric,
        [x.current, x.met],
      ]),
    );
    expect(byMetric).toEqual({
      dti_total: [dashboard.totals.selfTotal, dashboard.totals.selfTotal >= 800],
      dti_rank: [25, false],
      mains_top10: [dashboard.official!.mainsInTop10, dashboard.official!.mainsInTop10 >= 4],
    });
  });
});
