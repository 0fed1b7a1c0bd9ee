import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
});
afterAll(() => t.close());

const req = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });

describe("units", () => {
  it("lists the demo province's units with their kinds and account counts", async () => {
    const units = (await req("GET", "/api/units", admin)).json();
    const skhcn = units.find((u: { shortName: string }) => u.shortName === "Sở KH&CN");
    expect(skhcn).toMatchObject({ name: "Sở Khoa học và Công nghệ", kind: "department", userCount: 1 });
    const office = units.find((u: { shortName: string }) => u.shortName === "PQLTM");
    const sct = units.find((u: { name: string }) => u.name === "Sở Công Thương");
    expect(office.parentId).toBe(sct.id);
    expect(units.filter((u: { kind: string }) => u.kind === "commune").length).toBeGreaterThanOrEqual(5);
  });

  it("creates a unit under a parent, refuses a duplicate name in any case", async () => {
    const units = (await req("GET", "/api/units", admin)).json();
    const sct = units.find((u: { name: string }) => u.name === "Sở Công Thương");
    const created = await req("POST", "/api/units", admin, {
      name: "Phòng Kế hoạch - Tài chính",
      shortName: "PKHTC",
      kind: "office",
      parentId: sct.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ parentId: sct.id, userCount: 0, isActive: true });
    const dup = await req("POST", "/api/units", admin, { name: "phòng kế hoạch - tài chính", kind: "office" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain("Đã có đơn vị tên");
  });

  it("deletes an unused unit but refuses one with accounts, explaining why", async () => {
    const created = (await req("POST", "/api/units", admin, { name: "Xã Thử Nghiệm", kind: "commune" })).json();
    expect((await req("DELETE", `/api/units/${created.id}`, admin)).statusCode).toBe(204);
    const units = (await req("GET", "/api/units", admin)).json();
    expect(units.some((u: { id: string }) => u.id === created.id)).toBe(false);
    const skhcn = units.find((u: { shortName: string }) => u.shortName === "Sở KH&CN");
    const refused = await req("DELETE", `/api/units/${skhcn.id}`, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Hãy ngừng hoạt động đơn vị");
  });

  it("only the coordinator changes units", async () => {
    const cookie = await t.login("vpubnd");
    expect((await req("GET", "/api/units", cookie)).statusCode).toBe(200);
    expect((await req("POST", "/api/units", cookie, { name: "Sở Mới", kind: "department" })).statusCode).toBe(403);
    const units = (await req("GET", "/api/units", cookie)).json();
    const own = units.find((u: { name: string }) => u.name === "Văn phòng UBND tỉnh");
    expect((await req("PATCH", `/api/units/${own.id}`, cookie, { name: "Đổi tên" })).statusCode).toBe(403);
  });
});
