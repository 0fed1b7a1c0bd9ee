import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "./test/test-app.ts";

/**
 * How the web UI and the API reach a browser: compressed, hashed files cached for a year, index.html checked on
 * every load (docs/performance.md, "The first load"). A built UI in miniature, as vite build lays it out: hashed
 * files under assets/ with their .br and .gz copies beside them.
 */
const script = `export const words = ${JSON.stringify("Bộ chỉ số chuyển đổi số ".repeat(200))};\n`;
let t: TTestApp;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-web-"));
  fs.mkdirSync(path.join(webDist, "assets"));
  const files: Record<string, string> = {
    "index.html": `<!doctype html><html lang="vi"><body><div id="root"></div>${" ".repeat(2000)}<script type="module" src="/assets/index-AbC123.js"></script></body></html>`,
    "assets/index-AbC123.js": script,
    "assets/index-AbC123.css": `body { font-family: sans-serif; }\n${".x { color: red; }\n".repeat(200)}`,
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(webDist, name);
    fs.writeFileSync(file, content);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
  }
  t = await createTestApp({ demo: false, webDist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({ method: "GET", url, headers: encoding ? { "accept-encoding": encoding } : {} });

describe("delivering the web UI and the API", () => {
  it("sends hashed scripts and styles compressed as the browser accepts, cached for a year as immutable", async () => {
    const br = await get("/assets/index-AbC123.js", "br, gzip");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get("/assets/index-AbC123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const css = await get("/assets/index-AbC123.css", "gzip, deflate, br");
    expect(css.headers["content-encoding"]).toBe("br");
    expect(css.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    // an old client that accepts nothing gets the plain file, the same bytes
    const plain = await get("/assets/index-AbC123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("has index.html checked on every load, at / and at any page's address", async () => {
    for (const url of ["/", "/reports", "/reports/00000000-0000-4000-8000-000000000000"]) {
      const res = await get(url, "br, gzip");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toContain('<div id="root">');
    }
  });

  it("compresses JSON answers for browsers that accept it, and only for them", async () => {
    const gz = await get("/api/openapi.json", "gzip");
    expect(gz.statusCode).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const doc = JSON.parse(zlib.gunzipSync(gz.rawPayload).toString());
    expect(Object.keys(doc.paths)).toContain("/api/auth/login");

    const br = await get("/api/openapi.json", "br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(doc);

    const plain = await get("/api/openapi.json");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json()).toEqual(doc);
    // tiny answers are not worth compressing
    expect((await get("/api/health", "gzip")).headers["content-encoding"]).toBeUndefined();
  });
});
