import { REFUSALS } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let admin: string;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  const units = (await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: admin } })).json();
  unitId = units.find((u: { name: string }) => u.name === "Sở Tài chính").id;
});
afterAll(() => t.close());

const as = (cookie: string) => ({
  get: (url: string) => t.app.inject({ method: "GET", url, headers: { cookie } }),
  post: (url: string, payload?: object) => t.app.inject({ method: "POST", url, headers: { cookie }, payload }),
  patch: (url: string, payload: object) => t.app.inject({ method: "PATCH", url, headers: { cookie }, payload }),
});

describe("issuing accounts", () => {
  it("creates an account, shows its initial password once and forces a change at first login", async () => {
    const created = await as(admin).post("/api/accounts", {
      username: "Tc.Baocao",
      fullName: "Đỗ Thị Tài",
      email: "",
      unitId,
      roles: ["unit_reporter"],
    });
    expect(created.statusCode).toBe(201);
    const { account, initialPassword } = created.json();
    expect(account).toMatchObject({
      username: "tc.baocao",
      unitName: "Sở Tài chính",
      mustChangePassword: true,
      email: null,
    });
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(JSON.stringify((await as(admin).get("/api/accounts")).json())).not.toContain(initialPassword);

    const cookie = await t.login("tc.baocao", initialPassword);
    const blocked = await as(cookie).get("/api/frameworks");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await as(cookie).get("/api/auth/me")).json().mustChangePassword).toBe(true);

    const changed = await as(cookie).post("/api/auth/change-password", {
      currentPassword: initialPassword,
      newPassword: "Tai-Chinh-Moi-2025",
    });
    expect(changed.statusCode).toBe(200);
    expect((await as(cookie).get("/api/frameworks")).statusCode).toBe(200);
  });

  it("refuses a taken username, a bad username and an unknown unit, in Vietnamese", async () => {
    const taken = await as(admin).post("/api/accounts", {
      username: "admin",
      fullName: "X Y",
      unitId,
      roles: ["viewer"],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('Tên đăng nhập "admin" đã được dùng.');
    const bad = await as(admin).post("/api/accounts", { username: "có dấu", fullName: "X Y", unitId, roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("chữ không dấu");
    expect(bad.json().error.message).toContain("ít nhất một vai trò");
    const unknownUnit = await as(admin).post("/api/accounts", {
      username: "ghost",
      fullName: "X Y",
      unitId: "00000000-0000-4000-8000-000000000000",
      roles: ["viewer"],
    });
    expect(unknownUnit.statusCode).toBe(404);
  });

  it("disabling an account ends its sessions and blocks login; enabling restores it", async () => {
    const cookie = await t.login("lanhdao");
    const list = (await as(admin).get("/api/accounts")).json();
    const id = list.find((a: { username: string }) => a.username === "lanhdao").id;
    expect((await as(admin).patch(`/api/accounts/${id}`, { isDisabled: true })).json().isDisabled).toBe(true);
    expect((await as(cookie).get("/api/auth/me")).statusCode).toBe(401);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "lanhdao", password: "ChiSo@2025" },
    });
    expect(refused.json().error.code).toBe("ACCOUNT_DISABLED");
    await as(admin).patch(`/api/accounts/${id}`, { isDisabled: false });
    expect(await t.login("lanhdao")).toContain("chiso_session=");
  });

  it("the coordinator cannot disable their own account", async () => {
    const me = (await as(admin).get("/api/auth/me")).json();
    const res = await as(admin).patch(`/api/accounts/${me.id}`, { isDisabled: true });
    expect(res.statusCode).toBe(400);
  });

  it("resetting a password issues a new one, ends sessions and forces a change", async () => {
    const cookie = await t.login("thamdinh");
    const id = (await as(cookie).get("/api/auth/me")).json().id;
    const reset = await as(admin).post(`/api/accounts/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await as(cookie).get("/api/auth/me")).statusCode).toBe(401);
    const fresh = await t.login("thamdinh", reset.json().initialPassword);
    expect((await as(fresh).get("/api/auth/me")).json().mustChangePassword).toBe(true);
  });

  it("records every change in the audit log with before and after", async () => {
    const log = (await as(admin).get("/api/audit?entityType=user")).json().items;
    const actions = log.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["account.create", "account.disable", "account.enable", "account.reset_password"]),
    );
    const disable = log.find((e: { action: string }) => e.action === "account.disable");
    expect(disable.before.isDisabled).toBe(false);
    expect(disable.after.isDisabled).toBe(true);
    expect(disable.actorUsername).toBe("admin");
  });
});

describe("who may manage accounts", () => {
  it.each(["vpubnd", "nhatrang", "lanhdao"])("%s cannot list, create or change accounts (403)", async (username) => {
    const cookie = await t.login(username);
    expect((await as(cookie).get("/api/accounts")).statusCode).toBe(403);
    const create = await as(cookie).post("/api/accounts", {
      username: "x123",
      fullName: "X Y",
      unitId,
      roles: ["coordinator"],
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.message).toBe(REFUSALS["account.manage"]);
    expect((await as(cookie).get("/api/audit")).statusCode).toBe(403);
  });
});
