import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  aggregateScores,
  buildTree,
  formatNumberVi,
  formatPoints,
  type TDashboard,
  type TFrameworkDetail,
  type TIndicator,
  type TIndicatorNode,
  type TReportDetail,
  type TReportSummary,
  type TTree,
} from "@chiso/core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { plans, tasks, taskUnits, taskUpdates } from "../../db/schema.ts";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import { INDEX_NAME } from "./evidence-zip.ts";
import { readPeriodExport } from "./repo.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;
let periodId: string;
let unitIds: Record<string, string>;

type TMethod = "GET" | "POST" | "PATCH" | "PUT";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const indicatorId = (code: string) => framework.indicators.find((i) => i.code === code)!.id;

/** A minimal valid PDF; `label` varies its bytes and so its sha256. */
function pdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    "latin1",
  );
}

/** Uploads an evidence file through the API, as a unit does. */
async function upload(who: string, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const body = multipartBody({ name: fileName, content, type: "application/pdf" }, fields);
  const res = await t.app.inject({
    method: "POST",
    url: "/api/documents",
    headers: { cookie: cookies[who]!, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sha256: string };
}

async function report(who: string, code: string, values: object, documentIds: string[]): Promise<TReportDetail> {
  let r: TReportDetail = (await call(who, "POST", "/api/reports", { periodId, indicatorId: indicatorId(code) })).json();
  for (const documentId of documentIds) {
    r = (await call(who, "POST", `/api/reports/${r.id}/documents`, { documentId })).json();
  }
  r = (await call(who, "PATCH", `/api/reports/${r.id}`, { values, version: r.version })).json();
  return r;
}

async function act(who: string, r: TReportDetail, action: string, extra: object = {}): Promise<TReportDetail> {
  const res = await call(who, "POST", `/api/reports/${r.id}/actions`, { action, version: r.version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const docs: Record<string, { id: string; sha256: string }> = {};

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

  const meta = (docNumber: string, issuedOn: string) => ({ docNumber, issuedOn, issuer: "UBND tỉnh Khánh Hòa" });
  docs.communePlan = await upload("nhatrang", "ke-hoach.pdf", pdf("commune plan"), meta("15/KH-UBND", "2025-05-10"));
  docs.leadPlan = await upload("noivu", "ke-hoach.pdf", pdf("lead plan"), meta("20/KH-SNV", "2025-04-02"));
  docs.training = await upload("noivu", "tập huấn cán bộ.pdf", pdf("training"), meta("31/BC-SNV", "2025-05-20"));
  docs.decision = await upload("noivu", "quyết định.pdf", pdf("decision"), meta("102/QĐ-SNV", "2025-03-15"));
  docs.portal = await upload("vpubnd", "cổng dịch vụ công.pdf", pdf("portal"), meta("7/BC-VP", "2025-06-01"));

  // A cooperating commune's report, accepted by the lead agency.
  let commune = await report("nhatrang", "4.2", { numerator: 3, denominator: 10 }, [docs.communePlan.id]);
  commune = await act("nhatrang", commune, "submit");
  await act("noivu", commune, "accept");
  // 4.2: consolidated with the commune's evidence, verified, cut at appraisal, closed.
  let r42 = await report("noivu", "4.2", { numerator: 120, denominator: 400 }, [docs.communePlan.id, docs.leadPlan.id]);
  r42 = await act("noivu", r42, "submit");
  r42 = await act("admin", r42, "verify");
  r42 = await act("thamdinh", r42, "appraise", { appraisedPoints: 7.5, comment: "Một số xã chưa có quyết định" });
  await act("admin", r42, "finalize");
  // 4.3: verified, not appraised yet.
  let r43 = await report("noivu", "4.3", { numerator: 10, denominator: 20 }, [docs.training.id]);
  r43 = await act("noivu", r43, "submit");
  await act("admin", r43, "verify");
  // 4.1: returned by the coordinator.
  let r41 = await report("noivu", "4.1", { value: true }, [docs.decision.id]);
  r41 = await act("noivu", r41, "submit");
  await act("admin", r41, "return", { comment: "Bổ sung quyết định kiện toàn" });
  // 4.4: a draft without evidence.
  await report("noivu", "4.4", { numerator: 1, denominator: 2 }, []);
  // 6.6: submitted by another lead agency.
  const r66 = await report("vpubnd", "6.6", { numerator: 40, denominator: 50 }, [docs.portal.id]);
  await act("vpubnd", r66, "submit");
});
afterAll(() => t.close());

// ---------- reading files back ----------

async function readWorkbook(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(payload).buffer);
  return workbook;
}

/** Rows of a table sheet as objects keyed by the header row's texts. */
function sheetRows(workbook: ExcelJS.Workbook, name: string): Record<string, ExcelJS.CellValue>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i).value]).filter(([h]) => h !== "undefined")));
  });
  return rows;
}

