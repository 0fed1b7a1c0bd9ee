import { REFUSALS, type TFrameworkDetail, type TReportDetail } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/*
 * Levels: Sở Công Thương runs its own cycle for its offices beside the province's. Its coordinator (Văn phòng Sở)
 * does inside the department what the province's coordinator does in the province, and nothing outside it; the
 * offices see the department's things, not the province's nor another agency's.
 */

let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;
let provinceFramework: TFrameworkDetail;
let departmentFramework: TFrameworkDetail;
let departmentPeriodId: string;
let officeIds: { trade: string; energy: string };

type TMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });

async function issueAccount(by: string, body: object) {
  const res = await call(by, "POST", "/api/accounts", body);
  expect(res.statusCode, res.body).toBe(201);
  const { account, initialPassword } = res.json();
  // The first sign-in must change the initial password.
  let cookie = await t.login(account.username, initialPassword);
  const changed = await t.app.inject({
    method: "POST",
    url: "/api/auth/change-password",
    headers: { cookie },
    payload: { currentPassword: initialPassword, newPassword: "DoiMatKhau2025" },
  });
  expect(changed.statusCode, changed.body).toBe(200);
  cookie = await t.login(account.username, "DoiMatKhau2025");
  cookies[account.username] = cookie;
  return account;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu", "nhatrang", "lanhdao"]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  provinceFramework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
});
afterAll(() => t.close());

