import {
  formatResultChange,
  type TAgencyResult,
  type TCriterionTable,
  type TRound,
  type TRoundResultView,
  type TSheet,
} from "@chiso/core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import {
  call,
  createRound,
  publishAgencyFramework,
  saveEntry,
  unitIdsByName,
  uploadDocument,
} from "./round-fixture.ts";

/*
 * Assessment rounds through the HTTP API on a real database: Sở Nội vụ (noivu) and Văn phòng UBND tỉnh (vpubnd)
 * self-assess on the 500-point department framework, the council member (thamdinh) appraises main indicator 2,
 * the province's coordinator (admin) publishes. The clock starts on 02/06/2025; the deadline is 30/06/2025.
 */
let t: TTestApp;
let admin: string;
let noivu: string;
let vpubnd: string;
let thamdinh: string;
let lanhdao: string;
let nhatrang: string;
let ids: Map<string, string>;
let frameworkId: string;
let units: Map<string, string>;
const SNV = () => units.get("Sở Nội vụ")!;
const VP = () => units.get("Văn phòng UBND tỉnh")!;

beforeAll(async () => {
  t = await createTestApp();
  const cookies = await Promise.all(
    ["admin", "noivu", "vpubnd", "thamdinh", "lanhdao", "nhatrang"].map((u) => t.login(u)),
  );
  [admin, noivu, vpubnd, thamdinh, lanhdao, nhatrang] = cookies as [string, string, string, string, string, string];
  ({ frameworkId, ids } = await publishAgencyFramework(t, admin));
  units = await unitIdsByName(t, admin);
});
afterAll(async () => {
  await t?.close();
});

const id = (code: string) => ids.get(code)!;
const sheetUrl = (round: string, unit: string) => `/api/assessment-rounds/${round}/sheets/${unit}`;
const criterionOf = (sheet: TSheet, code: string) => sheet.criteria.find((c) => c.code === code)!;
const agencyResult = (cookie: string, round: string, unit: string, query = "") =>
  call<TAgencyResult>(t, cookie, "GET", `/api/assessment-rounds/${round}/results/agencies/${unit}${query}`);
/** What the league table shows of the whole group: every row of the page, the summaries. */
const tableOf = (view: TRoundResultView) => ({ results: view.results, rows: view.rows, summary: view.summary });