function readZip(payload: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(payload, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** The paragraphs of word/document.xml, and each table as rows of cell texts. */
async function readDocx(payload: Buffer) {
  const zip = await JSZip.loadAsync(payload);
  const xml = await zip.file("word/document.xml")!.async("string");
  const textOf = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join("");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
    ),
  );
  return { xml, text: paragraphs.join("\n"), tables, styles: await zip.file("word/styles.xml")!.async("string") };
}

const decodeXml = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

// ---------- the tests ----------

describe("who may export", () => {
  const url = {
    province: () => `/api/exports/period/${periodId}.xlsx`,
    unit: (unit: string) => `/api/exports/period/${periodId}.xlsx?unitId=${unitIds[unit]}`,
    docx: () => `/api/exports/period/${periodId}.docx`,
    zip: (unit?: string) => `/api/exports/period/${periodId}/evidence.zip${unit ? `?unitId=${unitIds[unit]}` : ""}`,
  };
  it.each([
    ["admin", "province", 200],
    ["thamdinh", "province", 200],
    ["lanhdao", "province", 200],
    ["noivu", "province", 403],
    ["nhatrang", "province", 403],
    ["nhatrang", "own unit", 200],
    ["vpubnd", "another unit", 403],
    ["admin", "another unit", 200],
    ["lanhdao", "docx", 200],
    ["thamdinh", "docx", 200],
    ["noivu", "docx", 403],
    ["nhatrang", "docx", 403],
    ["noivu", "own zip", 200],
    ["noivu", "another zip", 403],
    ["nhatrang", "province zip", 403],
    ["thamdinh", "province zip", 200],
  ])("%s → %s: %i", async (who, what, status) => {
    const target = {
      province: url.province(),
      "own unit": url.unit("Phường Nha Trang"),
      "another unit": url.unit("Phường Nha Trang"),
      docx: url.docx(),
      "own zip": url.zip("Sở Nội vụ"),
      "another zip": url.zip("Văn phòng UBND tỉnh"),
      "province zip": url.zip(),
    }[what]!;
    const res = await call(who, "GET", target);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    if (status === 403) expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("answers an unknown period or unit with 404 and a malformed id with 400, in Vietnamese", async () => {
    const missing = await call("admin", "GET", "/api/exports/period/00000000-0000-4000-8000-000000000000.xlsx");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Không tìm thấy kỳ báo cáo.");
    const unit = await call(
      "admin",
      "GET",
      `/api/exports/period/${periodId}.xlsx?unitId=00000000-0000-4000-8000-000000000000`,
    );
    expect(unit.json().error.message).toBe("Không tìm thấy đơn vị.");
    expect((await call("admin", "GET", "/api/exports/period/abc.docx")).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `/api/exports/period/${periodId}.docx` })).statusCode).toBe(401);
  });
});

