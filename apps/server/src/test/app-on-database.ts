import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.ts";
import type { TDatabase } from "../db/client.ts";
import type { TApp } from "../http/app-types.ts";
import type { TClock } from "../http/context.ts";
import type { TMailer } from "../modules/notifications/mailer.ts";
import { DEMO_PASSWORD } from "../seed/demo.ts";
import { createLocalFileStore, type TFileStore } from "../storage/file-store.ts";

type TMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface TAppInstance {
  app: TApp;
  /** Signs in (once per username, again after `relogin`) and calls the API as that user. */
  call(username: string, method: TMethod, url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** The session cookie of a user signed in through this instance (signing in once). */
  cookieOf(username: string): Promise<string>;
  /** Sessions last hours: tests that move the clock by days sign in again. */
  relogin(): void;
  close(): Promise<void>;
}

/**
 * One server instance on an existing database, as main.ts builds it — with a mailer when given. Starting a second
 * one on the same database is how tests stand for a restart or for two instances behind a load balancer.
 */
export async function startAppOn(
  database: TDatabase,
  clock: TClock,
  mailer?: TMailer,
  options: { fileStore?: TFileStore; loginAttemptsPerMinute?: number } = {},
): Promise<TAppInstance> {
  const filesRoot = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-files-"));
  const app = await buildApp({
    db: database.db,
    clock,
    mailer: mailer ?? null,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
    fileStore: options.fileStore ?? createLocalFileStore(filesRoot),
  });
  await app.ready();
  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    const known = cookies.get(username);
    if (known) return known;
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = `chiso_session=${res.cookies.find((c) => c.name === "chiso_session")!.value}`;
    cookies.set(username, cookie);
    return cookie;
  };
  return {
    app,
    call: async (username, method, url, payload) =>
      app.inject({ method, url, headers: { cookie: await cookieOf(username) }, payload }),
    cookieOf,
    relogin: () => cookies.clear(),
    async close() {
      await app.close();
      fs.rmSync(filesRoot, { recursive: true, force: true });
    },
  };
}
