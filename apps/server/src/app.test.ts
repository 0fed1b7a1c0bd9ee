import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "./test/test-app.ts";

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the HTTP application", () => {
  it("reports health once the database answers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("publishes an OpenAPI document and a browsable UI", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/units", "/api/frameworks/{id}"]),
    );
    const ui = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toContain("text/html");
  });

  it("requires a session on every API route that is not explicitly public", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const publicRoutes = new Set(["POST /api/auth/login", "POST /api/auth/logout", "GET /api/health"]);
    const checked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(key)) continue;
        const url = path.replaceAll(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
        const res = await t.app.inject({ method: method.toUpperCase() as "GET", url, payload: {} });
        expect(res.statusCode, key).toBe(401);
        expect(res.json().error.code, key).toBe("UNAUTHENTICATED");
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThan(8);
  });

  it("answers unknown API paths and malformed JSON with the error shape", async () => {
    const cookie = await t.login("admin");
    const missing = await t.app.inject({ method: "GET", url: "/api/khong-co", headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie, "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("VALIDATION_FAILED");
  });
});