describe("the period workbook", () => {
  let workbook: ExcelJS.Workbook;
  let headers: Record<string, unknown>;

  beforeAll(async () => {
    const res = await call("admin", "GET", `/api/exports/period/${periodId}.xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    headers = res.headers;
    workbook = await readWorkbook(res.rawPayload);
  });

  it("streams an .xlsx with a Vietnamese file name", () => {
    expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(headers["content-length"]).toBeUndefined(); // streamed, chunked
    expect(String(headers["content-disposition"])).toContain(
      `filename*=UTF-8''${encodeURIComponent("Báo cáo DTI - Quý II-2025.xlsx")}`,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Báo cáo", "Tài liệu kiểm chứng", "Thông tin"]);
  });

  it("has the dashboard's numbers, which are the reports' own numbers added up with core aggregateScores", async () => {
    // Independently: the lead agencies' reports as the API lists them, summed with the core engine.
    const list: TReportSummary[] = (await call("admin", "GET", `/api/reports?periodId=${periodId}&pageSize=500`)).json()
      .items;
    const leads = list.filter((r) => r.role === "lead");
    const toNodes = (nodes: TTree<TIndicator>[]): TIndicatorNode[] =>
      nodes.map((n) => ({ code: n.code, maxScore: n.maxScore, children: toNodes(n.children) }));
    const tree = toNodes(buildTree(framework.indicators));
    const sum = (pick: (r: TReportSummary) => number) =>
      aggregateScores({
        indicators: tree,
        scores: leads.map((r) => ({ code: r.indicatorCode, points: pick(r), status: "scored" as const })),
        adjustments: framework.adjustments,
      });
    const self = sum((r) => r.selfPoints ?? 0);
    const appraised = sum((r) => r.appraisedPoints ?? r.selfPoints ?? 0);
    expect(self.total).toBe(69); // 4.1: 10, 4.2: 9, 4.3: 10, 4.4: 0 (no evidence), 6.6: 40
    expect(appraised.total).toBe(67.5); // 4.2 appraised 7.5

    const rows = sheetRows(workbook, "Tổng hợp");
    const byCode = new Map(rows.filter((r) => r.Mã).map((r) => [String(r.Mã), r]));
    for (const main of self.nodes) {
      const row = byCode.get(main.code)!;
      expect(row["Điểm tối đa"], main.code).toBe(main.maxScore);
      expect(row["Điểm tự đánh giá"], main.code).toBe(main.points);
      expect(row["Điểm thẩm định"], main.code).toBe(appraised.nodes.find((n) => n.code === main.code)!.points);
    }
    expect(byCode.get("4")).toMatchObject({ "Điểm tự đánh giá": 29, "Điểm thẩm định": 27.5 });
    expect(byCode.get("4.2")).toMatchObject({ "Điểm tự đánh giá": 9, "Điểm thẩm định": 7.5, "Đã thẩm định": "Có" });
    expect(byCode.get("4.3")).toMatchObject({
      "Điểm thẩm định": 10,
      "Đã thẩm định": "Chưa",
      "Trạng thái báo cáo": "Đã xác minh",
    });
    const total = rows.find((r) => r["Chỉ số"] === "Tổng điểm")!;
    expect(total).toMatchObject({ "Điểm tối đa": 1000, "Điểm tự đánh giá": 69, "Điểm thẩm định": 67.5 });
    expect(rows.find((r) => r["Chỉ số"] === "Chỉ số DTI (0–1)")).toMatchObject({
      "Điểm tự đánh giá": self.index,
      "Điểm thẩm định": appraised.index,
    });

    // … and the dashboard says the same.
    const dashboard: TDashboard = (await call("admin", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    expect(dashboard.totals).toMatchObject({ selfTotal: 69, total: 67.5, maxTotal: 1000 });
    for (const main of dashboard.mains) {
      expect(byCode.get(main.code)!["Điểm thẩm định"], main.code).toBe(main.points);
      expect(byCode.get(main.code)!["Điểm tự đánh giá"], main.code).toBe(main.selfPoints);
    }
  });

  it("lists every report with values, points, status and appraisal comment", () => {
    const rows = sheetRows(workbook, "Báo cáo");
    expect(rows).toHaveLength(6); // the coordinator sees drafts too
    const lead42 = rows.find((r) => r.Mã === "4.2" && r["Vai trò"] === "Chủ trì")!;
    expect(lead42).toMatchObject({
      "Đơn vị": "Sở Nội vụ",
      "Trạng thái": "Kết quả chính thức",
      "Điểm tối đa": 30,
      "Điểm tự đánh giá": 9,
      "Điểm thẩm định": 7.5,
      "Ý kiến thẩm định": "Một số xã chưa có quyết định",
      "Số tài liệu kiểm chứng": 2,
    });
    expect(String(lead42["Số liệu báo cáo"])).toMatch(/120.*400/);
    expect(lead42["Ngày gửi"]).toBeInstanceOf(Date);
    expect(rows.find((r) => r.Mã === "4.1")).toMatchObject({ "Trạng thái": "Bị trả lại" });
    expect(rows.find((r) => r.Mã === "4.4")).toMatchObject({
      "Trạng thái": "Đang soạn",
      "Số tài liệu kiểm chứng": 0,
    });
  });

  it("lists the evidence with số hiệu, ngày ban hành as a date, and sha256", () => {
    const rows = sheetRows(workbook, "Tài liệu kiểm chứng");
    expect(rows).toHaveLength(6); // 4.2 commune, 4.2 lead ×2, 4.3, 4.1, 6.6
    const commune = rows.find((r) => r["Đơn vị báo cáo"] === "Phường Nha Trang")!;
    expect(commune).toMatchObject({
      "Mã chỉ số": "4.2",
      "Tên tệp": "ke-hoach.pdf",
      "Số hiệu văn bản": "15/KH-UBND",
      "Mã băm SHA-256": docs.communePlan!.sha256,
    });
    expect((commune["Ngày ban hành"] as Date).toISOString().slice(0, 10)).toBe("2025-05-10");
  });

  it("freezes the header row, sets column widths and number formats", () => {
    const sheet = workbook.getWorksheet("Tổng hợp")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell("D2").numFmt).toBe("0.00");
    const evidence = workbook.getWorksheet("Tài liệu kiểm chứng")!;
    expect(evidence.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(evidence.getCell("E2").numFmt).toBe("dd/mm/yyyy");
  });

  it("a unit's own export has its reports only and no province summary; reviewers do not see drafts", async () => {
    const mine = await readWorkbook(
      (await call("nhatrang", "GET", `/api/exports/period/${periodId}.xlsx?unitId=${unitIds["Phường Nha Trang"]}`))
        .rawPayload,
    );
    expect(mine.worksheets.map((s) => s.name)).toEqual(["Báo cáo", "Tài liệu kiểm chứng", "Thông tin"]);
    expect(sheetRows(mine, "Báo cáo").map((r) => [r.Mã, r["Đơn vị"]])).toEqual([["4.2", "Phường Nha Trang"]]);
    // Leadership (Văn phòng UBND tỉnh) does not see Sở Nội vụ's draft of 4.4.
    const leaders = await readWorkbook(
      (await call("lanhdao", "GET", `/api/exports/period/${periodId}.xlsx`)).rawPayload,
    );
    expect(sheetRows(leaders, "Báo cáo").some((r) => r.Mã === "4.4")).toBe(false);
    expect(sheetRows(leaders, "Báo cáo")).toHaveLength(5);
  });
});

describe("the period report (Word)", () => {
  let doc: Awaited<ReturnType<typeof readDocx>>;
  let headers: Record<string, unknown>;

  beforeAll(async () => {
    const res = await call("admin", "GET", `/api/exports/period/${periodId}.docx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    headers = res.headers;
    doc = await readDocx(res.rawPayload);
  });

  it("is a .docx of known length", () => {
    expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(Number(headers["content-length"])).toBeGreaterThan(1000);
  });

  it("is laid out per Nghị định 30/2020: A4, margins, Times New Roman, header block, motto, number, place and date", () => {
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc.styles).toContain("Times New Roman");
    const [header] = doc.tables;
    expect(header![0]).toEqual([
      "UBND TỈNH KHÁNH HÒASỞ KHOA HỌC VÀ CÔNG NGHỆSố: …/BC-SKHCN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcKhánh Hòa, ngày … tháng … năm 2025",
    ]);
    expect(doc.text).toContain("BÁO CÁO\nKết quả thực hiện Bộ chỉ số chuyển đổi số\nQuý II/2025");
    expect(doc.text).toContain("Nơi nhận:");
    expect(doc.text).toContain("GIÁM ĐỐC");
  });

  it("contains the score table: every main indicator and component with max, self-assessed and appraised points", () => {
    const table = doc.tables.find((rows) => rows[0]?.[0] === "Mã")!;
    expect(table[0]).toEqual(["Mã", "Chỉ số", "Điểm tối đa", "Tự đánh giá", "Thẩm định"]);
    const row = (code: string) => table.find((r) => r[0] === code)!;
    expect(row("4").slice(2)).toEqual(["100", "29,00", "27,50"]);
    expect(row("4.2").slice(2)).toEqual(["30", "9,00", "7,50"]);
    expect(row("4.3").slice(2)).toEqual(["20", "10,00", "10,00*"]); // * not appraised yet
    expect(row("6.6").slice(2)).toEqual(["50", "40,00", "40,00*"]);
    expect(table.at(-1)).toEqual(["", "Tổng điểm", "1.000", "69,00", "67,50"]);
    expect(table).toHaveLength(1 + framework.indicators.length + 1);
    expect(doc.text).toContain("Tổng điểm tự đánh giá: 69,00/1.000 điểm");
    expect(doc.text).toContain("Tổng điểm sau thẩm định: 67,50/1.000 điểm");
  });

  it("ranks the indicators by points lost, with the reason", () => {
    const table = doc.tables.find((rows) => rows[0]?.[0] === "STT")!;
    const lost = table.slice(1).map((r) => Number(r[3]!.replace(".", "").replace(",", ".")));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    const row = (code: string) => table.find((r) => r[1]!.startsWith(`${code}. `))!;
    expect(row("4.4")[4]).toContain("Thiếu tài liệu kiểm chứng");
    expect(row("4.2")[4]).toContain("Bị trừ khi thẩm định");
    expect(row("6.6")[4]).toContain("Giá trị chưa đạt mục tiêu");
    expect(row("6.6")[3]).toBe("10,00");
    expect(row("1.1")[4]).toBe("Chưa báo cáo");
    expect(table.some((r) => r[1]!.startsWith("4.1. "))).toBe(false); // returned, but full points
  });

  it("fills sections III and IV from the data, with the dashboard's numbers", async () => {
    const plan = await call("admin", "POST", "/api/plans", {
      code: "99/KH-UBND",
      title: "Kế hoạch thử",
      startYear: 2025,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const task = await call("admin", "POST", `/api/plans/${plan.json().id}/tasks`, {
      number: "1",
      content: "Ban hành quy chế quản trị dữ liệu",
      timeframeText: "Tháng 1-2/2025",
      leadUnitIds: [unitIds["Sở Nội vụ"]],
    });
    expect(task.statusCode, task.body).toBe(201);
    const dashboard: TDashboard = (await call("admin", "GET", `/api/dashboard?periodId=${periodId}`)).json();
    const report = await readDocx((await call("admin", "GET", `/api/exports/period/${periodId}.docx`)).rawPayload);
    const section = report.text.slice(report.text.indexOf("III. NHIỆM VỤ"), report.text.indexOf("Trên đây là"));

    // 1. mains against the official result and last year's: the dashboard's self-assessed points
    const mains = report.tables.find((rows) => rows[0]?.[1] === "Chỉ số chính")!;
    expect(mains[0]).toEqual([
      "Mã",
      "Chỉ số chính",
      "Tự đánh giá kỳ này",
      "Kết quả chính thức 2025",
      "Kết quả chính thức 2024",
    ]);
    expect(mains.slice(1).map((r) => [r[0], r[2]])).toEqual(
      dashboard.mains.map((m) => [m.code, `${formatPoints(m.selfPoints)}/${formatNumberVi(m.maxScore)}`]),
    );
    // 2. no unit is late yet (the deadline is 24/06)
    expect(section).toContain("Không có đơn vị nào chậm báo cáo trong kỳ.");
    // 3. what to do: the recoverable points, most first, each with its lead agency
    const top = [...dashboard.indicators]
      .filter((i) => i.recoverable > 0)
      .sort((a, b) => b.recoverable - a.recoverable)[0]!;
    expect(section).toContain(
      `- ${top.leadUnit} hoàn thiện chỉ số ${top.code}. ${top.name}: có thể lấy lại ${formatPoints(top.recoverable)} điểm`,
    );
    // IV. the total recoverable and the overdue task
    expect(section).toContain(
      `- Tổng số điểm có thể lấy lại trong kỳ: ${formatPoints(dashboard.totals.recoverable)} điểm; đề nghị các cơ quan chủ trì hoàn thiện số liệu, tài liệu kiểm chứng trước 24/06/2025 23:59.`,
    );
    expect(section).toContain("+ 1. Ban hành quy chế quản trị dữ liệu (Sở Nội vụ; Kế hoạch 99/KH-UBND).");
    expect(section).not.toContain("…");
  });

  it("takes the province's name from the settings", async () => {
    const put = await call("admin", "PUT", "/api/settings/province", {
      province: "Phú Yên",
      targetTotal: 800,
      targetRank: 20,
    });
    expect(put.statusCode, put.body).toBe(200);
    const renamed = await readDocx((await call("admin", "GET", `/api/exports/period/${periodId}.docx`)).rawPayload);
    expect(renamed.text).toContain("UBND TỈNH PHÚ YÊN");
    expect(renamed.text).toContain("Phú Yên, ngày … tháng … năm 2025");
    await call("admin", "PUT", "/api/settings/province", { province: "Khánh Hòa", targetTotal: 800, targetRank: 20 });
  });
});

describe("the evidence bundle", () => {
  it("has one folder per indicator with its documents and an index whose sha256 match every file", async () => {
    const res = await call("admin", "GET", `/api/exports/period/${periodId}/evidence.zip`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    // Stored entries: the announced size is exact, which makes the progress bar honest.
    expect(Number(res.headers["x-expected-length"])).toBe(res.rawPayload.length);
    const entries = await readZip(res.rawPayload);
    expect([...entries.keys()].sort()).toEqual(
      [
        INDEX_NAME,
        "4.1/quyết định.pdf",
        "4.2/ke-hoach (2).pdf",
        "4.2/ke-hoach.pdf",
        "4.3/tập huấn cán bộ.pdf",
        "6.6/cổng dịch vụ công.pdf",
      ].sort(),
    );
    const index = sheetRows(await readWorkbook(entries.get(INDEX_NAME)!), "Danh mục tài liệu");
    // One row per citing unit: the commune's plan is cited by the commune and by the lead agency.
    expect(index).toHaveLength(6);
    for (const row of index) {
      const file = entries.get(String(row["Tệp trong gói"]))!;
      expect(sha256(file), String(row["Tệp trong gói"])).toBe(row["Mã băm SHA-256"]);
      expect(file.length).toBe(row["Dung lượng (byte)"]);
    }
    expect(sha256(entries.get("4.2/ke-hoach.pdf")!)).toBe(docs.communePlan!.sha256);
    expect(sha256(entries.get("4.2/ke-hoach (2).pdf")!)).toBe(docs.leadPlan!.sha256);
    expect(index.filter((r) => r["Tệp trong gói"] === "4.2/ke-hoach.pdf").map((r) => r["Đơn vị"])).toEqual(
      expect.arrayContaining(["Phường Nha Trang", "Sở Nội vụ"]),
    );
    const decision = index.find((r) => r["Mã chỉ số"] === "4.1")!;
    expect(decision).toMatchObject({ "Số hiệu văn bản": "102/QĐ-SNV", "Đơn vị": "Sở Nội vụ" });
    expect((decision["Ngày ban hành"] as Date).toISOString().slice(0, 10)).toBe("2025-03-15");
  });

  it("a unit's bundle has its own evidence only", async () => {
    const res = await call(
      "nhatrang",
      "GET",
      `/api/exports/period/${periodId}/evidence.zip?unitId=${unitIds["Phường Nha Trang"]}`,
    );
    expect([...(await readZip(res.rawPayload)).keys()]).toEqual([INDEX_NAME, "4.2/ke-hoach.pdf"]);
  });

  it("lists a document whose file is missing from the store instead of failing", async () => {
    const sha = docs.portal!.sha256;
    const object = path.join(t.filesRoot, "objects", sha.slice(0, 2), sha.slice(2));
    const saved = fs.readFileSync(object);
    fs.rmSync(object);
    try {
      const entries = await readZip(
        (await call("admin", "GET", `/api/exports/period/${periodId}/evidence.zip`)).rawPayload,
      );
      expect(entries.has("6.6/cổng dịch vụ công.pdf")).toBe(false);
      const index = sheetRows(await readWorkbook(entries.get(INDEX_NAME)!), "Danh mục tài liệu");
      expect(index.find((r) => r["Mã chỉ số"] === "6.6")).toMatchObject({
        "Ghi chú": "Không tìm thấy tệp trong kho lưu trữ",
        "Mã băm SHA-256": sha,
      });
    } finally {
      fs.writeFileSync(object, saved);
    }
  });
});

describe("plan tasks", () => {
  it("exports a plan's tasks with progress, sections first, in the plan's order", async () => {
    const db = t.database.db;
    const [plan] = await db
      .insert(plans)
      .values({ code: "17a/KH-SCT", title: "Kế hoạch chuyển đổi số năm 2025" })
      .returning({ id: plans.id });
    const [section] = await db
      .insert(tasks)
      .values({ planId: plan!.id, number: "I", isSection: true, content: "Hoạt động Kinh tế số", sortOrder: 0 })
      .returning({ id: tasks.id });
    const [task] = await db
      .insert(tasks)
      .values({
        planId: plan!.id,
        parentId: section!.id,
        number: "1",
        content: "Triển khai sàn thương mại điện tử",
        leadText: "Phòng QLTM",
        timeframeText: "Quý I-IV/2025",
        budgetAmount: 150.5,
        status: "in_progress",
        percent: 50,
        sortOrder: 0,
      })
      .returning({ id: tasks.id });
    await db.insert(taskUnits).values({ taskId: task!.id, unitId: unitIds["Phòng Quản lý thương mại"]!, role: "lead" });
    await db
      .insert(taskUpdates)
      .values({ taskId: task!.id, status: "in_progress", percent: 50, note: "Đã ký hợp đồng" });

    const res = await call("nhatrang", "GET", `/api/exports/plans/${plan!.id}/tasks.xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const workbook = await readWorkbook(res.rawPayload);
    const rows = sheetRows(workbook, "Nhiệm vụ");
    expect(rows.map((r) => [r.STT, r["Nội dung nhiệm vụ"]])).toEqual([
      ["I", "Hoạt động Kinh tế số"],
      ["1", "Triển khai sàn thương mại điện tử"],
    ]);
    expect(rows[1]).toMatchObject({
      "Cơ quan chủ trì": "Phòng Quản lý thương mại",
      "Thời gian thực hiện": "Quý I-IV/2025",
      "Kinh phí (triệu đồng)": 150.5,
      "Tình trạng": "Đang thực hiện",
      "Tiến độ": 0.5,
      "Nội dung cập nhật": "Đã ký hợp đồng",
    });
    const sheet = workbook.getWorksheet("Nhiệm vụ")!;
    expect(sheet.getCell("L3").numFmt).toBe("0%");
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(
      (await call("admin", "GET", "/api/exports/plans/00000000-0000-4000-8000-000000000000/tasks.xlsx")).statusCode,
    ).toBe(404);
  });
});

describe("the period workbook read from cursors", () => {
  it("has every row once and in order whatever the batch size, from one snapshot", async () => {
    const read = (batchSize: number) =>
      readPeriodExport(
        t.database.db,
        { periodId },
        async ({ reports, evidence }) => {
          const out = { reports: [] as string[], evidence: [] as string[] };
          for await (const batch of reports) {
            expect(batch.length).toBeLessThanOrEqual(batchSize);
            out.reports.push(...batch.map((r) => `${r.indicator_code} ${r.unit_name}`));
          }
          for await (const batch of evidence) {
            out.evidence.push(...batch.map((e) => `${e.indicator_code} ${e.report_unit_name} ${e.file_name}`));
          }
          return out;
        },
        batchSize,
      );
    const whole = await read(1000);
    expect(whole.reports.length).toBeGreaterThan(3);
    expect(whole.evidence.length).toBeGreaterThan(3);
    // One row per fetch, two, and a batch that ends exactly at the last row: the same rows, none twice.
    for (const batch of [1, 2, whole.reports.length]) expect(await read(batch)).toEqual(whole);
  });

  it("leaves out the evidence of a draft the reader may not see, and keeps it for the coordinator", async () => {
    const page = (await call("admin", "GET", `/api/reports?periodId=${periodId}&page=1&pageSize=50`)).json() as {
      items: { id: string; indicatorCode: string; status: string }[];
    };
    const draft = page.items.find((r) => r.indicatorCode === "4.4" && r.status === "draft")!;
    const cited = await call("noivu", "POST", `/api/reports/${draft.id}/documents`, { documentId: docs.training!.id });
    expect(cited.statusCode, cited.body).toBe(200);
    const evidenceCodes = async (who: string) =>
      sheetRows(
        await readWorkbook((await call(who, "GET", `/api/exports/period/${periodId}.xlsx`)).rawPayload),
        "Tài liệu kiểm chứng",
      ).map((r) => r["Mã chỉ số"]);
    expect(await evidenceCodes("lanhdao")).not.toContain("4.4");
    expect(await evidenceCodes("admin")).toContain("4.4");
  });
});
