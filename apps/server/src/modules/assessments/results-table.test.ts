import {
  gradeOf,
  lostCriteria,
  resultsSummary,
  type TAgencyResult,
  type TCriterionTable,
  type TResultRow,
  type TRound,
  type TRoundResultView,
  type TSheet,
} from "@chiso/core";
import { sql } from "drizzle-orm";
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
 * The league table at scale (issue 15): one page of agencies without their criteria, summaries of the whole group,
 * one agency's result in full on demand, and live numbers kept between requests only while nothing they depend on
 * changed. Checked against what each agency's own sheet computes from scratch (GET …/sheets/:unitId).
 */
let t: TTestApp;
let admin: string;
let noivu: string;
let vpubnd: string;
let thamdinh: string;
let lanhdao: string;
let nhatrang: string;
let ids: Map<string, string>;
let units: Map<string, string>;
let round: TRound;
let group: string[];
const SNV = () => units.get("Sở Nội vụ")!;
const id = (code: string) => ids.get(code)!;
const base = () => `/api/assessment-rounds/${round.id}`;
const OFFICES = ["Văn phòng Sở Công Thương", "Phòng Quản lý thương mại", "Chi cục Quản lý thị trường"];

const results = (cookie: string, query = "") => call<TRoundResultView>(t, cookie, "GET", `${base()}/results${query}`);
const agencyResult = (cookie: string, unitId: string) =>
  call<TAgencyResult>(t, cookie, "GET", `${base()}/results/agencies/${unitId}`);
const appraise = (unitId: string, code: string, points: number) =>
  call(t, thamdinh, "PUT", `${base()}/sheets/${unitId}/entries/${id(code)}/appraisal`, {
    points,
    reason: "Theo hồ sơ",
  });
const totalOf = async (unitId: string) =>
  (await results(admin, "?pageSize=2000")).body.rows.find((r) => r.unitId === unitId)!.total;

