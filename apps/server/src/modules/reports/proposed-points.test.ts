import type { TDashboard, TFrameworkDetail, TReportDetail } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;
let periodId: string;
let unitIds: Record<string, string>;

type TMethod = "GET" | "POST" | "PATCH";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const indicatorId = (code: string) => framework.indicators.find((i) => i.code === code)!.id;
const dashboard = async (): Promise<TDashboard> =>
  (await call("lanhdao", "GET", `/api/dashboard?periodId=${periodId}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "vpubnd", "noivu", "thamdinh", "lanhdao"]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
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

describe("proposed points on a judgement criterion (rule manual) in the province cycle", () => {
  let report: TReportDetail;

  it("refuses points above the maximum in Vietnamese, and points without an explanation, keeping nothing", async () => {
    expect(framework.indicators.find((i) => i.code === "6.2")).toMatchObject({
      rule: { type: "manual" },
      maxScore: 20,
    });
    report = (await call("vpubnd", "POST", "/api/reports", { periodId, indicatorId: indicatorId("6.2") })).json();
    const over = await call("vpubnd", "PATCH", `/api/reports/${report.id}`, {
      values: {},
      proposedPoints: 25,
      proposedExplanation: "Đã ban hành đủ văn bản",
      version: report.version,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe("Điểm đề xuất 25 vượt quá điểm tối đa 20 của chỉ số 6.2.");
    const bare = await call("vpubnd", "PATCH", `/api/reports/${report.id}`, {
      values: {},
      proposedPoints: 15,
      version: report.version,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toBe("Vui lòng giải thích điểm đề xuất (ít nhất 5 ký tự).");
    const after = (await call("vpubnd", "GET", `/api/reports/${report.id}`)).json();
    expect(after).toMatchObject({ version: report.version, proposedPoints: null, selfPoints: null });
  });

  it("a formula criterion takes no proposal", async () => {
    const ratio: TReportDetail = (
      await call("noivu", "POST", "/api/reports", { periodId, indicatorId: indicatorId("4.2") })
    ).json();
    const res = await call("noivu", "PATCH", `/api/reports/${ratio.id}`, {
      values: { numerator: 3, denominator: 10 },
      proposedPoints: 30,
      proposedExplanation: "Đề xuất đủ điểm",
      version: ratio.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("được tính điểm tự động từ số liệu");
  });

  it("the proposal becomes the self points once evidenced, counts in the self-assessed total, and appraisal overrides it", async () => {
    const saved = await call("vpubnd", "PATCH", `/api/reports/${report.id}`, {
      values: {},
      proposedPoints: 15.5,
      proposedExplanation: "Đã ban hành quy chế, còn thiếu báo cáo quý",
      version: report.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // required evidence is missing: scored 0 as the council would, the proposal kept
    expect(saved.json().selfPoints).toBe(0);
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        unitId: unitIds["Văn phòng UBND tỉnh"]!,
        sha256: "2".repeat(64),
        size: 10,
        mimeType: "application/pdf",
        fileName: "quy-che.pdf",
        docNumber: "12/QĐ-UBND",
        issuedOn: "2025-04-02",
      })
      .returning({ id: documents.id });
    report = (
      await call("vpubnd", "POST", `/api/reports/${report.id}/documents`, { documentId: doc!.id, citation: "Điều 3" })
    ).json();
    expect(report).toMatchObject({
      proposedPoints: 15.5,
      proposedExplanation: "Đã ban hành quy chế, còn thiếu báo cáo quý",
      selfPoints: 15.5,
      selfExplanation:
        "6.2: chấm điểm trực tiếp → 15,50/20 điểm — đơn vị đề xuất: Đã ban hành quy chế, còn thiếu báo cáo quý",
    });
    // a later save of the values alone keeps the proposal
    const again = await call("vpubnd", "PATCH", `/api/reports/${report.id}`, {
      values: {},
      note: "Bổ sung ghi chú",
      version: report.version,
    });
    expect(again.json().selfPoints).toBe(15.5);

    report = (await call("vpubnd", "GET", `/api/reports/${report.id}`)).json();
    report = (
      await call("vpubnd", "POST", `/api/reports/${report.id}/actions`, { action: "submit", version: report.version })
    ).json();
    expect(report.status).toBe("submitted");
    // leaders see submitted reports: the proposal is in the self-assessed total
    expect((await dashboard()).totals.selfTotal).toBeCloseTo(15.5, 2);
    report = (
      await call("admin", "POST", `/api/reports/${report.id}/actions`, { action: "verify", version: report.version })
    ).json();
    const appraised = await call("thamdinh", "POST", `/api/reports/${report.id}/actions`, {
      action: "appraise",
      version: report.version,
      appraisedPoints: 12,
      comment: "Thiếu báo cáo quý",
    });
    expect(appraised.statusCode, appraised.body).toBe(200);
    const totals = (await dashboard()).totals;
    expect(totals.selfTotal).toBeCloseTo(15.5, 2);
    expect(totals.total).toBeCloseTo(12, 2);
  });
});