describe("a department runs its own cycle for its offices", () => {
  it("the province coordinator makes Sở Công Thương's office its coordinator", async () => {
    const account = await issueAccount("admin", {
      username: "vpsct",
      fullName: "Lê Thị Văn Phòng",
      unitId: unitIds["Văn phòng Sở Công Thương"],
      roles: ["coordinator"],
      scopeUnitId: unitIds["Sở Công Thương"],
    });
    expect(account.grants).toEqual([
      expect.objectContaining({
        role: "coordinator",
        scopeUnitId: unitIds["Sở Công Thương"],
        scopeName: "Sở Công Thương",
      }),
    ]);
    const me = (await call("vpsct", "GET", "/api/auth/me")).json();
    expect(me.grants[0].scopePath).toEqual([unitIds["Sở Công Thương"]]);
  });

  it("creates offices under the department and their accounts, and nothing outside it", async () => {
    const create = (name: string, parentId: string | null) =>
      call("vpsct", "POST", "/api/units", { name, kind: "office", parentId });
    const trade = await create("Phòng Kế hoạch – Tài chính", unitIds["Sở Công Thương"]!);
    const energy = await create("Phòng Quản lý năng lượng", unitIds["Sở Công Thương"]!);
    expect([trade.statusCode, energy.statusCode]).toEqual([201, 201]);
    officeIds = { trade: trade.json().id, energy: energy.json().id };
    expect(trade.json().path).toEqual([unitIds["Sở Công Thương"], officeIds.trade]);

    const topLevel = await create("Sở Mới", null);
    expect(topLevel.statusCode).toBe(403);
    expect(topLevel.json().error.message).toBe(REFUSALS["unit.manage"]);
    expect((await create("Phòng của Sở Nội vụ", unitIds["Sở Nội vụ"]!)).statusCode).toBe(403);
    // Nor rename the department itself or another agency.
    expect(
      (await call("vpsct", "PATCH", `/api/units/${unitIds["Sở Công Thương"]}`, { name: "Sở CT" })).statusCode,
    ).toBe(403);
    expect((await call("vpsct", "PATCH", `/api/units/${unitIds["Sở Nội vụ"]}`, { name: "Sở NV" })).statusCode).toBe(
      403,
    );

    await issueAccount("vpsct", {
      username: "pkhtc",
      fullName: "Trần Văn Kế Hoạch",
      unitId: officeIds.trade,
      roles: ["unit_reporter"],
    });
    await issueAccount("vpsct", {
      username: "pqlnl",
      fullName: "Phạm Thị Năng Lượng",
      unitId: officeIds.energy,
      roles: ["unit_lead"],
    });
    const outside = await call("vpsct", "POST", "/api/accounts", {
      username: "xnoivu",
      fullName: "Người Ngoài",
      unitId: unitIds["Sở Nội vụ"],
      roles: ["unit_reporter"],
    });
    expect(outside.statusCode).toBe(403);
    const provinceRole = await call("vpsct", "POST", "/api/accounts", {
      username: "xtinh",
      fullName: "Quản Trị Tỉnh",
      unitId: officeIds.trade,
      roles: ["coordinator"],
    });
    expect(provinceRole.statusCode).toBe(403);
    expect(provinceRole.json().error.message).toBe(REFUSALS["account.grant"]);

    // Its lists hold its own subtree only.
    const accounts = (await call("vpsct", "GET", "/api/accounts")).json() as { username: string }[];
    expect(accounts.map((a) => a.username).sort()).toEqual(["congthuong", "pkhtc", "pqlnl", "pqltm", "vpsct"]);
  });

  it("builds, assigns and publishes the department's framework; cannot touch the province's", async () => {
    const created = await call("vpsct", "POST", "/api/frameworks", {
      code: "SCT-2025",
      name: "Bộ chỉ số chuyển đổi số Sở Công Thương năm 2025",
      year: 2025,
      level: "department",
      ownerUnitId: unitIds["Sở Công Thương"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft: TFrameworkDetail = created.json();
    expect(draft).toMatchObject({ ownerUnitId: unitIds["Sở Công Thương"], ownerName: "Sở Công Thương" });
    const province = await call("vpsct", "POST", "/api/frameworks", {
      code: "TINH-2026",
      name: "Bộ chỉ số tỉnh 2026",
      year: 2026,
      level: "province",
      ownerUnitId: null,
    });
    expect(province.statusCode).toBe(403);
    // Naming no owner, a department's coordinator creates in its own scope (what the web's forms do).
    const unnamed = await call("vpsct", "POST", "/api/frameworks", {
      code: "SCT-NHAP",
      name: "Bản nháp của Sở Công Thương",
      year: 2026,
      level: "department",
    });
    expect(unnamed.json()).toMatchObject({ ownerUnitId: unitIds["Sở Công Thương"] });
    expect((await call("vpsct", "DELETE", `/api/frameworks/${unnamed.json().id}`)).statusCode).toBe(204);
    expect(
      (await call("vpsct", "PATCH", `/api/frameworks/${provinceFramework.id}`, { name: "Đổi tên" })).statusCode,
    ).toBe(403);

    const leaf = {
      parentId: null,
      name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
      maxScore: 10,
      valueKind: "boolean",
      rule: { type: "yes_no", input: "value" },
      evidenceRequired: true,
    };
    const added = await call("vpsct", "POST", `/api/frameworks/${draft.id}/indicators`, { ...leaf, code: "1" });
    expect(added.statusCode, added.body).toBe(201);
    const indicatorId = (added.json() as TFrameworkDetail).indicators[0]!.id;
    const outsider = await call("vpsct", "PUT", `/api/indicators/${indicatorId}/assignment`, {
      leadUnitId: unitIds["Sở Nội vụ"],
      cooperatingUnitIds: [],
    });
    expect(outsider.statusCode).toBe(400);
    const assigned = await call("vpsct", "PUT", `/api/indicators/${indicatorId}/assignment`, {
      leadUnitId: officeIds.trade,
      cooperatingUnitIds: [officeIds.energy],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const published = await call("vpsct", "POST", `/api/frameworks/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    departmentFramework = published.json();

    // Its own period, due 30/11 (before the province's year-end), end of day Vietnam time.
    const period = await call("vpsct", "POST", "/api/periods", {
      frameworkId: departmentFramework.id,
      kind: "year",
      year: 2025,
      index: 1,
      deadline: "2025-11-30T16:59:59.000Z",
    });
    expect(period.statusCode, period.body).toBe(201);
    departmentPeriodId = period.json().id;
    const provincePeriod = await call("vpsct", "POST", "/api/periods", {
      frameworkId: provinceFramework.id,
      kind: "quarter",
      year: 2025,
      index: 2,
    });
    expect(provincePeriod.statusCode).toBe(403);
  });

  it("an office reports with evidence; the department returns it for explanation, then verifies it", async () => {
    const indicatorId = departmentFramework.indicators[0]!.id;
    const opened = await call("pkhtc", "POST", "/api/reports", { periodId: departmentPeriodId, indicatorId });
    expect(opened.statusCode, opened.body).toBe(200);
    let report: TReportDetail = opened.json();
    const saved = await call("pkhtc", "PATCH", `/api/reports/${report.id}`, { values: { value: true }, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        unitId: officeIds.trade,
        sha256: "1".repeat(64),
        size: 10,
        mimeType: "application/pdf",
        fileName: "quyet-dinh.pdf",
        docNumber: "12/QĐ-SCT",
        issuedOn: "2025-05-10",
      })
      .returning({ id: documents.id });
    const attached = await call("pkhtc", "POST", `/api/reports/${report.id}/documents`, { documentId: doc!.id });
    expect(attached.statusCode, attached.body).toBe(200);

    // The draft stays inside: the sibling agency and the province's leadership do not see it.
    expect((await call("noivu", "GET", `/api/reports/${report.id}`)).statusCode).toBe(403);
    expect((await call("lanhdao", "GET", `/api/reports/${report.id}`)).statusCode).toBe(403);
    expect((await call("vpsct", "GET", `/api/reports/${report.id}`)).statusCode).toBe(200);

    report = (await call("pkhtc", "GET", `/api/reports/${report.id}`)).json();
    const act = (who: string, action: string, extra: object = {}) =>
      call(who, "POST", `/api/reports/${report.id}/actions`, { action, version: report.version, ...extra });
    expect((await act("pkhtc", "submit")).statusCode).toBe(200);
    report = (await call("vpsct", "GET", `/api/reports/${report.id}`)).json();
    expect(report.allowedActions).toEqual(expect.arrayContaining(["verify", "request_explanation"]));
    // Another agency's lead cannot act on it.
    expect((await act("noivu", "verify")).statusCode).toBe(403);
    const asked = await act("vpsct", "request_explanation", {
      comment: "Bổ sung quyết định phê duyệt",
      explanationDueAt: "2025-06-20T23:59:59+07:00",
    });
    expect(asked.statusCode, asked.body).toBe(200);
    report = (await call("pkhtc", "GET", `/api/reports/${report.id}`)).json();
    expect(report.status).toBe("returned");
    expect((await call("pkhtc", "POST", `/api/reports/${report.id}/comments`, { body: "Đã bổ sung" })).statusCode).toBe(
      200,
    );
    expect((await act("pkhtc", "submit")).statusCode).toBe(200);
    report = (await call("vpsct", "GET", `/api/reports/${report.id}`)).json();
    expect((await act("vpsct", "verify")).statusCode).toBe(200);
    report = (await call("vpsct", "GET", `/api/reports/${report.id}`)).json();
    expect(report.status).toBe("verified");
  });

  it("offices see the department's dashboard, frameworks and plans — not the province's nor another agency's", async () => {
    const dashboard = await call("pkhtc", "GET", "/api/dashboard");
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().framework.id).toBe(departmentFramework.id);
    const provinceDashboard = await call("pkhtc", "GET", `/api/dashboard?frameworkId=${provinceFramework.id}`);
    expect(provinceDashboard.statusCode).toBe(403);
    expect(provinceDashboard.json().error.message).toBe(REFUSALS["dashboard.view"]);
    const frameworks = (await call("pkhtc", "GET", "/api/frameworks")).json() as { id: string }[];
    expect(frameworks.map((f) => f.id)).toEqual([departmentFramework.id]);
    expect((await call("pkhtc", "GET", `/api/frameworks/${provinceFramework.id}`)).statusCode).toBe(403);

    // A commune (a top-level unit) takes part in the province's cycle, not in Sở Công Thương's.
    expect((await call("nhatrang", "GET", `/api/dashboard?frameworkId=${departmentFramework.id}`)).statusCode).toBe(
      403,
    );
    const communeFrameworks = (await call("nhatrang", "GET", "/api/frameworks")).json() as { id: string }[];
    expect(communeFrameworks.map((f) => f.id)).not.toContain(departmentFramework.id);
    expect((await call("noivu", "GET", `/api/periods?frameworkId=${departmentFramework.id}`)).json()).toEqual([]);
    expect((await call("noivu", "GET", `/api/reports?periodId=${departmentPeriodId}`)).json().items).toEqual([]);

    // The province's coordinator sees the department's progress.
    const provinceView = await call("admin", "GET", `/api/dashboard?frameworkId=${departmentFramework.id}`);
    expect(provinceView.statusCode).toBe(200);
    const reports = (await call("admin", "GET", `/api/reports?periodId=${departmentPeriodId}`)).json().items;
    expect(reports).toEqual([expect.objectContaining({ status: "verified", unitId: officeIds.trade })]);
  });

  it("the department's plan belongs to it: offices read it, other agencies do not", async () => {
    const created = await call("vpsct", "POST", "/api/plans", {
      code: "17a/KH-SCT",
      title: "Kế hoạch chuyển đổi số Sở Công Thương năm 2025",
      ownerUnitId: unitIds["Sở Công Thương"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    const task = await call("vpsct", "POST", `/api/plans/${plan.id}/tasks`, {
      content: "Số hóa hồ sơ cấp phép",
      leadUnitIds: [officeIds.trade],
    });
    expect(task.statusCode, task.body).toBe(201);
    const outsideTask = await call("vpsct", "POST", `/api/plans/${plan.id}/tasks`, {
      content: "Giao cho sở khác",
      leadUnitIds: [unitIds["Sở Nội vụ"]],
    });
    expect(outsideTask.statusCode).toBe(400);
    expect((await call("pkhtc", "GET", `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await call("noivu", "GET", `/api/plans/${plan.id}`)).statusCode).toBe(403);
    expect(((await call("noivu", "GET", "/api/plans")).json() as { id: string }[]).map((p) => p.id)).not.toContain(
      plan.id,
    );
    const provincePlan = await call("vpsct", "POST", "/api/plans", {
      code: "99/KH-UBND",
      title: "Kế hoạch tỉnh",
      ownerUnitId: null,
    });
    expect(provincePlan.statusCode).toBe(403);
  });

  it("a draft never reaches another unit through the what-if's latest values", async () => {
    const year = provinceFramework.indicators.find((i) => i.code === "4.2")!;
    const periodRes = await call("admin", "POST", "/api/periods", {
      frameworkId: provinceFramework.id,
      kind: "quarter",
      year: 2025,
      index: 2,
    });
    expect(periodRes.statusCode, periodRes.body).toBe(201);
    const opened = await call("noivu", "POST", "/api/reports", { periodId: periodRes.json().id, indicatorId: year.id });
    const report: TReportDetail = opened.json();
    const saved = await call("noivu", "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: 30, denominator: 100 },
      version: report.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const latest = (who: string) =>
      call(who, "GET", `/api/frameworks/${provinceFramework.id}/latest-values`).then(
        (r) => r.json() as { indicatorId: string }[],
      );
    expect((await latest("noivu")).map((v) => v.indicatorId)).toContain(year.id);
    expect((await latest("admin")).map((v) => v.indicatorId)).toContain(year.id);
    expect((await latest("nhatrang")).map((v) => v.indicatorId)).not.toContain(year.id);
    expect((await latest("lanhdao")).map((v) => v.indicatorId)).not.toContain(year.id);
  });

  it("moving an office keeps its id, accounts and reports; its subtree moves with it", async () => {
    const sub = await call("vpsct", "POST", "/api/units", {
      name: "Tổ số hóa",
      kind: "office",
      parentId: officeIds.energy,
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const moved = await call("vpsct", "PATCH", `/api/units/${officeIds.energy}`, { parentId: officeIds.trade });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().path).toEqual([unitIds["Sở Công Thương"], officeIds.trade, officeIds.energy]);
    const units = (await call("vpsct", "GET", "/api/units")).json() as { id: string; path: string[] }[];
    expect(units.find((u) => u.id === sub.json().id)!.path).toEqual([
      unitIds["Sở Công Thương"],
      officeIds.trade,
      officeIds.energy,
      sub.json().id,
    ]);
    // Not into its own subtree, and not out of the department.
    expect(
      (await call("vpsct", "PATCH", `/api/units/${officeIds.trade}`, { parentId: sub.json().id })).statusCode,
    ).toBe(400);
    expect((await call("vpsct", "PATCH", `/api/units/${officeIds.trade}`, { parentId: null })).statusCode).toBe(403);
    expect((await call("pqlnl", "GET", "/api/auth/me")).statusCode).toBe(200);
  });

  it("reporting up: the department's report on a province indicator shows what its offices sent and cites their evidence", async () => {
    const sct = unitIds["Sở Công Thương"]!;
    const target = provinceFramework.indicators.find(
      (i) => i.rule && (i.lead?.unitId === sct || i.cooperating.some((c) => c.unitId === sct)),
    )!;
    // The department's own item carries the province indicator's code (plan 17a numbers its items so).
    const created = await call("vpsct", "POST", "/api/frameworks", {
      code: "SCT-2025-B",
      name: "Bộ chỉ số Sở Công Thương (bổ sung) năm 2025",
      year: 2025,
      level: "department",
    });
    const frameworkId = created.json().id;
    const added = await call("vpsct", "POST", `/api/frameworks/${frameworkId}/indicators`, {
      parentId: null,
      code: target.code,
      name: target.name,
      maxScore: 10,
      valueKind: "boolean",
      rule: { type: "yes_no", input: "value" },
      evidenceRequired: true,
    });
    const item = (added.json() as TFrameworkDetail).indicators[0]!;
    await call("vpsct", "PUT", `/api/indicators/${item.id}/assignment`, {
      leadUnitId: officeIds.trade,
      cooperatingUnitIds: [],
    });
    expect((await call("vpsct", "POST", `/api/frameworks/${frameworkId}/publish`)).statusCode).toBe(200);
    const period = await call("vpsct", "POST", "/api/periods", {
      frameworkId,
      kind: "year",
      year: 2025,
      index: 1,
      deadline: "2025-11-30T16:59:59.000Z",
    });
    const office = (
      await call("pkhtc", "POST", "/api/reports", { periodId: period.json().id, indicatorId: item.id })
    ).json() as TReportDetail;
    await call("pkhtc", "PATCH", `/api/reports/${office.id}`, { values: { value: true }, version: office.version });
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        unitId: officeIds.trade,
        sha256: "2".repeat(64),
        size: 10,
        mimeType: "application/pdf",
        fileName: "ke-hoach-phong.pdf",
        docNumber: "30/KH-SCT",
        issuedOn: "2025-03-01",
      })
      .returning({ id: documents.id });
    await call("pkhtc", "POST", `/api/reports/${office.id}/documents`, { documentId: doc!.id });

    // The province's period of the same year; the department's coordinator acts for the department.
    const provincePeriod = await call("admin", "POST", "/api/periods", {
      frameworkId: provinceFramework.id,
      kind: "year",
      year: 2025,
      index: 1,
      deadline: "2026-01-10T16:59:59.000Z",
    });
    expect(provincePeriod.statusCode, provincePeriod.body).toBe(201);
    const agency = (
      await call("vpsct", "POST", "/api/reports", {
        periodId: provincePeriod.json().id,
        indicatorId: target.id,
        unitId: sct,
      })
    ).json() as TReportDetail;
    const officeWork = () => call("vpsct", "GET", `/api/reports/${agency.id}/office-work`);
    // A draft stays with its office.
    expect((await officeWork()).json()).toEqual([]);
    const submitted = await call("pkhtc", "POST", `/api/reports/${office.id}/actions`, {
      action: "submit",
      version: ((await call("pkhtc", "GET", `/api/reports/${office.id}`)).json() as TReportDetail).version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const work = (await officeWork()).json();
    expect(work).toEqual([
      expect.objectContaining({
        reportId: office.id,
        unitName: "Phòng Kế hoạch – Tài chính",
        frameworkCode: "SCT-2025-B",
        indicatorCode: target.code,
        status: "submitted",
        values: { value: true },
        documents: [expect.objectContaining({ id: doc!.id, docNumber: "30/KH-SCT" })],
      }),
    ]);
    const reusable = (await call("vpsct", "GET", `/api/reports/${agency.id}/reusable-documents`)).json();
    expect(reusable.map((d: { id: string }) => d.id)).toContain(doc!.id);
    const cited = await call("vpsct", "POST", `/api/reports/${agency.id}/documents`, {
      documentId: doc!.id,
      version: agency.version,
    });
    expect(cited.statusCode, cited.body).toBe(200);
    expect((cited.json() as TReportDetail).documents.map((d) => d.id)).toContain(doc!.id);

    // Another agency's people cannot open the department's report, so see none of its offices' work.
    expect((await call("noivu", "GET", `/api/reports/${agency.id}/office-work`)).statusCode).toBe(403);
  });
});
