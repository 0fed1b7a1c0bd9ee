import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TPlanDetail, TPlanImportPreview, TTask } from "@chiso/core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => fs.readFileSync(path.join(here, "fixtures", name));

// ---------- what each fixture must give back: the transcription the fixtures were built from ----------

type TCell = string | { merged: string };
type TRow = TCell[] | "PAGE" | { split: TCell[][]; row: TCell[] };
interface TAppendix {
  columns: string[];
  rows: TRow[];
}
const transcription = JSON.parse(
  fs.readFileSync(path.join(here, "../../../../../scripts/fixtures/plan-tables.json"), "utf8"),
) as Record<string, { appendices: TAppendix[] }>;

interface TExpectedTask {
  number: string | null;
  content: string;
  leadText: string | null;
  cooperatingText: string | null;
  outputText: string | null;
  timeframeText: string | null;
  directingLeader: string | null;
}

const FIELD_OF_HEADER: [RegExp, keyof TExpectedTask][] = [
  [/^STT$/, "number"],
  [/Lãnh đạo/, "directingLeader"],
  [/phối hợp/i, "cooperatingText"],
  [/Thời gian/, "timeframeText"],
  [/chủ trì|phụ trách|Phân công/i, "leadText"],
  [/Kết quả|Sản phẩm/, "outputText"],
  [/Nhiệm vụ|nhiệm vụ|Chỉ số|tiêu chí/, "content"],
];

/**
 * The tasks of an appendix as the seed lists them, read straight from the transcription: whole rows (a row cut by
 * a page break is one), merged cells carrying their text, "-" meaning none, headings (no unit, result or time) left out.
 */
function expectedTasks(seed: string, appendix = 0): TExpectedTask[] {
  const { columns, rows } = transcription[seed]!.appendices[appendix]!;
  const fields = columns.map((c) => FIELD_OF_HEADER.find(([re]) => re.test(c))?.[1] ?? null);
  const text = (cell: TCell | undefined) => {
    const value = (typeof cell === "object" ? cell.merged : (cell ?? "")).trim();
    return value === "" || value === "-" ? null : value;
  };
  return rows
    .filter((row): row is TCell[] | { split: TCell[][]; row: TCell[] } => row !== "PAGE")
    .map((row) => (Array.isArray(row) ? row : row.row))
    .map((cells) => {
      const task: TExpectedTask = {
        number: null,
        content: "",
        leadText: null,
        cooperatingText: null,
        outputText: null,
        timeframeText: null,
        directingLeader: null,
      };
      fields.forEach((field, i) => {
        if (field === "content") task.content = text(cells[i]) ?? "";
        else if (field) task[field] = text(cells[i]);
      });
      return task;
    })
    .filter(
      (task) => task.leadText || task.cooperatingText || task.outputText || task.timeframeText || task.directingLeader,
    );
}

const fieldsOf = (task: TExpectedTask & Record<string, unknown>): TExpectedTask => ({
  number: task.number,
  content: task.content,
  leadText: task.leadText,
  cooperatingText: task.cooperatingText,
  outputText: task.outputText,
  timeframeText: task.timeframeText,
  directingLeader: task.directingLeader,
});

// ---------- HTTP ----------

let t: TTestApp;
let admin: string;
let unitIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  const units = (await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: admin } })).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
});
afterAll(() => t.close());

