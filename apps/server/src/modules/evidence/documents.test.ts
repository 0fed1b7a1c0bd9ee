import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, frameworks, indicators, periods, reportDocuments, reports, units } from "../../db/schema.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

// ---------- files: real minimal formats, built in the test ----------

/** A valid one-page PDF with a correct xref table; `label` varies the content (and so the sha256). */
function pdf(label: string, padTo = 0): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
  ];
  let body = `%PDF-1.4\n% ${label}${" ".repeat(Math.max(0, padTo))}\n`;
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.from(`ffd8ffe000104a46494600010100000100010000ffdb004300${"08".repeat(64)}ffd9`, "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), randomBytes(200)]);

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Số liệu").addRow(["Tỷ lệ hồ sơ trực tuyến", 0.85]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An uncompressed zip, entries in the given order. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    centrals.push(central, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A legacy Office file: CFB header, then one directory sector naming the streams. */
function cfb(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, directory, randomBytes(512)]);
}

// ---------- HTTP helpers ----------

interface TFilePart {
  name: string;
  fileName: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body by hand: text fields and file parts in the order given. */
function multipart(parts: (TFilePart | { name: string; value: string })[]) {
  const boundary = `----chiso${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("content" in part) {
      const disposition = `form-data; name="${part.name}"; filename="${part.fileName}"`;
      chunks.push(
        Buffer.from(`Content-Disposition: ${disposition}\r\nContent-Type: ${part.type ?? "application/pdf"}\r\n\r\n`),
      );
      chunks.push(part.content, Buffer.from("\r\n"));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(
  t: TTestApp,
  cookie: string,
  file: { fileName: string; content: Buffer } | null,
  fields: Record<string, string> = {},
  fieldsAfterFile = false,
) {
  const fieldParts = Object.entries(fields).map(([name, value]) => ({ name, value }));
  const fileParts = file ? [{ name: "file", ...file }] : [];
  const body = multipart(fieldsAfterFile ? [...fileParts, ...fieldParts] : [...fieldParts, ...fileParts]);
  return t.app.inject({
    method: "POST",
    url: "/api/documents",
    headers: { cookie, "content-type": body.contentType },
    payload: body.payload,
  });
}

/** Regular files under a folder of the store. */
function storedFiles(t: TTestApp, dir: "objects" | "tmp"): string[] {
  const full = path.join(t.filesRoot, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(full, f)).isFile());
}

async function documentCount(t: TTestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(documents);
  return row!.n;
}

/** Asserts the refusal left no row and no new file behind. */
async function expectNothingLeft(t: TTestApp, before: { rows: number; objects: number }) {
  expect(await documentCount(t)).toBe(before.rows);
  expect(storedFiles(t, "objects")).toHaveLength(before.objects);
  expect(storedFiles(t, "tmp")).toEqual([]);
}

async function snapshot(t: TTestApp) {
  return { rows: await documentCount(t), objects: storedFiles(t, "objects").length };
}

async function unitId(t: TTestApp, name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

// ---------- tests ----------

let t: TTestApp;
let admin: string;
let vpubnd: string; // lead of Văn phòng UBND tỉnh
let nhatrang: string; // reporter of Phường Nha Trang
let lanhdao: string; // viewer, Văn phòng UBND tỉnh
let thamdinh: string; // appraiser
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  vpubnd = await t.login("vpubnd");
  nhatrang = await t.login("nhatrang");
  lanhdao = await t.login("lanhdao");
  thamdinh = await t.login("thamdinh");
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: "GET", url, headers: { cookie } });

describe("uploading evidence", () => {
  it("stores a PDF for the user's own unit with its metadata, dd/mm/yyyy date stored as ISO", async () => {
    const res = await upload(
      t,
      vpubnd,
      { fileName: "Quyết định 123.pdf", content: pdf("qd-123") },
      {
        docNumber: "123/QĐ-UBND",
        issuedOn: "05/01/2025",
        issuer: "UBND tỉnh",
        summary: "Ban hành Kế hoạch chuyển đổi số năm 2025",
      },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      unitId: await unitId(t, "Văn phòng UBND tỉnh"),
      unitName: "Văn phòng UBND tỉnh",
      fileName: "Quyết định 123.pdf",
      mimeType: "application/pdf",
      size: pdf("qd-123").length,
      docNumber: "123/QĐ-UBND",
      issuedOn: "2025-01-05",
      issuer: "UBND tỉnh",
      uploadedByName: "Trần Thị Chủ Trì",
    });
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["ảnh chụp.png", "image/png", PNG],
    ["biên bản.jpg", "image/jpeg", JPEG],
    ["kế hoạch.doc", "application/msword", cfb(["WordDocument", "1Table"])],
    ["số liệu cũ.xls", "application/vnd.ms-excel", cfb(["Workbook"])],
  ])("accepts %s by its content as %s", async (fileName, mimeType, content) => {
    const res = await upload(t, nhatrang, { fileName, content });
    expect(res.statusCode).toBe(201);
    expect(res.json().mimeType).toBe(mimeType);
  });

  it("accepts an Excel workbook, and a Word file whose [Content_Types].xml comes late in the zip", async () => {
    const excel = await upload(t, nhatrang, { fileName: "số liệu.xlsx", content: await xlsx() });
    expect(excel.json().mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const lateDocx = zip([
      { name: "word/media/image1.png", data: randomBytes(6000) },
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      { name: "[Content_Types].xml", data: Buffer.from(DOCX_CONTENT_TYPES) },
    ]);
    const word = await upload(t, nhatrang, { fileName: "báo cáo.docx", content: lateDocx });
    expect(word.statusCode).toBe(201);
    expect(word.json().mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it.each([
    ["setup.pdf (an .exe)", "nội dung là tệp .exe", EXE],
    [
      "nén.pdf (a zip, not Office)",
      "nội dung là tệp .zip",
      zip([{ name: "ghi-chu.txt", data: Buffer.from("xin chào") }]),
    ],
    [
      "trang.pdf (HTML)",
      "không nhận ra",
      Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
    ],
    ["ghi chú.pdf (plain text)", "không nhận ra", Buffer.from("Đây chỉ là văn bản thường, không phải PDF.")],
    ["cài đặt.doc (CFB, not Word/Excel)", "nội dung là tệp .cfb", cfb(["\u0005SummaryInformation"])],
  ])("refuses %s: %s; no row and no file left", async (label, reason, content) => {
    const fileName = label.split(" (")[0]!;
    const before = await snapshot(t);
    const res = await upload(t, nhatrang, { fileName, content });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: "UNSUPPORTED_FILE" });
    expect(res.json().error.message).toContain(reason);
    expect(res.json().error.message).toContain("Chỉ nhận tài liệu kiểm chứng dạng: PDF, Word");
    await expectNothingLeft(t, before);
  });

  it("refuses an empty file and a request without a file", async () => {
    const before = await snapshot(t);
    const empty = await upload(t, nhatrang, { fileName: "trống.pdf", content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("Tệp rỗng");
    const none = await upload(t, nhatrang, null, { summary: "Quên chọn tệp" });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain("Vui lòng chọn tệp");
    await expectNothingLeft(t, before);
  });

  it("refuses an invalid date in Vietnamese, even when the fields come after the file", async () => {
    const before = await snapshot(t);
    const res = await upload(
      t,
      nhatrang,
      { fileName: "a.pdf", content: pdf("bad-date") },
      { issuedOn: "31/02/2025" },
      true,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Ngày ban hành "31/02/2025" không hợp lệ');
    await expectNothingLeft(t, before);
  });

  it("stores the same content once for two documents, and a failed re-upload keeps the shared file", async () => {
    const content = pdf("trùng-nội-dung");
    const first = (await upload(t, nhatrang, { fileName: "lần 1.pdf", content })).json();
    const objects = storedFiles(t, "objects").length;
    const second = await upload(t, vpubnd, { fileName: "lần 2.pdf", content });
    expect(second.statusCode).toBe(201);
    expect(second.json().sha256).toBe(first.sha256);
    expect(second.json().id).not.toBe(first.id);
    expect(storedFiles(t, "objects")).toHaveLength(objects);
    const refused = await upload(t, vpubnd, { fileName: "lần 3.pdf", content }, { issuedOn: "hôm qua" });
    expect(refused.statusCode).toBe(400);
    expect(storedFiles(t, "objects")).toHaveLength(objects);
    expect((await get(`/api/documents/${first.id}/content`, nhatrang)).rawPayload.equals(content)).toBe(true);
  });

  it("keeps one object when the same content arrives concurrently", async () => {
    const content = pdf("cùng lúc");
    const before = await snapshot(t);
    const results = await Promise.all([1, 2, 3].map((n) => upload(t, nhatrang, { fileName: `bản ${n}.pdf`, content })));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(await documentCount(t)).toBe(before.rows + 3);
    expect(storedFiles(t, "objects")).toHaveLength(before.objects + 1);
    expect(storedFiles(t, "tmp")).toEqual([]);
  });

  it("lets the coordinator upload for a unit; others cannot upload for another unit or at all", async () => {
    const nhaTrang = await unitId(t, "Phường Nha Trang");
    const forUnit = await upload(t, admin, { fileName: "thay.pdf", content: pdf("hộ") }, { unitId: nhaTrang }, true);
    expect(forUnit.statusCode).toBe(201);
    expect(forUnit.json()).toMatchObject({ unitId: nhaTrang, uploadedByName: "Nguyễn Văn Quản" });

    const before = await snapshot(t);
    const other = await upload(t, vpubnd, { fileName: "x.pdf", content: pdf("khác") }, { unitId: nhaTrang });
    expect(other.statusCode).toBe(403);
    const missing = await upload(
      t,
      admin,
      { fileName: "y.pdf", content: pdf("không có") },
      {
        unitId: "00000000-0000-4000-8000-000000000000",
      },
    );
    expect(missing.statusCode).toBe(404);
    for (const cookie of [lanhdao, thamdinh]) {
      expect((await upload(t, cookie, { fileName: "z.pdf", content: pdf("xem") })).statusCode).toBe(403);
    }
    await expectNothingLeft(t, before);
  });
});

describe("over the size limit", () => {
  let small: TTestApp;
  beforeAll(async () => {
    small = await createTestApp({ maxUploadMb: 0.01 });
  });
  afterAll(() => small.close());

  it("refuses a file over the limit, naming it, and leaves nothing", async () => {
    const cookie = await small.login("nhatrang");
    const res = await upload(small, cookie, { fileName: "lớn.pdf", content: pdf("lớn", 20_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "Tệp quá lớn: dung lượng tối đa cho phép là 0,01 MB.",
    });
    await expectNothingLeft(small, { rows: 0, objects: 0 });
    expect((await upload(small, cookie, { fileName: "nhỏ.pdf", content: pdf("nhỏ") })).statusCode).toBe(201);
  });
});

describe("reading, editing and deleting", () => {
  let own: { id: string; sha256: string };
  beforeAll(async () => {
    const res = await upload(
      t,
      nhatrang,
      { fileName: "Báo cáo “DVCTT” (quý II).pdf", content: pdf("đọc") },
      {
        docNumber: "45/BC-UBND",
        summary: "Báo cáo kết quả cung cấp dịch vụ công trực tuyến",
      },
    );
    own = res.json();
  });

  it("serves PDFs inline for preview, and as an attachment with the UTF-8 name on download=1", async () => {
    const inline = await get(`/api/documents/${own.id}/content`, nhatrang);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-type"]).toBe("application/pdf");
    expect(inline.headers["x-content-type-options"]).toBe("nosniff");
    expect(inline.headers["content-disposition"]).toMatch(/^inline; /);
    expect(inline.rawPayload.equals(pdf("đọc"))).toBe(true);

    const download = await get(`/api/documents/${own.id}/content?download=1`, nhatrang);
    const disposition = download.headers["content-disposition"] as string;
    expect(disposition).toBe(
      `attachment; filename="Bao cao _DVCTT_ (quy II).pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo “DVCTT” ")}%28qu%C3%BD%20II%29.pdf`,
    );
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe("Báo cáo “DVCTT” (quý II).pdf");
  });

  it("lets the unit's users, the coordinator, appraisers and viewers read; not another unit", async () => {
    for (const cookie of [nhatrang, admin, thamdinh, lanhdao]) {
      expect((await get(`/api/documents/${own.id}/content`, cookie)).statusCode).toBe(200);
      expect((await get(`/api/documents/${own.id}`, cookie)).statusCode).toBe(200);
    }
    const other = await get(`/api/documents/${own.id}/content`, vpubnd);
    expect(other.statusCode).toBe(403);
    expect((await get(`/api/documents/${own.id}`, vpubnd)).statusCode).toBe(403);
  });

  it("lists a unit's documents newest first, searching without accents", async () => {
    const list = (await get("/api/documents", nhatrang)).json();
    expect(list[0].id).toBe(own.id);
    expect(list.every((d: { unitName: string }) => d.unitName === "Phường Nha Trang")).toBe(true);

    const byNumber = (await get(`/api/documents?q=${encodeURIComponent("45/bc")}`, nhatrang)).json();
    expect(byNumber.map((d: { id: string }) => d.id)).toEqual([own.id]);
    const bySummary = (await get(`/api/documents?q=${encodeURIComponent("dich vu cong")}`, nhatrang)).json();
    expect(bySummary.map((d: { id: string }) => d.id)).toEqual([own.id]);
    const byName = (await get(`/api/documents?q=${encodeURIComponent("BAO CAO quy")}`, nhatrang)).json();
    expect(byName.map((d: { id: string }) => d.id)).toContain(own.id);
    expect((await get("/api/documents?q=khong-co-gi", nhatrang)).json()).toEqual([]);
  });

  it("lists another unit's documents only for the coordinator, appraisers and viewers", async () => {
    const nhaTrang = await unitId(t, "Phường Nha Trang");
    for (const cookie of [admin, thamdinh, lanhdao]) {
      const list = await get(`/api/documents?unitId=${nhaTrang}`, cookie);
      expect(list.json().map((d: { id: string }) => d.id)).toContain(own.id);
    }
    expect((await get(`/api/documents?unitId=${nhaTrang}`, vpubnd)).statusCode).toBe(403);
  });

  it("edits metadata for the owning unit and the coordinator only", async () => {
    const patch = (cookie: string, payload: object) =>
      t.app.inject({ method: "PATCH", url: `/api/documents/${own.id}`, headers: { cookie }, payload });
    const edited = await patch(nhatrang, { issuedOn: "2025-06-30", issuer: "UBND phường Nha Trang", docNumber: "" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ issuedOn: "2025-06-30", issuer: "UBND phường Nha Trang", docNumber: null });
    expect(edited.json().summary).toContain("dịch vụ công");

    expect((await patch(admin, { fileName: "Báo cáo quý II.pdf" })).json().fileName).toBe("Báo cáo quý II.pdf");
    expect((await patch(vpubnd, { summary: "Sửa trộm" })).statusCode).toBe(403);
    expect((await patch(lanhdao, { summary: "Sửa trộm" })).statusCode).toBe(403);
    const invalid = await patch(nhatrang, { issuedOn: "2025-13-01" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain("Ngày ban hành");
  });

  it("refuses to delete a document a report cites, and deletes it once it is not cited", async () => {
    const cited = (await upload(t, nhatrang, { fileName: "minh chứng.pdf", content: pdf("được dẫn") })).json();
    const reportId = await citeInReport(cited.id, await unitId(t, "Phường Nha Trang"));
    const del = (cookie: string) =>
      t.app.inject({ method: "DELETE", url: `/api/documents/${cited.id}`, headers: { cookie } });

    const refused = await del(nhatrang);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("đang là tài liệu kiểm chứng của 1 báo cáo");
    expect(await objectExists(cited.sha256)).toBe(true);

    expect((await del(vpubnd)).statusCode).toBe(403);
    await t.database.db.delete(reportDocuments).where(eq(reportDocuments.reportId, reportId));
    expect((await del(admin)).statusCode).toBe(204);
    expect((await get(`/api/documents/${cited.id}`, admin)).statusCode).toBe(404);
    expect(await objectExists(cited.sha256)).toBe(false);
  });

  it("keeps the stored file while another document shares its content", async () => {
    const content = pdf("dùng chung");
    const a = (await upload(t, nhatrang, { fileName: "a.pdf", content })).json();
    const b = (await upload(t, nhatrang, { fileName: "b.pdf", content })).json();
    const del = (id: string) =>
      t.app.inject({ method: "DELETE", url: `/api/documents/${id}`, headers: { cookie: nhatrang } });
    expect((await del(a.id)).statusCode).toBe(204);
    expect(await objectExists(a.sha256)).toBe(true);
    expect((await get(`/api/documents/${b.id}/content`, nhatrang)).rawPayload.equals(content)).toBe(true);
    expect((await del(b.id)).statusCode).toBe(204);
    expect(await objectExists(a.sha256)).toBe(false);
  });

  it("answers 404 for an unknown document", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await get(`/api/documents/${id}/content`, admin)).statusCode).toBe(404);
  });
});

function objectExists(sha256: string): boolean {
  return fs.existsSync(path.join(t.filesRoot, "objects", sha256.slice(0, 2), sha256.slice(2)));
}

/** The smallest chain a citation needs: a period (in a year no other test uses), a report, the link. */
async function citeInReport(documentId: string, unitId: string): Promise<string> {
  const db = t.database.db;
  const [framework] = await db.select({ id: frameworks.id }).from(frameworks).limit(1);
  const [indicator] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.frameworkId, framework!.id))
    .limit(1);
  const [period] = await db
    .insert(periods)
    .values({
      frameworkId: framework!.id,
      kind: "quarter",
      year: 2099,
      index: 2,
      label: "Quý II/2099",
      windowStart: "2099-04-01",
      windowEnd: "2099-06-30",
      deadline: new Date("2099-06-24T17:00:00Z"),
    })
    .returning({ id: periods.id });
  const [report] = await db
    .insert(reports)
    .values({ periodId: period!.id, indicatorId: indicator!.id, unitId, role: "cooperate" })
    .returning({ id: reports.id });
  await db.insert(reportDocuments).values({ reportId: report!.id, documentId });
  return report!.id;
}
