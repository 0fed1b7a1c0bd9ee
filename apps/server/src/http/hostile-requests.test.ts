import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxBomb, mutate, mutateXmlInside, xlsxBomb } from "../test/hostile-files.ts";
import { multipartBody } from "../test/multipart.ts";
import { createTestApp, type TTestApp } from "../test/test-app.ts";

/*
 * Requests an attacker (or a broken client) sends: zip bombs and mutated files to every importer, forms posted from
 * another site, text the database cannot hold. Each must get a clear 4xx, never a 500 or a hang, on both engines.
 */
let t: TTestApp;
let admin: string;
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../modules/plans/fixtures");

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
});
afterAll(() => t.close());

const IMPORTERS = {
  framework: "/api/frameworks/import/preview",
  results: "/api/official-results/import?year=2025",
  plan: "/api/plans/import/preview",
} as const;

function upload(importer: keyof typeof IMPORTERS, name: string, content: Buffer) {
  const body = multipartBody({ name, content });
  return t.app.inject({
    method: "POST",
    url: IMPORTERS[importer],
    headers: { cookie: admin, ...body.headers },
    payload: body.payload,
  });
}

async function resultsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("DTI 2025");
  sheet.addRow(["STT", "Tỉnh/Thành phố", "Chỉ số DTI", "Xếp hạng"]);
  for (let i = 0; i < 34; i++) sheet.addRow([i + 1, i === 3 ? "Khánh Hòa" : `Tỉnh số ${i + 1}`, 0.8 - i * 0.01, i + 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function frameworkExport(format: "xlsx" | "json"): Promise<Buffer> {
  const list = (await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: admin } })).json();
  const res = await t.app.inject({
    method: "GET",
    url: `/api/frameworks/${list[0].id}/export?format=${format}`,
    headers: { cookie: admin },
  });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

/** Uploads a hostile file while asking /api/health; both must answer. */
async function uploadWhileHealthy(importer: keyof typeof IMPORTERS, name: string, content: Buffer) {
  const pending = upload(importer, name, content);
  const health = await t.app.inject({ method: "GET", url: "/api/health" });
  expect(health.statusCode).toBe(200);
  return pending;
}

const expectRefusal = (res: LightMyRequestResponse, fileName: string) => {
  expect(res.statusCode, res.body).toBe(415);
  expect(res.json().error.message).toContain(`Tệp "${fileName}" bị từ chối`);
};

describe("zip bombs", () => {
  it("an .xlsx that unpacks to 400 MB is refused by every Excel importer while health answers", async () => {
    const bomb = await xlsxBomb(400);
    expectRefusal(await uploadWhileHealthy("framework", "bom.xlsx", bomb), "bom.xlsx");
    expectRefusal(await uploadWhileHealthy("results", "bom.xlsx", bomb), "bom.xlsx");
    expectRefusal(await uploadWhileHealthy("plan", "bom.xlsx", bomb), "bom.xlsx");
  });

  it("a .docx bomb is refused by the plan importer while health answers", async () => {
    expectRefusal(await uploadWhileHealthy("plan", "bom.docx", await docxBomb(400)), "bom.docx");
    // Below the size limit but abnormally compressed: refused by its ratio.
    expectRefusal(await uploadWhileHealthy("plan", "bom2.docx", await docxBomb(60)), "bom2.docx");
  });
});

describe("fuzzing every importer with mutated files", () => {
  const ROUNDS = 12;
  const acceptable = new Set([200, 400, 413, 415]);

  it("framework Excel and JSON, official results, plan Word and Excel: a clear answer, never a 500", async () => {
    const originals: [keyof typeof IMPORTERS, string, Buffer][] = [
      ["framework", "bo-chi-so.xlsx", await frameworkExport("xlsx")],
      ["framework", "bo-chi-so.json", await frameworkExport("json")],
      ["results", "ket-qua.xlsx", await resultsWorkbook()],
      ["plan", "ke-hoach.docx", fs.readFileSync(path.join(fixtures, "seed-001.docx"))],
      ["plan", "ke-hoach.xlsx", fs.readFileSync(path.join(fixtures, "seed-001.xlsx"))],
    ];
    for (const [importer, name, content] of originals) {
      // The file as it is imports correctly…
      const clean = await upload(importer, name, content);
      expect(clean.statusCode, `${importer} ${name}: ${clean.body}`).toBe(200);
      // …and every mutation of it gets a clear refusal or a correct reading.
      for (let seed = 1; seed <= ROUNDS; seed++) {
        const res = await upload(importer, name, mutate(content, seed * 7919 + name.length));
        expect(acceptable.has(res.statusCode), `${importer} ${name} seed ${seed}: ${res.statusCode} ${res.body}`).toBe(
          true,
        );
        if (res.statusCode !== 200) expect(res.json().error.message).toMatch(/[àáảãạăâđêôơư]/i);
      }
      if (name.endsWith(".json")) continue;
      for (let seed = 1; seed <= ROUNDS; seed++) {
        const res = await upload(importer, name, await mutateXmlInside(content, seed));
        expect(acceptable.has(res.statusCode), `${importer} ${name} xml seed ${seed}: ${res.body}`).toBe(true);
      }
    }
  });
});

describe("requests from another site", () => {
  const accountId = async () =>
    (await t.app.inject({ method: "GET", url: "/api/accounts", headers: { cookie: admin } }))
      .json()
      .find((a: { username: string }) => a.username === "lanhdao").id;

  it("refuses a cross-origin form post that carries the coordinator's cookie", async () => {
    const id = await accountId();
    const form = multipartBody({ name: "x.txt", content: Buffer.from("x") });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/accounts/${id}/reset-password`,
      headers: { cookie: admin, origin: "https://ke-xau.example", ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("chỉ chấp nhận thao tác gửi từ chính trang của hệ thống");
    const byReferer = await t.app.inject({
      method: "POST",
      url: `/api/accounts/${id}/reset-password`,
      headers: { cookie: admin, referer: "https://ke-xau.example/trang.html" },
    });
    expect(byReferer.statusCode).toBe(403);
    const sandboxed = await t.app.inject({
      method: "POST",
      url: `/api/accounts/${id}/reset-password`,
      headers: { cookie: admin, origin: "null" },
    });
    expect(sandboxed.statusCode).toBe(403);
  });

  it("refuses form content types on a body-less action, even without an Origin", async () => {
    const id = await accountId();
    for (const type of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain"]) {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/accounts/${id}/reset-password`,
        headers: { cookie: admin, "content-type": type },
        payload: "a=b",
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe("UNSUPPORTED_CONTENT_TYPE");
    }
  });

  it("accepts the app's own origin", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { origin: "http://localhost", host: "localhost" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("text the database cannot hold", () => {
  it("a NUL byte or a lone surrogate in any field is a 400 naming the field, not a 500", async () => {
    for (const name of ["Phòng\u0000Văn thư", "Phòng \ud800 lỗi"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/units",
        headers: { cookie: admin },
        payload: { name, kind: "office" },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain("ở trường name");
    }
  });
});

describe("security headers", () => {
  it("are on API answers, the docs page and errors", async () => {
    for (const url of ["/api/health", "/api/docs", "/api/khong-co"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("same-origin");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    }
  });
});
