import type { TActor, TMe } from "@chiso/core";
import type { TDb } from "../db/client.ts";
import type { TSaveContexts } from "../modules/reports/save-contexts.ts";
import type { TFileStore } from "../storage/file-store.ts";
import type { TSharedReads } from "./shared-reads.ts";

export type TClock = () => Date;

/** The signed-in user as handlers and services see it. */
export type TSessionUser = TMe & TActor & { sessionId: string };

/** What a service needs to act: the database, the time, who acts and from where. */
export interface TServiceContext {
  db: TDb;
  clock: TClock;
  actor: TSessionUser;
  ip: string | null;
}

/** Everything the routes share, built once in buildApp(). */
export interface TAppDeps {
  db: TDb;
  clock: TClock;
  /** Evidence files, addressed by content. */
  files: TFileStore;
  /** Concurrent requests for the same heavy page share one computation (shared-reads.ts). */
  sharedReads: TSharedReads;
  /** What recent draft saves read, for the next autosave of the same report (reports/save-contexts.ts). */
  saveContexts: TSaveContexts;
  config: {
    cookieSecure: boolean;
    sessionTtlHours: number;
    cacheMs: number;
    loginAttemptsPerMinute: number;
    maxUploadMb: number;
  };
}
