import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/demo.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import { passwordChecks } from "./passwords.ts";
import { ACCOUNT_POLICY, LOCK_MINUTES, MAX_FAILED_LOGINS } from "./service.ts";

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

  it("ignores a spoofed X-Forwarded-For unless the proxy is trusted", async () => {
    const spoofed = (app: TTestApp, i: number) =>
      app.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "x-forwarded-for": `203.0.113.${i}` },
        payload: { username: `u${i}`, password: "x" },
      });
    const direct = await createTestApp({ loginAttemptsPerMinute: 3 });
    const proxied = await createTestApp({ loginAttemptsPerMinute: 3, trustProxy: ["127.0.0.1"] });
    try {
      const directCodes = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => spoofed(direct, i)));
      expect(directCodes.filter((r) => r.statusCode === 429)).toHaveLength(3);
      // Behind a trusted proxy each forwarded address is its own client.
      const proxiedCodes = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => spoofed(proxied, i)));
      expect(proxiedCodes.every((r) => r.statusCode === 401)).toBe(true);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe("parallel guessing", () => {
  it(`N parallel wrong passwords make at most ${MAX_FAILED_LOGINS} password checks, and the right one is then refused`, async () => {
    const before = passwordChecks.count;
    const results = await Promise.all(Array.from({ length: 60 }, () => login("noivu", "doan-sai-1")));
    expect(passwordChecks.count - before).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(results.filter((r) => r.statusCode === 401).length).toBeLessThan(MAX_FAILED_LOGINS);
    expect(results.filter((r) => r.statusCode === 429).length).toBeGreaterThan(60 - MAX_FAILED_LOGINS);
    const right = await login("noivu", DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    t.clock.advanceMinutes(LOCK_MINUTES + 1);
  });

  it("from many addresses (behind a trusted proxy) the account-wide counter still caps the checks", async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const before = passwordChecks.count;
      const results = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          proxied.app.inject({
            method: "POST",
            url: "/api/auth/login",
            headers: { "x-forwarded-for": `198.51.100.${i}` },
            payload: { username: "vpubnd", password: "doan-sai" },
          }),
        ),
      );
      expect(passwordChecks.count - before).toBeLessThanOrEqual(ACCOUNT_POLICY.maxAttempts);
      expect(results.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(
        80 - ACCOUNT_POLICY.maxAttempts,
      );
    } finally {
      await proxied.close();
    }
  });

  it("answers an unknown username exactly like a real one, blocking included", async () => {
    const real = [] as number[];
    const unknown = [] as number[];
    for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) {
      real.push((await login("lanhdao", "sai")).statusCode);
      unknown.push((await login("khong-co-ai", "sai")).statusCode);
    }
    expect(unknown).toEqual(real);
    t.clock.advanceMinutes(LOCK_MINUTES + 1);
  });
});

describe("blocked sign-in", () => {
  it("tells the user, backs off longer each time, and the coordinator lifts it at once", async () => {
    const app = await createTestApp();
    try {
      const attempt = (password: string) =>
        app.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "nhatrang", password } });
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt("sai");
      expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(429);
      // Second block in a row: twice as long, never permanent.
      app.clock.advanceMinutes(LOCK_MINUTES + 1);
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt("sai");
      app.clock.advanceMinutes(LOCK_MINUTES + 1);
      expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(429);

      const admin = await app.login("admin");
      const accounts = await app.app.inject({ method: "GET", url: "/api/accounts", headers: { cookie: admin } });
      const id = accounts.json().find((a: { username: string }) => a.username === "nhatrang").id;
      const unlock = await app.app.inject({
        method: "POST",
        url: `/api/accounts/${id}/unlock-login`,
        headers: { cookie: admin },
      });
      expect(unlock.statusCode).toBe(200);
      expect(unlock.json().blocksLifted).toBeGreaterThan(0);
      const cookie = await app.login("nhatrang");
      const notices = await app.app.inject({ method: "GET", url: "/api/notifications", headers: { cookie } });
      const blocked = notices.json().items.filter((n: { kind: string }) => n.kind === "login_blocked");
      expect(blocked).toHaveLength(2);
      expect(blocked[0].body).toContain("127.0.0.1");
      const audit = await app.app.inject({
        method: "GET",
        url: `/api/audit?entityType=user&entityId=${id}`,
        headers: { cookie: admin },
      });
      expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(["auth.login_blocked", "account.unlock_login"]),
      );
    } finally {
      await app.close();
    }
  });
});

describe("password changes end other sessions", () => {
  it("a change keeps the changer signed in and signs every other session out; a reset signs out all", async () => {
    const app = await createTestApp();
    try {
      const first = await app.login("thamdinh");
      const second = await app.login("thamdinh");
      const me = (cookie: string) => app.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      const change = await app.app.inject({
        method: "POST",
        url: "/api/auth/change-password",
        headers: { cookie: first },
        payload: { currentPassword: DEMO_PASSWORD, newPassword: "Thamdinh#2025x" },
      });
      expect(change.statusCode).toBe(200);
      expect((await me(first)).statusCode).toBe(200);
      expect((await me(second)).statusCode).toBe(401);

      const admin = await app.login("admin");
      const accounts = await app.app.inject({ method: "GET", url: "/api/accounts", headers: { cookie: admin } });
      const id = accounts.json().find((a: { username: string }) => a.username === "thamdinh").id;
      await app.app.inject({ method: "POST", url: `/api/accounts/${id}/reset-password`, headers: { cookie: admin } });
      expect((await me(first)).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
