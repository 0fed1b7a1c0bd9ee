import type { TFrameworkDetail, TImportPreview } from "@chiso/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let admin: string;
let builtin: TFrameworkDetail;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  const list = (await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: admin } })).json();
  builtin = (
    await t.app.inject({ method: "GET", url: `/api/frameworks/${list[0].id}`, headers: { cookie: admin } })
  ).json();
});
afterAll(() => t.close());

async function exportAs(format: "xlsx" | "json") {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/frameworks/${builtin.id}/export?format=${format}`,
    headers: { cookie: admin },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-disposition"]).toContain(`DTI-TINH-2025.${format}`);
  return res.rawPayload;
}

async function preview(name: string, content: Buffer, cookie = admin) {
  const body = multipartBody({ name, content });
  return t.app.inject({
    method: "POST",
    url: "/api/frameworks/import/preview",
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

/** What must survive a round trip: the tree, rules, evidence settings and assignment by unit. */
function shape(d: TFrameworkDetail) {
  return d.indicators
    .map((i) => ({
      code: i.code,
      parent: d.indicators.find((p) => p.id === i.parentId)?.code ?? null,
      name: i.name,
      maxScore: i.maxScore,
      valueKind: i.valueKind,
      inputs: i.inputs,
      rule: i.rule,
      evidenceRequired: i.evidenceRequired,
      lead: i.lead?.unitId ?? null,
      cooperating: i.cooperating.map((c) => c.unitId).sort(),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

describe("framework export and import through the API", () => {
  it.each(["xlsx", "json"] as const)(
    "the 2025 framework exported as %s and imported as a new framework compares equal",
    async (format) => {
      const file = await exportAs(format);
      const res = await preview(`dti-2025.${format}`, file);
      expect(res.statusCode, res.body).toBe(200);
      const checked: TImportPreview = res.json();
      // its code is taken: the preview says so, and the user renames it before confirming
      expect(checked.issues.map((i) => i.message)).toEqual([
        'Đã có bộ chỉ số mã "DTI-TINH-2025": hãy đổi mã trước khi nhập.',
      ]);
      expect(checked.unmatched).toEqual([]);
      const transfer = {
        ...checked.transfer!,
        framework: { ...checked.transfer!.framework, code: `DTI-COPY-${format}` },
      };
      const saved = await t.app.inject({
        method: "POST",
        url: "/api/frameworks/import",
        headers: { cookie: admin },
        payload: { transfer, unitResolutions: {} },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const imported: TFrameworkDetail = saved.json();
      expect(imported).toMatchObject({
        status: "draft",
        maxTotal: 1000,
        indicatorCount: 59,
        name: builtin.name,
        year: 2025,
      });
      expect(shape(imported)).toEqual(shape(builtin));
    },
  );

  it("refuses a malformed workbook with row-numbered Vietnamese errors and saves nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await exportAs("xlsx")).buffer);
    const sheet = workbook.getWorksheet("Bộ chỉ số")!;
    sheet.getRow(3).getCell(3).value = "mười";
    sheet.getRow(5).getCell(5).value = "Cách chấm lạ";
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = (await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: admin } })).json()
      .length;
    const checked: TImportPreview = (await preview("hong.xlsx", broken)).json();
    const messages = checked.issues.map((i) => i.message);
    expect(messages.some((m) => m.startsWith("Dòng 3:") && m.includes("mười"))).toBe(true);
    expect(messages.some((m) => m.startsWith("Dòng 5:") && m.includes("Cách chấm lạ"))).toBe(true);
    expect(checked.issues.find((i) => i.message.startsWith("Dòng 3:"))?.row).toBe(3);
    const after = (await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: admin } })).json()
      .length;
    expect(after).toBe(before);
  });

  it("says clearly when a file is not a workbook, and refuses other file types", async () => {
    const notExcel: TImportPreview = (await preview("gia.xlsx", Buffer.from("%PDF-1.4 not a workbook"))).json();
    expect(notExcel.issues.map((i) => i.message)).toEqual([
      "Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.",
    ]);
    expect(notExcel.transfer).toBeNull();
    const exe = await preview("setup.exe", Buffer.from("MZ"));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toBe("Chỉ nhập được tệp Excel (.xlsx) hoặc JSON (.json).");
  });

  it("lists unit names the province does not have, and creates or maps them on confirmation", async () => {
    const json = JSON.parse((await exportAs("json")).toString("utf8"));
    json.framework.code = "DTI-MAP";
    json.indicators.find((i: { code: string }) => i.code === "1.1").lead = "Sở Khoa học và Công nghệ tỉnh Ninh Thuận";
    json.indicators.find((i: { code: string }) => i.code === "1.2").lead = "Sở KH&CN";
    const checked: TImportPreview = (await preview("map.json", Buffer.from(JSON.stringify(json)))).json();
    expect(checked.unmatched).toEqual(["Sở Khoa học và Công nghệ tỉnh Ninh Thuận"]);
    expect(checked.matched["Sở KH&CN"]).toBeDefined();
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/frameworks/import",
      headers: { cookie: admin },
      payload: { transfer: checked.transfer, unitResolutions: {} },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain("Chưa chọn cách xử lý đơn vị");
    const saved = await t.app.inject({
      method: "POST",
      url: "/api/frameworks/import",
      headers: { cookie: admin },
      payload: {
        transfer: checked.transfer,
        unitResolutions: { "Sở Khoa học và Công nghệ tỉnh Ninh Thuận": { createKind: "department" } },
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const detail: TFrameworkDetail = saved.json();
    expect(detail.indicators.find((i) => i.code === "1.1")?.lead?.unitName).toBe(
      "Sở Khoa học và Công nghệ tỉnh Ninh Thuận",
    );
    expect(detail.indicators.find((i) => i.code === "1.2")?.lead?.unitName).toBe("Sở Khoa học và Công nghệ");
  });

  it("only the coordinator imports", async () => {
    const cookie = await t.login("vpubnd");
    expect((await preview("x.json", Buffer.from("{}"), cookie)).statusCode).toBe(403);
  });
});
