import type { TFrameworkDetail, TReportDetail } from "@chiso/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { documents, reportDocuments } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

// Autosaves of one report after the first read what they need from the context the previous save kept
// (save-contexts.ts). These show what may and may not change under a kept context.
const KEEP_MS = 400;
let t: TTestApp;
let cookie: string;
let admin: string;
let report: { id: string; version: number };
let periodId: string;

const save = (numerator: number, version = report.version) =>
  t.app.inject({
    method: "PATCH",
    url: `/api/reports/${report.id}`,
    headers: { cookie },
    payload: { values: { numerator, denominator: 10 }, version },
  });

async function saved(numerator: number) {
  const res = await save(numerator);
  expect(res.statusCode, res.body).toBe(200);
  report = res.json();
  return res.json() as { version: number; selfPoints: number | null; selfExplanation: string | null };
}

beforeAll(async () => {
  t = await createTestApp({ cacheMs: KEEP_MS });
  cookie = await t.login("nhatrang");
  admin = await t.login("admin");
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: method === "POST" && !payload ? cookie : admin }, payload });
  const list = (await call("GET", "/api/frameworks")).json();
  const framework: TFrameworkDetail = (await call("GET", `/api/frameworks/${list[0].id}`)).json();
  periodId = (
    await call("POST", "/api/periods", { frameworkId: framework.id, kind: "quarter", year: 2025, index: 2 })
  ).json().id;
  const indicatorId = framework.indicators.find((i) => i.code === "4.2")!.id;
  const opened: TReportDetail = (
    await t.app.inject({ method: "POST", url: "/api/reports", headers: { cookie }, payload: { periodId, indicatorId } })
  ).json();
  report = opened;
});
afterAll(() => t.close());

describe("a draft save's kept context", () => {
  it("lets autosaves follow one another, each audited with what the previous one saved", async () => {
    await saved(1);
    await saved(2);
    await saved(3);
    const audit = await queryRows<{ before: { values: { numerator: number } } }>(
      t.database.db,
      sql`select before from audit_log where entity_id = ${report.id} and action = 'report.save' order by id`,
    );
    expect(audit.map((a) => a.before.values?.numerator ?? null)).toEqual([null, 1, 2]);
  });

  it("a stale version is still refused", async () => {
    const res = await save(4, report.version - 1);
    expect(res.statusCode).toBe(409);
  });

  it("evidence cited meanwhile (through another instance) is counted: the save reads the report afresh", async () => {
    await saved(3); // keeps the context: no evidence, 0 points
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        unitId: (
          await queryRows<{ unit_id: string }>(t.database.db, sql`select unit_id from reports where id = ${report.id}`)
        )[0]!.unit_id,
        sha256: "1".repeat(64),
        size: 10,
        mimeType: "application/pdf",
        fileName: "qd.pdf",
      })
      .returning({ id: documents.id });
    await t.database.db.insert(reportDocuments).values({ reportId: report.id, documentId: doc!.id });
    const after = await saved(3);
    expect(after.selfPoints).toBe(9);
  });

  it("a report submitted meanwhile (through another instance) is not written", async () => {
    await saved(3);
    await t.database.db.execute(sql`update reports set status = 'submitted' where id = ${report.id}`);
    const res = await save(5);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("không sửa được");
    await t.database.db.execute(sql`update reports set status = 'draft' where id = ${report.id}`);
  });

  it("a period closed through this instance refuses the next autosave at once", async () => {
    await saved(3);
    const closed = await t.app.inject({
      method: "PATCH",
      url: `/api/periods/${periodId}`,
      headers: { cookie: admin },
      payload: { isClosed: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await save(6);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("quá hạn");
  });
});
