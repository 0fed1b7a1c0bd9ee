import { afterAll, beforeAll, bench, describe } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let cookie: string;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login("admin");
  const list = await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie } });
  id = list.json()[0].id;
});
afterAll(() => t.close());

// The framework page's one request: 59 indicators with their lead and cooperating units (PGlite).
describe("GET /api/frameworks/:id", () => {
  bench("built-in 2025 framework with its assignment", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/frameworks/${id}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
});
