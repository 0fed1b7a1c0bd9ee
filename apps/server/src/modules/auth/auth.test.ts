import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/demo.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./service.ts";

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("login", () => {
  it("opens an HTTP-only, SameSite session and answers who the user is", async () => {
    const res = await login("admin", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: "admin",
      grants: [{ role: "coordinator", scopeUnitId: null, scopePath: [], scopeName: "Toàn tỉnh" }],
      unitName: "Sở Khoa học và Công nghệ",
    });
    const cookie = res.cookies.find((c) => c.name === "chiso_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: `chiso_session=${cookie!.value}` },
    });
    expect(me.json().username).toBe("admin");
  });

  it("accepts the username in any case and with spaces around it", async () => {
    expect((await login("  ADMIN ", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses a wrong password with a Vietnamese message and no cookie", async () => {
    const res = await login("vpubnd", "sai-mat-khau");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "Tên đăng nhập hoặc mật khẩu không đúng.",
    });
    expect(res.cookies).toHaveLength(0);
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const res = await login("khong-ton-tai", "x");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("INVALID_CREDENTIALS");
  });

  it("rejects an empty form with field messages", async () => {
    const res = await login("", "");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
    expect(res.json().error.message).toContain("Vui lòng nhập tên đăng nhập");
  });

  it(`locks an account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await login("thamdinh", "wrong")).statusCode).toBe(401);
    const locking = await login("thamdinh", "wrong");
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error.message).toContain("thử lại sau");
    expect((await login("thamdinh", DEMO_PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(LOCK_MINUTES + 1);
    expect((await login("thamdinh", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("a successful login resets the failure count", async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await login("lanhdao", "wrong");
    expect((await login("lanhdao", DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login("lanhdao", "wrong")).statusCode).toBe(401);
  });
});

describe("sessions", () => {
  it("logout ends the session on the server, not only the cookie", async () => {
    const cookie = await t.login("nhatrang");
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("expires after its time to live", async () => {
    const cookie = await t.login("vpubnd");
    t.clock.advanceMinutes(13 * 60);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("ignores a forged cookie", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: "chiso_session=forged" } });
    expect(me.statusCode).toBe(401);
  });
});

describe("change password", () => {
  it("requires the current password and a new one with letters and digits", async () => {
    const cookie = await t.login("vpubnd");
    const change = (body: object) =>
      t.app.inject({ method: "POST", url: "/api/auth/change-password", headers: { cookie }, payload: body });
    const wrongCurrent = await change({ currentPassword: "nope", newPassword: "MatKhauMoi123" });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.message).toBe("Mật khẩu hiện tại không đúng.");
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: "abcdefgh" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("cả chữ và số");
    const same = await change({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(same.json().error.message).toBe("Mật khẩu mới phải khác mật khẩu hiện tại.");
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi123" })).statusCode).toBe(200);
    expect((await login("vpubnd", DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login("vpubnd", "MatKhauMoi123")).statusCode).toBe(200);
  });
});

describe("per-address throttling", () => {
  it("refuses further attempts from one address beyond the limit, whatever the username", async () => {
    const limited = await createTestApp({ loginAttemptsPerMinute: 3 });
    try {
      const attempt = (username: string) =>
        limited.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: "x" } });
      for (const u of ["a1", "a2", "a3"]) expect((await attempt(u)).statusCode).toBe(401);
      const blocked = await attempt("a4");
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe("TOO_MANY_ATTEMPTS");
    } finally {
      await limited.close();
    }
  });
});
