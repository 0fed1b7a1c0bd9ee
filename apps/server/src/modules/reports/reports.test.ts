import type { TFrameworkDetail, TReportDetail, TWorkItem } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;
let periodId: string;
let unitIds: Record<string, string>;

type TMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const indicatorId = (code: string) => framework.indicators.find((i) => i.code === code)!.id;

/** Evidence rows are made directly: the upload path has its own tests (modules/evidence). */
async function evidenceOf(unit: string, fileName: string, meta = true) {
  const [row] = await t.database.db
    .insert(documents)
    .values({
      unitId: unitIds[unit]!,
      sha256: "0".repeat(64),
      size: 1234,
      mimeType: "application/pdf",
      fileName,
      docNumber: meta ? "15/KH-UBND" : null,
      issuedOn: meta ? "2025-05-10" : null,
      issuer: "UBND phường Nha Trang",
    })
    .returning({ id: documents.id });
  return row!.id;
}

async function open(who: string, code: string, unitId?: string): Promise<TReportDetail> {
  const res = await call(who, "POST", "/api/reports", { periodId, indicatorId: indicatorId(code), unitId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const act = (who: string, report: { id: string; version: number }, action: string, extra: object = {}) =>
  call(who, "POST", `/api/reports/${report.id}/actions`, { action, version: report.version, ...extra });

/** Sessions last hours; tests that move the clock by weeks sign in again. */
async function relogin() {
  for (const who of ["admin", "nhatrang", "noivu", "vpubnd", "thamdinh", "lanhdao"]) cookies[who] = await t.login(who);
}

beforeAll(async () => {
  t = await createTestApp();
  await relogin();
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
});
afterAll(() => t.close());

describe("reporting periods", () => {
  it("the coordinator opens Q2/2025 with the plan's default window and deadline (before the 25th, Vietnam time)", async () => {
    const res = await call("admin", "POST", "/api/periods", {
      frameworkId: framework.id,
      kind: "quarter",
      year: 2025,
      index: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const period = res.json();
    expect(period).toMatchObject({
      label: "Quý II/2025",
      windowStart: "2025-04-01",
      windowEnd: "2025-06-30",
      deadline: "2025-06-24T16:59:59.000Z",
    });
    periodId = period.id;
    const again = await call("admin", "POST", "/api/periods", {
      frameworkId: framework.id,
      kind: "quarter",
      year: 2025,
      index: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("Kỳ Quý II/2025 đã được mở cho bộ chỉ số này.");
  });

  it("only the coordinator opens periods, and only on a published framework", async () => {
    expect(
      (await call("noivu", "POST", "/api/periods", { frameworkId: framework.id, kind: "year", year: 2025, index: 1 }))
        .statusCode,
    ).toBe(403);
    const draft = (
      await call("admin", "POST", "/api/frameworks", {
        code: "NHAP-2026",
        name: "Bản nháp",
        year: 2026,
        level: "province",
      })
    ).json();
    const res = await call("admin", "POST", "/api/periods", {
      frameworkId: draft.id,
      kind: "year",
      year: 2026,
      index: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("Chỉ mở kỳ báo cáo cho bộ chỉ số đã ban hành.");
  });
});

describe("a cooperating commune's report, through review, consolidation and appraisal", () => {
  let report: TReportDetail;

  it("shows on the commune's work list with days left and what is missing", async () => {
    const res = await call("nhatrang", "GET", "/api/worklist");
    expect(res.statusCode, res.body).toBe(200);
    const items: TWorkItem[] = res.json();
    const item = items.find((i) => i.indicatorCode === "4.2")!;
    expect(item).toMatchObject({
      role: "cooperate",
      status: null,
      reportId: null,
      open: true,
      daysLeft: 22,
      missing: ["values", "evidence"],
    });
    expect(items.some((i) => i.indicatorCode === "6.6")).toBe(false);
  });

  it("saves a draft; the score is 0 until evidence is attached, and submitting without it is refused", async () => {
    report = await open("nhatrang", "4.2");
    expect(report).toMatchObject({ status: "draft", role: "cooperate", editable: true, allowedActions: ["submit"] });
    const saved = await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: 3, denominator: 10 },
      note: "Số liệu quý II",
      version: report.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The deadline-day path answers only what the save changed, not the whole report.
    expect(Object.keys(saved.json()).sort()).toEqual([
      "id",
      "selfExplanation",
      "selfPoints",
      "status",
      "updatedAt",
      "version",
    ]);
    expect(saved.json()).toMatchObject({ id: report.id, status: "draft", version: report.version + 1 });
    report = { ...report, ...saved.json() };
    expect(report.selfPoints).toBe(0);
    expect(report.selfExplanation).toContain("thiếu tài liệu kiểm chứng");
    const refused = await act("nhatrang", report, "submit");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("bắt buộc có tài liệu kiểm chứng");

    const documentId = await evidenceOf("Phường Nha Trang", "ke-hoach-cds.pdf");
    report = (
      await call("nhatrang", "POST", `/api/reports/${report.id}/documents`, { documentId, citation: "Mục II" })
    ).json();
    expect(report.documents).toMatchObject([
      { fileName: "ke-hoach-cds.pdf", citation: "Mục II", docNumber: "15/KH-UBND" },
    ]);
    expect(report.selfPoints).toBe(9);
    expect(report.selfExplanation).toBe("4.2: 3/10 = 30% → 9,00/30 điểm");
  });

  it("rejects values that do not fit the indicator, and a stale save with 409 without losing the saved values", async () => {
    const bad = await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: "ba" },
      version: report.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("Số công chức, viên chức chuyên trách về chuyển đổi số: không phải là số.");
    for (const [values, message] of [
      [
        { numerator: -5, denominator: 10 },
        "Số công chức, viên chức chuyên trách về chuyển đổi số: không được nhập số âm.",
      ],
      [
        { numerator: 50, denominator: 40 },
        "Số công chức, viên chức chuyên trách về chuyển đổi số (50) lớn hơn tổng số công chức, viên chức (40): phần không thể lớn hơn tổng.",
      ],
    ] as const) {
      const refused = await call("nhatrang", "PATCH", `/api/reports/${report.id}`, { values, version: report.version });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toBe(message);
    }
    const stale = await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: 5, denominator: 10 },
      version: report.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("vừa được người khác lưu");
    const current: TReportDetail = (await call("nhatrang", "GET", `/api/reports/${report.id}`)).json();
    expect(current.values).toEqual({ numerator: 3, denominator: 10 });
  });

  it("keeps a unit's draft from other units", async () => {
    expect((await call("vpubnd", "GET", `/api/reports/${report.id}`)).statusCode).toBe(403);
    expect((await call("noivu", "GET", `/api/reports/${report.id}`)).statusCode).toBe(403);
    expect(
      (await call("vpubnd", "PATCH", `/api/reports/${report.id}`, { values: {}, version: report.version })).statusCode,
    ).toBe(403);
    const list = (await call("noivu", "GET", `/api/reports?periodId=${periodId}`)).json().items;
    expect(list.some((r: { id: string }) => r.id === report.id)).toBe(false);
  });

  it("submits; the lead agency returns it with a comment; the commune answers and resubmits; the lead accepts", async () => {
    report = (await act("nhatrang", report, "submit")).json();
    expect(report.status).toBe("submitted");
    expect(report.editable).toBe(false);

    const asLead: TReportDetail = (await call("noivu", "GET", `/api/reports/${report.id}`)).json();
    expect(asLead.allowedActions).toEqual(["accept", "return", "request_explanation"]);
    expect((await act("noivu", asLead, "return")).json().error.message).toBe("Vui lòng ghi lý do trả lại.");
    report = (await act("noivu", asLead, "return", { comment: "Thiếu số liệu của tổ dân phố 5" })).json();
    expect(report.status).toBe("returned");

    const mine: TReportDetail = (await call("nhatrang", "GET", `/api/reports/${report.id}`)).json();
    expect(mine.editable).toBe(true);
    expect(mine.comments.map((c) => c.body)).toEqual(["Thiếu số liệu của tổ dân phố 5"]);
    await call("nhatrang", "POST", `/api/reports/${report.id}/comments`, { body: "Đã bổ sung số liệu tổ dân phố 5" });
    report = (
      await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
        values: { numerator: 4, denominator: 10 },
        version: mine.version,
      })
    ).json();
    report = (await act("nhatrang", report, "submit")).json();
    expect(report.comments.map((c) => c.kind)).toEqual(["comment", "answer"]);
    expect(report.canComment).toBe(true);

    // leadership reads the report but may not post in its thread
    const asViewer: TReportDetail = (await call("lanhdao", "GET", `/api/reports/${report.id}`)).json();
    expect(asViewer.canComment).toBe(false);
    const viewerPost = await call("lanhdao", "POST", `/api/reports/${report.id}/comments`, { body: "Ý kiến" });
    expect(viewerPost.statusCode).toBe(403);
    expect(viewerPost.json().error.message).toBe("Bạn chỉ được xem, không được trao đổi trên báo cáo này.");

    // the lead agency reads the evidence of reports it reviews; an unrelated unit does not
    const documentId = report.documents[0]!.id;
    expect((await call("noivu", "GET", `/api/documents/${documentId}`)).statusCode).toBe(200);
    expect((await call("vpubnd", "GET", `/api/documents/${documentId}`)).statusCode).toBe(403);

    const accepted = await act("noivu", report, "accept");
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe("accepted");
  });

  it("the lead consolidates with the commune's evidence; coordinator verifies; the council appraises; the coordinator closes it", async () => {
    const review = (
      await call("noivu", "GET", `/api/reports?periodId=${periodId}&indicatorId=${indicatorId("4.2")}`)
    ).json().items;
    expect(review.map((r: { unitName: string; status: string }) => [r.unitName, r.status])).toEqual([
      ["Phường Nha Trang", "accepted"],
    ]);

    let lead = await open("noivu", "4.2");
    expect(lead.role).toBe("lead");
    const communeDoc = report.documents[0]!.id;
    lead = (
      await call("noivu", "POST", `/api/reports/${lead.id}/documents`, { documentId: communeDoc, citation: "Tổng hợp" })
    ).json();
    lead = (
      await call("noivu", "PATCH", `/api/reports/${lead.id}`, {
        values: { numerator: 120, denominator: 400 },
        version: lead.version,
      })
    ).json();
    expect(lead.selfPoints).toBe(9);
    lead = (await act("noivu", lead, "submit")).json();
    expect(lead.status).toBe("submitted");

    expect((await act("nhatrang", lead, "verify")).statusCode).toBe(403);
    expect((await act("thamdinh", lead, "appraise", { appraisedPoints: 5, comment: "x" })).statusCode).toBe(409);
    lead = (await act("admin", lead, "verify")).json();
    expect(lead.status).toBe("verified");

    const noReason = await act("thamdinh", lead, "appraise", { appraisedPoints: 7.5 });
    expect(noReason.json().error.message).toBe("Điểm thẩm định khác điểm tự đánh giá: vui lòng ghi lý do.");
    const tooMany = await act("thamdinh", lead, "appraise", { appraisedPoints: 31, comment: "x" });
    expect(tooMany.json().error.message).toBe("Điểm thẩm định phải từ 0 đến 30.");
    const negative = await act("thamdinh", lead, "appraise", { appraisedPoints: -1, comment: "x" });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain("Điểm thẩm định không được âm.");
    // Neither is clamped into range: the report keeps no appraisal until a fitting score is given.
    const unchanged: TReportDetail = (await call("thamdinh", "GET", `/api/reports/${lead.id}`)).json();
    expect(unchanged).toMatchObject({ status: "verified", appraisedPoints: null });
    lead = (
      await act("thamdinh", lead, "appraise", {
        appraisedPoints: 7.5,
        comment: "Một số xã chưa có quyết định phân công",
      })
    ).json();
    expect(lead).toMatchObject({ status: "appraised", appraisedPoints: 7.5, selfPoints: 9 });
    lead = (await act("admin", lead, "finalize")).json();
    expect(lead.status).toBe("final");
    expect(lead.events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      "draft→submitted",
      "submitted→verified",
      "verified→appraised",
      "appraised→final",
    ]);
    expect(lead.events.map((e) => e.actorName)).toEqual([
      "Đặng Văn Nội Vụ",
      "Nguyễn Văn Quản",
      "Phạm Thị Thẩm Định",
      "Nguyễn Văn Quản",
    ]);
  });

  it("a reporter cannot appraise, verify or accept", async () => {
    const other = await open("nhatrang", "4.3");
    for (const action of ["appraise", "verify", "accept", "finalize"]) {
      expect(
        (await act("nhatrang", other, action, { appraisedPoints: 1, comment: "x" })).statusCode,
        action,
      ).toBeGreaterThanOrEqual(403);
    }
  });
});

describe("deadlines", () => {
  it("locks submissions after the deadline unless the coordinator extends them for the unit", async () => {
    let report = await open("nhatrang", "4.4");
    report = (
      await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
        values: { numerator: 1, denominator: 2 },
        version: report.version,
      })
    ).json();
    report = (
      await call("nhatrang", "POST", `/api/reports/${report.id}/documents`, {
        documentId: await evidenceOf("Phường Nha Trang", "tap-huan.pdf"),
      })
    ).json();

    t.clock.advanceMinutes(60 * 24 * 30); // 2 July 2025: past 24 June
    await relogin();
    const late = await act("nhatrang", report, "submit");
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain("Đã quá hạn báo cáo");
    const lateSave = await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
      values: { numerator: 2, denominator: 2 },
      version: report.version,
    });
    expect(lateSave.statusCode).toBe(409);
    const items: TWorkItem[] = (await call("nhatrang", "GET", "/api/worklist")).json();
    expect(items.find((i) => i.indicatorCode === "4.4")).toMatchObject({ open: false, daysLeft: -8 });

    const short = await call("admin", "POST", `/api/periods/${periodId}/extensions`, {
      unitId: unitIds["Phường Nha Trang"],
      deadline: "2025-07-10T23:59:59+07:00",
      reason: "x",
    });
    expect(short.statusCode).toBe(400);
    const extended = await call("admin", "POST", `/api/periods/${periodId}/extensions`, {
      unitId: unitIds["Phường Nha Trang"],
      deadline: "2025-07-10T23:59:59+07:00",
      reason: "Phường mới sáp nhập, chưa có cán bộ chuyên trách",
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().extensions).toMatchObject([
      { unitName: "Phường Nha Trang", reason: "Phường mới sáp nhập, chưa có cán bộ chuyên trách" },
    ]);
    expect((await act("nhatrang", report, "submit")).json().status).toBe("submitted");
    // other units are still locked
    const vp = await call("vpubnd", "POST", "/api/reports", { periodId, indicatorId: indicatorId("6.6") });
    const vpReport: TReportDetail = vp.json();
    expect(vpReport.window.open).toBe(false);
    expect(vpReport.editable).toBe(false);
  });

  it("a request to explain reopens a report with its own deadline, even after the period's", async () => {
    const items: TWorkItem[] = (await call("nhatrang", "GET", "/api/worklist")).json();
    let report: TReportDetail = (
      await call("noivu", "GET", `/api/reports/${items.find((i) => i.indicatorCode === "4.4")!.reportId}`)
    ).json();
    t.clock.advanceMinutes(60 * 24 * 10); // 12 July: past the extension too
    await relogin();
    const noDue = await act("noivu", report, "request_explanation", { comment: "Bổ sung danh sách lớp tập huấn" });
    expect(noDue.json().error.message).toBe("Vui lòng chọn hạn giải trình sau thời điểm hiện tại.");
    report = (
      await act("noivu", report, "request_explanation", {
        comment: "Bổ sung danh sách lớp tập huấn",
        explanationDueAt: "2025-07-20T23:59:59+07:00",
      })
    ).json();
    expect(report.status).toBe("returned");
    const mine: TReportDetail = (await call("nhatrang", "GET", `/api/reports/${report.id}`)).json();
    expect(mine.editable).toBe(true);
    expect(mine.comments.at(-1)).toMatchObject({ kind: "request", body: "Bổ sung danh sách lớp tập huấn" });
    const resubmitted = (await act("nhatrang", mine, "submit")).json();
    expect(resubmitted).toMatchObject({ status: "submitted", explanationDueAt: null });
  });
});
