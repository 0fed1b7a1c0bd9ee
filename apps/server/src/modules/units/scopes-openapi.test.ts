import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/*
 * Every operation of the OpenAPI document, called by people of other agencies with the ids of Sở Công Thương's own
 * cycle (the demo department: its framework, period, report, evidence, plan 17a, offices and accounts). Nothing of
 * the department may come back, nothing of it may change, and nothing may fail with a 500. The department's own
 * office reads its things.
 */

let t: TTestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
type TMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });

/** People outside Sở Công Thương who hold no role over it: another agency's lead, a commune, a province lead agency. */
const OUTSIDERS = ["noivu", "nhatrang", "vpubnd"];

beforeAll(async () => {
  t = await createTestApp({ department: true });
  for (const who of ["admin", "congthuong", "pqltm", ...OUTSIDERS]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json() as { id: string; name: string }[];
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  ids.office = unit("Phòng Quản lý thương mại");
  ids.departmentOffice = unit("Văn phòng Sở Công Thương");
  const frameworks = (await call("congthuong", "GET", "/api/frameworks")).json() as {
    id: string;
    ownerName: string;
  }[];
  const framework = frameworks.find((f) => f.ownerName === "Sở Công Thương")!;
  ids.framework = framework.id;
  const detail = (await call("congthuong", "GET", `/api/frameworks/${framework.id}`)).json();
  const item = detail.indicators.find((i: { code: string }) => i.code === "7.1");
  ids.indicator = item.id;
  ids.period = (await call("congthuong", "GET", `/api/periods?frameworkId=${framework.id}`)).json()[0].id;
  const report = (await call("pqltm", "POST", "/api/reports", { periodId: ids.period, indicatorId: item.id })).json();
  ids.report = report.id;
  await call("pqltm", "PATCH", `/api/reports/${report.id}`, { values: { value: true }, version: report.version });
  const [doc] = await t.database.db
    .insert(documents)
    .values({
      unitId: ids.office,
      sha256: "2".repeat(64),
      size: 10,
      mimeType: "application/pdf",
      fileName: "hop-dong-dien-tu.pdf",
      docNumber: "3/BC-QLTM",
      issuedOn: "2025-05-10",
    })
    .returning({ id: documents.id });
  ids.document = doc!.id;
  const plans = (await call("congthuong", "GET", "/api/plans")).json() as { id: string; code: string }[];
  ids.plan = plans.find((p) => p.code === "17a/KH-SCT")!.id;
  const plan = (await call("congthuong", "GET", `/api/plans/${ids.plan}`)).json();
  ids.task = plan.tasks.find((task: { isSection: boolean }) => !task.isSection).id;
  const accounts = (await call("congthuong", "GET", "/api/accounts")).json() as { id: string; username: string }[];
  ids.account = accounts.find((a) => a.username === "pqltm")!.id;
}, 180_000);
afterAll(() => t.close());

/** The department's id a path parameter stands for, by the route it belongs to. */
function idFor(path: string, param: string): string {
  if (param === "periodId") return ids.period!;
  if (param === "planId") return ids.plan!;
  if (param === "documentId") return ids.document!;
  const resource = path.split("/")[2];
  const byResource: Record<string, string | undefined> = {
    frameworks: ids.framework,
    indicators: ids.indicator,
    periods: ids.period,
    reports: ids.report,
    documents: ids.document,
    plans: ids.plan,
    tasks: ids.task,
    units: ids.office,
    accounts: ids.account,
  };
  return byResource[resource!] ?? "00000000-0000-4000-8000-000000000000";
}

describe("the OpenAPI document walked by other agencies with Sở Công Thương's ids", () => {
  it("returns none of the department's rows and changes none of them, for every operation", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    // Leaves the session or the password, which would end the walk rather than test a scope.
    const skipped = new Set(["POST /api/auth/logout", "POST /api/auth/login", "POST /api/auth/change-password"]);
    const departmentIds = Object.values(ids);
    const query = `periodId=${ids.period}&frameworkId=${ids.framework}&unitId=${ids.office}&planId=${ids.plan}&year=${new Date().getUTCFullYear()}`;
    const problems: string[] = [];
    let calls = 0;
    for (const who of OUTSIDERS) {
      for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
        for (const method of Object.keys(methods)) {
          const key = `${method.toUpperCase()} ${path}`;
          if (skipped.has(key)) continue;
          const url = path.replaceAll(/\{([^}]+)\}/g, (_m, param: string) => idFor(path, param));
          const mutating = method !== "get";
          const res = await call(who, method.toUpperCase() as TMethod, mutating ? url : `${url}?${query}`, {});
          calls++;
          const ok = res.statusCode < 300;
          if (res.statusCode >= 500) problems.push(`${who} ${key}: ${res.statusCode}`);
          if (ok && departmentIds.some((id) => res.body.includes(id))) problems.push(`${who} ${key}: leaks a row`);
          if (ok && mutating && url !== path) problems.push(`${who} ${key}: changed a department row`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(150);
  }, 300_000);

  it("the department's own office reads its framework, period, report, evidence and plan", async () => {
    for (const url of [
      `/api/frameworks/${ids.framework}`,
      `/api/periods?frameworkId=${ids.framework}`,
      `/api/reports/${ids.report}`,
      `/api/documents/${ids.document}`,
      `/api/plans/${ids.plan}`,
      `/api/tasks/${ids.task}`,
      `/api/dashboard?frameworkId=${ids.framework}`,
    ]) {
      const res = await call("pqltm", "GET", url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    // And its coordinator, but not the office, manages the department's accounts.
    expect((await call("congthuong", "GET", `/api/accounts`)).statusCode).toBe(200);
    expect((await call("pqltm", "GET", `/api/accounts`)).statusCode).toBe(403);
  });
});
