import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TFrameworkDetail } from "@chiso/core";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "./db/client.ts";
import { notifications, users } from "./db/schema.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { createBackup } from "./modules/backup/backup.ts";
import { installBuiltinFrameworks } from "./modules/frameworks/builtin.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed/demo.ts";
import { startAppOn, type TAppInstance } from "./test/app-on-database.ts";
import { multipartBody } from "./test/multipart.ts";
import { startS3Server, type TS3Server } from "./test/s3-server.ts";
import { openTestDatabase, testClock } from "./test/test-app.ts";

/**
 * Two server instances behind a load balancer: each with its own connection pool to one PostgreSQL database and its
 * own S3 client to one bucket, nothing else shared. Requests alternate between them as a proxy would send them.
 */
const onServer = process.env.TEST_DB_ENGINE === "postgres";
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n% Báo cáo chuyển đổi số quý II\n%%EOF\n");
// Above the sign-ins the other tests make from the default address (127.0.0.1) within the same minute.
const LOGINS_PER_MINUTE = 12;
// Tuesday 17/06/2025, 08:00 in Vietnam: seven days before the Q2 deadline (24/06 23:59:59).
const clock = testClock(new Date("2025-06-17T01:00:00Z"));

let database: TDatabase & { url?: string };
let secondPool: TDatabase;
let s3: TS3Server;
let a: TAppInstance;
let b: TAppInstance;

describe.skipIf(!onServer)(
  "two instances on one PostgreSQL and one object store (skipped on PGlite: an embedded database belongs to one process; set TEST_DATABASE_URL)",
  () => {
    beforeAll(async () => {
      database = await openTestDatabase();
      await installBuiltinFrameworks(database.db);
      await seedDemo(database.db, { plans: false, reporting: false });
      secondPool = await openDatabase({ url: database.url, poolSize: 4 });
      s3 = await startS3Server();
      const options = { loginAttemptsPerMinute: LOGINS_PER_MINUTE };
      a = await startAppOn(database, clock, undefined, { ...options, fileStore: s3.store() });
      b = await startAppOn(secondPool, clock, undefined, { ...options, fileStore: s3.store() });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await secondPool?.close();
      await database?.close();
      await s3?.close();
    });

    it("a user signed in through one instance is signed in on the other; signing out on it ends both", async () => {
      const cookie = await a.cookieOf("nhatrang");
      const me = await b.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json()).toMatchObject({ username: "nhatrang" });
      const out = await b.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
      expect(out.statusCode, out.body).toBeLessThan(300);
      const after = await a.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(after.statusCode).toBe(401);
      a.relogin();
    });

    it("evidence uploaded through one instance downloads through the other, and a delete there removes it for both", async () => {
      const body = multipartBody(
        { name: "bao-cao-quy-2.pdf", content: PDF, type: "application/pdf" },
        { title: "Báo cáo chuyển đổi số quý II/2025" },
      );
      const uploaded = await a.app.inject({
        method: "POST",
        url: "/api/documents",
        headers: { cookie: await a.cookieOf("nhatrang"), ...body.headers },
        payload: body.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const document = uploaded.json() as { id: string; sha256: string };
      expect(document.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));

      const downloaded = await b.call("nhatrang", "GET", `/api/documents/${document.id}/content`);
      expect(downloaded.statusCode, downloaded.body).toBe(200);
      expect(downloaded.headers["content-type"]).toBe("application/pdf");
      expect(downloaded.rawPayload.equals(PDF)).toBe(true);

      const removed = await b.call("nhatrang", "DELETE", `/api/documents/${document.id}`);
      expect(removed.statusCode, removed.body).toBeLessThan(300);
      expect((await a.call("nhatrang", "GET", `/api/documents/${document.id}/content`)).statusCode).toBe(404);
      expect(await s3.store().exists(document.sha256)).toBe(false);
    });

    it("a backup taken on any instance copies the evidence out of the bucket, byte for byte", async () => {
      const content = Buffer.from("%PDF-1.4\n% Kế hoạch chuyển đổi số 2025\n%%EOF\n");
      const body = multipartBody({ name: "ke-hoach.pdf", content, type: "application/pdf" });
      const uploaded = await b.app.inject({
        method: "POST",
        url: "/api/documents",
        headers: { cookie: await b.cookieOf("noivu"), ...body.headers },
        payload: body.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const { sha256 } = uploaded.json() as { sha256: string };
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-backup-s3-"));
      try {
        const manifest = await createBackup({
          db: secondPool.db,
          engine: "postgres",
          files: s3.store(),
          outDir: path.join(outDir, "sao-luu"),
          clock,
        });
        expect(manifest.files).toEqual([{ sha256, size: content.length }]);
        const copied = path.join(outDir, "sao-luu", "files", "objects", sha256.slice(0, 2), sha256.slice(2));
        expect(fs.readFileSync(copied).equals(content)).toBe(true);
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    });

    it("both instances' schedulers wake together and each reminder is sent once", async () => {
      const list = (await a.call("admin", "GET", "/api/frameworks")).json() as { id: string; status: string }[];
      const framework: TFrameworkDetail = (await b.call("admin", "GET", `/api/frameworks/${list[0]!.id}`)).json();
      const opened = await b.call("admin", "POST", "/api/periods", {
        frameworkId: framework.id,
        kind: "quarter",
        year: 2025,
        index: 2,
      });
      expect(opened.statusCode, opened.body).toBe(201);

      // Each instance's scheduler runs once at start: both at the same moment, on their own connections.
      const schedulers = [database, secondPool].map((pool) =>
        startScheduler({ db: pool.db, clock, mailer: null, logger: silent }, { everyMinutes: 15 }),
      );
      await Promise.all(schedulers.map((s) => s.stop()));

      const reminders = await database.db
        .select({ username: users.username, title: notifications.title })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(eq(notifications.kind, "deadline_soon"), sql`${users.username} in ('nhatrang', 'noivu')`));
      expect(reminders.sort((x, y) => x.username.localeCompare(y.username))).toEqual([
        { username: "nhatrang", title: "Còn 7 ngày đến hạn báo cáo Quý II/2025" },
        { username: "noivu", title: "Còn 7 ngày đến hạn báo cáo Quý II/2025" },
      ]);
    });

    it("the sign-in limit of one address counts the attempts made through both instances", async () => {
      const attempt = (instance: TAppInstance, username: string, password: string) =>
        instance.app.inject({
          method: "POST",
          url: "/api/auth/login",
          remoteAddress: "203.0.113.7",
          payload: { username, password },
        });
      const codes: number[] = [];
      for (let i = 0; i < LOGINS_PER_MINUTE; i++) {
        codes.push((await attempt(i % 2 ? b : a, `doan-mo-${i}`, "sai-mat-khau")).statusCode);
      }
      expect(codes).toEqual(Array(LOGINS_PER_MINUTE).fill(401));
      // The address has used its attempts on the two instances together: even the right password waits.
      const blocked = await attempt(a, "nhatrang", DEMO_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toBe("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
      expect((await attempt(b, "nhatrang", DEMO_PASSWORD)).statusCode).toBe(429);
    });
  },
);