beforeAll(async () => {
  t = await createTestApp();
  [admin, noivu, vpubnd, thamdinh, lanhdao, nhatrang] = (await Promise.all(
    ["admin", "noivu", "vpubnd", "thamdinh", "lanhdao", "nhatrang"].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  let frameworkId: string;
  ({ frameworkId, ids } = await publishAgencyFramework(t, admin));
  units = await unitIdsByName(t, admin);
  // Sở Nội vụ and 16 other top-level units (Văn phòng UBND tỉnh among them); the rest stay outside the group.
  group = [
    SNV(),
    ...[...units.entries()]
      .filter(([name, unitId]) => !OFFICES.includes(name) && unitId !== SNV())
      .map(([, unitId]) => unitId)
      .slice(0, 16),
  ];
  round = await createRound(t, admin, frameworkId, group, {
    name: "Đợt thử bảng kết quả theo trang",
    groupName: "Nhóm thử bảng kết quả",
    year: 2030,
  });
  await call(t, admin, "POST", `${base()}/status`, { status: "open" });
  const document = await uploadDocument(t, noivu, "31");
  await saveEntry(t, noivu, round.id, SNV(), id("2.1"), { values: { value: 3 }, documentIds: [document] });
  // Without the evidence it requires, 1.1 scores nothing until a document is cited (see the cache test).
  await saveEntry(t, noivu, round.id, SNV(), id("1.1"), { values: { value: "deputy" } });
  await call(t, admin, "POST", `${base()}/status`, { status: "appraising" });
  const users = await call<{ id: string; username: string }[]>(t, admin, "GET", "/api/accounts");
  const council = users.body.find((u) => u.username === "thamdinh")!;
  await call(t, admin, "POST", `${base()}/appraisers`, { userId: council.id, indicatorIds: [id("1"), id("2")] });
  // Totals from 0 to 30 in steps, with ties (every fourth agency shares its neighbour's points).
  for (const [index, unitId] of group.entries()) {
    if (unitId === SNV()) continue;
    const points = Math.min(20, Math.floor(index / 2) * 2.5);
    if (points > 0) expect((await appraise(unitId, "2.2", points)).status).toBe(200);
    if (index % 3 === 0) expect((await appraise(unitId, "2.3", 5.25)).status).toBe(200);
  }
  await call(t, admin, "POST", `${base()}/adjustments`, {
    unitId: group[5]!,
    points: -2.5,
    reason: "Điểm trừ: báo cáo chậm",
  });
});
afterAll(async () => {
  await t?.close();
});

describe("the league table in pages", () => {
  it("pages, summarises and details exactly what each agency's own sheet computes", async () => {
    const all = (await results(admin, "?pageSize=2000")).body;
    expect(all).toMatchObject({ frozen: false, total: 17, page: 1, pageSize: 2000 });
    expect(all.rows).toHaveLength(17);
    expect(JSON.stringify(all)).not.toContain('"criteria":{');

    // Pages of 5 are the full list cut in order; the summary is the whole group's on every page.
    const pages = await Promise.all([1, 2, 3, 4].map((page) => results(admin, `?page=${page}&pageSize=5`)));
    expect(pages.flatMap((p) => p.body.rows)).toEqual(all.rows);
    expect(pages.map((p) => p.body.rows.length)).toEqual([5, 5, 5, 2]);
    for (const page of pages) expect(page.body).toMatchObject({ total: 17, summary: all.summary });
    // The default page is the first 50 (all 17 here).
    expect((await results(admin)).body).toMatchObject({ page: 1, pageSize: 50, rows: all.rows });

    // Each agency's full row is what its sheet computes on its own, criterion by criterion.
    const full: TResultRow[] = [];
    for (const listed of all.rows) {
      const [agency, sheet] = await Promise.all([
        agencyResult(admin, listed.unitId),
        call<TSheet>(t, admin, "GET", `${base()}/sheets/${listed.unitId}`),
      ]);
      expect(agency.status).toBe(200);
      const { criteria, ...row } = agency.body.row;
      expect(row).toEqual(listed);
      expect([row.total, row.selfTotal, row.maxTotal]).toEqual([
        sheet.body.finalTotal,
        sheet.body.selfTotal,
        sheet.body.maxTotal,
      ]);
      for (const c of sheet.body.criteria) {
        expect(criteria[c.code], c.code).toMatchObject({ self: c.selfPoints, final: c.finalPoints });
      }
      expect(row.grade).toBe(gradeOf(row.total, row.maxTotal, round.gradeBands)?.name);
      full.push(agency.body.row);
    }
    // Ranks as published: ties share the better rank, the next one skips; listed best first.
    for (const row of all.rows) {
      expect(row.rank).toBe(1 + all.rows.filter((o) => o.total > row.total).length);
      expect(row.of).toBe(17);
    }
    expect(all.rows.map((r) => r.total)).toEqual([...all.rows.map((r) => r.total)].sort((a, b) => b - a));
    expect(new Set(all.rows.map((r) => r.rank)).size).toBeLessThan(17);

    // Summaries and per-agency details equal core's rules over every agency's full row.
    const whole = { ...all.results, rows: full };
    expect(all.summary).toEqual(resultsSummary(whole, round.gradeBands));
    expect(all.summary.grades.reduce((sum, g) => sum + g.count, 0)).toBe(17);
    expect(all.summary.mostLost.length).toBeGreaterThan(0);
    const snv = (await agencyResult(admin, SNV())).body;
    expect(snv.lost).toEqual(lostCriteria(whole, SNV()));
    expect(snv.mains.map((m) => m.code)).toEqual(all.results.mains.map((m) => m.code));
  });

  it("searches agency names without accents, on the server", async () => {
    const found = (await results(admin, `?q=${encodeURIComponent("so NOI vu")}`)).body;
    expect(found.rows.map((r) => r.unitName)).toEqual(["Sở Nội vụ"]);
    expect(found.total).toBe(1);
    expect(found.summary.grades.reduce((sum, g) => sum + g.count, 0)).toBe(17);
    expect((await results(admin, "?q=khong-co-co-quan-nay")).body).toMatchObject({ rows: [], total: 0 });
    expect((await results(admin, "?pageSize=2001")).status).toBe(400);
  });
});

describe("live numbers kept between requests", () => {
  it("shows an appraisal, a bonus and a newly cited document at the next request", async () => {
    const before = await totalOf(SNV());
    expect((await appraise(SNV(), "2.2", 12.5)).status).toBe(200);
    expect(await totalOf(SNV())).toBe(before + 12.5);
    await call(t, admin, "POST", `${base()}/adjustments`, { unitId: SNV(), points: 3, reason: "Điểm thưởng mô hình" });
    expect(await totalOf(SNV())).toBe(before + 15.5);

    // 1.1 lacked its evidence: the agency cites a document in its answer to a request, and scores 10 more.
    const asked = await call<TCriterionTable>(
      t,
      thamdinh,
      "POST",
      `${base()}/sheets/${SNV()}/entries/${id("1.1")}/requests`,
      {
        kind: "supplement",
        body: "Đề nghị bổ sung quyết định phân công",
        dueAt: "2025-07-15T17:00:00+07:00",
      },
    );
    const request = asked.body.rows.find((r) => r.unitId === SNV())!.requests[0]!;
    const document = await uploadDocument(t, noivu, "32");
    const answered = await call<TSheet>(t, noivu, "POST", `/api/assessment-requests/${request.id}/answer`, {
      answer: "Đã bổ sung quyết định",
      documentIds: [document],
    });
    expect(answered.status).toBe(200);
    expect(await totalOf(SNV())).toBe(before + 25.5);
    expect((await agencyResult(admin, SNV())).body.row.total).toBe(before + 25.5);
  });

  it("sees a change committed late with an older time (count and newest change unchanged)", async () => {
    const vp = group[1]!;
    await appraise(vp, "2.2", 17.75);
    // Another agency's change after it: Văn phòng's entry is no longer the newest one of the round.
    await appraise(group[16]!, "2.3", 1);
    const after = await totalOf(vp);
    // As if another instance's transaction, begun earlier, committed now: same row count, same newest change.
    await t.database.db.execute(sql`
      update assessment_entries set appraised_points = 0, updated_at = '2025-06-02T03:00:00Z'
      where round_id = ${round.id} and unit_id = ${vp} and indicator_id = ${id("2.2")}`);
    expect(await totalOf(vp)).toBe(after - 17.75);
  });

  it("sees a renamed agency at the next request", async () => {
    const unitId = group[2]!;
    await totalOf(unitId);
    await t.database.db.execute(
      sql`update units set name = 'Cơ quan đổi tên để thử', updated_at = now() where id = ${unitId}`,
    );
    const renamed = (await results(admin, `?q=${encodeURIComponent("doi ten de thu")}`)).body.rows;
    expect(renamed.map((r) => [r.unitId, r.unitName])).toEqual([[unitId, "Cơ quan đổi tên để thử"]]);
  });
});

describe("who reads the table", () => {
  it("keeps the live table and each agency's result to the coordinator, the council and leaders", async () => {
    for (const cookie of [admin, thamdinh, lanhdao]) {
      expect((await results(cookie)).status).toBe(200);
      expect((await agencyResult(cookie, SNV())).status).toBe(200);
    }
    // An agency of the group sees neither before publication, not even its own result.
    for (const cookie of [noivu, vpubnd, nhatrang]) {
      expect((await results(cookie)).status).toBe(403);
      expect((await agencyResult(cookie, SNV())).status).toBe(403);
    }
    expect((await agencyResult(admin, units.get(OFFICES[0]!)!)).status).toBe(404);
  });

  it("once published, gives the group's agencies the frozen table and any agency's result, no one outside", async () => {
    const live = (await results(admin, "?pageSize=2000")).body;
    const published = await call<TRoundResultView>(t, admin, "POST", `${base()}/publish`, {
      decisionNumber: "77/QĐ-UBND",
      decisionDate: "2030-08-15",
    });
    expect(published.status).toBe(200);
    const frozen = (await results(noivu, "?pageSize=2000")).body;
    expect(frozen).toMatchObject({ frozen: true, version: 1, total: 17 });
    expect(frozen.rows).toEqual(live.rows);
    expect(frozen.summary).toEqual(live.summary);
    expect((await agencyResult(noivu, group[3]!)).body.row.total).toBe(
      live.rows.find((r) => r.unitId === group[3])!.total,
    );
    const outside = await t.login("pqltm");
    expect((await results(outside)).status).toBe(403);
    expect((await agencyResult(outside, SNV())).status).toBe(403);
  });
});
