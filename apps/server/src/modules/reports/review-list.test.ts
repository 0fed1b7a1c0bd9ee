import { matchesSearch, type TReportSummary } from "@chiso/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

// The review table at province scale is paged, filtered and searched on the server (docs/performance.md).
let t: TTestApp;
const cookies: Record<string, string> = {};
let periodId: string;
let everyReport: number;

const list = async (who: string, query: string) => {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/reports?periodId=${periodId}&${query}`,
    headers: { cookie: cookies[who]! },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: TReportSummary[]; total: number; page: number; pageSize: number };
};

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu", "lanhdao"]) cookies[who] = await t.login(who);
  const frameworks = (
    await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: cookies.admin! } })
  ).json();
  const opened = await t.app.inject({
    method: "POST",
    url: "/api/periods",
    headers: { cookie: cookies.admin! },
    payload: { frameworkId: frameworks[0].id, kind: "quarter", year: 2025, index: 2 },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  periodId = opened.json().id;
  // One report per assignment, a quarter of them still drafts: the shape of a real period.
  await t.database.db.execute(sql`
    insert into reports (period_id, indicator_id, unit_id, role, status, submitted_at)
    select ${periodId}, a.indicator_id, a.unit_id, a.role,
           case when row_number() over (order by a.indicator_id, a.unit_id) % 4 = 0 then 'draft' else 'submitted' end,
           now()
    from assignments a where a.framework_id = ${frameworks[0].id}`);
  await t.database.db.execute(sql`update reports set submitted_at = null where status = 'draft'`);
  const [row] = (
    (await t.database.db.execute(
      sql`select count(*)::int as n from reports where period_id = ${periodId}`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  everyReport = row!.n;
});
afterAll(() => t.close());

describe("the review table, paged on the server", () => {
  it("gives the coordinator every report a page at a time, in a stable order, with the total", async () => {
    const first = await list("admin", "pageSize=7");
    const second = await list("admin", "pageSize=7&page=2");
    expect(first).toMatchObject({ total: everyReport, page: 1, pageSize: 7 });
    expect(first.items).toHaveLength(7);
    expect(second.items).toHaveLength(7);
    expect(second.items.map((r) => r.id)).not.toContain(first.items[0]!.id);
    const past = await list("admin", `pageSize=7&page=${Math.ceil(everyReport / 7) + 1}`);
    expect(past).toMatchObject({ total: everyReport, items: [] });
  });

  it("filters by status and role on the server", async () => {
    const drafts = await list("admin", "status=draft&pageSize=500");
    expect(drafts.total).toBeGreaterThan(0);
    expect(drafts.items.every((r) => r.status === "draft")).toBe(true);
    const leads = await list("admin", "role=lead&pageSize=500");
    expect(leads.items.every((r) => r.role === "lead")).toBe(true);
    expect(leads.total).toBe(leads.items.length);
  });

  it("searches code, name and unit without accents or case, every word", async () => {
    for (const q of ["nha trang", "PHƯỜNG NHA TRANG", "phuong  nha"]) {
      const found = await list("admin", `q=${encodeURIComponent(q)}&pageSize=500`);
      expect(found.total, q).toBeGreaterThan(0);
      // The same rows the browser's search box would keep.
      expect(
        found.items.every((r) => matchesSearch(`${r.indicatorCode} ${r.indicatorName} ${r.unitName}`, q)),
        q,
      ).toBe(true);
      expect(found.items.some((r) => r.unitName === "Phường Nha Trang")).toBe(true);
    }
    expect((await list("admin", "q=khong%20co%20dau%20nay")).total).toBe(0);
  });

  it("keeps other units' drafts from everyone but the coordinator, in the count too", async () => {
    for (const who of ["lanhdao", "noivu"]) {
      const me = (
        await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: cookies[who]! } })
      ).json();
      const seen = await list(who, "pageSize=500");
      expect(seen.items.every((r) => r.status !== "draft" || r.unitId === me.unitId)).toBe(true);
      expect(seen.total).toBe(seen.items.length);
    }
    const lead = await list("noivu", "pageSize=500");
    expect(lead.total).toBeLessThan(everyReport);
  });
});
