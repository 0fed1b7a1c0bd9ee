import type { TPlanDetail, TPlanImportPreview } from "@chiso/core";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/*
 * A plan as agencies write it: its tasks in Phụ lục I, its budget lines in Phụ lục II under "Đơn vị tính: đồng".
 * One import must give one plan holding both, with the money in million đồng.
 */
let t: TTestApp;
let admin: string;

const table = (rows: string[][]) =>
  new Table({
    rows: rows.map(
      (cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
    ),
  });

async function twoAppendixPlan(unitLine: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("UBND TỈNH KHÁNH HÒA"),
          new Paragraph("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
          new Paragraph("Số: 215/KH-SKHCN"),
          new Paragraph("Khánh Hòa, ngày 15 tháng 01 năm 2026"),
          new Paragraph("KẾ HOẠCH"),
          new Paragraph("Chuyển đổi số của Sở Khoa học và Công nghệ năm 2026"),
          new Paragraph("PHỤ LỤC I"),
          new Paragraph("DANH MỤC NHIỆM VỤ"),
          table([
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
            ["1", "Nâng cấp cổng dịch vụ công của Sở", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Quý I-IV/2026"],
            ["2", "Đào tạo kỹ năng số cho công chức", "Sở Nội vụ", "Các sở, ngành", "Năm 2026"],
          ]),
          new Paragraph("PHỤ LỤC II"),
          new Paragraph("DANH MỤC DỰ ÁN ĐẦU TƯ"),
          new Paragraph(unitLine),
          table([
            ["STT", "Tên dự án", "Mục tiêu, nội dung đầu tư", "Đơn vị chủ trì", "Tổng mức đầu tư", "Nguồn vốn"],
            [
              "1",
              "Trung tâm dữ liệu của tỉnh",
              "Hạ tầng lưu trữ dùng chung cho các sở",
              "Sở Khoa học và Công nghệ",
              "12.500.000.000",
              "Ngân sách tỉnh",
            ],
            ["2", "Nền tảng họp trực tuyến", "Họp không giấy tờ", "Văn phòng UBND tỉnh", "1.234.567", "Ngân sách tỉnh"],
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function preview(content: Buffer): Promise<TPlanImportPreview> {
  const body = multipartBody({ name: "ke-hoach-215.docx", content });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/plans/import/preview",
    headers: { cookie: admin, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function importAll(p: TPlanImportPreview, code: string): Promise<TPlanDetail> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/plans/import",
    headers: { cookie: admin },
    payload: {
      plan: { code, title: p.header.title, startYear: p.header.startYear, endYear: p.header.endYear },
      tables: p.tables,
      unitResolutions: {},
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
});
afterAll(() => t.close());

describe("a plan written as two appendices", () => {
  it("imports into one plan: tasks and budget lines, the money in the stated unit", async () => {
    const p = await preview(await twoAppendixPlan("Đơn vị tính: đồng"));
    expect(p.tables.map((x) => x.moneyUnit)).toEqual([null, "đồng"]);
    // "Mục tiêu, nội dung đầu tư" beside "Tên dự án" is read, as the expected result
    expect(p.tables[1]!.mapping).toEqual(["number", "content", "output", "lead", "budgetAmount", "budgetSource"]);

    const plan = await importAll(p, "215/KH-SKHCN");
    const sections = plan.tasks.filter((x) => x.isSection).map((x) => x.content);
    expect(sections).toEqual(["PHỤ LỤC I DANH MỤC NHIỆM VỤ", "PHỤ LỤC II DANH MỤC DỰ ÁN ĐẦU TƯ"]);
    const rows = plan.tasks
      .filter((x) => !x.isSection)
      .map((x) => [x.sectionLabel, x.number, x.content, x.budgetAmount, x.leadUnits.map((u) => u.name)]);
    expect(rows).toEqual([
      [
        expect.stringContaining("PHỤ LỤC I"),
        "1",
        "Nâng cấp cổng dịch vụ công của Sở",
        null,
        ["Sở Khoa học và Công nghệ"],
      ],
      [expect.stringContaining("PHỤ LỤC I"), "2", "Đào tạo kỹ năng số cho công chức", null, ["Sở Nội vụ"]],
      [expect.stringContaining("PHỤ LỤC II"), "1", "Trung tâm dữ liệu của tỉnh", 12_500, ["Sở Khoa học và Công nghệ"]],
      [expect.stringContaining("PHỤ LỤC II"), "2", "Nền tảng họp trực tuyến", 1.234567, ["Văn phòng UBND tỉnh"]],
    ]);
    const budget = plan.tasks.find((x) => x.content === "Trung tâm dữ liệu của tỉnh")!;
    expect(budget).toMatchObject({
      outputText: "Hạ tầng lưu trữ dùng chung cho các sở",
      budgetSource: "Ngân sách tỉnh",
    });
  });

  it.each([
    ["Đơn vị tính: Triệu đồng", "triệu đồng", 12_500_000_000, "216/KH-SKHCN"],
    ["Đơn vị tính: nghìn đồng", "nghìn đồng", 12_500_000, "217/KH-SKHCN"],
  ])('reads "%s" as %s', async (line, unit, millions, code) => {
    const p = await preview(await twoAppendixPlan(line));
    expect(p.tables[1]!.moneyUnit).toBe(unit);
    const plan = await importAll(p, code);
    expect(plan.tasks.find((x) => x.content === "Trung tâm dữ liệu của tỉnh")!.budgetAmount).toBe(millions);
  });
});