describe("self-assessment", () => {
  let round: TRound;
  let document: string;
  beforeAll(async () => {
    // Due at 17:00 on the first day, so a few hours later it is past (sessions last 12 hours).
    round = await createRound(t, admin, frameworkId, [SNV(), VP()], { selfDeadline: "2025-06-02T17:00:00+07:00" });
    expect((await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/status`, { status: "open" })).status).toBe(
      200,
    );
    document = await uploadDocument(t, noivu, "12");
  });

  it("scores a categorical answer at ½, leaves a 0/0 ratio out of the maximum, counts a 0/0 'full' rule whole", async () => {
    await saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: "deputy" }, documentIds: [document] });
    await saveEntry(t, noivu, round.id, SNV(), id("3.2"), {
      values: { numerator: 0, denominator: 0 },
      explanation: "Sở chưa có hệ thống thông tin chuyên ngành",
      documentIds: [document],
    });
    const { status, body } = await saveEntry(t, noivu, round.id, SNV(), id("5.2"), {
      values: { numerator: 0, denominator: 0 },
      documentIds: [document],
    });
    expect(status).toBe(200);
    expect(criterionOf(body, "1.1")).toMatchObject({ selfPoints: 10, selfStatus: "scored" });
    expect(criterionOf(body, "3.2")).toMatchObject({ selfPoints: 0, selfStatus: "not_applicable" });
    expect(criterionOf(body, "5.2")).toMatchObject({ selfPoints: 40, selfStatus: "scored" });
    expect(body.maxTotal).toBe(460);
    expect(body.selfTotal).toBe(50);
    expect(body.progress).toEqual({ answered: 3, total: 15, missingEvidence: 12 });
    expect(criterionOf(body, "1.1").documents[0]).toMatchObject({ docNumber: "12/QĐ-SNV", issuedOn: "2025-03-15" });
  });

  it("scores nothing without the evidence the criterion requires, and counts it as missing", async () => {
    const { body } = await saveEntry(t, noivu, round.id, SNV(), id("2.2"), { values: { value: true } });
    expect(criterionOf(body, "2.2")).toMatchObject({ selfPoints: 0, selfStatus: "missing_evidence" });
    expect(body.progress.missingEvidence).toBe(12);
  });

  it("takes proposed points on judgement criteria, never above the maximum", async () => {
    const ok = await saveEntry(t, noivu, round.id, SNV(), id("1.3"), {
      proposedPoints: 25,
      explanation: "Đã tổ chức 6 hội nghị",
      documentIds: [document],
    });
    expect(criterionOf(ok.body, "1.3")).toMatchObject({ proposedPoints: 25, selfPoints: 25 });
    const over = await saveEntry(t, noivu, round.id, SNV(), id("1.3"), { proposedPoints: 31 });
    expect(over.status).toBe(400);
    const sheet = await call<TSheet>(t, noivu, "GET", sheetUrl(round.id, SNV()));
    expect(criterionOf(sheet.body, "1.3").proposedPoints).toBe(25);
  });

  it("refuses values that do not fit the criterion and documents of another agency", async () => {
    expect((await saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: 3 } })).status).toBe(400);
    const other = await uploadDocument(t, vpubnd, "99");
    const res = await saveEntry(t, noivu, round.id, SNV(), id("1.1"), {
      values: { value: "head" },
      documentIds: [other],
    });
    expect(res.status).toBe(403);
  });

  it("never shows an agency another agency's sheet or the league table before publication", async () => {
    expect((await call(t, vpubnd, "GET", sheetUrl(round.id, SNV()))).status).toBe(403);
    expect((await saveEntry(t, vpubnd, round.id, SNV(), id("1.1"), { values: { value: "none" } })).status).toBe(403);
    expect((await call(t, vpubnd, "GET", `/api/assessment-rounds/${round.id}/results`)).status).toBe(403);
    expect((await call(t, vpubnd, "GET", sheetUrl(round.id, VP()))).status).toBe(200);
    expect((await call(t, lanhdao, "GET", sheetUrl(round.id, SNV()))).status).toBe(200);
    // A commune taking part in the province's cycles sees the round exists, none of its sheets or results.
    const list = await call<TRound[]>(t, nhatrang, "GET", "/api/assessment-rounds");
    expect(list.body.find((r) => r.id === round.id)?.myUnitIds).toEqual([]);
    expect((await call(t, nhatrang, "GET", sheetUrl(round.id, SNV()))).status).toBe(403);
    expect((await call(t, nhatrang, "GET", `/api/assessment-rounds/${round.id}/results`)).status).toBe(403);
    const mine = await call<TRound[]>(t, vpubnd, "GET", "/api/assessment-rounds");
    expect(mine.body.find((r) => r.id === round.id)?.myUnitIds).toEqual([VP()]);
  });

  it("submits, recalls and corrects before the deadline; locks after it unless extended for that agency", async () => {
    let sheet = (await call<TSheet>(t, noivu, "GET", sheetUrl(round.id, SNV()))).body;
    const submitted = await call<TSheet>(t, noivu, "POST", `${sheetUrl(round.id, SNV())}/submit`, {
      version: sheet.version,
    });
    expect(submitted.body.status).toBe("submitted");
    expect((await saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: "head" } })).status).toBe(409);
    const stale = await call(t, noivu, "POST", `${sheetUrl(round.id, SNV())}/recall`, { version: sheet.version });
    expect(stale.status).toBe(409);
    sheet = (
      await call<TSheet>(t, noivu, "POST", `${sheetUrl(round.id, SNV())}/recall`, { version: submitted.body.version })
    ).body;
    expect(sheet.status).toBe("draft");
    const corrected = await saveEntry(t, noivu, round.id, SNV(), id("1.1"), {
      values: { value: "head" },
      documentIds: [document],
    });
    expect(criterionOf(corrected.body, "1.1").selfPoints).toBe(20);

    t.clock.advanceMinutes(9 * 60); // 18:00 on 02/06/2025: past the deadline
    const late = await saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: "none" } });
    expect(late.status).toBe(409);
    expect((await call<TSheet>(t, noivu, "GET", sheetUrl(round.id, SNV()))).body.locked).toBe(true);
    const noReason = await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/extensions`, {
      unitId: SNV(),
      deadline: "2025-06-02T20:00:00+07:00",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/extensions`, {
          unitId: SNV(),
          deadline: "2025-06-02T20:00:00+07:00",
          reason: "Thủ trưởng đi công tác, xin gia hạn",
        })
      ).status,
    ).toBe(200);
    const extended = await saveEntry(t, noivu, round.id, SNV(), id("2.1"), {
      values: { value: 4 },
      documentIds: [document],
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ locked: false, extensionReason: "Thủ trưởng đi công tác, xin gia hạn" });
    // the other agency stays locked
    expect((await saveEntry(t, vpubnd, round.id, VP(), id("1.1"), { values: { value: "head" } })).status).toBe(409);
    t.clock.advanceMinutes(-9 * 60);
  });
});

describe("appraisal, publication and correction", () => {
  let round: TRound;
  const OFFICES = ["Văn phòng Sở Công Thương", "Phòng Quản lý thương mại", "Chi cục Quản lý thị trường"];
  /** Sở Nội vụ and 16 other top-level units of the demo province. */
  const group = () => [
    SNV(),
    ...[...units.entries()]
      .filter(([name, unitId]) => !OFFICES.includes(name) && unitId !== SNV())
      .map(([, unitId]) => unitId)
      .slice(0, 16),
  ];
  beforeAll(async () => {
    round = await createRound(t, admin, frameworkId, group(), { name: "Đợt đánh giá thử xếp hạng 17 cơ quan" });
    await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/status`, { status: "open" });
    const document = await uploadDocument(t, noivu, "21");
    await saveEntry(t, noivu, round.id, SNV(), id("2.1"), { values: { value: 3 }, documentIds: [document] });
    await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/status`, { status: "appraising" });
    const users = await call<{ id: string; username: string }[]>(t, admin, "GET", "/api/accounts");
    const council = users.body.find((u) => u.username === "thamdinh")!;
    const assigned = await call(t, admin, "POST", `/api/assessment-rounds/${round.id}/appraisers`, {
      userId: council.id,
      indicatorIds: [id("2")],
    });
    expect(assigned.status).toBe(200);
  });

  it("gives a council member main indicator 2: one criterion across all agencies, not the others", async () => {
    expect(group()).toHaveLength(17);
    const table = await call<TCriterionTable>(
      t,
      thamdinh,
      "GET",
      `/api/assessment-rounds/${round.id}/criteria/${id("2.1")}`,
    );
    expect(table.status).toBe(200);
    expect(table.body.rows).toHaveLength(17);
    expect(table.body.rows.find((r) => r.unitId === SNV())).toMatchObject({ selfPoints: 15, values: { value: 3 } });
    expect((await call(t, thamdinh, "GET", `/api/assessment-rounds/${round.id}/criteria/${id("1.1")}`)).status).toBe(
      403,
    );
    const mine = await call<{ code: string }[]>(t, thamdinh, "GET", `/api/assessment-rounds/${round.id}/appraisals`);
    expect(mine.body.map((c) => c.code)).toEqual(["2.1", "2.2", "2.3"]);
  });

  it("asks an agency to explain; the agency answers; the council accepts", async () => {
    const asked = await call<TCriterionTable>(
      t,
      thamdinh,
      "POST",
      `${sheetUrl(round.id, SNV())}/entries/${id("2.1")}/requests`,
      { kind: "explain", body: "Đề nghị giải trình văn bản thứ ba", dueAt: "2025-07-15T17:00:00+07:00" },
    );
    const request = asked.body.rows.find((r) => r.unitId === SNV())!.requests[0]!;
    expect(request.status).toBe("open");
    expect(
      (await call(t, vpubnd, "POST", `/api/assessment-requests/${request.id}/answer`, { answer: "Không phải của tôi" }))
        .status,
    ).toBe(403);
    const answered = await call<TSheet>(t, noivu, "POST", `/api/assessment-requests/${request.id}/answer`, {
      answer: "Văn bản thứ ba là Kế hoạch 45/KH-SNV",
    });
    expect(criterionOf(answered.body, "2.1").requests[0]).toMatchObject({
      status: "answered",
      answer: "Văn bản thứ ba là Kế hoạch 45/KH-SNV",
    });
    const closed = await call<TCriterionTable>(t, thamdinh, "POST", `/api/assessment-requests/${request.id}/close`);
    expect(closed.body.rows.find((r) => r.unitId === SNV())!.requests[0]!.status).toBe("closed");
  });

  it("needs a reason to change self-assessed points; ranks ties as published (15, 15, 17)", async () => {
    const noReason = await call(t, thamdinh, "PUT", `${sheetUrl(round.id, SNV())}/entries/${id("2.1")}/appraisal`, {
      points: 30,
    });
    expect(noReason.status).toBe(400);
    const same = await call(t, thamdinh, "PUT", `${sheetUrl(round.id, SNV())}/entries/${id("2.1")}/appraisal`, {
      points: 15,
    });
    expect(same.status).toBe(200);
    // 14 distinct totals, then two agencies tied, then one below: on 2.3 (judgement, 20 points) and 2.2.
    const agencies = group().filter((u) => u !== SNV());
    const totals = [35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 15, 5];
    for (const [index, unitId] of agencies.entries()) {
      const total = totals[index]!;
      const on22 = Math.min(20, total);
      await call(t, thamdinh, "PUT", `${sheetUrl(round.id, unitId)}/entries/${id("2.2")}/appraisal`, {
        points: on22,
        reason: "Theo hồ sơ",
      });
      if (total > 20) {
        await call(t, thamdinh, "PUT", `${sheetUrl(round.id, unitId)}/entries/${id("2.3")}/appraisal`, {
          points: total - 20,
          reason: "Theo hồ sơ",
        });
      }
    }
    const results = await call<TRoundResultView>(t, lanhdao, "GET", `/api/assessment-rounds/${round.id}/results`);
    expect(results.body.frozen).toBe(false);
    const ranks = results.body.rows.map((r) => [r.total, r.rank]);
    expect(ranks.slice(13)).toEqual([
      [22, 14],
      [15, 15],
      [15, 15],
      [5, 17],
    ]);
    expect(results.body.rows[0]).toMatchObject({ total: 35, rank: 1, of: 17, grade: "Yếu" });
    const differences = await call<{ unitName: string; code: string; reason: string | null }[]>(
      t,
      thamdinh,
      "GET",
      `/api/assessment-rounds/${round.id}/differences`,
    );
    expect(differences.body.length).toBeGreaterThanOrEqual(16);
    expect(differences.body.every((d) => d.reason === "Theo hồ sơ")).toBe(true);
  });

  it("counts bonus and penalty points with a reason", async () => {
    const res = await call<TRoundResultView>(t, admin, "POST", `/api/assessment-rounds/${round.id}/adjustments`, {
      unitId: SNV(),
      points: 5,
      reason: "Điểm thưởng: mô hình điểm về chuyển đổi số",
    });
    expect(res.body.rows.find((r) => r.unitId === SNV())).toMatchObject({
      total: 20,
      adjustmentTotal: 5,
      rank: 15,
    });
  });

  it("publishes with the decision number: frozen, refuses changes; a correction is a new version and both are kept", async () => {
    expect(
      (
        await call(t, thamdinh, "POST", `/api/assessment-rounds/${round.id}/publish`, {
          decisionNumber: "1/QĐ",
          decisionDate: "2025-08-01",
        })
      ).status,
    ).toBe(403);
    const published = await call<TRoundResultView>(t, admin, "POST", `/api/assessment-rounds/${round.id}/publish`, {
      decisionNumber: "1234/QĐ-UBND",
      decisionDate: "2025-08-15",
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ frozen: true, version: 1 });
    expect(published.body.round.publication).toMatchObject({
      decisionNumber: "1234/QĐ-UBND",
      decisionDate: "2025-08-15",
    });

    const changes = [
      call(t, thamdinh, "PUT", `${sheetUrl(round.id, SNV())}/entries/${id("2.2")}/appraisal`, {
        points: 20,
        reason: "x lý do",
      }),
      call(t, admin, "POST", `/api/assessment-rounds/${round.id}/adjustments`, {
        unitId: SNV(),
        points: 5,
        reason: "thêm điểm",
      }),
      saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: "head" } }),
      call(t, admin, "POST", `/api/assessment-rounds/${round.id}/publish`, {
        decisionNumber: "2/QĐ",
        decisionDate: "2025-08-16",
      }),
    ];
    for (const res of await Promise.all(changes)) expect(res.status).toBe(409);
    const still = await call<TRoundResultView>(t, admin, "GET", `/api/assessment-rounds/${round.id}/results`);
    expect(tableOf(still.body)).toEqual(tableOf(published.body));

    // Published: the agencies of the group see the league table, still not each other's sheets.
    expect((await call(t, noivu, "GET", `/api/assessment-rounds/${round.id}/results`)).status).toBe(200);
    expect((await call(t, noivu, "GET", sheetUrl(round.id, group()[1]!))).status).toBe(403);

    const correction = await call<TRoundResultView>(
      t,
      admin,
      "POST",
      `/api/assessment-rounds/${round.id}/corrections`,
      {
        decisionNumber: "1300/QĐ-UBND",
        decisionDate: "2025-09-01",
        reason: "Đính chính điểm tiêu chí 2.2 của Sở Nội vụ theo kết quả phúc tra",
        changes: [{ unitId: SNV(), indicatorId: id("2.2"), points: 20, reason: "Bổ sung quy chế đã ban hành" }],
      },
    );
    expect(correction.status).toBe(200);
    expect(correction.body).toMatchObject({ version: 2 });
    expect(correction.body.versions.map((v) => [v.version, v.decisionNumber])).toEqual([
      [1, "1234/QĐ-UBND"],
      [2, "1300/QĐ-UBND"],
    ]);
    expect(correction.body.rows.find((r) => r.unitId === SNV())).toMatchObject({ total: 40, rank: 1 });
    const first = await call<TRoundResultView>(
      t,
      lanhdao,
      "GET",
      `/api/assessment-rounds/${round.id}/results?version=1`,
    );
    expect(tableOf(first.body)).toEqual(tableOf(published.body));
    expect(first.body.rows.find((r) => r.unitId === SNV())).toMatchObject({ total: 20, rank: 15 });
  });

  it("writes an agency's scoring sheet and the council's differences to Excel with the numbers of the screen", async () => {
    const download = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
    const read = async (payload: Buffer, name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(payload).buffer);
      return workbook.getWorksheet(name)!;
    };
    const screen = (await call<TSheet>(t, noivu, "GET", sheetUrl(round.id, SNV()))).body;
    const file = await download(noivu, `${sheetUrl(round.id, SNV())}/sheet.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toContain("phieu-cham-diem-2025-so-noi-vu.xlsx");
    const sheet = await read(file.rawPayload, "Phiếu chấm điểm");
    expect(String(sheet.getRow(1).getCell(1).value)).toBe("PHIẾU CHẤM ĐIỂM: SỞ NỘI VỤ");
    const rows = screen.criteria.map((_, i) => sheet.getRow(5 + i));
    expect(rows.map((r) => [1, 3, 5, 6, 7, 8].map((col) => r.getCell(col).value))).toEqual(
      screen.criteria.map((c) => [
        c.code,
        c.maxScore,
        c.proposedPoints,
        c.selfStatus === "not_applicable" ? "Không áp dụng" : c.selfPoints,
        c.appraisedPoints,
        c.appraisalReason,
      ]),
    );
    const on21 = rows.find((r) => r.getCell(1).value === "2.1")!;
    expect(on21.getCell(4).value).toBe("3");
    expect(String(on21.getCell(10).value)).toContain("21/QĐ-SNV, ngày");
    const on22 = rows.find((r) => r.getCell(1).value === "2.2")!;
    expect(on22.getCell(7).value).toBe(20);
    expect(on22.getCell(8).value).toBe("Bổ sung quy chế đã ban hành");
    const totals = new Map(
      Array.from({ length: 4 }, (_, i) => sheet.getRow(5 + screen.criteria.length + i)).map((r) => [
        r.getCell(2).value,
        r.getCell(3).value,
      ]),
    );
    expect(totals.get("Tổng điểm tự đánh giá")).toBe(screen.selfTotal);
    expect(totals.get("Tổng điểm sau thẩm định")).toBe(screen.finalTotal);
    expect(totals.get("Điểm cộng/trừ")).toBe(5);
    // Never another agency's sheet; the coordinator and the council have every sheet.
    expect((await download(vpubnd, `${sheetUrl(round.id, SNV())}/sheet.xlsx`)).statusCode).toBe(403);
    expect((await download(thamdinh, `${sheetUrl(round.id, SNV())}/sheet.xlsx`)).statusCode).toBe(200);

    const differences = (
      await call<{ unitName: string; code: string; selfPoints: number; appraisedPoints: number; reason: string }[]>(
        t,
        thamdinh,
        "GET",
        `/api/assessment-rounds/${round.id}/differences`,
      )
    ).body;
    const list = await download(thamdinh, `/api/assessment-rounds/${round.id}/differences.xlsx`);
    expect(list.statusCode).toBe(200);
    const ws = await read(list.rawPayload, "Chênh lệch");
    expect(
      differences.map((_, i) => {
        const r = ws.getRow(3 + i);
        return [2, 3, 5, 6, 8].map((col) => r.getCell(col).value);
      }),
    ).toEqual(differences.map((d) => [d.unitName, d.code, d.selfPoints, d.appraisedPoints, d.reason]));
    expect(differences.some((d) => d.code === "2.2" && d.reason === "Bổ sung quy chế đã ban hành")).toBe(true);
    expect(
      (await download(await t.login("pqltm"), `/api/assessment-rounds/${round.id}/differences.xlsx`)).statusCode,
    ).toBe(403);
  });

  it("writes the result table to Excel and Word with the same numbers as the screen", async () => {
    const screen = (await call<TRoundResultView>(t, lanhdao, "GET", `/api/assessment-rounds/${round.id}/results`)).body;
    const xlsx = await t.app.inject({
      method: "GET",
      url: `/api/assessment-rounds/${round.id}/results.xlsx`,
      headers: { cookie: lanhdao },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("ket-qua-danh-gia-2025-v2.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.getWorksheet("Kết quả")!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain("Quyết định số 1300/QĐ-UBND ngày 01/09/2025");
    const mains = screen.results.mains.length;
    const fromExcel = screen.rows.map((_, i) => {
      const row = sheet.getRow(5 + i);
      return [row.getCell(1).value, row.getCell(2).value, row.getCell(4 + mains).value, row.getCell(7 + mains).value];
    });
    expect(fromExcel).toEqual(screen.rows.map((r) => [r.rank, r.unitName, r.total, r.grade]));

    const docx = await t.app.inject({
      method: "GET",
      url: `/api/assessment-rounds/${round.id}/results.docx`,
      headers: { cookie: lanhdao },
    });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
    const textOf = (fragment: string) =>
      [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
      [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
      ),
    );
    const results = tables.at(-1)!;
    expect(results[0]![0]).toBe("Hạng");
    expect(results.slice(1).map((r) => [r[0], r[1], r.at(-3), r.at(-1)])).toEqual(
      screen.rows.map((r) => [
        String(r.rank),
        r.unitName,
        `${r.total.toFixed(2).replace(".", ",")}/${r.maxTotal}`,
        r.grade,
      ]),
    );
    expect(textOf(xml)).toContain("Kèm theo Quyết định số 1300/QĐ-UBND ngày 01/09/2025");
    // an office outside the group does not get the table
    const outside = await t.login("pqltm");
    const refused = await t.app.inject({
      method: "GET",
      url: `/api/assessment-rounds/${round.id}/results.xlsx`,
      headers: { cookie: outside },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("compares each agency with the previous published round of the same owner and group", async () => {
    const office = units.get(OFFICES[0]!)!;
    const [risen, fallen] = [group()[16]!, SNV()];
    const next = await createRound(t, admin, frameworkId, [fallen, group()[1]!, risen, office], {
      name: "Đánh giá chuyển đổi số sở, ban, ngành năm 2026",
      year: 2026,
    });
    await call(t, admin, "POST", `/api/assessment-rounds/${next.id}/status`, { status: "open" });
    await call(t, admin, "POST", `/api/assessment-rounds/${next.id}/status`, { status: "appraising" });
    const live = await call<TRoundResultView>(t, admin, "GET", `/api/assessment-rounds/${next.id}/results`);
    expect(live.body).toMatchObject({ previous: null, changes: {} });
    await call(t, admin, "PUT", `${sheetUrl(next.id, risen)}/entries/${id("2.2")}/appraisal`, {
      points: 20,
      reason: "Theo hồ sơ",
    });
    await call(t, admin, "POST", `/api/assessment-rounds/${next.id}/publish`, {
      decisionNumber: "90/QĐ-UBND",
      decisionDate: "2026-08-15",
    });
    const view = await call<TRoundResultView>(t, noivu, "GET", `/api/assessment-rounds/${next.id}/results`);
    expect(view.status).toBe(200);
    // 2025 in force (version 2): Sở Nội vụ 40 points, 1st; the last agency 5 points, 17th.
    expect(view.body.previous).toMatchObject({ roundId: round.id, year: 2025, decisionNumber: "1300/QĐ-UBND" });
    expect(view.body.changes[risen]).toEqual({ previousTotal: 5, previousRank: 17, points: 15, ranks: 16 });
    expect(view.body.changes[fallen]).toEqual({ previousTotal: 40, previousRank: 1, points: -40, ranks: -1 });
    expect(formatResultChange(view.body.changes[risen])).toBe("+15 điểm, ↑16 hạng");
    expect(view.body.changes[office]).toBeUndefined();
    expect(formatResultChange(view.body.changes[office])).toBe("—");
    const own = await agencyResult(noivu, next.id, risen);
    expect(own.body).toMatchObject({ frozen: true, version: 1, change: view.body.changes[risen] });
    expect(own.body.previous).toEqual(view.body.previous);
    expect(own.body.trend).toEqual([
      { roundId: round.id, year: 2025, total: 5, maxTotal: 500, grade: expect.any(String), rank: 17, of: 17 },
    ]);
    expect((await agencyResult(noivu, next.id, office)).body.change).toBeNull();
  });

  it("shows each agency's total, grade and rank in every earlier published round, oldest first", async () => {
    const rounds = await call<TRound[]>(t, admin, "GET", "/api/assessment-rounds");
    const of2026 = rounds.body.find((r) => r.name === "Đánh giá chuyển đổi số sở, ban, ngành năm 2026")!;
    const [risen, fallen, office] = [group()[16]!, SNV(), units.get(OFFICES[0]!)!];
    const next = await createRound(t, admin, frameworkId, [fallen, risen], {
      name: "Đánh giá chuyển đổi số sở, ban, ngành năm 2027",
      year: 2027,
    });
    for (const status of ["open", "appraising"]) {
      await call(t, admin, "POST", `/api/assessment-rounds/${next.id}/status`, { status });
    }
    expect((await agencyResult(admin, next.id, fallen)).body).toMatchObject({ frozen: false, trend: [], tasks: {} });
    await call(t, admin, "POST", `/api/assessment-rounds/${next.id}/publish`, {
      decisionNumber: "75/QĐ-UBND",
      decisionDate: "2027-08-15",
    });
    const view = await call<TRoundResultView>(t, noivu, "GET", `/api/assessment-rounds/${next.id}/results`);
    const then2025 = await call<TRoundResultView>(t, admin, "GET", `/api/assessment-rounds/${round.id}/results`);
    const then2026 = await call<TRoundResultView>(t, admin, "GET", `/api/assessment-rounds/${of2026.id}/results`);
    const rowOf = (v: TRoundResultView, unitId: string) => v.rows.find((r) => r.unitId === unitId)!;
    // The 2025 round in force is its correction (version 2); 2026 had four agencies, 2027 is not in its own trend.
    const trendOf = async (unitId: string) => (await agencyResult(noivu, next.id, unitId)).body.trend;
    expect(await trendOf(fallen)).toEqual([
      {
        roundId: round.id,
        year: 2025,
        total: 40,
        maxTotal: 500,
        grade: rowOf(then2025.body, fallen).grade,
        rank: 1,
        of: 17,
      },
      {
        roundId: of2026.id,
        year: 2026,
        total: 0,
        maxTotal: 500,
        grade: rowOf(then2026.body, fallen).grade,
        rank: rowOf(then2026.body, fallen).rank,
        of: 4,
      },
    ]);
    expect((await trendOf(risen)).map((p) => [p.year, p.total, p.rank])).toEqual([
      [2025, 5, 17],
      [2026, 20, 1],
    ]);
    // An agency of the earlier rounds only: the table of 2027 does not list it.
    expect(view.body.rows.map((r) => r.unitId)).not.toContain(office);
    expect((await agencyResult(admin, next.id, office)).status).toBe(404);
  });

  it("lists beside a lost criterion the linked tasks of the plans the agency reads, not another agency's", async () => {
    const planOf = async (code: string, ownerUnitId: string, content: string, percent: number) => {
      const plan = await call<{ id: string }>(t, admin, "POST", "/api/plans", {
        code,
        title: `Kế hoạch nâng chỉ số chuyển đổi số ${code}`,
        ownerUnitId,
      });
      expect(plan.status).toBe(201);
      const task = await call<{ id: string }>(t, admin, "POST", `/api/plans/${plan.body.id}/tasks`, {
        number: "1",
        content,
        indicatorIds: [id("2.2")],
      });
      expect(task.status).toBe(201);
      if (percent > 0) {
        const edited = await call(t, admin, "POST", `/api/tasks/${task.body.id}/updates`, {
          status: "in_progress",
          percent,
          note: "Đang dự thảo",
        });
        expect(edited.status, JSON.stringify(edited.body)).toBeLessThan(300);
      }
      return { planId: plan.body.id, taskId: task.body.id };
    };
    const own = await planOf("12/KH-SNV", SNV(), "Ban hành quy chế chuyển đổi số của Sở", 40);
    const other = await planOf("8/KH-VP", VP(), "Ban hành quy chế của Văn phòng", 0);
    const rounds = await call<TRound[]>(t, admin, "GET", "/api/assessment-rounds");
    const of2027 = rounds.body.find((r) => r.name === "Đánh giá chuyển đổi số sở, ban, ngành năm 2027")!;
    const view = await agencyResult(noivu, of2027.id, SNV());
    const snv = view.body.row;
    // Sở Nội vụ lost every point of 2.2 in 2027: its own plan's task stands beside it, with its progress.
    expect(snv.criteria["2.2"]!.max - snv.criteria["2.2"]!.final).toBeGreaterThan(0);
    expect(view.body.lost.map((c) => c.code)).toContain("2.2");
    expect(view.body.tasks["2.2"]).toEqual([
      {
        taskId: own.taskId,
        number: "1",
        content: "Ban hành quy chế chuyển đổi số của Sở",
        status: "in_progress",
        percent: 40,
        planId: own.planId,
        planCode: "12/KH-SNV",
      },
    ]);
    expect(JSON.stringify(view.body.tasks)).not.toContain(other.taskId);
    expect(view.body.tasks["2.1"]).toBeUndefined();
  });
});
