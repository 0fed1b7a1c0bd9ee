import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login("nhatrang");
});
afterAll(() => t.close());

interface TIndicatorDto {
  id: string;
  parentId: string | null;
  code: string;
  maxScore: number;
  lead: { unitName: string } | null;
  cooperating: { unitName: string }[];
}

async function builtinFramework() {
  const list = (await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie } })).json();
  const summary = list.find((f: { code: string }) => f.code === "DTI-TINH-2025");
  const detail = await t.app.inject({ method: "GET", url: `/api/frameworks/${summary.id}`, headers: { cookie } });
  return { summary, detail: detail.json() as { indicators: TIndicatorDto[] } };
}

describe("the built-in 2025 province framework through the API", () => {
  it("totals 1000 points over 9 main and 50 component indicators", async () => {
    const { summary, detail } = await builtinFramework();
    expect(summary).toMatchObject({ status: "published", builtin: true, maxTotal: 1000, indicatorCount: 59 });
    const mains = detail.indicators.filter((i) => i.parentId === null);
    expect(mains.map((m) => m.maxScore)).toEqual([50, 50, 200, 100, 100, 200, 150, 150, 0]);
    for (const main of mains) {
      const children = detail.indicators.filter((i) => i.parentId === main.id);
      expect(
        children.reduce((s, c) => s + c.maxScore, 0),
        main.code,
      ).toBe(main.maxScore);
    }
    expect(detail.indicators.filter((i) => i.parentId !== null)).toHaveLength(50);
  });

  it("carries the demo assignment: lead agencies and resolved cooperating groups", async () => {
    const { detail } = await builtinFramework();
    const byCode = new Map(detail.indicators.map((i) => [i.code, i]));
    expect(byCode.get("6.6")?.lead?.unitName).toBe("Văn phòng UBND tỉnh");
    expect(byCode.get("6.6")?.cooperating.map((c) => c.unitName)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(byCode.get("2.4")?.lead?.unitName).toBe("Sở Tài chính");
    const telecoms = byCode.get("3.1")?.cooperating.map((c) => c.unitName);
    expect(telecoms).toEqual(expect.arrayContaining(["Viettel Khánh Hòa", "VNPT Khánh Hòa", "MobiFone Khánh Hòa"]));
    const communes = byCode.get("4.5")?.cooperating.map((c) => c.unitName);
    expect(communes).toContain("Phường Nha Trang");
    expect(communes).not.toContain("Sở Tài chính");
    // a department's own offices are not "sở, ban, ngành" of the province
    expect(byCode.get("5.1")?.cooperating.map((c) => c.unitName)).not.toContain("Phòng Quản lý thương mại");
  });

  it("answers 404 for an unknown framework and 400 for a malformed id", async () => {
    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/frameworks/00000000-0000-4000-8000-000000000000",
      headers: { cookie },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Không tìm thấy bộ chỉ số.");
    const malformed = await t.app.inject({ method: "GET", url: "/api/frameworks/abc", headers: { cookie } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain("Mã bộ chỉ số không hợp lệ");
  });
});

describe("the detail of a published framework, kept between requests", () => {
  it("is sent as JSON and follows a renamed unit at once", async () => {
    const admin = await t.login("admin");
    const first = await t.app.inject({ method: "GET", url: "/api/frameworks", headers: { cookie: admin } });
    const id = first.json().find((f: { code: string }) => f.code === "DTI-TINH-2025").id as string;
    const read = () => t.app.inject({ method: "GET", url: `/api/frameworks/${id}`, headers: { cookie: admin } });
    const before = await read();
    expect(before.headers["content-type"]).toMatch(/^application\/json/);
    expect((await read()).body).toBe(before.body);
    const cooperating66 = (body: string) =>
      (JSON.parse(body) as { indicators: TIndicatorDto[] }).indicators
        .find((i) => i.code === "6.6")!
        .cooperating.map((c) => c.unitName);
    expect(cooperating66(before.body)).toEqual(["Sở Khoa học và Công nghệ"]);

    const units = (await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: admin } })).json();
    const unit = units.find((u: { name: string }) => u.name === "Sở Khoa học và Công nghệ");
    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      headers: { cookie: admin },
      payload: { name: "Sở Khoa học, Công nghệ và Chuyển đổi số" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(cooperating66((await read()).body)).toEqual(["Sở Khoa học, Công nghệ và Chuyển đổi số"]);
    await t.app.inject({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      headers: { cookie: admin },
      payload: { name: "Sở Khoa học và Công nghệ" },
    });
    expect((await read()).body).toBe(before.body);
  });
});
