import type { TPlanDetail, TTask, TTaskDetail } from "@chiso/core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, documents, frameworks, indicators, periods, reports } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;
let plan: TPlanDetail;
const task: Record<string, TTask> = {};

type TMethod = "GET" | "POST" | "PATCH" | "DELETE";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });

const USERS = ["admin", "vpubnd", "nhatrang", "noivu", "thamdinh", "lanhdao"] as const;

async function indicatorId(code: string) {
  const [row] = await t.database.db
    .select({ id: indicators.id })
    .from(indicators)
    .innerJoin(frameworks, eq(frameworks.id, indicators.frameworkId))
    .where(and(eq(frameworks.code, "DTI-TINH-2025"), eq(indicators.code, code)));
  return row!.id;
}

/** Evidence rows are made directly: the upload path has its own tests (modules/evidence). */
async function documentOf(unit: string, fileName: string) {
  const [row] = await t.database.db
    .insert(documents)
    .values({ unitId: unitIds[unit]!, sha256: "1".repeat(64), size: 100, mimeType: "application/pdf", fileName })
    .returning({ id: documents.id });
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of USERS) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));

  const created = await call("admin", "POST", "/api/plans", {
    code: "4636/KH-UBND",
    title: "Nâng cao chỉ số DTI tỉnh Khánh Hòa năm 2025 và các năm tiếp theo",
    issuerText: "UBND tỉnh Khánh Hòa",
    issuedOn: "2025-09-29",
    startYear: 2025,
    legalBases: "Căn cứ Quyết định số 405/QĐ-BKHCN ngày 03/4/2025",
    targets: [
      { label: "DTI ≥ 800/1000 điểm", comparator: ">=", targetValue: 800, unit: "điểm" },
      {
        label: "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử ≥ 80%",
        indicatorId: await indicatorId("7.3"),
        comparator: ">=",
        targetValue: 80,
        unit: "%",
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  plan = created.json();
  const add = async (key: string, body: object) => {
    const res = await call("admin", "POST", `/api/plans/${plan.id}/tasks`, body);
    expect(res.statusCode, res.body).toBe(201);
    task[key] = res.json();
  };
  await add("section", { number: "I", isSection: true, content: "Chính quyền số" });
  await add("vp", {
    parentId: task.section!.id,
    number: "1",
    content: "Nâng cấp Hệ thống thông tin giải quyết TTHC",
    leadUnitIds: [unitIds["Văn phòng UBND tỉnh"]],
    cooperatingUnitIds: [unitIds["Sở Nội vụ"]],
    leadText: "Văn phòng UBND tỉnh",
    timeframeText: "Quý I/2025",
    indicatorIds: [await indicatorId("6.2")],
  });
  await add("ward", {
    parentId: task.section!.id,
    number: "2",
    content: "Phổ cập kỹ năng số cho người dân",
    leadUnitIds: [unitIds["Phường Nha Trang"]],
    cooperatingUnitIds: [unitIds["Văn phòng UBND tỉnh"]],
    timeframeText: "Năm 2025",
  });
  await add("home", {
    number: "II",
    content: "Phân công công chức chuyên trách chuyển đổi số",
    leadUnitIds: [unitIds["Sở Nội vụ"]],
    timeframeText: "Quý II, Quý IV/2025",
  });
});
afterAll(() => t.close());

describe("plans and tasks", () => {
  it("shows the plan with its tasks by section, progress by section and unit, and overdue tasks", async () => {
    const detail: TPlanDetail = (await call("lanhdao", "GET", `/api/plans/${plan.id}`)).json();
    expect(detail.tasks.map((x) => [x.number, x.depth, x.sectionLabel])).toEqual([
      ["I", 0, null],
      ["1", 1, "I Chính quyền số"],
      ["2", 1, "I Chính quyền số"],
      ["II", 0, null],
    ]);
    const vp = detail.tasks.find((x) => x.number === "1")!;
    expect(vp).toMatchObject({
      overdue: true, // Quý I/2025 ended; the test clock is 02/06/2025
      timeframe: { kind: "range", start: "2025-01-01", end: "2025-03-31" },
      leadUnits: [{ name: "Văn phòng UBND tỉnh" }],
      cooperatingUnits: [{ name: "Sở Nội vụ" }],
      indicators: [{ code: "6.2" }],
      canUpdate: false, // a viewer reads only
    });
    expect(detail.tasks.find((x) => x.number === "II")).toMatchObject({
      timeframe: { kind: "unparsed", text: "Quý II, Quý IV/2025" },
      overdue: false,
    });
    expect(detail.progress).toMatchObject({ total: 3, notStarted: 3, overdue: 1 });
    expect(detail.bySection.map((g) => [g.label, g.total, g.overdue])).toEqual([
      ["I Chính quyền số", 2, 1],
      ["Không thuộc mục nào", 1, 0],
    ]);
    expect(detail.byUnit.map((g) => g.label).sort()).toEqual(["Phường Nha Trang", "Sở Nội vụ", "Văn phòng UBND tỉnh"]);
  });

  it("lists a unit's own tasks across plans, lead or cooperating, with overdue flags", async () => {
    const mine: TTask[] = (await call("vpubnd", "GET", "/api/tasks?mine=1")).json();
    expect(mine.map((x) => [x.number, x.canUpdate, x.overdue])).toEqual([
      ["1", true, true],
      ["2", false, false],
    ]);
    const overdue: TTask[] = (await call("vpubnd", "GET", "/api/tasks?mine=1&overdue=1")).json();
    expect(overdue.map((x) => x.number)).toEqual(["1"]);
    expect((await call("vpubnd", "GET", `/api/tasks?unitId=${unitIds["Sở Nội vụ"]}`)).statusCode).toBe(403);
    const other: TTask[] = (await call("admin", "GET", `/api/tasks?unitId=${unitIds["Sở Nội vụ"]}`)).json();
    expect(other.map((x) => x.number)).toEqual(["1", "II"]);
  });

  it("edits a task: the timeframe is parsed again from its text", async () => {
    const res = await call("admin", "PATCH", `/api/tasks/${task.home!.id}`, { timeframeText: "Quý II-IV/2025" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ timeframe: { kind: "range", start: "2025-04-01", end: "2025-12-31" } });
    const back = await call("admin", "PATCH", `/api/tasks/${task.home!.id}`, { timeframeText: "Quý II, Quý IV/2025" });
    expect(back.json().timeframe).toEqual({ kind: "unparsed", text: "Quý II, Quý IV/2025" });
  });

  it("refuses a plan that would carry out itself, and a year range backwards", async () => {
    const child = (
      await call("admin", "POST", "/api/plans", {
        code: "17a/KH-SCT",
        title: "Hỗ trợ nâng bậc DTI",
        parentPlanId: plan.id,
      })
    ).json();
    const cycle = await call("admin", "PATCH", `/api/plans/${plan.id}`, { parentPlanId: child.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain("không được là chính kế hoạch này hoặc kế hoạch cấp dưới");
    const years = await call("admin", "PATCH", `/api/plans/${plan.id}`, { startYear: 2030, endYear: 2026 });
    expect(years.statusCode).toBe(400);
    expect((await call("admin", "DELETE", `/api/plans/${child.id}`)).statusCode).toBe(204);
  });
});

describe("progress updates", () => {
  it("the lead unit posts a status, percent, note and its own evidence document; the task takes them", async () => {
    const documentId = await documentOf("Văn phòng UBND tỉnh", "Báo cáo nâng cấp hệ thống.pdf");
    const res = await call("vpubnd", "POST", `/api/tasks/${task.vp!.id}/updates`, {
      status: "in_progress",
      percent: 60,
      note: "Đã nâng cấp 3/5 phân hệ",
      documentIds: [documentId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail: TTaskDetail = res.json();
    expect(detail).toMatchObject({ status: "in_progress", percent: 60, overdue: true });
    expect(detail.updates).toEqual([
      {
        id: expect.any(String),
        at: "2025-06-02T02:00:00.000Z",
        authorName: "Trần Thị Chủ Trì",
        status: "in_progress",
        percent: 60,
        note: "Đã nâng cấp 3/5 phân hệ",
        documents: [
          {
            id: documentId,
            fileName: "Báo cáo nâng cấp hệ thống.pdf",
            docNumber: null,
            issuedOn: null,
            unitName: "Văn phòng UBND tỉnh",
          },
        ],
      },
    ]);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "task.progress"));
    expect(audit).toMatchObject({ entityId: task.vp!.id, before: { status: "not_started", percent: 0 } });
  });

  it("a done task is no longer overdue; done means 100%", async () => {
    const half = await call("vpubnd", "POST", `/api/tasks/${task.vp!.id}/updates`, { status: "done", percent: 90 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.message).toContain("Nhiệm vụ hoàn thành phải đạt 100%");
    const done = await call("vpubnd", "POST", `/api/tasks/${task.vp!.id}/updates`, { status: "done", percent: 100 });
    expect(done.json()).toMatchObject({ status: "done", overdue: false });
    expect(done.json().updates).toHaveLength(2);
  });

  it("a unit reporter of the lead unit posts too; section headings take no progress", async () => {
    const res = await call("nhatrang", "POST", `/api/tasks/${task.ward!.id}/updates`, {
      status: "late",
      percent: 10,
      note: "Thiếu tình nguyện viên",
    });
    expect(res.statusCode, res.body).toBe(201);
    const section = await call("admin", "POST", `/api/tasks/${task.section!.id}/updates`, {
      status: "in_progress",
      percent: 10,
    });
    expect(section.statusCode).toBe(400);
  });

  it("refuses a document of another unit without naming it", async () => {
    const foreign = await documentOf("Phường Nha Trang", "Biên bản phường.pdf");
    const res = await call("noivu", "POST", `/api/tasks/${task.home!.id}/updates`, {
      status: "in_progress",
      percent: 20,
      documentIds: [foreign],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("không thuộc đơn vị chủ trì");
    expect(res.json().error.message).not.toContain("Biên bản phường.pdf");
  });

  it("keeps progress history: a plan with updates cannot be deleted, nor a task with updates", async () => {
    expect((await call("admin", "DELETE", `/api/tasks/${task.vp!.id}`)).statusCode).toBe(409);
    const res = await call("admin", "DELETE", `/api/plans/${plan.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("đã cập nhật tiến độ");
  });
});

describe("targets", () => {
  it("shows a linked target's progress from the indicator's latest consolidated report", async () => {
    const [framework] = await t.database.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.code, "DTI-TINH-2025"));
    const [period] = await t.database.db
      .insert(periods)
      .values({
        frameworkId: framework!.id,
        kind: "quarter",
        year: 2025,
        index: 2,
        label: "Quý II/2025",
        windowStart: "2025-04-01",
        windowEnd: "2025-06-30",
        deadline: new Date("2025-06-24T17:00:00Z"),
      })
      .returning({ id: periods.id });
    const report = {
      periodId: period!.id,
      indicatorId: await indicatorId("7.3"),
      unitId: unitIds["Sở Công Thương"]!,
      role: "lead" as const,
      values: { numerator: 725, denominator: 1000 },
    };
    await t.database.db.insert(reports).values({ ...report, status: "submitted" });
    const detail: TPlanDetail = (await call("noivu", "GET", `/api/plans/${plan.id}`)).json();
    expect(detail.targets.map((x) => [x.label, x.current, x.basis, x.periodLabel, x.met])).toEqual([
      ["DTI ≥ 800/1000 điểm", null, null, null, null],
      ["Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử ≥ 80%", 72.5, "percent", "Quý II/2025", false],
    ]);
  });
});

describe("who may do what (planRules)", () => {
  const notCoordinators = USERS.filter((u) => u !== "admin");

  it.each(USERS)("%s reads plans and tasks", async (who) => {
    expect((await call(who, "GET", "/api/plans")).statusCode).toBe(200);
    expect((await call(who, "GET", `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await call(who, "GET", `/api/tasks/${task.vp!.id}`)).statusCode).toBe(200);
  });

  it.each(notCoordinators)("%s cannot create, edit, delete or import plans and tasks (403)", async (who) => {
    const attempts = [
      call(who, "POST", "/api/plans", { code: "1/KH", title: "Thử" }),
      call(who, "PATCH", `/api/plans/${plan.id}`, { title: "Sửa" }),
      call(who, "DELETE", `/api/plans/${plan.id}`),
      call(who, "POST", `/api/plans/${plan.id}/tasks`, { content: "Thêm" }),
      call(who, "PATCH", `/api/tasks/${task.ward!.id}`, { content: "Sửa" }),
      call(who, "DELETE", `/api/tasks/${task.ward!.id}`),
      call(who, "POST", "/api/plans/import/remap", { table: { title: null, header: [], mapping: [], rows: [] } }),
      call(who, "POST", "/api/plans/import", {
        plan: { code: "2/KH", title: "Thử" },
        table: { title: null, header: [], mapping: [], rows: [] },
      }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(403);
  });

  it.each<[string, string, number]>([
    ["vpubnd", "ward", 403], // cooperating unit
    ["lanhdao", "vp", 403], // viewer in the lead unit
    ["thamdinh", "home", 403], // appraiser in the lead unit
    ["nhatrang", "vp", 403], // another unit
    ["noivu", "vp", 403], // cooperating unit
    ["noivu", "home", 201], // lead of the lead unit
    ["admin", "ward", 201], // the coordinator
  ])("%s posting progress on task %s → %i", async (who, key, status) => {
    const res = await call(who, "POST", `/api/tasks/${task[key]!.id}/updates`, { status: "in_progress", percent: 30 });
    expect(res.statusCode, res.body).toBe(status);
  });
});
