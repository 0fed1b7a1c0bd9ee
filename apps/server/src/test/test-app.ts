import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../app.ts";
import { openDatabase, type TDatabase } from "../db/client.ts";
import type { TApp } from "../http/app-types.ts";
import { installBuiltinFrameworks } from "../modules/frameworks/builtin.ts";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo.ts";
import { createLocalFileStore } from "../storage/file-store.ts";

/**
 * A real database for one test file: PGlite in memory, or — when the suite runs as the "server-postgres"
 * project — a database created fresh on the TEST_DATABASE_URL server and dropped afterwards; its `url` lets a test
 * open a second pool on it, as a second server instance would.
 */
export async function openTestDatabase(): Promise<TDatabase & { url?: string }> {
  if (process.env.TEST_DB_ENGINE !== "postgres") return openDatabase({ dataDir: null });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const name = `chiso_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A clock tests can move. */
export function testClock(start = new Date("2025-06-02T02:00:00Z")) {
  let now = start;
  const clock = () => now;
  clock.advanceMinutes = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return clock;
}

export interface TTestApp {
  app: TApp;
  database: TDatabase;
  clock: ReturnType<typeof testClock>;
  /** Temporary folder of the app's file store (objects/, tmp/), removed by close(). */
  filesRoot: string;
  /** Logs in and returns the cookie header to send with later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    demo?: boolean;
    department?: boolean;
    loginAttemptsPerMinute?: number;
    maxUploadMb?: number;
    trustProxy?: boolean | number | string[];
    /** A built web UI to serve at / (see web-delivery.test.ts). */
    webDist?: string;
    /** Keep looked-up sessions this long (off by default, as in buildApp; see session-cache.test.ts). */
    cacheMs?: number;
  } = {},
): Promise<TTestApp> {
  const database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  // Test files build their own plans and periods; the demo ones are covered by seed/demo.test.ts.
  if (options.demo ?? true) {
    await seedDemo(database.db, { plans: false, reporting: false, department: options.department ?? false });
  }
  const clock = testClock();
  const filesRoot = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-files-"));
  const app = await buildApp({
    db: database.db,
    clock,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
    maxUploadMb: options.maxUploadMb,
    trustProxy: options.trustProxy,
    fileStore: createLocalFileStore(filesRoot),
    webDist: options.webDist,
    cacheMs: options.cacheMs,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    filesRoot,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "chiso_session");
      return `chiso_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesRoot, { recursive: true, force: true });
    },
  };
}