function preview(name: string, content: Buffer, cookie = admin) {
  const body = multipartBody({ name, content });
  return t.app.inject({
    method: "POST",
    url: "/api/plans/import/preview",
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

async function previewOk(name: string, content = fixture(name)): Promise<TPlanImportPreview> {
  const res = await preview(name, content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const post = (url: string, payload: object, cookie = admin) =>
  t.app.inject({ method: "POST", url, headers: { cookie }, payload });

/** Confirms a preview as the web does: detected header, chosen table and mapping, matched units as they are. */
async function commit(p: TPlanImportPreview, overrides: { code?: string; title?: string; parentPlanId?: string } = {}) {
  const res = await post("/api/plans/import", {
    plan: {
      code: overrides.code ?? p.header.code,
      title: overrides.title ?? p.header.title,
      issuedOn: p.header.issuedOn,
      signer: p.header.signer,
      startYear: p.header.startYear,
      endYear: p.header.endYear,
      legalBases: p.header.legalBases,
      issuerUnitId: p.suggestedIssuer?.id ?? null,
      parentPlanId: overrides.parentPlanId ?? p.suggestedParent?.id ?? null,
    },
    table: p.tables[p.tableIndex],
    frameworkId: p.frameworkId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TPlanDetail;
}

const tasksOf = (p: Pick<TPlanImportPreview, "rows">) => p.rows.filter((r) => r.kind === "task");

describe.each(["docx", "xlsx"])("importing the seeds' plans from .%s", (format) => {
  it("seed 000 (17a/KH-SCT): exactly the 14 tasks of its appendix, row 4.2 joined across the page break", async () => {
    const p = await previewOk(`seed-000.${format}`);
    expect(p.format).toBe(format);
    expect(tasksOf(p).map(fieldsOf)).toEqual(expectedTasks("seed-000"));
    expect(tasksOf(p)).toHaveLength(14);
    expect(p.rows.filter((r) => r.kind === "section").map((r) => r.number)).toEqual([
      "I",
      "II",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
    ]);
    expect(p.header).toMatchObject({ code: "17a/KH-SCT", issuedOn: "2025-10-03", startYear: 2025, endYear: null });
    expect(p.header.title).toBe("Hỗ trợ nâng bậc DTI tỉnh Khánh Hòa năm 2025 và các năm tiếp theo");
    expect(p.suggestedIssuer?.name).toBe("Sở Công Thương");
    const row42 = tasksOf(p).find((r) => r.number === "4.2")!;
    expect(row42.cooperatingNames).toEqual(["Các phòng chuyên môn", "CCQLTT"]);
    expect(row42.timeframe).toEqual({ kind: "recurring_yearly", fromYear: 2025 });
    if (format === "docx") {
      expect(p.rows.filter((r) => r.skip === "continuation")).toHaveLength(1);
      expect(p.rows.filter((r) => r.skip === "header")).toHaveLength(3);
      expect(row42.notes[0]).toContain("tiếp nối sang trang sau");
    }
    expect(p.rows.filter((r) => r.skip === "column_numbers")).toHaveLength(1);
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it("seed 001 (4636/KH-UBND, Phụ lục I): the 50 component indicators, merged lead cells on every row", async () => {
    const p = await previewOk(`seed-001.${format}`);
    expect(tasksOf(p).map(fieldsOf)).toEqual(expectedTasks("seed-001"));
    expect(tasksOf(p)).toHaveLength(50);
    expect(p.tables[p.tableIndex]!.mapping).toEqual(["number", "content", null, "lead", "cooperating"]);
    const row = (n: string) => tasksOf(p).find((r) => r.number === n)!;
    expect(row("4.3")).toMatchObject({ leadText: "Sở Nội vụ", cooperatingText: "Sở, ban, ngành, địa phương" });
    expect(row("1.2").cooperatingNames).toEqual(["Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh"]);
    // Each row names its indicator word for word: the 2025 framework's indicator of the same code is suggested.
    expect(tasksOf(p).every((r) => r.indicators.map((i) => i.code).join() === r.number)).toBe(true);
    expect(p.warnings).toEqual(["Chưa chọn cột thời gian thực hiện: không theo dõi được nhiệm vụ quá hạn."]);
  });

  it("seed 003 (Đồng Nai Sở Công Thương): the 64 tasks of Phụ lục 1 with leader and output; Phụ lục 2 on request", async () => {
    const p = await previewOk(`seed-003.${format}`);
    expect(p.tables.map((table) => table.mapping.filter(Boolean).length)).toEqual([7, 3]);
    expect(p.tableIndex).toBe(0);
    expect(tasksOf(p).map(fieldsOf)).toEqual(expectedTasks("seed-003"));
    expect(tasksOf(p)).toHaveLength(64);
    expect(p.header).toMatchObject({ code: null, title: "Chuyển đổi số năm 2025 của Sở Công Thương", startYear: 2025 });
    const flagged = tasksOf(p).filter((r) => r.timeframe?.kind === "unparsed");
    expect(flagged.map((r) => [r.number, r.timeframeText])).toEqual([["3.6", "Quý II, Quý IV/2025"]]);
    expect(flagged[0]!.warnings[0]).toContain("Không đọc được thời gian");
    const units = Object.fromEntries(p.units.map((u) => [u.name, u.match?.unitName ?? null]));
    expect(units).toMatchObject({
      PQLTM: "Phòng Quản lý thương mại",
      "Phòng QLTM": "Phòng Quản lý thương mại",
      PQLCN: null,
    });

    const appendix2 = await post("/api/plans/import/remap", { table: p.tables[1], defaultYear: 2025 });
    expect(appendix2.statusCode, appendix2.body).toBe(200);
    expect(tasksOf(appendix2.json()).map(fieldsOf)).toEqual(expectedTasks("seed-003", 1));
    expect(tasksOf(appendix2.json())).toHaveLength(40);
  });
});

describe("confirming an import", () => {
  let province: TPlanDetail;
  let department: TPlanDetail;

  it("saves plan 4636 with its 50 tasks, sections, units and indicator links in one go", async () => {
    province = await commit(await previewOk("seed-001.docx"));
    expect(province).toMatchObject({ code: "4636/KH-UBND", startYear: 2025, signer: "Nguyễn Long Biên" });
    const tasks = province.tasks.filter((task) => !task.isSection);
    expect(tasks).toHaveLength(50);
    expect(province.tasks.filter((task) => task.isSection)).toHaveLength(9);
    const task = (n: string) => tasks.find((x) => x.number === n)!;
    expect(task("4.2").leadUnits).toEqual([{ id: unitIds["Sở Nội vụ"], name: "Sở Nội vụ" }]);
    expect(task("4.2").sectionLabel).toBe("4 Nhân lực số");
    expect(task("7.3").indicators.map((i) => i.code)).toEqual(["7.3"]);
    expect(
      task("2.4")
        .cooperatingUnits.map((u) => u.name)
        .sort(),
    ).toEqual(["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh"]);
    expect(province.byUnit.find((g) => g.label === "Sở Nội vụ")?.total).toBe(4);
    expect(province.bySection.map((g) => g.label)).toContain("9 Đô thị thông minh");
  });

  it("saves plan 17a under 4636 (suggested from its text) and shows the parent's tasks it answers", async () => {
    const p = await previewOk("seed-000.docx");
    expect(p.suggestedParent).toMatchObject({ id: province.id, code: "4636/KH-UBND" });
    // The user maps the office written out in full to the unit, and keeps "Văn phòng" as text.
    const resolutions = { "Phòng Quản lý Thương mại – Xuất nhập khẩu": unitIds["Phòng Quản lý thương mại"]! };
    const res = await post("/api/plans/import", {
      plan: {
        code: p.header.code,
        title: p.header.title,
        startYear: 2025,
        issuerUnitId: p.suggestedIssuer!.id,
        parentPlanId: province.id,
      },
      table: p.tables[0],
      unitResolutions: resolutions,
      frameworkId: p.frameworkId,
    });
    expect(res.statusCode, res.body).toBe(201);
    department = res.json();
    const tasks = department.tasks.filter((task) => !task.isSection);
    expect(tasks).toHaveLength(14);
    expect(tasks[0]).toMatchObject({ number: null, sectionLabel: "I Hoạt động Kinh tế số" });
    expect(tasks[0]!.leadUnits.map((u) => u.name)).toEqual(["Phòng Quản lý thương mại"]);
    const t42 = tasks.find((x) => x.number === "4.2")!;
    expect(t42).toMatchObject({ leadText: "Văn phòng", leadUnits: [], outputText: "Quyết định phân công" });
    expect(t42.cooperatingUnits.map((u) => u.name)).toEqual(["Chi cục Quản lý thị trường"]);
    expect(department.parent).toMatchObject({ id: province.id });
    expect(department.parentTasks.map((x: TTask) => x.number)).toEqual(["2.1", "3.7", "6.9", "7.3"]);
    const parent = (
      await t.app.inject({ method: "GET", url: `/api/plans/${province.id}`, headers: { cookie: admin } })
    ).json();
    expect(parent.children).toEqual([{ id: department.id, code: "17a/KH-SCT", title: department.title }]);
  });

  it("flags tasks whose timeframe ended before today in Vietnam (test clock: 02/06/2025)", async () => {
    const p = await previewOk("seed-003.xlsx");
    const plan = await commit(p, { code: "01/KH-SCT-DN" });
    const overdue = plan.tasks.filter((task) => task.overdue).map((task) => task.number);
    // Quý I, Tháng 1-2 and QI/2025 ended; Quý I-II/2025 ends 30/06; recurring, ongoing and unread ones never are.
    expect(overdue).toContain("1.1");
    expect(
      plan.tasks.find((task) => task.number === "5.2" && task.content.startsWith("Xây dựng, ban hành"))!.overdue,
    ).toBe(false);
    expect(plan.tasks.filter((task) => task.timeframeText === "QI/2025").every((task) => task.overdue)).toBe(true);
    expect(plan.tasks.find((task) => task.number === "3.6")).toMatchObject({
      overdue: false,
      timeframe: { kind: "unparsed" },
    });
    expect(plan.progress.overdue).toBe(overdue.length);
  });

  it("refuses a second plan with the same số hiệu, and saves nothing", async () => {
    const p = await previewOk("seed-000.xlsx");
    expect(p.existingPlan?.code).toBe("17a/KH-SCT");
    const before = (await t.app.inject({ method: "GET", url: "/api/plans", headers: { cookie: admin } })).json().length;
    const res = await post("/api/plans/import", { plan: { code: "17A /kh-sct", title: "Trùng" }, table: p.tables[0] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Đã có kế hoạch số hiệu "17a/KH-SCT"');
    expect((await t.app.inject({ method: "GET", url: "/api/plans", headers: { cookie: admin } })).json()).toHaveLength(
      before,
    );
  });

  it("follows a changed column mapping, and refuses one without a content column", async () => {
    const p = await previewOk("seed-000.docx");
    const table = p.tables[0]!;
    const noOutput = await post("/api/plans/import/remap", {
      table: { ...table, mapping: table.mapping.map((f) => (f === "output" ? null : f)) },
    });
    expect(tasksOf(noOutput.json()).every((r: { outputText: string | null }) => r.outputText === null)).toBe(true);
    const broken = { ...table, mapping: table.mapping.map((f) => (f === "content" ? null : f)) };
    expect((await post("/api/plans/import/remap", { table: broken })).json().problems).toEqual([
      "Chưa chọn cột nội dung nhiệm vụ.",
    ]);
    const res = await post("/api/plans/import", { plan: { code: "99/KH-X", title: "Không nội dung" }, table: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("Chưa chọn cột nội dung nhiệm vụ");
  });
});

describe("a budget appendix from Excel", () => {
  it("reads a two-row header with merged 'Kinh phí', amounts in triệu đồng, capital source and legal basis", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục II");
    sheet.addRow(["PHỤ LỤC II: DANH MỤC DỰ ÁN, NHIỆM VỤ CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 – 2030"]);
    sheet.addRow([
      "TT",
      "Tên nhiệm vụ/dự án",
      "Đơn vị chủ trì",
      "Kinh phí",
      null,
      "Căn cứ pháp lý",
      "Thời gian thực hiện",
    ]);
    sheet.addRow([null, null, null, "Tổng mức đầu tư (triệu đồng)", "Nguồn vốn", null, null]);
    sheet.mergeCells("D2:E2");
    sheet.addRow([1, 2, 3, 4, 5, 6, 7]);
    sheet.addRow(["I", "Chính quyền số"]);
    sheet.mergeCells("B5:G5");
    sheet.addRow([
      "1",
      "Nâng cấp hạ tầng CNTT của Sở",
      "Sở Y tế",
      1500,
      "Ngân sách tỉnh",
      "Quyết định số 1689/QĐ-UBND",
      "Năm 2026 – 2030",
    ]);
    sheet.addRow([
      "2",
      "Bệnh án điện tử",
      "Sở Y tế",
      "2.750,5",
      "Đầu tư công",
      "Nghị quyết 48-NQ/TU",
      "Quý III-IV/2026",
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const p = await previewOk("du-an.xlsx", content);
    expect(p.tables[0]!.mapping).toEqual([
      "number",
      "content",
      "lead",
      "budgetAmount",
      "budgetSource",
      "budgetBasis",
      "timeframe",
    ]);
    expect(tasksOf(p).map((r) => [r.number, r.budgetAmount, r.budgetSource, r.budgetBasis])).toEqual([
      ["1", 1500, "Ngân sách tỉnh", "Quyết định số 1689/QĐ-UBND"],
      ["2", 2750.5, "Đầu tư công", "Nghị quyết 48-NQ/TU"],
    ]);
    expect(p.header.title).toBeNull();
    const plan = await commit(p, { code: "05/KH-SYT", title: "Dự án chuyển đổi số ngành y tế 2026 – 2030" });
    expect(plan.tasks.find((task) => task.number === "2")).toMatchObject({
      budgetAmount: 2750.5,
      timeframe: { kind: "range", start: "2026-07-01", end: "2026-12-31" },
    });
  });
});

describe("files that are not a plan", () => {
  async function docxWithout(tables: boolean): Promise<Buffer> {
    const zip = await JSZip.loadAsync(fixture("seed-000.docx"));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", tables ? xml : xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""));
    return zip.generateAsync({ type: "nodebuffer" });
  }

  it.each<[string, () => Promise<Buffer> | Buffer, number, string]>([
    [
      "random bytes",
      () => Buffer.from("Đây là một tệp văn bản thường."),
      415,
      "không phải tệp Word (.docx) hay Excel (.xlsx)",
    ],
    ["a truncated .docx", () => fixture("seed-000.docx").subarray(0, 3000), 415, "bị hỏng hoặc không đọc được"],
    [
      "an old .doc",
      () => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)]),
      415,
      "định dạng cũ",
    ],
    ["a PDF", () => Buffer.from("%PDF-1.4\n%âãÏÓ\n"), 415, "là tệp PDF"],
    [
      "a zip of something else",
      async () => {
        const zip = new JSZip();
        zip.file("ghi-chu.txt", "xin chào");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      415,
      "là tệp nén nhưng không phải Word",
    ],
    [
      "a damaged document.xml",
      async () => {
        const zip = await JSZip.loadAsync(fixture("seed-000.docx"));
        zip.file("word/document.xml", "<w:document><w:body><w:tbl>");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      415,
      "bị hỏng",
    ],
    ["an empty file", () => Buffer.alloc(0), 400, "rỗng"],
  ])("%s → HTTP $2 with a clear message", async (_label, make, status, message) => {
    const res = await preview("ke-hoach.docx", await make());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
    if (status === 415) expect(res.json().error.message).toContain("Hãy chọn tệp Word (.docx) hoặc Excel (.xlsx)");
  });

  it("a Word letter without a task table: says so and gives its text, to enter the tasks by hand beside it", async () => {
    const res = await preview("ke-hoach.docx", await docxWithout(false));
    expect(res.statusCode, res.body).toBe(200);
    const p: TPlanImportPreview = res.json();
    expect(p.tables).toEqual([]);
    expect(p.problems[0]).toContain("Không tìm thấy bảng nhiệm vụ");
    expect(p.problems[0]).toContain("hãy nhập các nhiệm vụ theo nội dung văn bản hiển thị bên cạnh");
    expect(p.text.length).toBeGreaterThan(0);
    // the tasks typed beside the text are saved as a table of their own, the same way as an imported one
    const typed = [["1", "Rà soát, cập nhật chuyên mục chuyển đổi số", "Sở Công Thương", "Thường xuyên"]];
    const res2 = await post("/api/plans/import", {
      plan: { code: "17a-TAY/KH-SCT", title: "Kế hoạch nhập tay", startYear: 2025 },
      table: {
        title: null,
        header: ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        mapping: ["number", "content", "lead", "timeframe"],
        rows: typed.map((cells, i) => ({ cells, afterBreak: false, table: 1, row: i + 2 })),
      },
      unitResolutions: {},
    });
    expect(res2.statusCode, res2.body).toBe(201);
    expect(res2.json().tasks.map((x: TTask) => [x.content, x.leadUnits.map((u) => u.name)])).toEqual([
      ["Rà soát, cập nhật chuyên mục chuyển đổi số", ["Sở Công Thương"]],
    ]);
  });

  it("reads the same document again once the tables are back (the check above is about the tables)", async () => {
    expect((await preview("ke-hoach.docx", await docxWithout(true))).statusCode).toBe(200);
  });
});
