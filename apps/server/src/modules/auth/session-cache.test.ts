import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

// Sessions kept in memory between lookups (CACHE_SECONDS): what this instance changes takes effect on the
// next request; what another instance writes is seen once the kept copy is older than the setting.
const KEEP_MS = 400;
let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ cacheMs: KEEP_MS });
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
const accountId = async (username: string) =>
  (await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = ${username}`))[0]!.id;

describe("sessions kept in memory", () => {
  it("ends at once on logout, although the session was just looked up", async () => {
    const cookie = await t.login("vpubnd");
    expect((await me(cookie)).statusCode).toBe(200);
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("ends at once when the coordinator disables the account", async () => {
    const admin = await t.login("admin");
    const cookie = await t.login("vpubnd");
    expect((await me(cookie)).statusCode).toBe(200);
    const disabled = await t.app.inject({
      method: "PATCH",
      url: `/api/accounts/${await accountId("vpubnd")}`,
      headers: { cookie: admin },
      payload: { isDisabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    await t.app.inject({
      method: "PATCH",
      url: `/api/accounts/${await accountId("vpubnd")}`,
      headers: { cookie: admin },
      payload: { isDisabled: false },
    });
  });

  it("sees a change written by another instance once the kept copy is older than the setting", async () => {
    const cookie = await t.login("vpubnd");
    expect((await me(cookie)).statusCode).toBe(200);
    // Another instance signs the user out everywhere: straight in the shared database, not through this app.
    await t.database.db.execute(
      sql`delete from sessions where user_id = (select id from users where username = 'vpubnd')`,
    );
    expect((await me(cookie)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, KEEP_MS + 100));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("never serves a session past its expiry", async () => {
    const cookie = await t.login("vpubnd");
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(13 * 60);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe("a session in use", () => {
  it("is looked up again in the background once its copy is half the setting old", async () => {
    // Long enough that the background lookup, not the copy's end, is what ends the session here (≥ 6 s).
    const keep = 8_000;
    const app = await createTestApp({ cacheMs: keep });
    try {
      const cookie = await app.login("vpubnd");
      const ask = () => app.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      const started = performance.now();
      expect((await ask()).statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, keep / 2 + 100));
      await app.database.db.execute(
        sql`delete from sessions where user_id = (select id from users where username = 'vpubnd')`,
      );
      // answered from the kept copy at once; the lookup it started finds the session gone
      expect((await ask()).statusCode).toBe(200);
      let status = 200;
      while (status === 200 && performance.now() - started < keep * 0.75 - 200) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await ask()).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it("sessions due together are looked up together, each ending or staying on its own", async () => {
    const keep = 8_000;
    const app = await createTestApp({ cacheMs: keep });
    try {
      const leaving = await app.login("vpubnd");
      const staying = await app.login("admin");
      const ask = (cookie: string) => app.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      const started = performance.now();
      expect((await ask(leaving)).statusCode).toBe(200);
      expect((await ask(staying)).statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, keep / 2 + 100));
      await app.database.db.execute(
        sql`delete from sessions where user_id = (select id from users where username = 'vpubnd')`,
      );
      const [a, b] = await Promise.all([ask(leaving), ask(staying)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      let status = 200;
      while (status === 200 && performance.now() - started < keep * 0.75 - 200) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await ask(leaving)).statusCode;
      }
      expect(status).toBe(401);
      const me = await ask(staying);
      expect(me.statusCode).toBe(200);
      expect(me.json().username).toBe("admin");
    } finally {
      await app.close();
    }
  });
});
